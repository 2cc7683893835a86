// Calendar-aligned tick generation through Hinnant's date (no hand-rolled month or leap arithmetic).
#include "render/axis.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace cs {
namespace {

using namespace date;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::array<const char*, 12> kMon = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 7> kDow = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

constexpr std::array<TickStep, 28> kSteps = {{
    {TickUnit::Second, 1},  {TickUnit::Second, 5},  {TickUnit::Second, 15}, {TickUnit::Second, 30},
    {TickUnit::Minute, 1},  {TickUnit::Minute, 5},  {TickUnit::Minute, 15}, {TickUnit::Minute, 30},
    {TickUnit::Hour, 1},    {TickUnit::Hour, 3},    {TickUnit::Hour, 6},    {TickUnit::Hour, 12},
    {TickUnit::Day, 1},     {TickUnit::Day, 2},     {TickUnit::Week, 1},    {TickUnit::Month, 1},
    {TickUnit::Month, 3},   {TickUnit::Month, 6},   {TickUnit::Year, 1},    {TickUnit::Year, 2},
    {TickUnit::Year, 5},    {TickUnit::Year, 10},   {TickUnit::Year, 20},   {TickUnit::Year, 50},
    {TickUnit::Year, 100},  {TickUnit::Year, 200},  {TickUnit::Year, 500},  {TickUnit::Year, 1000},
}};

double nominal_seconds(TickStep s) {
  switch (s.unit) {
    case TickUnit::Second: return s.count;
    case TickUnit::Minute: return 60.0 * s.count;
    case TickUnit::Hour: return 3600.0 * s.count;
    case TickUnit::Day: return 86400.0 * s.count;
    case TickUnit::Week: return 7 * 86400.0 * s.count;
    case TickUnit::Month: return 30.436875 * 86400.0 * s.count;
    case TickUnit::Year: return 365.2425 * 86400.0 * s.count;
  }
  return 1;
}

std::string two(unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); }

const char* sample_label(TickStep s) {
  switch (s.unit) {
    case TickUnit::Second: return "00:00:00";
    case TickUnit::Minute:
    case TickUnit::Hour: return "00:00";
    case TickUnit::Day:
    case TickUnit::Week: return "30 Sep";
    case TickUnit::Month: return "Sep";
    case TickUnit::Year: return "3000 BCE";
  }
  return "";
}

std::string day_label(sys_days d) {
  const year_month_day ymd{d};
  return std::to_string(unsigned(ymd.day())) + " " + kMon[unsigned(ymd.month()) - 1];
}

std::string full_day_label(sys_days d) {
  const year_month_day ymd{d};
  return std::string{kDow[weekday{d}.c_encoding()]} + " " + day_label(d) + " " + year_name(int(ymd.year()));
}

// Year of a time point, clamped into date's range.
int year_of(Seconds t) { return int(year_month_day{floor<days>(t)}.year()); }

Seconds year_start(int y) { return Seconds{sys_days{year{y} / January / 1}}; }

std::string ordinal(int n) {
  const int mod100 = n % 100, mod10 = n % 10;
  const char* suf = (mod100 >= 11 && mod100 <= 13) ? "th" : mod10 == 1 ? "st" : mod10 == 2 ? "nd" : mod10 == 3 ? "rd" : "th";
  return std::to_string(n) + suf;
}

// Enclosing periods for year ticks: decades, centuries, millennia (CE); plain ranges before year 1.
std::string year_period_label(int y0, int len) {
  if (y0 <= 0) return year_name(y0) + " – " + year_name(y0 + len - 1);
  if (len == 10) return std::to_string(y0) + "s";
  if (len == 100) return ordinal(y0 / 100 + 1) + " century";
  return ordinal(y0 / 1000 + 1) + " millennium";
}

int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// First tick year at or before y for a step of n years. In the common era ticks fall on multiples of n;
// before it they fall on round BCE years (astronomical 1 - k*n), as historians count.
int first_tick_year(int y, int n) {
  if (n == 1) return y;
  if (y >= 1) return std::max(1, floor_div(y, n) * n);
  return 1 - (floor_div(1 - y, n) + 1) * n;  // round up in BCE numbering = earlier
}

int next_tick_year(int y, int n) {
  if (n == 1) return y + 1;
  if (y <= 0) return y + n;  // stays on the BCE grid, reaching year 1 at most
  return (y / n + 1) * n;
}

}  // namespace

TickStep choose_step(const Viewport& vp, const TextMeasure& text, double min_gap) {
  for (const TickStep& s : kSteps) {
    const double px = nominal_seconds(s) / vp.seconds_per_pixel();
    if (px >= std::max<double>(min_gap, text.width(sample_label(s)) + 16.0)) return s;
  }
  return kSteps.back();
}

Axis build_axis(const Viewport& vp, const TextMeasure& text) {
  Axis axis;
  const TickStep s = choose_step(vp, text);
  axis.step = s;
  const Seconds t0 = vp.start(), t1 = vp.end();
  auto tick = [&](Seconds t, std::string label) {
    const double x = vp.to_x(t);
    if (x >= vp.left() - 1e-6 && x <= vp.right()) axis.ticks.push_back({x, std::move(label)});
  };
  auto period = [&](Seconds a, Seconds b, std::string label) {
    axis.periods.push_back({vp.to_x(a), vp.to_x(b), std::move(label)});
  };
  const int guard_max = 4096;  // ticks are bounded by the screen; this only guards against a bad step
  switch (s.unit) {
    case TickUnit::Second:
    case TickUnit::Minute:
    case TickUnit::Hour: {
      const auto step = s.unit == TickUnit::Second ? seconds{s.count}
                        : s.unit == TickUnit::Minute ? seconds{minutes{s.count}}
                                                     : seconds{hours{s.count}};
      const sys_days d0 = floor<days>(t0);
      Seconds t = Seconds{d0} + ((t0 - Seconds{d0}) / step) * step;
      for (int i = 0; t <= t1 && i < guard_max; t += step, ++i) {
        const hh_mm_ss tod{t - Seconds{floor<days>(t)}};
        std::string l = two(unsigned(tod.hours().count())) + ":" + two(unsigned(tod.minutes().count()));
        if (s.unit == TickUnit::Second) l += ":" + two(unsigned(tod.seconds().count()));
        tick(t, l);
      }
      for (sys_days d = d0; Seconds{d} <= t1; d += days{1}) period(Seconds{d}, Seconds{d + days{1}}, full_day_label(d));
      break;
    }
    case TickUnit::Day:
    case TickUnit::Week: {
      sys_days d = floor<days>(t0);
      if (s.unit == TickUnit::Week) d -= (weekday{d} - Monday);  // weeks start on Monday
      else d -= days{(d.time_since_epoch().count() % s.count + s.count) % s.count};
      const days step = s.unit == TickUnit::Week ? days{7} : days{s.count};
      for (int i = 0; Seconds{d} <= t1 && i < guard_max; d += step, ++i) tick(Seconds{d}, day_label(d));
      for (year_month ym = year_month_day{floor<days>(t0)}.year() / year_month_day{floor<days>(t0)}.month();
           Seconds{sys_days{ym / 1}} <= t1; ym += months{1}) {
        period(Seconds{sys_days{ym / 1}}, Seconds{sys_days{(ym + months{1}) / 1}},
               std::string{kMon[unsigned(ym.month()) - 1]} + " " + year_name(int(ym.year())));
      }
      break;
    }
    case TickUnit::Month: {
      const year_month_day ymd0{floor<days>(t0)};
      const unsigned m0 = (unsigned(ymd0.month()) - 1) / unsigned(s.count) * unsigned(s.count) + 1;
      year_month ym = ymd0.year() / month{m0};
      for (int i = 0; Seconds{sys_days{ym / 1}} <= t1 && i < guard_max; ym += months{s.count}, ++i) {
        std::string l = kMon[unsigned(ym.month()) - 1];
        tick(Seconds{sys_days{ym / 1}}, l);
      }
      for (int y = int(ymd0.year()); year_start(y) <= t1; ++y) period(year_start(y), year_start(y + 1), year_name(y));
      break;
    }
    case TickUnit::Year: {
      const int y0 = year_of(t0), y1 = year_of(t1);
      for (int y = first_tick_year(y0, s.count), i = 0; y <= y1 && i < guard_max; ++i) {
        tick(year_start(y), year_name(y));
        y = next_tick_year(y, s.count);
      }
      const int len = s.count < 10 ? 10 : s.count < 100 ? 100 : 1000;
      for (int p = floor_div(y0, len) * len; p <= y1; p += len)
        period(year_start(p), year_start(p + len), year_period_label(p, len));
      break;
    }
  }
  return axis;
}

}  // namespace cs
