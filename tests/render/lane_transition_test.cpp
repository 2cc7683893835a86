// Lanes coming and going between two steps: the blend starts at the first layout's bands, ends at the second
// layout exactly, and in between a leaving lane shrinks in place while nothing spills out of its band.
#include "render/lane_transition.hpp"

#include "render/scene.hpp"

#include "fake_text.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "../test_util.hpp"

using namespace cs;
using namespace date;

namespace {
const test::FakeText kText;

Seconds at(int y, unsigned m = 1, unsigned d = 1) { return Seconds{sys_days{year{y} / m / d}}; }

Event ev(std::string id, std::string date, std::string lane) {
  Event e;
  e.id = id;
  e.title = "Event " + id;
  e.date_text = date;
  e.when = *parse_edtf(date).value;
  e.lanes = {std::move(lane)};
  return e;
}

struct Fixture {
  Timeline t;
  std::unique_ptr<TimelineIndex> index;
  LayoutConfig cfg;
  CanvasView view;
  Fixture() {
    t.lanes = {{"a", "A"}, {"b", "B"}, {"c", "C"}};
    t.index_names();
    test::add_events(t, {ev("a1", "2015-02-01", "a"), ev("a2", "2015-02-03", "a"), ev("a3", "2015-02-05", "a"),
                         ev("b1", "2015-03-01", "b"), ev("b2", "2015-03-02", "b"), ev("c1", "2015-04-01", "c"),
                         ev("c2", "2015-04-01", "c"), ev("c3", "2015-04-02", "c")});
    index = std::make_unique<TimelineIndex>(t);
    view = make_canvas_view(at(2015), at(2015, 6), 1200, 500, cfg);
  }
  Layout lanes(std::vector<std::uint32_t> slots) const { return layout_for(*index, view, kText, cfg, {}, slots); }
};

bool same_bands(const std::vector<LaneBand>& x, const std::vector<LaneBand>& y) {
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (x[i].slot != y[i].slot || x[i].y0 != y[i].y0 || x[i].y1 != y[i].y1) return false;
  return true;
}

}  // namespace

TEST(LaneTransition, ItStartsAtTheFirstLayoutsBandsAndEndsAtTheSecondLayout) {
  const Fixture f;
  const Layout from = f.lanes({0, 1}), to = f.lanes({1, 2});
  EXPECT_TRUE(same_bands(blend_lanes(from, to, 0, f.cfg.row_height).lanes, from.lanes));
  const Layout end = blend_lanes(from, to, 1, f.cfg.row_height);
  EXPECT_TRUE(same_bands(end.lanes, to.lanes));
  ASSERT_EQ(end.records.size(), to.records.size());
  for (std::size_t i = 0; i < to.records.size(); ++i) {
    EXPECT_EQ(end.records[i].event, to.records[i].event);
    EXPECT_EQ(end.records[i].box.y0, to.records[i].box.y0);
    EXPECT_EQ(end.records[i].has_label, to.records[i].has_label);
  }
}

TEST(LaneTransition, ALeavingLaneShrinksInPlaceAndNothingSpillsOutOfABand) {
  const Fixture f;
  const Layout from = f.lanes({0, 1}), to = f.lanes({1, 2});
  const float a_height = from.lanes[0].y1 - from.lanes[0].y0;
  for (const double p : {0.25, 0.5, 0.75}) {
    const Layout mid = blend_lanes(from, to, p, 0);
    ASSERT_EQ(mid.lanes.size(), 3u) << p;
    EXPECT_EQ(mid.lanes[0].slot, 0u);  // A stays first, where it was
    EXPECT_EQ(mid.lanes[1].slot, 1u);
    EXPECT_EQ(mid.lanes[2].slot, 2u);  // C grows below B, as it will be
    EXPECT_NEAR(mid.lanes[0].y1 - mid.lanes[0].y0, a_height * (1 - p), 0.01) << p;
    EXPECT_EQ(mid.lanes[0].y0, from.lanes[0].y0);
    for (std::size_t i = 1; i < mid.lanes.size(); ++i) EXPECT_EQ(mid.lanes[i].y0, mid.lanes[i - 1].y1);
    for (const LayoutRecord& r : mid.records) {
      const auto band = std::find_if(mid.lanes.begin(), mid.lanes.end(), [&](const LaneBand& b) { return b.slot == r.slot; });
      ASSERT_NE(band, mid.lanes.end());
      EXPECT_LE(r.box.y1, band->y1 + 0.5f) << p;
      EXPECT_GE(r.box.y0, band->y0) << p;
      if (r.has_label) {
        EXPECT_LE(r.label_box.y1, band->y1 + 0.5f) << p;
      }
    }
  }
  // Half way, A still shows some of its marks; C some of its own.
  const Layout half = blend_lanes(from, to, 0.5, 0);
  const auto in_lane = [&](std::uint32_t s) {
    return std::count_if(half.records.begin(), half.records.end(), [&](const LayoutRecord& r) { return r.slot == s; });
  };
  EXPECT_GT(in_lane(0), 0);
  EXPECT_GT(in_lane(2), 0);
}

TEST(LaneTransition, BandsTooLowForTheirHeaderAreLeftOutButKeepTheirSpace) {
  const Fixture f;
  const Layout from = f.lanes({0, 1}), to = f.lanes({1, 2});
  const Layout early = blend_lanes(from, to, 0.02, f.cfg.row_height);
  ASSERT_EQ(early.lanes.size(), 2u);  // C is a sliver: no band, no header yet
  EXPECT_EQ(early.lanes[0].slot, 0u);
  EXPECT_EQ(early.lanes[1].slot, 1u);
  EXPECT_GT(early.lanes[1].y0, from.lanes[0].y0 + (from.lanes[0].y1 - from.lanes[0].y0) * 0.9f);
}

TEST(LaneTransition, TheSameLanesGiveTheSecondLayoutAtAnyPoint) {
  const Fixture f;
  const Layout a = f.lanes({}), b = f.lanes({});
  const Layout mid = blend_lanes(a, b, 0.4, f.cfg.row_height);
  EXPECT_TRUE(same_bands(mid.lanes, b.lanes));
  EXPECT_EQ(mid.records.size(), b.records.size());
}
