// Search results as a list under the input; the current result follows the arrow keys.
#include "app/search_window.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace cs {

void SearchWindow::draw(const Timeline& t, Selection& sel, float x, float y, float w, const UiLog& log) {
  if (open_ != logged_open_) {
    logged_open_ = open_;
    log.line(open_ ? "search open" : "search closed");
  }
  if (!open_) return;
  ImGui::SetNextWindowPos({x, y}, ImGuiCond_Always, {1.f, 0.f});
  ImGui::SetNextWindowSize({w, 0});
  bool keep = true;
  ImGui::Begin("Search", &keep, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove);
  if (focus_input_) {
    ImGui::SetKeyboardFocusHere();
    focus_input_ = false;
  }
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint("##query", "title, summary or tag", &query_,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  if (query_ != last_query_) {
    last_query_ = query_;
    results_ = search_events(t, query_);
    current_ = 0;
    log.line("search '" + query_ + "' " + std::to_string(results_.size()));
  }
  bool moved = false;
  if (!results_.empty()) {
    const int n = int(results_.size());
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) current_ = (current_ + 1) % n, moved = true;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) current_ = (current_ + n - 1) % n, moved = true;
  }
  auto go = [&](int i) {
    sel.selected = results_[std::size_t(i)];
    sel.focus_request = results_[std::size_t(i)];
  };
  if (enter && !results_.empty()) {
    go(current_);
    focus_input_ = true;  // keep typing or press Enter again
  }
  if (!query_.empty()) ImGui::TextDisabled("%zu result%s", results_.size(), results_.size() == 1 ? "" : "s");
  const float rows = float(std::min<std::size_t>(results_.size(), 10));
  const float line = ImGui::GetTextLineHeightWithSpacing();
  if (rows > 0 && ImGui::BeginChild("##results", {0, rows * line + 4})) {
    if (moved) {  // keep the current result in view
      const float y = float(current_) * line;
      if (y < ImGui::GetScrollY()) ImGui::SetScrollY(y);
      if (y + line > ImGui::GetScrollY() + rows * line) ImGui::SetScrollY(y + line - rows * line);
    }
    ImGuiListClipper clipper;  // only the visible rows are built, however many results there are
    clipper.Begin(int(results_.size()), line);
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const EventIndex e = results_[std::size_t(i)];
        const std::string title{t.store().title(e)}, date{t.store().date_text(e)};
        ImGui::PushID(i);
        if (ImGui::Selectable((title + "##r").c_str(), i == current_)) {
          current_ = i;
          go(i);
        }
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(date.c_str()).x);
        ImGui::TextDisabled("%s", date.c_str());
        ImGui::PopID();
      }
    }
  }
  if (rows > 0) ImGui::EndChild();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) keep = false;
  ImGui::End();
  if (!keep) open_ = false;
}

}  // namespace cs
