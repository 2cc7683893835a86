// Scene composition: default views, the zoom-to-event range, the row budget, and what the draw list holds.
#include "render/scene.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"

using namespace cs;
using namespace date;

namespace {
Seconds at(int y, unsigned m = 1, unsigned d = 1) { return Seconds{sys_days{year{y} / m / d}}; }
Event ev(std::string id, std::string date) {
  Event e;
  e.id = id;
  e.title = id;
  e.when = *parse_edtf(date).value;
  return e;
}
}  // namespace

TEST(Scene, FitAllShowsEveryEventWithAMargin) {
  Timeline t;
  test::add_events(t, {ev("a", "1979-02-11"), ev("b", "2018-05-10"), ev("c", "2015-09-30/..")});
  const TimelineIndex index{t};
  const LayoutConfig cfg;
  const CanvasView v = fit_all(index, 1000, 600, cfg);
  EXPECT_LT(v.viewport.start(), at(1979, 2, 11));
  EXPECT_GT(v.viewport.end(), at(2018, 5, 11));
  EXPECT_LT(v.viewport.end() - v.viewport.start(), std::chrono::seconds{std::int64_t(45 * 365.25 * 86400)});
  EXPECT_EQ(v.viewport.left(), cfg.header_width);
  EXPECT_EQ(v.viewport.width(), 1000 - cfg.header_width);
}

TEST(Scene, FocusOnADayLeavesRoomForItsLabel) {
  Seconds a, b;
  event_focus_range(ev("x", "2015-11-23").when, at(2020), a, b);
  EXPECT_EQ(a, at(2015, 11, 16));
  EXPECT_EQ(b, at(2015, 12, 15));
}

TEST(Scene, FocusOnAnIntervalFillsMostOfTheView) {
  Seconds a, b;
  const Event e = ev("x", "2015-09-30/2016-03-14");
  event_focus_range(e.when, at(2020), a, b);
  const auto len = e.when.end_time() - e.when.begin_time();
  EXPECT_EQ(e.when.begin_time() - a, len / 5);
  EXPECT_EQ(b - e.when.end_time(), len / 5);
}

TEST(Scene, FocusOnAnOngoingEventRunsToTheEndOfTheData) {
  Seconds a, b;
  const Event e = ev("x", "2015-09-30/..");
  event_focus_range(e.when, at(2018, 6, 1), a, b);
  const auto len = at(2018, 6, 1) - at(2015, 9, 30);
  EXPECT_EQ(a, at(2015, 9, 30) - len / 5);
  EXPECT_EQ(b, at(2018, 6, 1) + len / 5);
}

TEST(Scene, FocusOnAnOpenOrUnknownStartShowsWhatIsKnown) {
  Seconds a, b;
  event_focus_range(ev("x", "../2006").when, at(2020), a, b);  // from all earlier time: the year it ends
  const auto len = at(2007) - at(2006);
  EXPECT_EQ(a, at(2006) - len / 5);
  EXPECT_EQ(b, at(2007) + len / 5);
  event_focus_range(ev("y", "/2006").when, at(2020), a, b);
  EXPECT_EQ(a, at(2006) - len / 5);
  event_focus_range(ev("z", "[..1760-12-03]").when, at(2020), a, b);  // a set with earlier members
  EXPECT_LT(a, at(1760, 12, 3));
  EXPECT_GT(b, at(1760, 12, 3));
  EXPECT_LT(b - a, std::chrono::seconds{400 * 86400});
}

TEST(Scene, BaseRowsShareTheCanvasEvenly) {
  const LayoutConfig cfg;
  // No cap of six rows any more: three lanes on a tall canvas start with 29 rows each ((2000-46-30)/22/3).
  EXPECT_EQ(base_rows(cfg, 3, 2000, cfg.axis_height), 29);
  const int rows = base_rows(cfg, 12, 1080, cfg.axis_height);
  EXPECT_EQ(rows, 3);
  EXPECT_LE(cfg.axis_height + 12 * (2 * cfg.lane_padding + rows * cfg.row_height), 1080);
  EXPECT_EQ(base_rows(cfg, 40, 600, cfg.axis_height), 2);  // never fewer than two
}

TEST(Scene, SpareRowsGoToTheLanesThatNeedThem) {
  // One busy lane and eleven quiet ones: the busy lane gets more than the base budget, within the canvas.
  Timeline t;
  for (int l = 0; l < 12; ++l) t.lanes.push_back({"l" + std::to_string(l), "L"});
  t.index_names();
  for (int i = 0; i < 5; ++i) {  // five on consecutive days: one pixel apart, five rows to show them all
    Event e = ev("busy" + std::to_string(i), "2015-06-0" + std::to_string(i + 1));
    e.lanes = {"l0"};
    t.add_event(e);
  }
  Event quiet = ev("quiet", "2015-02-01");
  quiet.lanes = {"l5"};
  t.add_event(quiet);
  const TimelineIndex index{t};
  const LayoutConfig cfg;
  const auto font = Font::load(find_default_font(), 15);
  ASSERT_TRUE(font);
  const CanvasView v = make_canvas_view(at(2014), at(2017), 1200, 700, cfg);
  const Layout l = layout_for(index, v, *font, cfg);
  ASSERT_EQ(base_rows(cfg, 12, 700, cfg.axis_height), 2);
  EXPECT_EQ(l.lanes[0].rows, 5);
  for (const auto& r : l.records) EXPECT_NE(r.kind, RecordKind::Fold);
  EXPECT_LE(cfg.axis_height + l.content_height, 700);
}

TEST(Scene, DrawListHoldsTheMarksInLaneColours) {
  Timeline t;
  t.lanes = {{"r", "Russia", {200, 10, 20, 255}}};
  Event a = ev("a", "2015-06-01");
  a.lanes = {"r"};
  test::add_events(t, {a});
  const TimelineIndex index{t};
  const auto font = Font::load(find_default_font(), 15);
  ASSERT_TRUE(font);
  Scene s;
  build_scene(s, index, make_canvas_view(at(2015), at(2016), 800, 300, LayoutConfig{}), *font, LayoutConfig{},
              Theme{}, {});
  int diamonds = 0;
  for (const Quad& q : s.draw.quads())
    if (q.shape == Shape::Diamond && q.rgba == pack(Rgba{200, 10, 20, 255})) ++diamonds;
  EXPECT_EQ(diamonds, 1);
  // Everything stays inside the canvas.
  for (const Quad& q : s.draw.quads()) {
    EXPECT_GE(q.x0, 0);
    EXPECT_LE(q.x1, 800);
    EXPECT_GE(q.y0, 0);
    EXPECT_LE(q.y1, 300);
  }
}

namespace {
const Font& scene_font() {
  static const auto f = Font::load(find_default_font(), 15);
  return *f;
}
}  // namespace

TEST(Scene, CalendarsAddRowsUnderTheGregorianAxis) {
  Timeline t;
  t.lanes = {{"r", "Russia"}};
  Event a = ev("a", "2015-06-01");
  a.lanes = {"r"};
  test::add_events(t, {a});
  const TimelineIndex index{t};
  const Calendar cals[] = {Calendar::SolarHijri, Calendar::Islamic, Calendar::Julian};
  const LayoutConfig cfg;
  Scene plain, with;
  const CanvasView v = make_canvas_view(at(2014), at(2017), 1000, 400, cfg);
  build_scene(plain, index, v, scene_font(), cfg, Theme{}, {});
  build_scene(with, index, v, scene_font(), cfg, Theme{}, {}, cals);
  ASSERT_EQ(with.axis.calendars.size(), 3u);
  EXPECT_EQ(with.axis.calendars[0].calendar, Calendar::SolarHijri);
  EXPECT_TRUE(plain.axis.calendars.empty());
  // The lanes move down by a row per calendar, a row as tall as the configuration says.
  EXPECT_EQ(plain.layout.lanes[0].y0, cfg.axis_height);
  EXPECT_EQ(with.layout.lanes[0].y0, cfg.axis_height + 3 * cfg.calendar_row_height);
  EXPECT_EQ(cfg.with_calendars(3).axis_height, with.layout.lanes[0].y0);
  EXPECT_EQ(cfg.with_calendars(3).gregorian_axis_height(), cfg.axis_height);
  EXPECT_GT(with.draw.quads().size(), plain.draw.quads().size());  // the rows' ticks and labels
  for (const Quad& q : with.draw.quads()) {
    EXPECT_GE(q.y0, 0);
    EXPECT_LE(q.y1, 400);
  }
}

TEST(Scene, AContextBarStripSitsUnderTheCalendarRows) {
  Timeline t;
  t.lanes = {{"r", "Russia"}};
  Event a = ev("a", "2015-06-01");
  a.lanes = {"r"};
  test::add_events(t, {a});
  const TimelineIndex index{t};
  const Calendar cals[] = {Calendar::SolarHijri, Calendar::Julian};
  const LayoutConfig base;
  const LayoutConfig cfg = base.with_context_bar(30).with_calendars(2);
  // Either order gives the same axis: Gregorian rows, calendar rows, then the strip.
  EXPECT_EQ(cfg.axis_height, base.with_calendars(2).with_context_bar(30).axis_height);
  EXPECT_EQ(cfg.axis_height, base.axis_height + 2 * base.calendar_row_height + 30);
  EXPECT_EQ(cfg.gregorian_axis_height(), base.axis_height);
  EXPECT_EQ(cfg.context_bar_top(), base.axis_height + 2 * base.calendar_row_height);
  Scene s;
  build_scene(s, index, make_canvas_view(at(2014), at(2017), 1000, 400, cfg), scene_font(), cfg, Theme{}, {}, cals);
  EXPECT_EQ(s.layout.lanes[0].y0, cfg.axis_height);
  // Nothing but the axis background is drawn in the strip: the bar is the window's to draw there.
  for (const Quad& q : s.draw.quads())
    if (q.y0 < cfg.axis_height && q.y1 > cfg.context_bar_top()) {
      EXPECT_EQ(q.y0, 0) << q.y0 << " " << q.y1;
    }
}

TEST(Scene, GhostsAreDrawnFaintBehindTheMarks) {
  Timeline t;
  t.lanes = {{"r", "Russia", {200, 10, 20, 255}}};
  t.sources = {Source{"s", "Article", "Alwaght"}};
  t.index_names();
  Event a = ev("a", "2015-09-30");
  a.lanes = {"r"};
  SourceRef claim;
  claim.source = "s";
  claim.claims_text = "2015-03-01";
  claim.claims = parse_edtf(claim.claims_text).value;
  a.sources = {claim};
  test::add_events(t, {a});
  const TimelineIndex index{t};
  Scene s;
  const Theme th;
  build_scene(s, index, make_canvas_view(at(2015), at(2016), 1000, 300, LayoutConfig{}), scene_font(), LayoutConfig{},
              th, {});
  ASSERT_EQ(s.layout.ghosts.size(), 1u);
  std::size_t faint = 0, solid = 0, first_solid = SIZE_MAX, last_faint = 0;
  for (std::size_t k = 0; k < s.draw.quads().size(); ++k) {
    const Quad& q = s.draw.quads()[k];
    if (q.rgba == pack(with_alpha(Rgba{200, 10, 20, 255}, th.ghost_alpha))) ++faint, last_faint = k;
    if (q.rgba == pack(Rgba{200, 10, 20, 255}) && q.shape == Shape::Diamond) ++solid, first_solid = std::min(first_solid, k);
  }
  EXPECT_GE(faint, 2u);  // the ghost's diamond and its connector
  EXPECT_EQ(solid, 1u);
  EXPECT_LT(last_faint, first_solid);  // drawn before (behind) the event's own mark
}

TEST(Scene, TheSelectedEventStandsUnfolded) {
  Timeline t;
  t.lanes = {{"r", "Russia"}};
  t.index_names();
  for (int i = 0; i < 40; ++i) {
    Event e = ev("d" + std::to_string(i), "2015-06-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1));
    e.lanes = {"r"};
    t.add_event(e);
  }
  const TimelineIndex index{t};
  const CanvasView v = make_canvas_view(at(1990), at(2040), 1000, 300, LayoutConfig{});
  Scene s;
  build_scene(s, index, v, scene_font(), LayoutConfig{}, Theme{}, {});
  for (const auto& r : s.layout.records) EXPECT_EQ(r.kind, RecordKind::Fold);
  SceneState state;
  state.selected = 17;
  build_scene(s, index, v, scene_font(), LayoutConfig{}, Theme{}, state);
  std::uint64_t total = 0;
  bool shown = false;
  for (const auto& r : s.layout.records) {
    total += r.kind == RecordKind::Fold ? r.count : 1;
    shown = shown || (r.kind == RecordKind::Point && r.event == 17 && r.has_label);
  }
  EXPECT_TRUE(shown);
  EXPECT_EQ(total, 40u);  // the folds count the others exactly
}

TEST(Scene, AStepsFocusIsOutlinedAndEverythingElseDimmed) {
  Timeline t;
  t.lanes = {{"r", "Russia", {200, 10, 20, 255}}};
  t.index_names();
  Event a = ev("a", "2015-06-01"), b = ev("b", "2015-09-01");
  a.lanes = b.lanes = {"r"};
  test::add_events(t, {a, b});
  const TimelineIndex index{t};
  const Theme th;
  SceneState state;
  state.focus = {1};
  Scene s;
  build_scene(s, index, make_canvas_view(at(2015), at(2016), 1000, 300, LayoutConfig{}), scene_font(), LayoutConfig{},
              th, state);
  int solid = 0, dimmed = 0, outline = 0;
  for (const Quad& q : s.draw.quads()) {
    if (q.shape == Shape::Diamond && q.rgba == pack(Rgba{200, 10, 20, 255})) ++solid;
    if (q.shape == Shape::Diamond && q.rgba == pack(Rgba{200, 10, 20, std::uint8_t(255 * th.dim_alpha / 255)})) ++dimmed;
    if (q.shape == Shape::Rect && q.rgba == pack(th.focus)) ++outline;
  }
  EXPECT_EQ(solid, 1);    // b, in focus
  EXPECT_EQ(dimmed, 1);   // a
  EXPECT_EQ(outline, 4);  // the frame around b
  // Both are labelled; a's label is dimmed, b's is not.
  int dim_text = 0, full_text = 0;
  for (const Quad& q : s.draw.quads()) {
    if (q.shape != Shape::Glyph) continue;
    dim_text += q.rgba == pack(with_alpha(th.text, th.dim_alpha));
    full_text += q.rgba == pack(th.text) && q.y0 > LayoutConfig{}.axis_height && q.x0 > LayoutConfig{}.header_width;
  }
  EXPECT_GT(dim_text, 0);
  EXPECT_GT(full_text, 0);
}
