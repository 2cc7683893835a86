// Small helpers shared by tests: filling a timeline and reading all its events back.
#pragma once

#include "model/timeline.hpp"

#include <initializer_list>
#include <vector>

namespace cs::test {

inline void add_events(Timeline& t, std::initializer_list<Event> events) {
  for (const Event& e : events) t.add_event(e);
}

inline std::vector<Event> all_events(const Timeline& t) {
  std::vector<Event> out;
  for (EventIndex i = 0; i < t.event_count(); ++i) out.push_back(t.event(i));
  return out;
}

}  // namespace cs::test
