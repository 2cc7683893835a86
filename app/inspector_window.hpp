// The inspector, which is also the editor: the selected event's fields edited in place (title, date with
// its reading, lanes, tags, summary, citations with their passages, notes, id), several selected events
// edited together, and the timeline's summary when nothing is selected. A read-only file (CSV) is shown,
// with the reason, and offers no edits.
#pragma once

#include "app/event_editor.hpp"
#include "app/multi_editor.hpp"
#include "app/session.hpp"
#include "app/ui_log.hpp"
#include "model/calendars.hpp"

#include <optional>
#include <span>
#include <string>

namespace cs {

class InspectorWindow {
 public:
  // The contents of its dock tab. `calendars`: those enabled in View > Calendars, for day-precise dates.
  void draw(Session& session, std::span<const Calendar> calendars, const UiLog& log);
  // The title field takes the keyboard the next time an event is drawn (a new event, F2).
  void focus_title() { editor_.focus_title(); }
  // A field of the inspector has the keyboard.
  bool typing() const { return editor_.typing() || multi_.typing(); }

 private:
  std::string shown_;                   // the id of the event shown ...
  std::uint64_t shown_generation_ = 0;  // ... as of this generation
  std::optional<Event> event_;          // copied out of the store once per generation
  EventEditor editor_;
  MultiEditor multi_;
};

}  // namespace cs
