// Story steps as views: ids resolved against the index, the range turned into a canvas view.
#include "render/story_view.hpp"

namespace cs {

bool step_range(const StoryStep& step, Seconds& t0, Seconds& t1) {
  if (!step.range || step.range->start_bound != Bound::Known || step.range->end_bound != Bound::Known) return false;
  t0 = step.range->begin_time();
  t1 = step.range->end_time();
  return t1 > t0;
}

std::vector<std::uint32_t> lanes_with_events(const TimelineIndex& index, Seconds t0, Seconds t1,
                                             std::span<const std::uint32_t> among) {
  std::vector<std::uint32_t> all;
  if (among.empty()) {
    for (std::uint32_t s = 0; s < index.slots().size(); ++s) all.push_back(s);
    among = all;
  }
  std::vector<std::uint32_t> out;
  std::vector<EventIndex> scratch;
  for (const std::uint32_t s : among) {
    if (s >= index.slots().size()) continue;
    scratch.clear();
    index.visible(s, t0, t1, scratch);
    if (!scratch.empty()) out.push_back(s);
  }
  return out;
}

StepView step_view(const TimelineIndex& index, const StoryStep& step, float width, float height,
                   const LayoutConfig& cfg, bool hide_empty_lanes) {
  StepView v;
  v.state.whole_labels = true;
  Seconds t0, t1;
  v.view = step_range(step, t0, t1) ? make_canvas_view(t0, t1, width, height, cfg) : fit_all(index, width, height, cfg);
  const Timeline& t = index.timeline();
  for (const std::string& id : step.focus) {
    if (const auto e = t.find_event(id)) v.state.focus.push_back(*e);
    else v.unknown.push_back(id);
  }
  for (const std::string& id : step.lanes) {
    bool found = false;
    for (std::uint32_t s = 0; s < index.slots().size() && !found; ++s)
      if (index.slots()[s].lane && index.slots()[s].id() == id) {
        v.state.lanes.push_back(s);
        found = true;
      }
    if (!found) v.unknown.push_back(id);
  }
  if (hide_empty_lanes && v.state.lanes.empty())
    v.state.lanes = lanes_with_events(index, v.view.viewport.start(), v.view.viewport.end());
  return v;
}

}  // namespace cs
