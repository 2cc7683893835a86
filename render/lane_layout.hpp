// One lane of the layout (internal to render/layout.cpp): long bars take rows first, then a sweep over
// the start-sorted events places sparse ones one by one and folds dense stretches into counted blocks,
// jumping over them by binary search.
#pragma once

#include "render/layout.hpp"

#include <span>
#include <vector>

namespace cs {

struct LaneResult {
  int rows = 1;          // rows used, the overflow row included
  bool folded = false;   // some events are in folds: more rows would show more
};

// Appends the lane's records to `out` with rows assigned (y is left to the caller), stacking at most
// `max_rows` rows (plus an overflow row for what finds none). The `focus` events in this lane and in view
// are placed first, in that order, while rows for them last. `scratch` is reused between calls.
LaneResult layout_lane(const TimelineIndex& index, std::uint32_t slot, const Viewport& vp, const TextMeasure& text,
                       const LayoutConfig& cfg, int max_rows, std::span<const EventIndex> focus,
                       std::vector<LayoutRecord>& out, std::vector<EventIndex>& scratch);

// The end of an event's span for a fold's extent: its end, or for one still going on its start + 1 s.
std::int64_t zoom_end(const EventStore& st, EventIndex e);

}  // namespace cs
