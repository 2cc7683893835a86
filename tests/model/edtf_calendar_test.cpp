// Calendar arithmetic behind EDTF: int64 civil days agree with Hinnant's date and go on past date::year,
// completions of dates with X digits, season months.
#include "model/edtf_calendar.hpp"

#include <gtest/gtest.h>

using namespace cs;
using namespace cs::calendar;

namespace {
Pattern pattern(const char* digits, int parts, bool negative = false) {  // "156X1225"
  Pattern p;
  p.negative = negative;
  p.parts = parts;
  for (std::size_t i = 0; i < 8; ++i) p.digits[i] = digits[i] == 'X' ? -1 : digits[i] - '0';
  return p;
}
}  // namespace

TEST(EdtfCalendar, DaysFromCivilAgreesWithHinnant) {
  using namespace date;
  // Every 997th day from year -32767 to 32767, and each day across a few leap-year boundaries.
  const auto first = sys_days{year{-32767} / January / 1}.time_since_epoch().count();
  const auto last = sys_days{year{32767} / December / 31}.time_since_epoch().count();
  for (std::int64_t n = first; n <= last; n += 997) {
    const year_month_day ymd{sys_days{days{n}}};
    const Civil c{int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
    ASSERT_EQ(days_from_civil(c.year, c.month, c.day), n);
    ASSERT_EQ(civil_from_days(n), c);
  }
  for (int y : {-401, -400, -1, 0, 1900, 2000, 2100})
    for (std::int64_t n = sys_days{year{y} / February / 27}.time_since_epoch().count(), k = 0; k < 4; ++k) {
      const year_month_day ymd{sys_days{days{n + k}}};
      ASSERT_EQ(days_from_civil(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())), n + k);
    }
}

TEST(EdtfCalendar, FarYearsRoundTrip) {
  for (std::int64_t y : {std::int64_t{-99'999'999'999}, std::int64_t{-17'000'000}, std::int64_t{-40'001},
                         std::int64_t{40'000}, std::int64_t{170'000}, std::int64_t{99'999'999'999}})
    for (unsigned m : {1u, 2u, 12u}) {
      const unsigned d = days_in_month(y, m);
      EXPECT_EQ(civil_from_days(days_from_civil(y, m, d)), (Civil{y, m, d})) << y << "-" << m;
      EXPECT_EQ(days_from_civil(y + 400, m, 1) - days_from_civil(y, m, 1), 146097) << y;
    }
}

TEST(EdtfCalendar, StartOfGoesOnPastHinnantsRange) {
  EXPECT_EQ(start_of(32768) - start_of(32767), date::days{365});  // 32767 is a common year
  EXPECT_EQ(start_of(32769) - start_of(32768), date::days{366});  // 32768 is a leap year
  EXPECT_EQ(start_of(-32767) - start_of(-32768), date::days{366});  // -32768 is a leap year
  EXPECT_EQ(civil_of(start_of(170000, 7, 4)), (Civil{170000, 7, 4}));
  EXPECT_EQ(civil_of(start_of(-17200, 2, 29)), (Civil{-17200, 2, 29}));
  EXPECT_EQ(civil_of(start_of(2015, 11, 23) + std::chrono::hours{23}), (Civil{2015, 11, 23}));
  EXPECT_EQ(civil_of(start_of(-1, 12, 31) + std::chrono::hours{23}), (Civil{-1, 12, 31}));
}

TEST(EdtfCalendar, AddMonthsCrossesYears) {
  EXPECT_EQ(add_months(Civil{2001, 12, 1}, 3), (Civil{2002, 3, 1}));
  EXPECT_EQ(add_months(Civil{-1, 12, 1}, 1), (Civil{0, 1, 1}));
  EXPECT_EQ(add_months(Civil{0, 1, 1}, -1), (Civil{-1, 12, 1}));
}

TEST(EdtfCalendar, FirstAndLastMatches) {
  EXPECT_EQ(first_match(pattern("156X1225", 3)), (Civil{1560, 12, 25}));
  EXPECT_EQ(last_match(pattern("156X1225", 3)), (Civil{1569, 12, 25}));
  EXPECT_EQ(first_match(pattern("1XXX0000", 1, true)), (Civil{-1999, 1, 1}));
  EXPECT_EQ(last_match(pattern("1XXX0000", 1, true)), (Civil{-1000, 1, 1}));
  EXPECT_EQ(last_match(pattern("000X0000", 1, true)), (Civil{-1, 1, 1}));  // never -0000
  EXPECT_EQ(first_match(pattern("XXXX0229", 3)), (Civil{0, 2, 29}));
  EXPECT_EQ(last_match(pattern("XXXX0229", 3)), (Civil{9996, 2, 29}));
  EXPECT_EQ(last_match(pattern("20041XXX", 3)), (Civil{2004, 12, 31}));
  EXPECT_EQ(first_match(pattern("2004X3XX", 2)), (Civil{2004, 3, 1}));
  EXPECT_FALSE(first_match(pattern("XXX10229", 3)));  // no year ending in 1 is a leap year
  EXPECT_FALSE(first_match(pattern("2004023X", 3)));  // no 30 or 31 February
}

TEST(EdtfCalendar, Candidates) {
  EXPECT_EQ(month_candidates(pattern("20041X00", 2)), (std::vector<unsigned>{10, 11, 12}));
  EXPECT_EQ(month_candidates(pattern("2004X000", 2)), (std::vector<unsigned>{10}));
  EXPECT_EQ(day_candidates(pattern("200401X5", 3)), (std::vector<unsigned>{5, 15, 25}));
  EXPECT_EQ(year_candidates(pattern("201X0000", 1)).size(), 10u);
  EXPECT_EQ(year_candidates(pattern("XXXX0000", 1, true)).front(), -9999);
}

TEST(EdtfCalendar, SeasonMonths) {
  EXPECT_EQ(season_span(21)->first_month, 3u);
  EXPECT_EQ(season_span(24)->first_month, 12u);
  EXPECT_EQ(season_span(29)->first_month, 9u);
  EXPECT_EQ(season_span(30)->first_month, 12u);
  EXPECT_EQ(season_span(35)->first_month, 7u);
  EXPECT_EQ(season_span(38)->first_month, 5u);
  EXPECT_EQ(season_span(38)->months, 4u);
  EXPECT_EQ(season_span(41)->first_month, 7u);
  EXPECT_EQ(season_span(41)->months, 6u);
  EXPECT_FALSE(season_span(20));
  EXPECT_FALSE(season_span(42));
}
