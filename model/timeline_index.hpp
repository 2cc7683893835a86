// Queries over a timeline: per-lane events sorted by start, found by binary search over a range.
#pragma once

#include "timeline.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cs {

using EventIndex = std::uint32_t;

// A lane as shown: one of the timeline's lanes, or the catch-all for events that name none.
struct LaneSlot {
  const Lane* lane = nullptr;  // null for the catch-all
  std::string_view id() const { return lane ? std::string_view{lane->id} : std::string_view{"(none)"}; }
  std::string_view name() const { return lane ? std::string_view{lane->name} : std::string_view{"Other"}; }
};

class TimelineIndex {
 public:
  explicit TimelineIndex(const Timeline& t);

  const Timeline& timeline() const { return *timeline_; }
  std::span<const LaneSlot> slots() const { return slots_; }

  // Events of slot `s` whose covered span [begin, end) meets [t0, t1), in order of start.
  void visible(std::size_t s, Seconds t0, Seconds t1, std::vector<EventIndex>& out) const;
  // The slot's events in order of start.
  std::span<const EventIndex> lane_events(std::size_t s) const { return lanes_[s].events; }

  // Earliest start and latest finite end over all events (open ends count up to their start).
  bool extent(Seconds& t0, Seconds& t1) const;

 private:
  struct PerLane {
    std::vector<EventIndex> events;       // closed events, sorted by start
    std::vector<std::int64_t> starts;     // seconds, parallel to events
    std::vector<std::int64_t> max_end;    // running maximum of end over events[0..i]
    std::vector<EventIndex> open;         // still going on ("/.."), sorted by start
  };
  const Timeline* timeline_;
  std::vector<LaneSlot> slots_;
  std::vector<PerLane> lanes_;
};

// Case-insensitive (ASCII) substring search over title, summary and tags; results in date order.
std::vector<EventIndex> search_events(const Timeline& t, std::string_view query);

}  // namespace cs
