// Context bar: densities equal a naive count, the window is the view, grips and drags move what they say.
#include "render/context_bar.hpp"

#include <gtest/gtest.h>

#include <random>

using namespace cs;
using namespace date;

namespace {
Seconds at(int y, unsigned m = 1, unsigned d = 1) { return Seconds{sys_days{year{y} / m / d}}; }

Timeline random_timeline(unsigned seed, int n) {
  std::mt19937 rng{seed};
  Timeline t;
  t.lanes = {{"a", "A", {200, 0, 0, 255}}, {"b", "B"}, {"c", "C"}};
  t.index_names();
  for (int i = 0; i < n; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.title = e.id;
    const Seconds s = at(1900) + std::chrono::seconds{std::uniform_int_distribution<std::int64_t>(0, 3'000'000'000)(rng)};
    e.when.start = Date{s, Precision::Second};
    const int k = std::uniform_int_distribution<int>(0, 9)(rng);
    if (k < 2) e.when.end = Date{s + std::chrono::hours{24 * (1 + k * 400)}, Precision::Second};
    if (k == 2) e.when.open_end = true;
    if (k != 3) e.lanes.push_back(t.lanes[std::size_t(i % 3)].id);
    if (k == 4) e.lanes.push_back("c");
    t.add_event(e);
  }
  return t;
}

bool in_slot(const Timeline& t, EventIndex i, std::size_t slot) {
  const auto lanes = t.store().lanes(i);
  if (slot == t.lanes.size()) return lanes.empty();
  return std::find(lanes.begin(), lanes.end(), LaneId(slot)) != lanes.end();
}
}  // namespace

TEST(ContextBar, DensityMatchesANaiveCount) {
  for (unsigned seed : {1u, 2u, 3u}) {
    const Timeline t = random_timeline(seed, 3000);
    const TimelineIndex index{t};
    for (std::size_t bins : {1u, 37u, 500u}) {
      const DensityProfile lanes = build_density(index, bins, true);
      const DensityProfile all = build_density(index, bins, false);
      ASSERT_EQ(lanes.rows(), index.slots().size());  // a, b, c and the catch-all
      ASSERT_EQ(all.rows(), 1u);
      std::uint64_t max = 0;
      for (std::size_t b = 0; b < bins; ++b) {
        std::uint64_t sum = 0;
        for (std::size_t s = 0; s < index.slots().size(); ++s) {
          std::uint64_t want = 0;
          for (EventIndex i = 0; i < t.event_count(); ++i)
            want += in_slot(t, i, s) && t.store().start(i) >= lanes.bin_start(b) && t.store().start(i) < lanes.bin_start(b + 1);
          ASSERT_EQ(lanes.count(s, b), want) << "seed " << seed << " bins " << bins << " slot " << s << " bin " << b;
          sum += want;
          max = std::max(max, want);
        }
        ASSERT_EQ(all.count(0, b), sum);
      }
      EXPECT_EQ(lanes.max_count, max);
    }
  }
}

TEST(ContextBar, EveryEventIsInABin) {
  const Timeline t = random_timeline(4, 2000);
  const TimelineIndex index{t};
  const DensityProfile all = build_density(index, 300, false);
  std::uint64_t total = 0;
  for (std::size_t b = 0; b < all.bins; ++b) total += all.count(0, b);
  std::uint64_t memberships = 0;
  for (EventIndex i = 0; i < t.event_count(); ++i) memberships += std::max<std::size_t>(1, t.store().lanes(i).size());
  EXPECT_EQ(total, memberships);  // an event in two lanes counts in both
}

TEST(ContextBar, TheWindowIsTheViewAndTheGripsAreItsEdges) {
  const Timeline t = random_timeline(5, 500);
  const TimelineIndex index{t};
  const DensityProfile p = build_density(index, 400, true);
  const Viewport view{at(1950), at(1960), 160, 1000};
  const ContextBar bar = make_context_bar(p, Box{160, 50, 1160, 80}, view);
  EXPECT_NEAR(bar.window.x0, context_bar_x(bar, at(1950)), 1e-3);
  EXPECT_NEAR(bar.window.x1, context_bar_x(bar, at(1960)), 1e-3);
  EXPECT_NEAR(context_bar_x(bar, Seconds{std::chrono::seconds{p.t0}}), 160, 1e-9);
  EXPECT_NEAR(context_bar_x(bar, Seconds{std::chrono::seconds{p.t1}}), 1160, 1e-9);
  const float mid = 65;
  EXPECT_EQ(context_bar_hit(bar, bar.window.x0, mid), ContextBarPart::LeftEdge);
  EXPECT_EQ(context_bar_hit(bar, bar.window.x1, mid), ContextBarPart::RightEdge);
  EXPECT_EQ(context_bar_hit(bar, (bar.window.x0 + bar.window.x1) / 2, mid), ContextBarPart::Window);
  EXPECT_EQ(context_bar_hit(bar, 170, mid), ContextBarPart::Track);
  EXPECT_EQ(context_bar_hit(bar, 170, 90), ContextBarPart::None);
}

TEST(ContextBar, DraggingMovesOrResizesTheView) {
  const Timeline t = random_timeline(6, 500);
  const TimelineIndex index{t};
  const DensityProfile p = build_density(index, 400, false);
  const Viewport view{at(1950), at(1960), 160, 1000};
  const ContextBar bar = make_context_bar(p, Box{160, 50, 1160, 80}, view);
  const double spp = double(p.t1 - p.t0) / 1000.0;
  const auto shift = std::chrono::seconds{std::llround(25 * spp)};
  const Viewport moved = drag_context_bar(bar, ContextBarPart::Window, view, 600, 25);
  EXPECT_EQ(moved.start(), view.start() + shift);
  EXPECT_NEAR(moved.span_seconds(), view.span_seconds(), 1.0);
  EXPECT_EQ(moved.left(), view.left());
  EXPECT_EQ(moved.width(), view.width());
  const Viewport wider = drag_context_bar(bar, ContextBarPart::LeftEdge, view, 600, -25);
  EXPECT_EQ(wider.start(), view.start() - shift);
  EXPECT_EQ(wider.end(), view.end());
  const Viewport narrower = drag_context_bar(bar, ContextBarPart::RightEdge, view, 600, -25);
  EXPECT_EQ(narrower.start(), view.start());
  EXPECT_EQ(narrower.end(), view.end() - shift);
  // A grip dragged past the other end stops a minute short of it.
  const Viewport pinched = drag_context_bar(bar, ContextBarPart::LeftEdge, view, 600, 900);
  EXPECT_EQ(pinched.end() - pinched.start(), std::chrono::seconds{60});
  // A press on the track centres the view there.
  const Viewport jumped = drag_context_bar(bar, ContextBarPart::Track, view, 300, 0);
  EXPECT_NEAR(double((jumped.start() + (jumped.end() - jumped.start()) / 2 - context_bar_time(bar, 300)).count()), 0,
              view.span_seconds() / 1000);
}

TEST(ContextBar, ANarrowViewStillHasAWindowToGrab) {
  const Timeline t = random_timeline(7, 100);
  const TimelineIndex index{t};
  const DensityProfile p = build_density(index, 400, false);
  const Viewport day{at(1950, 3, 1), at(1950, 3, 2), 160, 1000};
  const ContextBar bar = make_context_bar(p, Box{160, 50, 1160, 80}, day);
  EXPECT_GE(bar.window.x1 - bar.window.x0, ContextBar::kMinWindow);
  EXPECT_EQ(context_bar_hit(bar, (bar.window.x0 + bar.window.x1) / 2, 60), ContextBarPart::Window);
  EXPECT_EQ(context_bar_hit(bar, bar.window.x0 - 3, 60), ContextBarPart::LeftEdge);
}

TEST(ContextBar, DrawingStaysInsideTheBar) {
  const Timeline t = random_timeline(8, 2000);
  const TimelineIndex index{t};
  for (bool per_lane : {false, true}) {
    const DensityProfile p = build_density(index, 333, per_lane);
    const ContextBar bar = make_context_bar(p, Box{160, 50, 1160, 90}, Viewport{at(1950), at(1960), 160, 1000});
    DrawList dl;
    draw_context_bar(dl, bar, p, t, Theme{});
    ASSERT_GT(dl.quads().size(), 10u);
    bool lane_colour = false;
    for (const Quad& q : dl.quads()) {
      EXPECT_GE(q.x0, 160 - 1e-3);
      EXPECT_LE(q.x1, 1160 + 1e-3);
      EXPECT_GE(q.y0, 50 - 1e-3);
      EXPECT_LE(q.y1, 90 + 1e-3);
      lane_colour = lane_colour || (q.rgba & 0xFFFFFF) == (pack(Rgba{200, 0, 0, 255}) & 0xFFFFFF);
    }
    EXPECT_EQ(lane_colour, per_lane);
  }
}
