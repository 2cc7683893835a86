// Axis: the step adapts from millennia to seconds, labels read as the calendar does, periods enclose ticks.
#include "render/axis.hpp"

#include "model/edtf_calendar.hpp"

#include "fake_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

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

namespace {
// Every label of a row as [x0, x1): ticks and calendar ticks start kAxisLabelPad after their x.
template <class Ticks>
std::vector<std::pair<double, double>> tick_spans(const Ticks& ticks) {
  std::vector<std::pair<double, double>> out;
  for (const auto& t : ticks) out.push_back({t.x + kAxisLabelPad, t.x + kAxisLabelPad + kText.width(t.label)});
  return out;
}
std::vector<std::pair<double, double>> period_spans(const Axis& a) {
  std::vector<std::pair<double, double>> out;
  for (const auto& p : a.periods)
    if (!p.label.empty()) out.push_back({p.label_x, p.label_x + kText.width(p.label)});
  return out;
}
// Labels in the order drawn (left to right) never overlap, and each starts inside the plot.
::testing::AssertionResult disjoint(std::vector<std::pair<double, double>> spans, double left, double right) {
  std::sort(spans.begin(), spans.end());
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].first < left - 1e-6 || spans[i].first > right + kAxisLabelPad)
      return ::testing::AssertionFailure() << "label at " << spans[i].first << " outside [" << left << ", " << right << "]";
    if (i && spans[i].first < spans[i - 1].second)
      return ::testing::AssertionFailure() << "labels at " << spans[i - 1].first << " and " << spans[i].first << " overlap";
  }
  return ::testing::AssertionSuccess();
}
const Calendar kAll[] = {Calendar::SolarHijri, Calendar::Islamic, Calendar::Julian};
}  // namespace

TEST(Axis, TheWholeRangeFromMinus9999To9999HasNoOverlappingLabels) {
  // Issue 8: at this span the top row's millennium labels used to run into each other.
  for (double width : {300.0, 800.0, 1760.0, 2400.0}) {
    const Viewport vp{at(-9999), at(9999), 0, width};
    const Axis a = build_axis(vp, kText, kAll);
    EXPECT_TRUE(disjoint(tick_spans(a.ticks), 0, width)) << width;
    EXPECT_TRUE(disjoint(period_spans(a), 0, width)) << width;
    EXPECT_FALSE(a.ticks.empty()) << width;
    EXPECT_FALSE(period_spans(a).empty()) << width << ": the top row says something";
    for (const auto& row : a.calendars) EXPECT_TRUE(disjoint(tick_spans(row.ticks), 0, width)) << width;
  }
}

TEST(Axis, LongYearsBeyondHinnantsRangeGetTicksAndPeriods) {
  // EDTF "Y-17000" and "Y170000": years date::year cannot hold. Ticks fall on round years; labels do not
  // overlap; calendars (which go through date::year) show no row there rather than wrong dates.
  using calendar::start_of;
  for (const auto& [a, b] : std::vector<std::pair<std::int64_t, std::int64_t>>{
           {-20000, 180000}, {-2'000'000, 2'000'000}, {150'000, 151'000}, {-90'000'000'000, 90'000'000'000}}) {
    for (double width : {400.0, 1400.0}) {
      const Viewport vp{start_of(a), start_of(b), 0, width};
      const Axis ax = build_axis(vp, kText, kAll);
      EXPECT_EQ(ax.step.unit, TickUnit::Year) << a << " " << b;
      ASSERT_FALSE(ax.ticks.empty()) << a << " " << b << " at " << width;
      EXPECT_TRUE(disjoint(tick_spans(ax.ticks), 0, width)) << a << " " << b;
      EXPECT_TRUE(disjoint(period_spans(ax), 0, width)) << a << " " << b;
      for (const auto& row : ax.calendars) EXPECT_TRUE(row.ticks.empty()) << a << " " << b;
      for (std::size_t k = 1; k < ax.ticks.size(); ++k) EXPECT_LT(ax.ticks[k - 1].x, ax.ticks[k].x);
    }
  }
  const Axis near = build_axis(Viewport{start_of(150'000), start_of(151'000), 0, 1400}, kText, {});
  EXPECT_EQ(near.ticks.front().label, "150,000");
}

TEST(Axis, NoTwoLabelsOfARowOverlapAtAnyZoomAcrossTheRange) {
  std::mt19937 rng{8};
  int checked = 0;
  for (double span_days = 60.0 / 86400; span_days < 20000 * 365.0; span_days *= 1.9) {
    for (int k = 0; k < 6; ++k) {
      const double width = std::uniform_real_distribution<double>(250, 2600)(rng);
      const int y = std::uniform_int_distribution<int>(-9999, 9999)(rng);
      const Seconds a = at(y, std::uniform_int_distribution<unsigned>(1, 12)(rng), 7) +
                        std::chrono::seconds{std::uniform_int_distribution<int>(0, 86399)(rng)};
      const Viewport vp{a, a + std::chrono::seconds{std::int64_t(span_days * 86400)}, 100, width};
      const Axis ax = build_axis(vp, kText, kAll);
      ASSERT_TRUE(disjoint(tick_spans(ax.ticks), 100, 100 + width)) << span_days << " days from " << y;
      ASSERT_TRUE(disjoint(period_spans(ax), 100, 100 + width)) << span_days << " days from " << y;
      ASSERT_EQ(ax.calendars.size(), 3u);
      for (const auto& row : ax.calendars) {
        ASSERT_TRUE(disjoint(tick_spans(row.ticks), 100, 100 + width))
            << calendar_id(row.calendar) << " " << span_days << " days from " << y;
        EXPECT_FALSE(row.ticks.empty()) << calendar_id(row.calendar) << " " << span_days << " days from " << y;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 150);
}

TEST(AxisCalendars, SolarHijriYearsStartAtNowruz) {
  // Three years across 1600 px: month ticks, the year's first month named by its year.
  const Viewport vp{at(2014, 6), at(2017, 6), 0, 1600};
  const CalendarRow row = build_calendar_row(vp, kText, Calendar::SolarHijri);
  std::map<std::string, double> x;
  for (const auto& t : row.ticks) x[t.label] = t.x;
  ASSERT_TRUE(x.count("1394 SH") && x.count("1395 SH")) << ::testing::PrintToString(row.ticks.size());
  EXPECT_NEAR(x["1394 SH"], vp.to_x(at(2015, 3, 21)), 1e-6);
  EXPECT_NEAR(x["1395 SH"], vp.to_x(at(2016, 3, 20)), 1e-6);
}

TEST(AxisCalendars, MonthBoundaryTicksAtEveryZoom) {
  // Three months: days of the month, each month's first day named.
  const Viewport days{at(2015, 3, 1), at(2015, 6, 1), 0, 1600};
  const CalendarRow d = build_calendar_row(days, kText, Calendar::SolarHijri);
  auto find = [](const CalendarRow& r, const std::string& l) {
    for (const auto& t : r.ticks)
      if (t.label == l) return t.x;
    return -1.0;
  };
  EXPECT_NEAR(find(d, "1 Farvardin"), days.to_x(at(2015, 3, 21)), 1e-6);
  EXPECT_NEAR(find(d, "1 Ordibehesht"), days.to_x(at(2015, 4, 21)), 1e-6);
  EXPECT_NEAR(find(d, "1 Khordad"), days.to_x(at(2015, 5, 22)), 1e-6);
  const CalendarRow i = build_calendar_row(days, kText, Calendar::Islamic);
  EXPECT_NEAR(find(i, "1 Jumada al-thani"), days.to_x(at(2015, 3, 22)), 1e-6);  // tabular
  const CalendarRow j = build_calendar_row(days, kText, Calendar::Julian);
  EXPECT_NEAR(find(j, "1 April"), days.to_x(at(2015, 4, 14)), 1e-6);
  // Every tick of the day rows falls on midnight, in order.
  for (const auto* r : {&d, &i, &j})
    for (std::size_t k = 0; k < r->ticks.size(); ++k) {
      if (!r->ticks[k].boundary) continue;
      const Seconds t = days.to_time(r->ticks[k].x + 1e-6);
      EXPECT_EQ(t, Seconds{floor<date::days>(t)}) << r->ticks[k].label;
      if (k) {
        EXPECT_GT(r->ticks[k].x, r->ticks[k - 1].x);
      }
    }
  // An hour: no boundary in view, the day and month in view at the left edge.
  const Viewport hour{at(2015, 3, 25, 10), at(2015, 3, 25, 11), 0, 1600};
  const CalendarRow h = build_calendar_row(hour, kText, Calendar::SolarHijri);
  ASSERT_EQ(h.ticks.size(), 1u);
  EXPECT_FALSE(h.ticks[0].boundary);
  EXPECT_EQ(h.ticks[0].label, "Farvardin 1394 SH");
}

TEST(AxisCalendars, CenturiesShowYearsInEachCalendar) {
  const Viewport vp{at(1800), at(2100), 0, 1600};
  const CalendarRow r = build_calendar_row(vp, kText, Calendar::Islamic);
  bool round = false;
  for (const auto& t : r.ticks) round = round || t.label == "1400 AH";
  EXPECT_TRUE(round);
  for (const auto& t : r.ticks)
    if (t.label == "1400 AH") {
      EXPECT_NEAR(t.x, vp.to_x(Seconds{from_calendar(Calendar::Islamic, {1400, 1, 1})}), 1e-6);
    }
}
