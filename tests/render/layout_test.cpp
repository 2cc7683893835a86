// Layout: lanes stack without overlap, dense runs fold with counts that add up, folds open on zoom,
// precision shows, labels never collide.
#include "render/layout.hpp"

#include "fake_text.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"

#include <cmath>
#include <random>

using namespace cs;
using namespace date;

namespace {
const test::FakeText kText;

Seconds at(int y, unsigned m = 1, unsigned d = 1) { return Seconds{sys_days{year{y} / m / d}}; }

Event ev(std::string id, std::string date, std::vector<std::string> lanes = {"a"}) {
  Event e;
  e.id = id;
  e.title = "Event " + id;
  e.date_text = date;
  e.when = *parse_edtf(date).value;
  e.lanes = std::move(lanes);
  return e;
}

Timeline two_lanes() {
  Timeline t;
  t.lanes = {{"a", "A"}, {"b", "B"}};
  t.index_names();
  return t;
}

Layout lay(const Timeline& t, Seconds a, Seconds b, double width = 1000, LayoutConfig cfg = {}) {
  static std::vector<std::unique_ptr<TimelineIndex>> keep;
  keep.push_back(std::make_unique<TimelineIndex>(t));
  return build_layout({keep.back().get(), Viewport{a, b, cfg.header_width, width}, cfg.axis_height, 0}, kText, cfg);
}

void expect_disjoint(const Layout& l) {
  std::vector<std::pair<Box, std::string>> boxes;
  for (const auto& r : l.records) {
    boxes.push_back({r.box, "mark " + std::to_string(r.event)});
    if (r.has_label && !(r.label_box.x1 <= r.box.x1 && r.label_box.x0 >= r.box.x0))
      boxes.push_back({r.label_box, "label " + std::to_string(r.event)});
  }
  for (std::size_t i = 0; i < boxes.size(); ++i)
    for (std::size_t j = i + 1; j < boxes.size(); ++j)
      ASSERT_FALSE(boxes[i].first.overlaps(boxes[j].first)) << boxes[i].second << " overlaps " << boxes[j].second;
}

std::uint64_t folded_total(const Layout& l) {
  std::uint64_t n = 0;
  for (const auto& r : l.records) n += r.kind == RecordKind::Fold ? r.count : 1;
  return n;
}
}  // namespace

TEST(Layout, LanesStackDownwardsInOrder) {
  Timeline t = two_lanes();
  test::add_events(t, {ev("1", "2015-05-01", {"a"}), ev("2", "2015-06-01", {"b"})});
  const Layout l = lay(t, at(2015), at(2016));
  ASSERT_EQ(l.lanes.size(), 2u);
  EXPECT_EQ(l.lanes[0].y0, LayoutConfig{}.axis_height);
  EXPECT_EQ(l.lanes[1].y0, l.lanes[0].y1);
  ASSERT_EQ(l.records.size(), 2u);
  EXPECT_GE(l.records[1].box.y0, l.lanes[1].y0);
  EXPECT_LE(l.records[1].box.y1, l.lanes[1].y1);
}

TEST(Layout, AnEventInTwoLanesShowsInBoth) {
  Timeline t = two_lanes();
  test::add_events(t, {ev("1", "2015-05-01", {"a", "b"})});
  const Layout l = lay(t, at(2015), at(2016));
  ASSERT_EQ(l.records.size(), 2u);
  EXPECT_EQ(l.records[0].slot, 0u);
  EXPECT_EQ(l.records[1].slot, 1u);
}

TEST(Layout, PrecisionIsVisible) {
  Timeline t = two_lanes();
  test::add_events(t, {ev("year", "2015", {"a"}), ev("day", "2015-06-01", {"b"})});
  const Layout l = lay(t, at(2014), at(2017));
  ASSERT_EQ(l.records.size(), 2u);
  const auto& year_rec = l.records[0];
  const auto& day_rec = l.records[1];
  EXPECT_EQ(year_rec.style, MarkStyle::Span);  // covers the year
  EXPECT_NEAR(year_rec.box.x1 - year_rec.box.x0, 1000.0 / 3.0, 1.0);
  EXPECT_EQ(day_rec.style, MarkStyle::Diamond);
  EXPECT_TRUE(day_rec.exact);
  // Far out, the year is a hollow diamond: still visibly not a day.
  const Layout far = lay(t, at(1000), at(3000));
  EXPECT_EQ(far.records[0].style, MarkStyle::Diamond);
  EXPECT_FALSE(far.records[0].exact);
  EXPECT_TRUE(far.records[1].exact);
}

TEST(Layout, IntervalsAreBarsAndOpenOnesRunToTheEdge) {
  Timeline t = two_lanes();
  test::add_events(t, {ev("war", "2015-09-30/2016-03-14"), ev("ongoing", "2016-06-01/..", {"b"})});
  const Layout l = lay(t, at(2015), at(2017));
  ASSERT_EQ(l.records.size(), 2u);
  EXPECT_EQ(l.records[0].kind, RecordKind::Interval);
  EXPECT_EQ(l.records[0].style, MarkStyle::Bar);
  EXPECT_TRUE(l.records[1].open_end);
  EXPECT_GE(l.records[1].box.x1, LayoutConfig{}.header_width + 1000);
}

TEST(Layout, CloseEventsStackInRowsWithoutOverlap) {
  Timeline t = two_lanes();
  for (int i = 0; i < 4; ++i) t.add_event(ev(std::to_string(i), "2015-06-0" + std::to_string(i + 1)));
  const Layout l = lay(t, at(2015), at(2016));
  ASSERT_EQ(l.records.size(), 4u);
  for (const auto& r : l.records) EXPECT_EQ(r.kind, RecordKind::Point);
  EXPECT_EQ(l.lanes[0].rows, 4);
  expect_disjoint(l);
}

TEST(Layout, DenseRunsFoldAndOpenUpWhenZoomedIn) {
  Timeline t = two_lanes();
  for (int i = 0; i < 40; ++i) t.add_event(ev("d" + std::to_string(i), "2015-06-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1)));
  const Layout far = lay(t, at(1900), at(2100));
  ASSERT_EQ(far.records.size(), 1u);
  EXPECT_EQ(far.records[0].kind, RecordKind::Fold);
  EXPECT_EQ(far.records[0].count, 40u);
  EXPECT_EQ(far.records[0].label, "40");
  // Zoomed into June 2015, the days are far apart: nothing stays folded.
  const Layout near = lay(t, at(2015, 6, 1), at(2015, 7, 1), 4000);
  EXPECT_EQ(folded_total(near), 40u);
  for (const auto& r : near.records) EXPECT_NE(r.kind, RecordKind::Fold);
  expect_disjoint(near);
}

TEST(Layout, LongBarsAreNeverFolded) {
  Timeline t = two_lanes();
  t.add_event(ev("war", "2015-03-01/2016-06-01"));
  for (int i = 0; i < 30; ++i) t.add_event(ev("p" + std::to_string(i), "2015-03-0" + std::to_string(i % 9 + 1)));
  const Layout l = lay(t, at(2010), at(2020));
  bool bar = false;
  for (const auto& r : l.records) bar = bar || (r.kind == RecordKind::Interval && t.event(r.event).id == "war");
  EXPECT_TRUE(bar);
  EXPECT_EQ(folded_total(l), 31u);
  expect_disjoint(l);
}

TEST(Layout, RandomDataNeverOverlapsAndCountsAddUp) {
  for (unsigned seed = 1; seed <= 30; ++seed) {
    std::mt19937 rng{seed};
    Timeline t = two_lanes();
    const int n = 50 + int(seed) * 20;
    for (int i = 0; i < n; ++i) {
      const int y = std::uniform_int_distribution<int>(1990, 2020)(rng);
      const unsigned m = std::uniform_int_distribution<unsigned>(1, 12)(rng);
      const int kind = std::uniform_int_distribution<int>(0, 5)(rng);
      std::string d = std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m);
      if (kind < 3) d += "-15";
      if (kind == 3) d += "/" + std::to_string(y + 1);
      if (kind == 4) d = std::to_string(y);
      t.add_event(ev("e" + std::to_string(i), d, {kind % 2 ? "a" : "b"}));
    }
    // The whole range, at widths from cramped to roomy: every event is on screen.
    const double width = std::uniform_int_distribution<int>(200, 3000)(rng);
    const Layout l = lay(t, at(1989), at(2023), width);
    EXPECT_EQ(folded_total(l), std::uint64_t(n)) << "seed " << seed;  // every event visible once
    for (const auto& lane : l.lanes) {
      Layout one;
      for (const auto& r : l.records)
        if (r.slot == lane.slot) one.records.push_back(r);
      expect_disjoint(one);
      if (HasFatalFailure()) {
        ADD_FAILURE() << "seed " << seed;
        return;
      }
    }
  }
}

TEST(Layout, LabelsNearTheRightEdgeGoLeftOfTheirMark) {
  Timeline t = two_lanes();
  test::add_events(t, {ev("early", "2015-02-01"), ev("late", "2015-12-20", {"b"})});
  const Layout l = lay(t, at(2015), at(2016), 1000);
  ASSERT_EQ(l.records.size(), 2u);
  const auto& early = l.records[0];
  const auto& late = l.records[1];
  EXPECT_GE(early.label_box.x0, early.box.x1);  // room on the right: label after the mark
  ASSERT_TRUE(late.has_label);
  EXPECT_LE(late.label_box.x1, late.box.x0);  // no room on the right: label before the mark
  EXPECT_LE(late.label_box.x1, LayoutConfig{}.header_width + 1000);
  EXPECT_GE(late.label_box.x0, LayoutConfig{}.header_width);
}

TEST(Layout, MarksLeftOfTheViewLeaveNoLabelFragments) {
  Timeline t = two_lanes();
  test::add_events(t, {ev("gone", "2014-12-30")});
  const Layout l = lay(t, at(2015), at(2015, 2), 1000);  // a month across 1000 px: the mark is 60 px left
  ASSERT_EQ(l.records.size(), 1u);
  EXPECT_LT(l.records[0].box.x1, LayoutConfig{}.header_width);
  EXPECT_FALSE(l.records[0].has_label);
}

TEST(Layout, LabelsAreTitlesWithQualifiers) {
  Timeline t = two_lanes();
  test::add_events(t, {ev("x", "2014~"), ev("y", "2016-09?", {"b"})});
  const Layout l = lay(t, at(2010), at(2020));
  ASSERT_EQ(l.records.size(), 2u);
  EXPECT_EQ(l.records[0].label, "c. Event x");
  EXPECT_EQ(l.records[1].label, "Event y (?)");
}

TEST(Layout, DisputedDatesAreFlaggedInTheLabel) {
  Timeline t = two_lanes();
  Event x = ev("x", "2015-09-30/..");
  SourceRef claim;
  claim.claims = parse_edtf("2014").value;
  x.sources = {SourceRef{}, claim};
  test::add_events(t, {x});
  const Layout l = lay(t, at(2015), at(2017));
  ASSERT_EQ(l.records.size(), 1u);
  EXPECT_EQ(l.records[0].label, "Event x (date disputed)");
}

TEST(Layout, HitTestFindsMarkAndLabel) {
  Timeline t = two_lanes();
  test::add_events(t, {ev("1", "2015-06-01")});
  const Layout l = lay(t, at(2015), at(2016));
  const auto& r = l.records[0];
  EXPECT_EQ(hit_test(l, (r.box.x0 + r.box.x1) / 2, (r.box.y0 + r.box.y1) / 2), &r);
  ASSERT_TRUE(r.has_label);
  EXPECT_EQ(hit_test(l, r.label_box.x0 + 3, (r.label_box.y0 + r.label_box.y1) / 2), &r);
  EXPECT_EQ(hit_test(l, r.box.x0 - 50, r.box.y0), nullptr);
}

// At scale: generated-like data through the same code path as the window.
namespace {
Timeline dense_timeline(unsigned seed, int n, int lanes) {
  std::mt19937 rng{seed};
  Timeline t;
  for (int l = 0; l < lanes; ++l) t.lanes.push_back({"l" + std::to_string(l), "L" + std::to_string(l)});
  t.index_names();
  for (int i = 0; i < n; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.title = "Event number " + std::to_string(i);
    const int y = 1800 + int(std::pow(std::uniform_real_distribution<double>(0, 1)(rng), 0.3) * 220);
    const unsigned m = std::uniform_int_distribution<unsigned>(1, 12)(rng);
    const unsigned d = std::uniform_int_distribution<unsigned>(1, 28)(rng);
    const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
    std::string date = std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m) + (d < 10 ? "-0" : "-") + std::to_string(d);
    if (kind == 0) date = std::to_string(y);
    if (kind == 1) date += "/" + std::to_string(y + std::uniform_int_distribution<int>(1, 30)(rng));
    if (kind == 2 && i % 50 == 0) date += "/..";
    e.when = *parse_edtf(date).value;
    e.lanes = {"l" + std::to_string(std::uniform_int_distribution<int>(0, lanes - 1)(rng))};
    t.add_event(e);
  }
  return t;
}
}  // namespace

TEST(LayoutAtScale, EveryEventCountedOnceAndRecordsBoundedByTheScreen) {
  const Timeline t = dense_timeline(11, 60000, 6);
  const TimelineIndex index{t};
  const LayoutConfig cfg;
  for (double width : {400.0, 1200.0, 2400.0}) {
    const Layout l = build_layout({&index, Viewport{at(1790), at(2030), cfg.header_width, width}, cfg.axis_height, 0},
                                  kText, cfg);
    EXPECT_EQ(folded_total(l), t.event_count()) << width;
    // Bounded by the screen: per lane, at most (rows) x (width / smallest block) records.
    for (const LaneBand& lane : l.lanes) {
      std::size_t n = 0;
      for (const auto& r : l.records) n += r.slot == lane.slot;
      EXPECT_LE(n, std::size_t(lane.rows) * std::size_t(width / (cfg.mark_size / 2) + 2)) << width;
    }
    for (const LaneBand& lane : l.lanes) {
      Layout one;
      for (const auto& r : l.records)
        if (r.slot == lane.slot) one.records.push_back(r);
      expect_disjoint(one);
      ASSERT_FALSE(HasFatalFailure()) << "width " << width << " lane " << lane.slot;
    }
  }
}

TEST(LayoutAtScale, RecordCountDoesNotGrowWithTheNumberOfEvents) {
  const LayoutConfig cfg;
  std::vector<std::size_t> counts;
  for (int n : {5000, 50000}) {
    const Timeline t = dense_timeline(5, n, 4);
    const TimelineIndex index{t};
    const Layout l = build_layout({&index, Viewport{at(1790), at(2030), cfg.header_width, 1600}, cfg.axis_height, 0},
                                  kText, cfg);
    counts.push_back(l.records.size());
  }
  EXPECT_LT(counts[1], counts[0] * 2) << counts[0] << " -> " << counts[1];  // ten times the events
}

TEST(LayoutAtScale, DeepZoomPlacesMarksToThePixelFarFrom1970) {
  // A file spanning 3000 BCE to 2100; one-minute and one-day windows around events at both ends.
  Timeline t;
  t.lanes = {{"a", "A"}};
  t.index_names();
  std::mt19937 rng{3};
  for (int i = 0; i < 20000; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.title = e.id;
    const int y = std::uniform_int_distribution<int>(-3000, 2100)(rng);
    e.when.start.start = Seconds{sys_days{year{y} / 3 / 1}} + std::chrono::seconds{std::uniform_int_distribution<int>(0, 86399)(rng)};
    e.when.start.precision = Precision::Second;
    e.lanes = {"a"};
    t.add_event(e);
  }
  Event probe;
  probe.id = "probe";
  probe.title = "probe";
  probe.lanes = {"a"};
  for (int y : {-2999, 2099}) {
    Timeline tt = t;
    probe.when.start.start = Seconds{sys_days{year{y} / 7 / 14}} + std::chrono::seconds{13 * 3600 + 37 * 60 + 11};
    probe.when.start.precision = Precision::Second;
    const EventIndex p = tt.add_event(probe);
    const TimelineIndex index{tt};
    const LayoutConfig cfg;
    for (std::int64_t window : {60, 86400}) {
      const Seconds a = probe.when.start.start - std::chrono::seconds{window / 3};
      const Viewport vp{a, a + std::chrono::seconds{window}, cfg.header_width, 1800};
      const Layout l = build_layout({&index, vp, cfg.axis_height, 0}, kText, cfg);
      const LayoutRecord* rec = nullptr;
      for (const auto& r : l.records)
        if (r.kind != RecordKind::Fold && r.event == p) rec = &r;
      ASSERT_TRUE(rec) << y << " " << window;
      // Exact arithmetic: the second's span [t, t+1s) in pixels, and the mark centred on it.
      const double spp = double(window) / 1800.0;
      const double expected_centre = cfg.header_width + (double(window / 3) + 0.5) / spp;
      EXPECT_NEAR((rec->box.x0 + rec->box.x1) / 2, expected_centre, 0.5) << y << " " << window;
    }
  }
}
