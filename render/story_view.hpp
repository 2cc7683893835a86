// What a story step shows, worked out from its ids: the canvas view of its range, its focus events and its
// lanes as the index knows them. Shared by the exports and the presenter; and which lanes have anything in
// a range, for leaving empty lanes out.
#pragma once

#include "render/scene.hpp"

#include <string>
#include <vector>

namespace cs {

struct StepView {
  CanvasView view;
  SceneState state;  // focus and lanes set, whole labels only; nothing selected
  std::vector<std::string> unknown;  // focus or lane ids this timeline does not have (a filtered copy, say)
};

// The step's range across a canvas of width x height (the range as written: both ends of an interval, or
// the whole of a single date); its focus events; its lanes in its order (none listed: every lane, or with
// `hide_empty_lanes` only those with an event in the range). A step without a range shows everything.
StepView step_view(const TimelineIndex& index, const StoryStep& step, float width, float height,
                   const LayoutConfig& cfg, bool hide_empty_lanes = false);

// The slots of `among` (empty: every slot, in the index's order) that hold an event meeting [t0, t1).
std::vector<std::uint32_t> lanes_with_events(const TimelineIndex& index, Seconds t0, Seconds t1,
                                             std::span<const std::uint32_t> among = {});

// The time range a step shows: false when it has none.
bool step_range(const StoryStep& step, Seconds& t0, Seconds& t1);

}  // namespace cs
