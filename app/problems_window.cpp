// Problems panel: a summary line, then one selectable line per problem.
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

}  // namespace

void ProblemsWindow::draw(const Document& doc, Selection& sel) {
  const Diagnostics& d = doc.diagnostics();
  const std::size_t skipped = doc.events_skipped(), listed = doc.events_listed();
  std::string summary = plural(std::size_t(d.error_count()), "error", "errors") + ", " +
                        plural(std::size_t(d.warning_count()), "warning", "warnings");
  if (skipped) summary += "; " + std::to_string(skipped) + " of " + std::to_string(listed) + " events left out (they have errors)";
  else if (listed) summary += "; every event loaded";
  ImGui::TextDisabled("%s", summary.c_str());
  if (d.items().empty()) return;
  ImGui::BeginChild("##problems");
  int n = 0;
  for (const Diagnostic& item : d.items()) {
    const ImVec4 c = item.severity == Severity::Error ? ImVec4{0.75f, 0.15f, 0.1f, 1} : ImVec4{0.6f, 0.42f, 0.f, 1};
    ImGui::PushID(n++);
    ImGui::PushStyleColor(ImGuiCol_Text, c);
    if (ImGui::Selectable(d.format(item).c_str()))
      if (const auto e = event_at_line(doc, item.pos.line)) {
        const std::string id{doc.timeline().store().id(*e)};
        sel.select(id);
        sel.focus_request = id;
      }
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace cs
