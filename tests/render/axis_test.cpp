// Axis: the step adapts from millennia to seconds, labels read as the calendar does, periods enclose ticks.
#include "render/axis.hpp"

#include "fake_text.hpp"

#include <gtest/gtest.h>

using namespace cs;
using namespace date;

namespace {
Seconds at(int y, unsigned m = 1, unsigned d = 1, int hh = 0) {
  return Seconds{sys_days{year{y} / m / d}} + std::chrono::hours{hh};
}
const test::FakeText kText;
Axis axis(Seconds a, Seconds b, double width = 1600) { return build_axis(Viewport{a, b, 0, width}, kText); }
std::vector<std::string> labels(const Axis& a) {
  std::vector<std::string> out;
  for (const auto& t : a.ticks) out.push_back(t.label);
  return out;
}
bool has_label(const Axis& a, const std::string& l) {
  for (const auto& t : a.ticks)
    if (t.label == l) return true;
  return false;
}
bool has_period(const Axis& a, const std::string& l) {
  for (const auto& p : a.periods)
    if (p.label == l) return true;
  return false;
}
}  // namespace

TEST(Axis, DecadesShowYears) {
  const Axis a = axis(at(1975), at(2020));
  EXPECT_EQ(a.step.unit, TickUnit::Year);
  EXPECT_TRUE(has_label(a, "1979") || has_label(a, "1980")) << ::testing::PrintToString(labels(a));
  EXPECT_TRUE(has_period(a, "1970s") || has_period(a, "20th century"));
}

TEST(Axis, MonthsWithTheYearAbove) {
  const Axis a = axis(at(2015, 3), at(2016, 5));
  EXPECT_EQ(a.step.unit, TickUnit::Month);
  EXPECT_TRUE(has_label(a, "Sep"));
  EXPECT_TRUE(has_period(a, "2015"));
  EXPECT_TRUE(has_period(a, "2016"));
}

TEST(Axis, DaysWithTheMonthAbove) {
  const Axis a = axis(at(2015, 9, 20), at(2015, 10, 10));
  EXPECT_EQ(a.step.unit, TickUnit::Day);
  EXPECT_TRUE(has_label(a, "30 Sep"));
  EXPECT_TRUE(has_period(a, "Sep 2015"));
  EXPECT_TRUE(has_period(a, "Oct 2015"));
}

TEST(Axis, HoursWithTheDayAbove) {
  const Axis a = axis(at(2015, 9, 30), at(2015, 10, 1));
  EXPECT_EQ(a.step.unit, TickUnit::Hour);
  EXPECT_TRUE(has_label(a, "10:00"));
  EXPECT_TRUE(has_period(a, "Wed 30 Sep 2015"));
}

TEST(Axis, SecondsAtTheDeepestZoom) {
  const Axis a = build_axis(Viewport{at(2018, 5, 10, 13), at(2018, 5, 10, 13) + std::chrono::seconds{60}, 0, 1920}, kText);
  EXPECT_EQ(a.step.unit, TickUnit::Second);
  EXPECT_TRUE(has_label(a, "13:00:30")) << ::testing::PrintToString(labels(a));
}

TEST(Axis, MillenniaAcrossTheEra) {
  const Axis a = axis(at(-3500), at(2500));
  EXPECT_EQ(a.step.unit, TickUnit::Year);
  EXPECT_GE(a.step.count, 200);
  EXPECT_TRUE(has_label(a, "3000 BCE")) << ::testing::PrintToString(labels(a));
  EXPECT_TRUE(has_label(a, "2000"));
  EXPECT_FALSE(has_label(a, "2001 BCE") && has_label(a, "2000 BCE"));
}

TEST(Axis, TicksAreOrderedInViewAndSpacedForTheirLabels) {
  for (double span_days : {0.0007, 0.01, 0.3, 3.0, 40.0, 400.0, 4000.0, 40000.0, 400000.0, 7000000.0}) {
    const Seconds a = at(1990, 6, 15);
    const Seconds b = a + std::chrono::seconds{std::int64_t(span_days * 86400)};
    const Axis ax = axis(a, b);
    ASSERT_FALSE(ax.ticks.empty()) << span_days;
    for (std::size_t i = 0; i < ax.ticks.size(); ++i) {
      EXPECT_GE(ax.ticks[i].x, 0);
      EXPECT_LE(ax.ticks[i].x, 1600);
      if (i) {
        const double gap = ax.ticks[i].x - ax.ticks[i - 1].x;
        EXPECT_GT(gap, kText.width(ax.ticks[i - 1].label) + 4) << span_days << " " << ax.ticks[i - 1].label;
      }
    }
    EXPECT_LE(ax.ticks.size(), 1600u / 40u);
  }
}
