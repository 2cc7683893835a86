// Story steps as views: the range across the canvas, focus and lanes by id, unknown ids reported, empty
// lanes left out on request.
#include "render/story_view.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"

using namespace cs;
using namespace date;

namespace {
Seconds at(int y, unsigned m = 1, unsigned d = 1) { return Seconds{sys_days{year{y} / m / d}}; }

Timeline three_lanes() {
  Timeline t;
  t.lanes = {{"russia", "Russia"}, {"iran", "Iran"}, {"syria", "Syria"}};
  t.index_names();
  Event a;
  a.id = "visit", a.title = "Putin in Tehran", a.when = *parse_edtf("2015-11-23").value, a.lanes = {"russia", "iran"};
  Event b;
  b.id = "later", b.title = "Later", b.when = *parse_edtf("2018-05-10").value, b.lanes = {"syria"};
  test::add_events(t, {a, b});
  return t;
}

StoryStep step(std::string range, std::vector<std::string> focus, std::vector<std::string> lanes = {}) {
  StoryStep s;
  s.range_text = range;
  s.range = parse_edtf(range).value;
  s.focus = std::move(focus);
  s.lanes = std::move(lanes);
  return s;
}
}  // namespace

TEST(StoryView, TheRangeSpansThePlotAndIdsBecomeIndices) {
  const Timeline t = three_lanes();
  const TimelineIndex index{t};
  const LayoutConfig cfg;
  const StepView v = step_view(index, step("2015-09/2015-12", {"visit"}, {"iran", "russia"}), 1920, 1080, cfg);
  EXPECT_EQ(v.view.viewport.start(), at(2015, 9));
  EXPECT_EQ(v.view.viewport.end(), at(2016, 1));
  EXPECT_EQ(v.view.viewport.left(), cfg.header_width);
  EXPECT_EQ(v.state.focus, (std::vector<EventIndex>{0}));
  EXPECT_EQ(v.state.lanes, (std::vector<std::uint32_t>{1, 0}));
  EXPECT_TRUE(v.unknown.empty());
  // A single date shows the whole of it.
  const StepView y = step_view(index, step("2016", {}), 1920, 1080, cfg);
  EXPECT_EQ(y.view.viewport.start(), at(2016));
  EXPECT_EQ(y.view.viewport.end(), at(2017));
}

TEST(StoryView, UnknownIdsAreReportedAndLeftOut) {
  const Timeline t = three_lanes();
  const TimelineIndex index{t};
  const StepView v = step_view(index, step("2015", {"visit", "nope"}, {"mars", "syria"}), 800, 600, LayoutConfig{});
  EXPECT_EQ(v.state.focus, (std::vector<EventIndex>{0}));
  EXPECT_EQ(v.state.lanes, (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(v.unknown, (std::vector<std::string>{"nope", "mars"}));
}

TEST(StoryView, EmptyLanesAreLeftOutOnRequest) {
  const Timeline t = three_lanes();
  const TimelineIndex index{t};
  EXPECT_TRUE(step_view(index, step("2015", {}), 800, 600, LayoutConfig{}).state.lanes.empty());  // all lanes
  const StepView v = step_view(index, step("2015", {}), 800, 600, LayoutConfig{}, true);
  EXPECT_EQ(v.state.lanes, (std::vector<std::uint32_t>{0, 1}));  // Syria has nothing in 2015
  EXPECT_EQ(lanes_with_events(index, at(2018), at(2019)), (std::vector<std::uint32_t>{2}));
  // The step's own lanes are kept as listed, empty or not.
  EXPECT_EQ(step_view(index, step("2015", {}, {"syria"}), 800, 600, LayoutConfig{}, true).state.lanes,
            (std::vector<std::uint32_t>{2}));
}
