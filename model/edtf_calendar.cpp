// Calendar arithmetic for EDTF: int64 civil days, completions of dates with unspecified digits, seasons.
#include "model/edtf_calendar.hpp"

#include <algorithm>

namespace cs::calendar {
namespace {

using namespace date;

constexpr std::int64_t kHinnantYears = 32767;        // date::year holds -32767 .. 32767
constexpr std::int64_t kHinnantDays = 11'000'000;    // about +-30,000 years around 1970: well inside

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool digits_match(const Pattern& p, int first, int count, unsigned value) {
  for (int i = first + count - 1; i >= first; --i, value /= 10)
    if (p.digits[std::size_t(i)] >= 0 && unsigned(p.digits[std::size_t(i)]) != value % 10) return false;
  return true;
}

// The (month, day) pairs the pattern allows that are real in a leap year or in a common one; checked
// through Hinnant's year_month_day on a representative year of each kind.
std::vector<std::pair<unsigned, unsigned>> real_days(const Pattern& p, bool leap) {
  std::vector<std::pair<unsigned, unsigned>> out;
  const year representative{leap ? 2000 : 2001};
  for (unsigned m : month_candidates(p))
    for (unsigned d : day_candidates(p))
      if (year_month_day{representative, month{m}, day{d}}.ok()) out.emplace_back(m, d);
  return out;
}

template <class Years>
std::optional<Civil> match(const Pattern& p, const Years& years, bool earliest) {
  if (years.empty()) return std::nullopt;
  const std::int64_t y0 = earliest ? years.front() : years.back();
  if (p.parts == 1) return Civil{y0, 1, 1};
  const auto months = month_candidates(p);
  if (months.empty()) return std::nullopt;
  if (p.parts == 2) return Civil{y0, earliest ? months.front() : months.back(), 1};
  const auto leap = real_days(p, true), common = real_days(p, false);
  const auto try_year = [&](std::int64_t y) -> std::optional<Civil> {
    const auto& pairs = is_leap(y) ? leap : common;
    if (pairs.empty()) return std::nullopt;
    const auto& md = earliest ? pairs.front() : pairs.back();
    return Civil{y, md.first, md.second};
  };
  if (earliest) {
    for (auto it = years.begin(); it != years.end(); ++it)
      if (auto c = try_year(*it)) return c;
  } else {
    for (auto it = years.rbegin(); it != years.rend(); ++it)
      if (auto c = try_year(*it)) return c;
  }
  return std::nullopt;
}

}  // namespace

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = unsigned(y - era * 400);                              // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + std::int64_t(doe) - 719468;
}

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = unsigned(z - era * 146097);                                 // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t y = std::int64_t(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                        // [0, 11]
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;                // [1, 31]
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;                   // [1, 12]
  return Civil{y + (m <= 2), m, d};
}

const char* month_name(unsigned m) {
  constexpr const char* kNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December"};
  return m >= 1 && m <= 12 ? kNames[m - 1] : "?";
}

bool is_leap(std::int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

unsigned days_in_month(std::int64_t y, unsigned m) {
  constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

Seconds start_of(std::int64_t y, unsigned m, unsigned d) {
  if (y >= -kHinnantYears && y <= kHinnantYears)
    return Seconds{sys_days{year_month_day{year{int(y)}, month{m}, day{d}}}};
  return Seconds{std::chrono::seconds{days_from_civil(y, m, d) * 86400}};
}

Civil civil_of(Seconds t) {
  const std::int64_t n = floor_div(t.time_since_epoch().count(), 86400);
  if (n < -kHinnantDays || n > kHinnantDays) return civil_from_days(n);
  const year_month_day ymd{sys_days{days{n}}};
  return Civil{int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

Civil add_months(Civil c, std::int64_t months) {
  const std::int64_t total = c.year * 12 + std::int64_t(c.month) - 1 + months;
  return Civil{floor_div(total, 12), unsigned(total - floor_div(total, 12) * 12) + 1, c.day};
}

Pattern pattern_of(const Date& d) {
  Pattern p;
  const Civil c = civil_of(d.start);
  p.negative = c.year < 0;
  auto abs_year = unsigned(p.negative ? -c.year : c.year);
  for (int i = 3; i >= 0; --i, abs_year /= 10) p.digits[std::size_t(i)] = int(abs_year % 10);
  p.digits[4] = int(c.month / 10), p.digits[5] = int(c.month % 10);
  p.digits[6] = int(c.day / 10), p.digits[7] = int(c.day % 10);
  for (std::size_t i = 0; i < 8; ++i)
    if (d.unspecified & (1u << i)) p.digits[i] = -1;
  p.parts = 1;
  if (d.precision >= Precision::Month || (d.unspecified & (kMonthDigits | kDayDigits))) p.parts = 2;
  if (d.precision >= Precision::Day || (d.unspecified & kDayDigits)) p.parts = 3;
  return p;
}

std::vector<std::int64_t> year_candidates(const Pattern& p) {
  // Every value of the X digits (10^count of them), on top of the known digits.
  unsigned known = 0, combinations = 1;
  std::vector<unsigned> x_weights;
  for (int i = 0, weight = 1000; i < 4; ++i, weight /= 10) {
    if (p.digits[std::size_t(i)] < 0) x_weights.push_back(unsigned(weight)), combinations *= 10;
    else known += unsigned(p.digits[std::size_t(i)] * weight);
  }
  std::vector<std::int64_t> out;
  out.reserve(combinations);
  for (unsigned k = 0; k < combinations; ++k) {
    unsigned v = known;
    for (unsigned rest = k, j = 0; j < x_weights.size(); ++j, rest /= 10) v += rest % 10 * x_weights[j];
    if (p.negative && v == 0) continue;  // there is no year -0000
    out.push_back(p.negative ? -std::int64_t(v) : std::int64_t(v));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<unsigned> month_candidates(const Pattern& p) {
  std::vector<unsigned> out;
  for (unsigned m = 1; m <= 12; ++m)
    if (digits_match(p, 4, 2, m)) out.push_back(m);
  return out;
}

std::vector<unsigned> day_candidates(const Pattern& p) {
  std::vector<unsigned> out;
  for (unsigned d = 1; d <= 31; ++d)
    if (digits_match(p, 6, 2, d)) out.push_back(d);
  return out;
}

std::optional<Civil> first_match(const Pattern& p) { return match(p, year_candidates(p), true); }
std::optional<Civil> last_match(const Pattern& p) { return match(p, year_candidates(p), false); }

std::optional<SeasonSpan> season_span(unsigned code) {
  // 21-24 as the northern seasons (25-28), 29-32 the southern ones, then quarters, quadrimesters, halves.
  constexpr SeasonSpan kSpans[] = {
      {3, 3}, {6, 3}, {9, 3}, {12, 3},                    // 21-24 spring, summer, autumn, winter
      {3, 3}, {6, 3}, {9, 3}, {12, 3},                    // 25-28 the same, northern hemisphere
      {9, 3}, {12, 3}, {3, 3}, {6, 3},                    // 29-32 southern spring, summer, autumn, winter
      {1, 3}, {4, 3}, {7, 3}, {10, 3},                    // 33-36 quarters
      {1, 4}, {5, 4}, {9, 4},                             // 37-39 quadrimesters
      {1, 6}, {7, 6}};                                    // 40-41 halves
  if (code < 21 || code > 41) return std::nullopt;
  return kSpans[code - 21];
}

}  // namespace cs::calendar
