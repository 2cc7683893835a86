// Problems panel: a summary line, one selectable line per problem, and the chosen problem's place in the file.
#include "app/problems_window.hpp"

#include <imgui.h>

#include <algorithm>

namespace cs {
namespace {

// The loaded event whose item holds `line`, if any.
std::optional<EventIndex> event_at_line(const Document& doc, int line) {
  const auto& items = doc.source_map().events.items;
  auto it = std::upper_bound(items.begin(), items.end(), std::uint32_t(line),
                             [](std::uint32_t l, const ItemRef& i) { return l < i.line; });
  if (it == items.begin()) return std::nullopt;
  --it;
  if (it->index < 0) return std::nullopt;
  return EventIndex(it->index);
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Lines [first, last] of the text (1-based), without their line ends.
std::vector<std::string_view> lines_of(std::string_view text, int first, int last) {
  std::vector<std::string_view> out;
  int n = 1;
  while (!text.empty() && n <= last) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (n >= first) out.push_back(line);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++n;
  }
  return out;
}

}  // namespace

int ProblemsWindow::chosen_line(const Document& doc) const {
  const auto& items = doc.diagnostics().items();
  if (&doc != chosen_doc_ || chosen_ < 0 || chosen_ >= int(items.size())) return 0;
  return items[std::size_t(chosen_)].pos.line;
}

void ProblemsWindow::choose(const Document& doc, Selection& sel, int n, const UiLog& log) {
  chosen_ = n;
  chosen_doc_ = &doc;
  scroll_ = true;
  const Diagnostic& d = doc.diagnostics().items()[std::size_t(n)];
  log.line("problem " + std::to_string(d.pos.line));
  if (const auto e = event_at_line(doc, d.pos.line)) {
    const std::string id{doc.timeline().store().id(*e)};
    sel.select(id);
    sel.focus_request = id;
  }
}

// The lines around the problem, its own marked, with its column underlined.
void ProblemsWindow::excerpt(const Document& doc, const Diagnostic& d) {
  if (d.pos.line <= 0) {
    ImGui::TextDisabled("(the problem is about the whole file)");
    return;
  }
  const int first = std::max(1, d.pos.line - 2);
  const auto lines = lines_of(doc.text(), first, d.pos.line + 2);
  const float digits = ImGui::CalcTextSize("00000  ").x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const int n = first + int(k);
    const bool here = n == d.pos.line;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    if (here) dl->AddRectFilled(p, {p.x + ImGui::GetContentRegionAvail().x, p.y + h}, ImGui::GetColorU32(ImVec4{1.f, 0.9f, 0.6f, 0.8f}));
    ImGui::TextDisabled("%5d", n);
    ImGui::SameLine(digits);
    const std::string text{lines[k]};
    ImGui::TextUnformatted(text.c_str());
    if (here && d.pos.column > 0) {
      const std::size_t at = std::min<std::size_t>(text.size(), std::size_t(d.pos.column - 1));
      const float x0 = p.x + digits + ImGui::CalcTextSize(text.c_str(), text.c_str() + at).x;
      const float x1 = std::max(x0 + 6, p.x + digits + ImGui::CalcTextSize(text.c_str()).x);
      dl->AddLine({x0, p.y + h}, {x1, p.y + h}, ImGui::GetColorU32(ImVec4{0.75f, 0.15f, 0.1f, 1}), 2.f);
    }
  }
}

std::optional<int> ProblemsWindow::draw(const Document& doc, Selection& sel, const UiLog& log) {
  const Diagnostics& d = doc.diagnostics();
  if (&doc != chosen_doc_) chosen_ = -1;
  const std::size_t skipped = doc.events_skipped(), listed = doc.events_listed();
  std::string summary = plural(std::size_t(d.error_count()), "error", "errors") + ", " +
                        plural(std::size_t(d.warning_count()), "warning", "warnings");
  if (skipped) summary += "; " + std::to_string(skipped) + " of " + std::to_string(listed) + " events left out (they have errors)";
  else if (listed) summary += "; every event loaded";
  ImGui::TextDisabled("%s", summary.c_str());
  if (d.items().empty()) return std::nullopt;
  std::optional<int> open;
  const int count = int(d.items().size());
  if (chosen_ >= count) chosen_ = -1;
  // Keys while the panel has focus.
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) && !ImGui::GetIO().WantTextInput) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) choose(doc, sel, std::min(count - 1, chosen_ + 1), log);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) choose(doc, sel, std::max(0, chosen_ - 1), log);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) && chosen_ >= 0) choose(doc, sel, chosen_, log);
  }
  // The list, and the chosen problem's place beside it (below it when the panel is narrow).
  const bool beside = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 50;
  const float excerpt_h = chosen_ >= 0 && !beside ? ImGui::GetTextLineHeightWithSpacing() * 6 + ImGui::GetFrameHeightWithSpacing() : 0;
  const float list_w = chosen_ >= 0 && beside ? ImGui::GetContentRegionAvail().x * 0.5f : 0;
  ImGui::BeginChild("##problems", {list_w, -excerpt_h});
  for (int n = 0; n < count; ++n) {
    const Diagnostic& item = d.items()[std::size_t(n)];
    const ImVec4 c = item.severity == Severity::Error ? ImVec4{0.75f, 0.15f, 0.1f, 1} : ImVec4{0.6f, 0.42f, 0.f, 1};
    ImGui::PushID(n);
    ImGui::PushStyleColor(ImGuiCol_Text, c);
    if (ImGui::Selectable(d.format(item).c_str(), n == chosen_, ImGuiSelectableFlags_AllowDoubleClick)) {
      choose(doc, sel, n, log);
      if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open = item.pos.line;
    }
    if (n == chosen_ && scroll_) ImGui::SetScrollHereY(), scroll_ = false;
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::EndChild();
  if (chosen_ >= 0) {
    if (beside) ImGui::SameLine();
    ImGui::BeginChild("##place");
    const Diagnostic& item = d.items()[std::size_t(chosen_)];
    if (ImGui::Button("Open in editor")) open = item.pos.line;
    ImGui::SameLine();
    ImGui::TextDisabled("Ctrl+E: %s:%d in $VISUAL or $EDITOR", doc.path().c_str(), item.pos.line);
    excerpt(doc, item);
    ImGui::EndChild();
  }
  return open;
}

}  // namespace cs
