// Calendar arithmetic behind EDTF dates: civil dates as int64 days where date::year (+-32767) cannot hold
// the year, the earliest and latest real date a pattern with unspecified digits (X) stands for, and the
// months of seasons, quarters, quadrimesters and halves.
#pragma once

#include "model/edtf.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace cs::calendar {

struct Civil {
  std::int64_t year = 0;  // astronomical: 0 is 1 BCE
  unsigned month = 1;
  unsigned day = 1;
  bool operator==(const Civil&) const = default;
};

// Howard Hinnant's days_from_civil and civil_from_days ("chrono-Compatible Low-Level Date Algorithms"),
// on int64 days since 1970-01-01 in the proleptic Gregorian calendar.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);
Civil civil_from_days(std::int64_t days);

// "January" .. "December" for 1..12.
const char* month_name(unsigned m);

bool is_leap(std::int64_t y);
unsigned days_in_month(std::int64_t y, unsigned m);

// The first second of a civil date (which must be real), and the date a second falls on. Through
// Hinnant's date types while date::year holds the year, through the int64 algorithms beyond.
Seconds start_of(std::int64_t y, unsigned m = 1, unsigned d = 1);
Civil civil_of(Seconds t);
// `c` moved by whole months (the day is kept; callers use day 1).
Civil add_months(Civil c, std::int64_t months);

// A calendar date as written with X for unspecified digits: "156X-12-25", "-1XXX", "2004-XX".
struct Pattern {
  bool negative = false;           // a negative year: the digits are those of its absolute value
  std::array<int, 8> digits{};     // YYYYMMDD; -1 for X
  int parts = 1;                   // 1: year, 2: year-month, 3: year-month-day
};

// The pattern of a parsed date with unspecified digits (its known digits come from its start).
Pattern pattern_of(const Date& d);
// The earliest and the latest real date the pattern stands for (month and day 1 where not written);
// nothing when no real date matches ("2004-02-3X", "XXX1-02-29").
std::optional<Civil> first_match(const Pattern& p);
std::optional<Civil> last_match(const Pattern& p);
// The years, months (1..12) and days (1..31) each written part allows, ascending.
std::vector<std::int64_t> year_candidates(const Pattern& p);
std::vector<unsigned> month_candidates(const Pattern& p);
std::vector<unsigned> day_candidates(const Pattern& p);

// A season code (21..41) of ISO 8601-2: the month it starts in and how many months it lasts.
struct SeasonSpan {
  unsigned first_month;
  unsigned months;
};
std::optional<SeasonSpan> season_span(unsigned code);

}  // namespace cs::calendar
