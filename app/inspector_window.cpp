// Which inspector to show: one event, several, or the timeline's summary; the event is copied out of the
// store once per change, not per frame.
#include "app/inspector_window.hpp"

#include <imgui.h>

namespace cs {
namespace {

std::string with_thousands(std::size_t n) {
  std::string s = std::to_string(n);
  for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(std::size_t(i), ",");
  return s;
}

}  // namespace

void InspectorWindow::draw(Session& session, std::span<const Calendar> calendars, const UiLog& log) {
  const Document& doc = *session.doc();
  const Timeline& t = doc.timeline();
  const Selection& sel = session.selection;
  const std::string id = sel.primary() ? *sel.primary() : std::string{};
  if (id != shown_ || session.generation() != shown_generation_) {
    if (id != shown_) {
      log.line("inspector " + (id.empty() ? std::string{"-"} : id));
      editor_.reset();
    }
    shown_ = id;
    shown_generation_ = session.generation();
    const auto e = id.empty() ? std::nullopt : doc.find_event(id);
    event_ = e ? std::optional<Event>{t.event(*e)} : std::nullopt;
    if (event_) log.line("inspector shows " + event_->title);
  }
  const std::string read_only = doc.read_only_reason();
  if (!read_only.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored({0.6f, 0.42f, 0.f, 1}, "Read-only: %s", read_only.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
  }
  if (sel.ids.size() > 1) {
    multi_.draw(session);
  } else if (event_) {
    editor_.draw(session, *event_, calendars, read_only.empty(), log);
  } else {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored({0.42f, 0.42f, 0.45f, 1.f}, "Click an event to see its details and sources%s.",
                       read_only.empty() ? " and edit them" : "");
    if (read_only.empty()) ImGui::TextColored({0.42f, 0.42f, 0.45f, 1.f}, "N adds an event at the cursor; Shift+drag selects several.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::TextWrapped("%s", t.title.c_str());
    ImGui::TextDisabled("%s events, %zu lanes, %zu sources", with_thousands(t.event_count()).c_str(), t.lanes.size(),
                        t.sources.size());
  }
}

}  // namespace cs
