// Queries over a timeline, built once per load. Per lane, closed events sorted by start, the same events
// split into duration classes (powers of two of seconds), and the ongoing ones. A range query is a binary search per class, and "how many events start in [a, b)" is
// two binary searches, so layout cost depends on the pixels on screen, not on the number of events.
#pragma once

#include "model/timeline.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace cs {

// A lane as shown: one of the timeline's lanes, or the catch-all for events that name none.
struct LaneSlot {
  const Lane* lane = nullptr;  // null for the catch-all
  std::string_view id() const { return lane ? std::string_view{lane->id} : std::string_view{"(none)"}; }
  std::string_view name() const { return lane ? std::string_view{lane->name} : std::string_view{"Other"}; }
};

// floor(log2(duration)), 0 for durations of a second or less.
int duration_class(std::int64_t seconds);

class TimelineIndex {
 public:
  static constexpr int kClasses = 64;

  // Over every event, or only over those with keep[i] (a filter's matches).
  explicit TimelineIndex(const Timeline& t, const std::vector<bool>* keep = nullptr);

  const Timeline& timeline() const { return *timeline_; }
  const EventStore& store() const { return timeline_->store(); }
  std::span<const LaneSlot> slots() const { return slots_; }

  // Events of slot `s` whose covered span [begin, end) meets [t0, t1), in order of start.
  void visible(std::size_t s, Seconds t0, Seconds t1, std::vector<EventIndex>& out) const;

  // Earliest start and latest finite end over all events (ongoing ones count up to their start's end).
  bool extent(Seconds& t0, Seconds& t1) const;

  // --- incremental updates, for edits (the timeline's lanes must not have changed: rebuild then) --------
  // Takes event e out; call before the store changes or erases it.
  void remove(EventIndex e);
  // Puts event e (as the store has it now) in.
  void insert(EventIndex e);
  // After the store inserted (delta +1) or erased (delta -1) an event at `at`: indices >= at shift.
  void shift(EventIndex at, int delta);
  bool contains(EventIndex e) const;
  // How many events slot s holds.
  std::size_t members(std::size_t s) const { return lanes_[s].order.size() + lanes_[s].open.size(); }

  // --- for layout -----------------------------------------------------------------------------------
  // The slot's closed events by start: index and start seconds.
  std::span<const EventIndex> order(std::size_t s) const { return lanes_[s].order; }
  std::span<const std::int64_t> starts(std::size_t s) const { return lanes_[s].starts; }
  // Closed events of classes >= k_min meeting [t0, t1), and every ongoing event starting before t1;
  // by start when `sorted`.
  // Closed events shorter than `min_seconds` are left out.
  void wide_visible(std::size_t s, int k_min, std::int64_t t0, std::int64_t t1, std::vector<EventIndex>& out,
                    bool sorted = true, std::int64_t min_seconds = 0) const;

 private:
  struct ClassList {
    std::vector<EventIndex> events;
    std::vector<std::int64_t> starts;
  };
  struct PerLane {
    std::vector<EventIndex> order;
    std::vector<std::int64_t> starts;
    std::vector<ClassList> by_class;  // kClasses entries, most empty
    std::vector<EventIndex> open;     // ongoing, by start
    std::vector<std::int64_t> open_starts;
  };
  void place(std::size_t slot, EventIndex e, bool in);
  template <class F>
  void each_slot_of(EventIndex e, F&& f);
  void compute_extent();

  const Timeline* timeline_;
  std::vector<LaneSlot> slots_;
  std::vector<PerLane> lanes_;
  Seconds first_{}, last_{};
  bool has_events_ = false;
};

// Case-insensitive (ASCII) substring search over title, summary and tags; results in date order.
std::vector<EventIndex> search_events(const Timeline& t, std::string_view query);

}  // namespace cs
