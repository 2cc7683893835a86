// The table: ImGuiListClipper builds only the visible rows; rows are event indices rebuilt when the data,
// the filter or the sort changes. Scrolling to a row is arithmetic on the uniform row height.
#include "app/list_window.hpp"

#include "render/layout.hpp"  // cap_text

#include <imgui.h>

#include <GLFW/glfw3.h>

#include <algorithm>

namespace cs {
namespace {

// A title on one line of the table (rows must be of one height), cut like a label.
std::string one_line(std::string_view title) {
  std::string s = cap_text(title, kMaxLabelChars);
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

}  // namespace

bool ListWindow::has_keys() const { return focused_frame_ >= ImGui::GetFrameCount() - 1; }

void ListWindow::rebuild(const Timeline& t, const std::vector<bool>& keep) {
  rows_ = list_rows(t.store(), keep);
  if (sort_ != ListColumn::Date || descending_) sort_rows(rows_, t, sort_, descending_);
  followed_.clear();  // find the selection's row again
}

// The selection changed elsewhere (the canvas, search): its row becomes the current one, scrolled to.
void ListWindow::follow_selection(const Document& doc, const Selection& sel, const UiLog& log) {
  const std::string now = sel.primary() ? *sel.primary() : std::string{};
  if (now == followed_) return;
  followed_ = now;
  current_ = -1;
  if (now.empty()) return;
  if (const auto e = doc.find_event(now)) {
    const auto it = std::find(rows_.begin(), rows_.end(), *e);
    if (it != rows_.end()) {
      current_ = int(it - rows_.begin());
      scroll_to_current_ = true;
      log.line("list follows " + now + " " + std::to_string(current_));
    }
  }
}

void ListWindow::select_row(int i, const EventStore& st, Selection& sel, const UiLog& log) {
  current_ = std::clamp(i, 0, int(rows_.size()) - 1);
  followed_ = std::string{st.id(rows_[std::size_t(current_)])};
  sel.select(followed_);
  scroll_to_current_ = true;
  log.line("list select " + followed_ + " " + std::to_string(current_));
}

int ListWindow::keyboard(int page) const {
  const auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
  const int last = int(rows_.size()) - 1, at = current_;
  if (pressed(ImGuiKey_DownArrow)) return at < 0 ? 0 : std::min(last, at + 1);
  if (pressed(ImGuiKey_UpArrow)) return at < 0 ? 0 : std::max(0, at - 1);
  if (pressed(ImGuiKey_PageDown)) return std::min(last, std::max(0, at) + page);
  if (pressed(ImGuiKey_PageUp)) return std::max(0, at - page);
  if (pressed(ImGuiKey_Home)) return 0;
  if (pressed(ImGuiKey_End)) return last;
  return -1;
}

void ListWindow::draw(const Document& doc, const std::vector<bool>& keep, std::uint64_t data_generation, Selection& sel,
                      const UiLog& log) {
  const Timeline& t = doc.timeline();
  const EventStore& st = t.store();
  if (data_generation != built_) {
    built_ = data_generation;
    rebuild(t, keep);
    log.line("list " + std::to_string(rows_.size()) + " rows");
  }
  follow_selection(doc, sel, log);
  if (rows_.size() == st.size()) ImGui::TextDisabled("%zu events", rows_.size());
  else ImGui::TextDisabled("%zu of %zu events (filtered)", rows_.size(), st.size());

  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_Sortable |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Hideable;
  if (!ImGui::BeginTable("##list", 5, flags)) return;
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) focused_frame_ = ImGui::GetFrameCount();
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort, em * 11.5f);
  ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Lanes", ImGuiTableColumnFlags_WidthFixed, em * 9);
  ImGui::TableSetupColumn("Citations", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                          em * 4.5f);
  ImGui::TableSetupColumn("Disputed", ImGuiTableColumnFlags_WidthFixed, em * 5);
  ImGui::TableHeadersRow();
  // The frozen header row, as ImGui sizes it: rows scroll under it.
  const float header_h = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0) {
      sort_ = ListColumn(specs->Specs[0].ColumnIndex);
      descending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
    rebuild(t, keep);
    follow_selection(doc, sel, log);
    log.line("list sorted " + std::to_string(int(sort_)) + (descending_ ? " descending" : " ascending"));
  }

  // Keys, while the list has the focus (the canvas leaves them alone then).
  const float view_h = ImGui::GetWindowHeight() - header_h;
  const int page = row_height_ > 0 ? std::max(1, int(view_h / row_height_) - 1) : 10;
  if (!rows_.empty() && has_keys() && !ImGui::GetIO().WantTextInput && !ImGui::GetIO().KeyCtrl) {
    if (const int to = keyboard(page); to >= 0) select_row(to, st, sel, log);
    if (current_ >= 0 && (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false))) {
      sel.focus_request = followed_;
      log.line("list go " + followed_);
    }
  }
  if (scroll_to_current_ && current_ >= 0 && row_height_ > 0) {
    const float top = float(current_) * row_height_, scroll = ImGui::GetScrollY();
    if (top < scroll) ImGui::SetScrollY(top);
    else if (top + row_height_ > scroll + view_h) ImGui::SetScrollY(top + row_height_ - view_h);
  }
  scroll_to_current_ = false;

  ImGuiListClipper clipper;  // only the visible rows are built, however many there are
  clipper.Begin(int(rows_.size()), row_height_ > 0 ? row_height_ : -1.f);
  while (clipper.Step()) {
    if (clipper.ItemsHeight > 0) row_height_ = clipper.ItemsHeight;
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const EventIndex e = rows_[std::size_t(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushID(i);
      const std::string date{st.date_text(e)};
      if (ImGui::Selectable(date.c_str(), i == current_,
                            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
        select_row(i, st, sel, log);
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
          sel.focus_request = followed_;
          log.line("list go " + followed_);
        }
      }
      ImGui::TableNextColumn();
      const std::string title = one_line(st.title(e));
      ImGui::TextUnformatted(title.c_str());
      ImGui::TableNextColumn();
      const std::string lanes = lanes_text(t, e, true);
      ImGui::TextUnformatted(lanes.c_str());
      ImGui::TableNextColumn();
      if (const std::size_t n = citation_count(st, e)) ImGui::Text("%zu", n);
      ImGui::TableNextColumn();
      if (st.disputed(e)) ImGui::TextUnformatted("disputed");
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace cs
