// Problems panel: errors in red, warnings in amber, each as FILE:LINE:COL: message.
#include "app/problems_window.hpp"

#include <imgui.h>

#include <algorithm>

namespace cs {

void ProblemsWindow::draw(const Diagnostics& d, float x, float y, float w) {
  if (d.items().empty() || !open_) return;
  ImGui::SetNextWindowPos({x, y}, ImGuiCond_Once, {0.f, 1.f});
  ImGui::SetNextWindowSize({w, 0}, ImGuiCond_Once);
  ImGui::Begin("Problems in the file", &open_, ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextDisabled("%d errors, %d warnings. Events with errors are not shown.", d.error_count(), d.warning_count());
  const float rows = float(std::min<std::size_t>(d.items().size(), 8));
  ImGui::BeginChild("##list", {0, rows * ImGui::GetTextLineHeightWithSpacing() + 4});
  for (const Diagnostic& item : d.items()) {
    const ImVec4 c = item.severity == Severity::Error ? ImVec4{0.75f, 0.15f, 0.1f, 1} : ImVec4{0.6f, 0.42f, 0.f, 1};
    ImGui::PushStyleColor(ImGuiCol_Text, c);
    ImGui::TextUnformatted(d.format(item).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace cs
