// Layout: lanes stack without overlap, dense runs fold with counts that add up, folds open on zoom,
// precision shows, labels never collide.
#include "render/layout.hpp"

#include "model/io/load_file.hpp"
#include "render/scene.hpp"  // event_focus_range

#include "fake_text.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"

#include <cmath>
#include <random>
#include <set>

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
  claim.claims_text = "2014";
  claim.claims = parse_edtf(claim.claims_text).value;
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

// --- honest folding --------------------------------------------------------------------------------------

namespace {
// A layout with a canvas height to share, as the window and `render` lay out.
Layout lay_canvas(const TimelineIndex& index, Seconds a, Seconds b, double width, float height,
                  const LayoutConfig& cfg = {}) {
  return build_layout({&index, Viewport{a, b, cfg.header_width, width}, cfg.axis_height, 0, height}, kText, cfg);
}

Timeline mixed_timeline(unsigned seed, int n, int lanes, int y0, int years) {
  std::mt19937 rng{seed};
  Timeline t;
  for (int l = 0; l < lanes; ++l) t.lanes.push_back({"l" + std::to_string(l), "L" + std::to_string(l)});
  t.index_names();
  const auto base = Seconds{sys_days{year{y0} / 1 / 1}};
  const std::int64_t span = std::int64_t(years) * 365 * 86400;
  for (int i = 0; i < n; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.title = "Event " + std::to_string(i);
    const Seconds s = base + std::chrono::seconds{std::uniform_int_distribution<std::int64_t>(0, span)(rng)};
    const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
    e.when.start = Date{s, Precision::Second};
    if (kind < 2) e.when.start = Date{Seconds{floor<days>(s)}, Precision::Day};
    if (kind == 2) {
      const year_month_day ymd{floor<days>(s)};
      e.when.start = Date{Seconds{sys_days{ymd.year() / ymd.month() / 1}}, Precision::Month};
    }
    if (kind == 3)
      e.when.end = Date{s + std::chrono::seconds{std::uniform_int_distribution<std::int64_t>(3600, 90 * 86400)(rng)},
                        Precision::Second};
    e.lanes = {"l" + std::to_string(std::uniform_int_distribution<int>(0, lanes - 1)(rng))};
    t.add_event(e);
  }
  return t;
}
}  // namespace

TEST(Folding, LanesGrowRowsIntoFreeSpaceBeforeFolding) {
  // Twelve events on one day in one lane: more than the old cap of six rows. A tall canvas shows them all.
  Timeline t = two_lanes();
  for (int i = 0; i < 12; ++i) t.add_event(ev("d" + std::to_string(i), "2015-06-01"));
  t.add_event(ev("quiet", "2015-02-01", {"b"}));
  const TimelineIndex index{t};
  const Layout l = lay_canvas(index, at(2015), at(2016), 1000, 600);
  for (const auto& r : l.records) EXPECT_NE(r.kind, RecordKind::Fold);
  EXPECT_EQ(l.lanes[0].rows, 12);
  EXPECT_EQ(l.lanes[1].rows, 1);
  // On a canvas with room for ten rows in all, the busy lane takes the nine the quiet one leaves: eight
  // events in rows of their own and a fold of the last four.
  const LayoutConfig cfg;
  const float height = cfg.axis_height + 4 * cfg.lane_padding + 10 * cfg.row_height;
  const Layout small = lay_canvas(index, at(2015), at(2016), 1000, height);
  EXPECT_EQ(small.lanes[1].rows, 1);
  EXPECT_EQ(small.lanes[0].rows, 9);
  EXPECT_EQ(folded_total(small), 13u);
  int folds = 0;
  for (const auto& r : small.records) folds += r.kind == RecordKind::Fold;
  EXPECT_EQ(folds, 1);
}

TEST(Folding, RowsSitEmptyOnlyWhenNothingFolds) {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    const Timeline t = mixed_timeline(seed, 400 + 100 * int(seed), 4, 2000, 10);
    const TimelineIndex index{t};
    const LayoutConfig cfg;
    for (float height : {400.f, 700.f, 1100.f}) {
      const Layout l = lay_canvas(index, at(2003), at(2004), 1200, height, cfg);
      int rows = 0;
      for (const auto& lane : l.lanes) rows += lane.rows;
      bool folded = false;
      for (const auto& r : l.records) folded = folded || r.kind == RecordKind::Fold || r.overflow;
      if (folded) {
        EXPECT_GE(rows, row_budget(cfg, l.lanes.size(), height, cfg.axis_height)) << seed << " " << height;
      }
    }
  }
}

TEST(Folding, NoFoldHoldsASingleEvent) {
  // The shipped data at many views and canvas sizes (where "1 events" blocks were seen), then random data.
  Diagnostics d{"events.yaml"};
  const Timeline shipped = load_timeline_file(std::string{CS_SOURCE_DIR} + "/events.yaml", d);
  const TimelineIndex shipped_index{shipped};
  std::mt19937 pick{99};
  for (int q = 0; q < 400; ++q) {
    const Seconds a = at(std::uniform_int_distribution<int>(1975, 2018)(pick), std::uniform_int_distribution<unsigned>(1, 12)(pick));
    const Seconds b = a + std::chrono::hours{24 * std::uniform_int_distribution<int>(20, 15000)(pick)};
    const float w = float(std::uniform_int_distribution<int>(300, 1800)(pick));
    const float h = float(std::uniform_int_distribution<int>(250, 1100)(pick));
    const Layout l = lay_canvas(shipped_index, a, b, w, q % 3 ? h : 0);
    for (const auto& r : l.records)
      if (r.kind == RecordKind::Fold) {
        ASSERT_GE(r.count, 2u) << "events.yaml, view " << q;
      }
  }
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const Timeline t = mixed_timeline(seed, 300 * int(seed), 3, 1990, 30);
    const TimelineIndex index{t};
    std::mt19937 rng{seed};
    for (int q = 0; q < 20; ++q) {
      const int y = std::uniform_int_distribution<int>(1988, 2020)(rng);
      const int months = std::uniform_int_distribution<int>(1, 400)(rng);
      const Seconds a = at(y), b = a + std::chrono::hours{24 * 30 * months};
      const Layout l = q % 2 ? lay(t, a, b, 300 + 100 * q) : lay_canvas(index, a, b, 300 + 100 * q, 500);
      for (const auto& r : l.records)
        if (r.kind == RecordKind::Fold) {
          ASSERT_GE(r.count, 2u) << "seed " << seed << " query " << q;
        }
    }
  }
}

TEST(Folding, AFoldKnowsItsExtentAndItsFirstEvents) {
  Timeline t = two_lanes();
  for (int i = 0; i < 40; ++i) {
    Event e = ev("d" + std::to_string(i), "2015-06-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1));
    e.date_text = "June " + std::to_string(i % 28 + 1);
    t.add_event(e);
  }
  const Layout far = lay(t, at(1900), at(2100));
  ASSERT_EQ(far.records.size(), 1u);
  const LayoutRecord& f = far.records[0];
  ASSERT_EQ(f.kind, RecordKind::Fold);
  EXPECT_EQ(f.t0, at(2015, 6, 1).time_since_epoch().count());
  EXPECT_EQ(f.t1, at(2015, 6, 29).time_since_epoch().count());  // the end of the last day
  ASSERT_EQ(f.preview_count, kFoldPreview);
  const FoldContents c = fold_contents(t.store(), f, 3);
  ASSERT_EQ(c.first.size(), 3u);
  EXPECT_EQ(c.first[0].id, "d0");   // 1 June
  EXPECT_EQ(c.first[1].id, "d28");  // 1 June too (ties by position in the file)
  EXPECT_EQ(c.first[2].id, "d1");
  EXPECT_EQ(c.first[2].title, "Event d1");
  EXPECT_EQ(c.first[2].date, "June 2");
  EXPECT_EQ(c.more, 37u);
  EXPECT_EQ(fold_contents(t.store(), f, 100).first.size(), kFoldPreview);
}

namespace {
// Zooms to a fold's extent and recurses into the folds found there; records every event seen unfolded.
void explore(const TimelineIndex& index, std::uint32_t slot, std::int64_t t0, std::int64_t t1, int depth,
             std::set<EventIndex>& seen, int& layouts) {
  ASSERT_LT(depth, 40) << "zooming into folds does not end";
  const Seconds a{std::chrono::seconds{t0}}, b{std::chrono::seconds{t1}};
  const Layout l = lay_canvas(index, a, b, 1000, 600);
  ++layouts;
  for (const auto& r : l.records) {
    if (r.slot != slot) continue;
    if (r.kind != RecordKind::Fold) {
      seen.insert(r.event);
      continue;
    }
    // Zooming in must change the view: a fold as wide as the view it sits in would repeat forever.
    const Viewport now{a, b, 0, 1000}, next{Seconds{std::chrono::seconds{r.t0}}, Seconds{std::chrono::seconds{r.t1}}, 0, 1000};
    ASSERT_FALSE(now == next) << "fold of " << r.count << " fills the view it was zoomed to";
    explore(index, slot, r.t0, r.t1, depth + 1, seen, layouts);
    if (::testing::Test::HasFatalFailure()) return;
  }
}
}  // namespace

TEST(Folding, RepeatedZoomsToAFoldReachEveryEventInIt) {
  for (unsigned seed : {3u, 17u, 29u}) {
    const Timeline t = mixed_timeline(seed, 4000, 2, 2000, 10);
    const TimelineIndex index{t};
    const Layout top = lay_canvas(index, at(1999), at(2011), 1000, 600);
    int folds = 0, layouts = 0;
    for (const auto& f : top.records) {
      if (f.kind != RecordKind::Fold || ++folds > 6) continue;
      std::set<EventIndex> seen;
      explore(index, f.slot, f.t0, f.t1, 0, seen, layouts);
      ASSERT_FALSE(HasFatalFailure()) << "seed " << seed;
      // Every event of the lane that starts in the fold's extent (the fold's own events among them).
      const auto starts = index.starts(f.slot);
      const auto order = index.order(f.slot);
      std::size_t n = 0;
      for (std::size_t k = 0; k < starts.size(); ++k) {
        if (starts[k] < f.t0 || starts[k] >= f.t1) continue;
        ++n;
        EXPECT_TRUE(seen.count(order[k])) << "seed " << seed << ": event " << order[k] << " never unfolded";
      }
      EXPECT_GE(n, f.count);
      for (std::size_t k = 0; k < f.preview_count; ++k) EXPECT_TRUE(seen.count(f.preview[k]));
    }
    EXPECT_GT(folds, 3) << "the data should be dense enough to fold at the top";
  }
}

TEST(Labels, EveryShippedEventIsLabelledWhenZoomedToIt) {
  Diagnostics d{"events.yaml"};
  const Timeline t = load_timeline_file(std::string{CS_SOURCE_DIR} + "/events.yaml", d);
  ASSERT_FALSE(d.has_errors());
  const TimelineIndex index{t};
  Seconds e0, e1;
  ASSERT_TRUE(index.extent(e0, e1));
  for (const auto& [w, h, focused] : {std::tuple{1440.f, 880.f, false}, std::tuple{1440.f, 880.f, true},
                                      std::tuple{800.f, 600.f, true}}) {
    for (EventIndex i = 0; i < t.event_count(); ++i) {
      Seconds a, b;
      event_focus_range(t.store().when(i), e1, a, b);
      const LayoutConfig cfg;
      LayoutInput in{&index, Viewport{a, b, cfg.header_width, w - cfg.header_width}, cfg.axis_height, 0, h};
      if (focused) in.focus = {i};
      const Layout l = build_layout(in, kText, cfg);
      for (const auto& r : l.records) {
        if (r.kind == RecordKind::Fold) continue;
        if (r.event != i) continue;
        EXPECT_TRUE(r.has_label) << t.store().id(i) << " at " << w << "x" << h << (focused ? " focused" : "");
        EXPECT_GE(r.label.size(), std::min<std::size_t>(12, t.store().title(i).size())) << t.store().id(i);
      }
      // It stands unfolded in each of its lanes.
      for (LaneId lane : t.store().lanes(i)) {
        bool shown = false;
        for (const auto& r : l.records) shown = shown || (r.slot == lane && r.kind != RecordKind::Fold && r.event == i);
        EXPECT_TRUE(shown) << t.store().id(i) << " folded when zoomed to at " << w << "x" << h
                           << (focused ? " focused" : "");
      }
    }
  }
}

TEST(Labels, MonthAndYearBandsFillingTheViewCarryTheirLabelInside) {
  Timeline t = two_lanes();
  test::add_events(t, {ev("m", "2017-03"), ev("y", "2016", {"b"})});
  const Layout l = lay(t, at(2017, 3, 3), at(2017, 3, 25), 800);  // the month is wider than the view
  ASSERT_EQ(l.records.size(), 1u);
  ASSERT_TRUE(l.records[0].has_label);
  EXPECT_EQ(l.records[0].label, "Event m");
  EXPECT_GE(l.records[0].label_box.x0, LayoutConfig{}.header_width);
  EXPECT_LE(l.records[0].label_box.x1, LayoutConfig{}.header_width + 800);
  const Layout y = lay(t, at(2015, 10), at(2017, 3), 800);
  for (const auto& r : y.records)
    if (t.store().id(r.event) == "y") {
      ASSERT_TRUE(r.has_label);
      EXPECT_GE(r.label_box.x0, r.box.x0);  // inside the band
      EXPECT_LE(r.label_box.x1, r.box.x1);
    }
}

TEST(Labels, LongTitlesAreShortenedWhereTheyDoNotFitWhole) {
  Timeline t = two_lanes();
  Event e = ev("long", "2015-06-01/2015-08-01");
  e.title = std::string(300, 'x');
  test::add_events(t, {e});
  const Layout l = lay(t, at(2015, 5, 20), at(2015, 8, 10), 600);
  ASSERT_TRUE(l.records[0].has_label);
  EXPECT_LE(l.records[0].label_box.x1, LayoutConfig{}.header_width + 600);
  EXPECT_EQ(l.records[0].label.substr(l.records[0].label.size() - 3), "\u2026");
}

TEST(Labels, MarksOutOfViewOnTheRightHaveNoLabel) {
  Timeline t = two_lanes();
  test::add_events(t, {ev("next", "2015-02-03")});
  const Layout l = lay(t, at(2015), at(2015, 2), 1000);  // the mark is just right of the view
  ASSERT_EQ(l.records.size(), 1u);
  EXPECT_GT(l.records[0].box.x0, LayoutConfig{}.header_width + 1000);
  EXPECT_FALSE(l.records[0].has_label);
}

namespace {
// Counts the code points it is asked to measure.
class CountingText : public test::FakeText {
 public:
  float width(std::string_view s) const override {
    measured += s.size();
    return FakeText::width(s);
  }
  mutable std::size_t measured = 0;
};
}  // namespace

TEST(Labels, AHugeTitleIsNeverMeasuredWhole) {
  Timeline t = two_lanes();
  Event e = ev("huge", "2015-06-01");
  e.title = std::string(10'000'000, 'w');
  test::add_events(t, {e, ev("small", "2015-06-02", {"b"})});
  const TimelineIndex index{t};
  CountingText text;
  const LayoutConfig cfg;
  const Layout l = build_layout({&index, Viewport{at(2015), at(2016), cfg.header_width, 1000}, cfg.axis_height, 0, 600},
                                text, cfg);
  EXPECT_LT(text.measured, 100'000u);
  ASSERT_TRUE(l.records[0].has_label);
  EXPECT_LE(l.records[0].label.size(), kMaxLabelChars * 4 + 3);
  EXPECT_EQ(event_label(t.store(), 0).size(), kMaxLabelChars + 3);  // 240 'w' and "…"
  EXPECT_EQ(cap_text("Тегеран", 3), "Тег\u2026");
  EXPECT_EQ(cap_text("abc", 3), "abc");
}

// --- ghosts ------------------------------------------------------------------------------------------------

namespace {
Timeline disputed_timeline() {
  Timeline t = two_lanes();
  t.sources = {Source{"alw", "Article", "Alwaght"}, Source{"anon", "Untitled", ""}};
  t.index_names();
  Event x = ev("x", "2015-09-30");
  SourceRef stated;
  stated.source = "alw";
  SourceRef claim1;
  claim1.source = "alw";
  claim1.claims_text = "2014-11-02";
  claim1.claims = parse_edtf(claim1.claims_text).value;
  SourceRef claim2;
  claim2.source = "anon";
  claim2.claims_text = "2016";
  claim2.claims = parse_edtf(claim2.claims_text).value;
  x.sources = {stated, claim1, claim2};
  test::add_events(t, {x, ev("other", "2014-11-03")});
  return t;
}
}  // namespace

TEST(Ghosts, ADisputedEventHasAGhostAtEachClaimedDate) {
  const Timeline t = disputed_timeline();
  const Layout l = lay(t, at(2014), at(2017), 1000);
  ASSERT_EQ(l.ghosts.size(), 2u);
  const Viewport vp{at(2014), at(2017), LayoutConfig{}.header_width, 1000};
  const GhostMark& g1 = l.ghosts[0];
  EXPECT_EQ(g1.event, 0u);
  EXPECT_EQ(g1.citation, 1u);
  EXPECT_EQ(g1.label, "Alwaght");  // the publisher
  EXPECT_EQ(g1.style, MarkStyle::Diamond);
  EXPECT_NEAR((g1.box.x0 + g1.box.x1) / 2, vp.to_x(at(2014, 11, 2) + std::chrono::hours{12}), 0.5);
  const GhostMark& g2 = l.ghosts[1];
  EXPECT_EQ(g2.label, "anon");  // no publisher: the id
  EXPECT_EQ(g2.style, MarkStyle::Span);
  EXPECT_NEAR(g2.box.x0, vp.to_x(at(2016)), 0.5);
  EXPECT_EQ(g2.t0, at(2016).time_since_epoch().count());
  EXPECT_EQ(g2.t1, at(2017).time_since_epoch().count());
  // Tied to the event's own mark.
  for (const auto& g : l.ghosts) {
    ASSERT_LT(g.record, l.records.size());
    EXPECT_EQ(l.records[g.record].event, 0u);
    EXPECT_EQ(l.records[g.record].slot, g.slot);
  }
}

TEST(Ghosts, GhostsNeverCoverMarksOrLabels) {
  const Timeline t = disputed_timeline();
  for (double width : {400.0, 700.0, 1000.0, 2000.0}) {
    const Layout l = lay(t, at(2014), at(2017), width);
    for (const auto& g : l.ghosts)
      for (const auto& r : l.records) {
        if (r.slot != g.slot) continue;
        EXPECT_FALSE(g.box.overlaps(r.box)) << width;
        if (r.has_label) {
          EXPECT_FALSE(g.box.overlaps(r.label_box)) << width;
        }
        if (g.has_label) {
          EXPECT_FALSE(g.label_box.overlaps(r.box)) << width;
        }
      }
  }
}

TEST(Ghosts, HittingAGhostGivesItsEvent) {
  const Timeline t = disputed_timeline();
  const Layout l = lay(t, at(2014), at(2017), 1000);
  ASSERT_FALSE(l.ghosts.empty());
  const GhostMark& g = l.ghosts[0];
  const float cx = (g.box.x0 + g.box.x1) / 2, cy = (g.box.y0 + g.box.y1) / 2;
  EXPECT_EQ(hit_ghost(l, cx, cy), &g);
  EXPECT_EQ(event_at(l, cx, cy), std::optional<EventIndex>{0});
  const LayoutRecord& r = l.records[g.record];
  EXPECT_EQ(event_at(l, (r.box.x0 + r.box.x1) / 2, (r.box.y0 + r.box.y1) / 2), std::optional<EventIndex>{0});
  EXPECT_EQ(event_at(l, 1, 1), std::nullopt);
}

TEST(Ghosts, UndisputedEventsAndFoldsHaveNone) {
  Timeline t = disputed_timeline();
  for (int i = 0; i < 30; ++i) t.add_event(ev("same" + std::to_string(i), "2015-09-30"));
  const Layout far = lay(t, at(1000), at(3000), 200);  // all in one fold
  ASSERT_EQ(far.records.size(), 1u);
  EXPECT_EQ(far.records[0].kind, RecordKind::Fold);
  EXPECT_TRUE(far.ghosts.empty());
  Timeline plain = two_lanes();
  test::add_events(plain, {ev("x", "2015-09-30")});
  EXPECT_TRUE(lay(plain, at(2014), at(2017)).ghosts.empty());
}

TEST(Layout, SeveralFocusEventsAllStandUnfoldedAndLabelled) {
  // Forty events in four weeks, zoomed out to three years: they all fold; three of them focused stand
  // unfolded with their labels (each in a row of its own, as their labels overlap), and the folds count
  // the rest exactly.
  Timeline t = two_lanes();
  for (int i = 0; i < 40; ++i)
    t.add_event(ev("d" + std::to_string(i), "2015-06-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1)));
  const TimelineIndex index{t};
  const LayoutConfig cfg;
  LayoutInput in{&index, Viewport{at(2014), at(2017), cfg.header_width, 1000}, cfg.axis_height, 0, 300};
  for (const auto& r : build_layout(in, kText, cfg).records) EXPECT_NE(r.kind, RecordKind::Point);
  in.focus = {3, 17, 30};
  const Layout l = build_layout(in, kText, cfg);
  std::set<EventIndex> shown;
  for (const auto& r : l.records)
    if (r.kind == RecordKind::Point && r.has_label && r.label == "Event " + std::string{t.store().id(r.event)})
      shown.insert(r.event);
  EXPECT_EQ(shown, (std::set<EventIndex>{3, 17, 30}));
  EXPECT_EQ(folded_total(l), 40u);
}

TEST(Layout, OnlyTheGivenLanesAreShownInTheGivenOrder) {
  Timeline t;
  t.lanes = {{"a", "A"}, {"b", "B"}, {"c", "C"}};
  t.index_names();
  test::add_events(t, {ev("1", "2015-05-01", {"a"}), ev("2", "2015-06-01", {"b"}), ev("3", "2015-07-01", {"c"})});
  const TimelineIndex index{t};
  const LayoutConfig cfg;
  LayoutInput in{&index, Viewport{at(2015), at(2016), cfg.header_width, 1000}, cfg.axis_height, 0, 600};
  in.slots = {2, 0, 7};  // 7: no such slot, left out
  const Layout l = build_layout(in, kText, cfg);
  ASSERT_EQ(l.lanes.size(), 2u);
  EXPECT_EQ(l.lanes[0].slot, 2u);
  EXPECT_EQ(l.lanes[1].slot, 0u);
  EXPECT_EQ(l.lanes[0].y0, cfg.axis_height);
  ASSERT_EQ(l.records.size(), 2u);
  EXPECT_EQ(t.store().id(l.records[0].event), "3");
  EXPECT_EQ(t.store().id(l.records[1].event), "1");
  EXPECT_GE(l.records[1].box.y0, l.lanes[1].y0);
  // Two lanes share the canvas: each gets more rows than three would.
  EXPECT_EQ(l.lanes.size(), 2u);
  EXPECT_GT(base_rows(cfg, 2, 600, cfg.axis_height), base_rows(cfg, 3, 600, cfg.axis_height));
}
