// Parallel calendars: known correspondences, month boundaries, names, and round trips through Hinnant's date.
#include "model/calendars.hpp"

#include <gtest/gtest.h>

using namespace cs;
using namespace date;

namespace {
sys_days g(int y, unsigned m, unsigned d) { return sys_days{year{y} / m / d}; }
}  // namespace

TEST(Calendars, NowruzOpensTheSolarHijriYear) {
  EXPECT_EQ(from_calendar(Calendar::SolarHijri, {1394, 1, 1}), g(2015, 3, 21));
  EXPECT_EQ(from_calendar(Calendar::SolarHijri, {1395, 1, 1}), g(2016, 3, 20));
  EXPECT_EQ(to_calendar(Calendar::SolarHijri, g(2015, 3, 21)), (CalendarDate{1394, 1, 1}));
  EXPECT_EQ(to_calendar(Calendar::SolarHijri, g(2015, 3, 20)), (CalendarDate{1393, 12, 29}));
  EXPECT_EQ(year_start(Calendar::SolarHijri, 1395), g(2016, 3, 20));
}

TEST(Calendars, SolarHijriMonthBoundaries) {
  // The first six months have 31 days, the next five 30, Esfand 29 (30 in a leap year: 1395 is one).
  EXPECT_EQ(days_in_month(Calendar::SolarHijri, 1394, 1), 31u);
  EXPECT_EQ(days_in_month(Calendar::SolarHijri, 1394, 7), 30u);
  EXPECT_EQ(days_in_month(Calendar::SolarHijri, 1394, 12), 29u);
  EXPECT_EQ(days_in_month(Calendar::SolarHijri, 1395, 12), 30u);
  EXPECT_EQ(from_calendar(Calendar::SolarHijri, {1394, 2, 1}), g(2015, 4, 21));  // 1 Ordibehesht
  EXPECT_EQ(from_calendar(Calendar::SolarHijri, {1394, 7, 1}), g(2015, 9, 23));  // 1 Mehr
  EXPECT_EQ(next_month_start(Calendar::SolarHijri, {1394, 12, 5}), g(2016, 3, 20));
}

TEST(Calendars, IslamicAndJulianCorrespondences) {
  EXPECT_EQ(to_calendar(Calendar::Islamic, g(2015, 2, 28)), (CalendarDate{1436, 5, 9}));
  EXPECT_EQ(from_calendar(Calendar::Islamic, {1436, 9, 1}), g(2015, 6, 18));  // 1 Ramadan 1436 (tabular)
  EXPECT_EQ(to_calendar(Calendar::Julian, g(2015, 3, 23)), (CalendarDate{2015, 3, 10}));
  EXPECT_EQ(to_calendar(Calendar::Julian, g(1582, 10, 15)), (CalendarDate{1582, 10, 5}));  // the switch
  EXPECT_EQ(next_month_start(Calendar::Julian, {2015, 12, 31}), g(2016, 1, 14));
}

TEST(Calendars, DaysAreWrittenOutWithTransliteratedMonths) {
  EXPECT_EQ(format_day(Calendar::SolarHijri, g(2015, 3, 21)), "1 Farvardin 1394 SH");
  EXPECT_EQ(format_day(Calendar::Islamic, g(2015, 2, 28)), "9 Jumada al-awwal 1436 AH");
  EXPECT_EQ(format_day(Calendar::Julian, g(2015, 3, 23)), "10 March 2015 (Julian)");
  EXPECT_EQ(format_day(Calendar::Gregorian, g(2015, 3, 21)), "21 March 2015");
  EXPECT_EQ(format_day(Calendar::Julian, g(-43, 3, 13)), "15 March 44 BCE (Julian)");
  EXPECT_EQ(month_name(Calendar::SolarHijri, 2), "Ordibehesht");
  EXPECT_EQ(month_name(Calendar::SolarHijri, 3), "Khordad");
  EXPECT_EQ(month_name(Calendar::Islamic, 1), "Muharram");
  EXPECT_EQ(month_name(Calendar::Islamic, 3), "Rabi' al-awwal");
  EXPECT_EQ(calendar_year_name(Calendar::Islamic, 0), "1 BH");
}

TEST(Calendars, EveryDayRoundTripsAndMonthsAreContiguous) {
  for (Calendar c : {Calendar::Gregorian, Calendar::SolarHijri, Calendar::Islamic, Calendar::Julian}) {
    CalendarDate prev = to_calendar(c, g(1899, 12, 31));
    for (sys_days d = g(1900, 1, 1); d < g(2101, 1, 1); d += days{1}) {
      const CalendarDate cd = to_calendar(c, d);
      ASSERT_EQ(from_calendar(c, cd), d) << calendar_id(c);
      const bool next_day = cd.year == prev.year && cd.month == prev.month && cd.day == prev.day + 1;
      const bool next_month = cd.day == 1 && prev.day == days_in_month(c, prev.year, prev.month) &&
                              (cd.month == prev.month + 1 || (cd.month == 1 && prev.month == 12 && cd.year == prev.year + 1));
      ASSERT_TRUE(next_day || next_month) << calendar_id(c) << " " << format_day(c, d);
      prev = cd;
    }
  }
}

TEST(Calendars, ListsParseAndNameTheUnknown) {
  const auto l = parse_calendar_list("solar-hijri,islamic,julian");
  ASSERT_TRUE(l);
  EXPECT_EQ(*l, (std::vector<Calendar>{Calendar::SolarHijri, Calendar::Islamic, Calendar::Julian}));
  std::string err;
  EXPECT_FALSE(parse_calendar_list("islamic,persian", &err));
  EXPECT_EQ(err, "unknown calendar 'persian' (expected gregorian, solar-hijri, islamic or julian)");
  EXPECT_EQ(calendar_id(Calendar::SolarHijri), "solar-hijri");
}
