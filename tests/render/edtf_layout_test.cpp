// How the less certain EDTF forms lay out: unspecified digits and seasons as bands over their whole span,
// unknown ends fading, an open start running off the left edge, a one-of set as a disputed band with a
// ghost per date, an all-of set as a mark on every date.
#include "render/layout.hpp"

#include "fake_text.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"

using namespace cs;
using namespace date;

namespace {
const test::FakeText kText;

Seconds at(int y, unsigned m = 1, unsigned d = 1) { return Seconds{sys_days{year{y} / m / d}}; }

struct Laid {
  Timeline t;
  std::unique_ptr<TimelineIndex> index;
  Layout layout;
  Viewport vp;
};

// One lane, `dates` as events e0, e1, ..., laid out over [t0, t1) at 1400 px.
std::unique_ptr<Laid> lay(std::vector<std::string> dates, Seconds t0, Seconds t1) {
  auto l = std::make_unique<Laid>();
  l->t.lanes = {{"a", "A"}};
  l->t.index_names();
  for (std::size_t i = 0; i < dates.size(); ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.title = "Event " + e.id;
    e.date_text = dates[i];
    const auto r = parse_edtf(dates[i]);
    EXPECT_TRUE(r.value) << dates[i] << ": " << r.error.message;
    e.when = *r.value;
    e.lanes = {"a"};
    l->t.add_event(e);
  }
  l->index = std::make_unique<TimelineIndex>(l->t);
  l->vp = Viewport{t0, t1, 160, 1240};
  LayoutConfig cfg;
  l->layout = build_layout({l->index.get(), l->vp, cfg.axis_height, 0, 600}, kText, cfg);
  return l;
}

const LayoutRecord& record_of(const Layout& layout, EventIndex e) {
  for (const LayoutRecord& r : layout.records)
    if (r.kind != RecordKind::Fold && r.event == e) return r;
  throw std::runtime_error("no record for event " + std::to_string(e));
}

TEST(EdtfLayout, UnspecifiedDigitsCoverTheirSpanAsABand) {
  auto l = lay({"201X", "2010/2019", "156X-12-25"}, at(1550), at(2030));
  const LayoutRecord& decade = record_of(l->layout, 0);
  const LayoutRecord& interval = record_of(l->layout, 1);
  EXPECT_EQ(decade.style, MarkStyle::Span);
  EXPECT_FALSE(decade.exact);
  EXPECT_NEAR(decade.box.x0, interval.box.x0, 0.5);  // 201X covers exactly what 2010/2019 covers
  EXPECT_NEAR(decade.box.x1, interval.box.x1, 0.5);
  const LayoutRecord& christmas = record_of(l->layout, 2);  // day precision, but nine years of Christmases
  EXPECT_FALSE(christmas.exact);
  EXPECT_NEAR(christmas.box.x0, l->vp.to_x(at(1560, 12, 25)), 0.5);
  EXPECT_NEAR(christmas.box.x1, l->vp.to_x(at(1569, 12, 26)), 0.5);
}

TEST(EdtfLayout, UnknownEndsFadeAndOpenStartsRunOffTheEdge) {
  auto l = lay({"2004-06-11/", "/2006", "../2008"}, at(2000), at(2012));
  const LayoutRecord& end_unknown = record_of(l->layout, 0);
  EXPECT_EQ(end_unknown.kind, RecordKind::Interval);
  EXPECT_TRUE(end_unknown.fade_end);
  EXPECT_FALSE(end_unknown.fade_start);
  EXPECT_NEAR(end_unknown.box.x0, l->vp.to_x(at(2004, 6, 11)), 0.5);
  EXPECT_GT(end_unknown.box.x1 - end_unknown.box.x0, 40);  // the fading tail, though the span is one day
  const LayoutRecord& start_unknown = record_of(l->layout, 1);
  EXPECT_TRUE(start_unknown.fade_start);
  EXPECT_NEAR(start_unknown.box.x1, l->vp.to_x(at(2007)), 0.5);
  const LayoutRecord& open = record_of(l->layout, 2);
  EXPECT_LT(open.box.x0, l->vp.left());
  EXPECT_NEAR(open.box.x1, l->vp.to_x(at(2009)), 0.5);
}

TEST(EdtfLayout, OneOfASetIsDisputedWithAGhostPerDate) {
  auto l = lay({"[2012-05-28,2012-05-29]"}, at(2012, 5, 1), at(2012, 7, 1));
  const LayoutRecord& r = record_of(l->layout, 0);
  EXPECT_NE(r.label.find("(date disputed)"), std::string::npos);
  ASSERT_EQ(l->layout.ghosts.size(), 2u);
  EXPECT_EQ(l->layout.ghosts[0].citation, kSetMember);
  EXPECT_FALSE(l->layout.ghosts[0].solid);
  EXPECT_EQ(l->layout.ghosts[0].label, "or 28 May 2012");
  EXPECT_EQ(l->layout.ghosts[1].label, "or 29 May 2012");
  EXPECT_NEAR((l->layout.ghosts[1].box.x0 + l->layout.ghosts[1].box.x1) / 2, l->vp.to_x(at(2012, 5, 29) + std::chrono::hours{12}), 0.5);
  EXPECT_EQ(event_at(l->layout, l->layout.ghosts[1].box.x0 + 2, l->layout.ghosts[1].box.y0 + 2), std::optional<EventIndex>{0});
}

TEST(EdtfLayout, AllOfASetIsAMarkOnEveryDate) {
  auto l = lay({"{2003,2008,2014}"}, at(2000), at(2020));
  const LayoutRecord& r = record_of(l->layout, 0);
  EXPECT_EQ(r.label.find("disputed"), std::string::npos);
  EXPECT_NEAR(r.box.x0, l->vp.to_x(at(2003)), 0.5);  // the first date's own mark
  ASSERT_EQ(l->layout.ghosts.size(), 2u);
  for (const GhostMark& g : l->layout.ghosts) EXPECT_TRUE(g.solid);
  EXPECT_EQ(l->layout.ghosts[0].label, "2008");
  EXPECT_EQ(l->layout.ghosts[1].label, "2014");
}

}  // namespace
