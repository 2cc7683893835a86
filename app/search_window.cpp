// Search results in a two-column table under the field; the current result follows the arrow keys.
#include "app/search_window.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace cs {

void SearchWindow::draw(const Document& doc, Selection& sel, std::uint64_t generation, const UiLog& log) {
  const EventStore& st = doc.timeline().store();
  if (focus_input_) {
    ImGui::SetKeyboardFocusHere();
    focus_input_ = false;
  }
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint("##query", "title, summary or tag", &query_,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  const bool typing = ImGui::IsItemActive();
  if (typing != typing_) {  // for tests that drive the window: where the keys go
    typing_ = typing;
    log.line(typing ? "search focus" : "search left");
  }
  if (query_ != last_query_ || generation != generation_) {
    last_query_ = query_;
    generation_ = generation;
    results_.clear();
    for (EventIndex e : search_events(doc.timeline(), query_)) results_.emplace_back(st.id(e));
    current_ = 0;
    log.line("search '" + query_ + "' " + std::to_string(results_.size()));
  }
  bool moved = false;
  if (!results_.empty() && (typing || ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows))) {
    const int n = int(results_.size());
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) current_ = (current_ + 1) % n, moved = true;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) current_ = (current_ + n - 1) % n, moved = true;
  }
  auto go = [&](int i) {
    sel.select(results_[std::size_t(i)]);
    sel.focus_request = results_[std::size_t(i)];
    log.line("search go " + results_[std::size_t(i)]);
  };
  if (enter && !results_.empty()) {
    go(current_);
    focus_input_ = true;  // keep typing, or press Enter again
  }
  if (!query_.empty()) ImGui::TextDisabled("%zu result%s", results_.size(), results_.size() == 1 ? "" : "s");
  if (results_.empty()) return;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  if (!ImGui::BeginTable("##results", 2, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupScrollFreeze(0, 0);
  ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
  if (moved) {  // keep the current result in view
    const float y = float(current_) * line;
    if (y < ImGui::GetScrollY()) ImGui::SetScrollY(y);
    if (y + line > ImGui::GetScrollY() + ImGui::GetWindowHeight()) ImGui::SetScrollY(y + line - ImGui::GetWindowHeight());
  }
  ImGuiListClipper clipper;  // only the visible rows are built, however many results there are
  clipper.Begin(int(results_.size()), line);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto e = doc.find_event(results_[std::size_t(i)]);
      if (!e) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string title{st.title(*e)}, date{st.date_text(*e)};
      ImGui::PushID(i);
      if (ImGui::Selectable(title.c_str(), i == current_, ImGuiSelectableFlags_SpanAllColumns)) {
        current_ = i;
        go(i);
      }
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", date.c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

}  // namespace cs
