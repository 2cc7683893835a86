// Calendar-aligned tick generation through Hinnant's date (no hand-rolled month or leap arithmetic).
#include "render/axis.hpp"

#include "model/edtf_calendar.hpp"

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

constexpr std::array<TickStep, 52> kSteps = {{
    {TickUnit::Second, 1},  {TickUnit::Second, 5},  {TickUnit::Second, 15}, {TickUnit::Second, 30},
    {TickUnit::Minute, 1},  {TickUnit::Minute, 5},  {TickUnit::Minute, 15}, {TickUnit::Minute, 30},
    {TickUnit::Hour, 1},    {TickUnit::Hour, 3},    {TickUnit::Hour, 6},    {TickUnit::Hour, 12},
    {TickUnit::Day, 1},     {TickUnit::Day, 2},     {TickUnit::Week, 1},    {TickUnit::Month, 1},
    {TickUnit::Month, 3},   {TickUnit::Month, 6},   {TickUnit::Year, 1},    {TickUnit::Year, 2},
    {TickUnit::Year, 5},    {TickUnit::Year, 10},   {TickUnit::Year, 20},   {TickUnit::Year, 50},
    {TickUnit::Year, 100},  {TickUnit::Year, 200},  {TickUnit::Year, 500},  {TickUnit::Year, 1000},
    {TickUnit::Year, 2000}, {TickUnit::Year, 5000}, {TickUnit::Year, 10000},
    // Long years (EDTF "Y170000"): as far as int64 seconds reach.
    {TickUnit::Year, 20'000}, {TickUnit::Year, 50'000}, {TickUnit::Year, 100'000}, {TickUnit::Year, 200'000},
    {TickUnit::Year, 500'000}, {TickUnit::Year, 1'000'000}, {TickUnit::Year, 2'000'000}, {TickUnit::Year, 5'000'000},
    {TickUnit::Year, 10'000'000}, {TickUnit::Year, 20'000'000}, {TickUnit::Year, 50'000'000},
    {TickUnit::Year, 100'000'000}, {TickUnit::Year, 200'000'000}, {TickUnit::Year, 500'000'000},
    {TickUnit::Year, 1'000'000'000}, {TickUnit::Year, 2'000'000'000}, {TickUnit::Year, 5'000'000'000},
    {TickUnit::Year, 10'000'000'000}, {TickUnit::Year, 20'000'000'000}, {TickUnit::Year, 50'000'000'000},
    {TickUnit::Year, 100'000'000'000},
}};
// Finer units than years need Hinnant's date, whose years end at +-32767.
constexpr std::int64_t kDateYears = 32000;

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

// The widest label a step can show; for years, the widest year in view (the one furthest from year 1).
std::string sample_label(TickStep s, const std::string& widest_year) {
  switch (s.unit) {
    case TickUnit::Second: return "00:00:00";
    case TickUnit::Minute:
    case TickUnit::Hour: return "00:00";
    case TickUnit::Day:
    case TickUnit::Week: return "30 Sep";
    case TickUnit::Month: return "Sep";
    case TickUnit::Year: return widest_year;
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

// Year of a time point and 1 January of a year, on int64 years (long EDTF years reach past date::year).
std::int64_t year_of(Seconds t) { return calendar::civil_of(t).year; }
Seconds year_start(std::int64_t y) { return calendar::start_of(y); }

std::string widest_year_label(const Viewport& vp, const TextMeasure& text) {
  std::string a = year_name(year_of(vp.start())), b = year_name(year_of(vp.end()));
  return text.width(a) >= text.width(b) ? a : b;
}

std::string ordinal(std::int64_t n) {
  const std::int64_t mod100 = n % 100, mod10 = n % 10;
  const char* suf = (mod100 >= 11 && mod100 <= 13) ? "th" : mod10 == 1 ? "st" : mod10 == 2 ? "nd" : mod10 == 3 ? "rd" : "th";
  return std::to_string(n) + suf;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b);

// Enclosing periods for year ticks, on the same grid as the ticks: decades, centuries, millennia of the
// common era ([1970, 1980) is "1970s"); before year 1 they end at round BCE years ([-999, 1) is
// "1000 BCE – 1 BCE"), and the first period of the era starts at year 1.
std::int64_t period_start(std::int64_t y, std::int64_t len) {
  return y >= 1 ? std::max<std::int64_t>(1, floor_div(y, len) * len) : 1 - (floor_div(-y, len) + 1) * len;
}
std::int64_t period_end(std::int64_t p, std::int64_t len) { return p <= 0 ? p + len : (p / len + 1) * len; }
std::string year_period_label(std::int64_t p, std::int64_t len) {
  const std::int64_t q = period_end(p, len);
  if (p <= 0 || len > 1000 || (p % len != 0 && (p != 1 || len == 10))) return year_name(p) + " – " + year_name(q - 1);
  if (len == 10) return std::to_string(p) + "s";
  if (len == 100) return ordinal(p / 100 + 1) + " century";
  return ordinal(p / 1000 + 1) + " millennium";
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// First tick year at or before y for a step of n years. In the common era ticks fall on multiples of n;
// before it they fall on round BCE years (astronomical 1 - k*n), as historians count.
std::int64_t first_tick_year(std::int64_t y, std::int64_t n) {
  if (n == 1) return y;
  if (y >= 1) return std::max<std::int64_t>(1, floor_div(y, n) * n);
  return 1 - (floor_div(1 - y, n) + 1) * n;  // round up in BCE numbering = earlier
}

std::int64_t next_tick_year(std::int64_t y, std::int64_t n) {
  if (n == 1) return y + 1;
  if (y <= 0) return y + n;  // stays on the BCE grid, reaching year 1 at most
  return (y / n + 1) * n;
}

}  // namespace

TickStep choose_step(const Viewport& vp, const TextMeasure& text, double min_gap) {
  const std::string widest_year = widest_year_label(vp, text);
  const bool dated = std::abs(year_of(vp.start())) < kDateYears && std::abs(year_of(vp.end())) < kDateYears;
  for (const TickStep& s : kSteps) {
    if (!dated && s.unit != TickUnit::Year) continue;
    const double px = nominal_seconds(s) / vp.seconds_per_pixel();
    if (px >= std::max<double>(min_gap, text.width(sample_label(s, widest_year)) + 16.0)) return s;
  }
  return kSteps.back();
}

Axis build_axis(const Viewport& vp, const TextMeasure& text, std::span<const Calendar> calendars) {
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
      const std::int64_t y0 = year_of(t0), y1 = year_of(t1);
      for (std::int64_t y = first_tick_year(y0, s.count), i = 0; y <= y1 && i < guard_max; ++i) {
        tick(year_start(y), year_name(y));
        y = next_tick_year(y, s.count);
      }
      // Periods ten times the step or more, as long as their labels fit them (ten millennia at most).
      std::int64_t len = 10;
      while (len < 1'000'000'000'000 && (len <= s.count || vp.to_x(year_start(len)) - vp.to_x(year_start(0)) <
                                                   text.width(year_period_label(period_start(y0, len), len)) + 10))
        len *= 10;
      for (std::int64_t p = period_start(y0, len), i = 0; p <= y1 && i < guard_max; p = period_end(p, len), ++i)
        period(year_start(p), year_start(period_end(p, len)), year_period_label(p, len));
      break;
    }
  }
  // Period labels start at their period, or stick to the left edge while it is in view; one that does not
  // fit inside its period is left out, so neighbours never overlap.
  for (AxisPeriod& p : axis.periods) {
    const double w = text.width(p.label);
    p.label_x = std::min(std::max(p.x0, vp.left()) + 5, p.x1 - w - 5);
    if (p.x1 - p.x0 < w + 10 || p.label_x < vp.left() || p.label_x >= vp.right() || p.x1 < vp.left()) p.label.clear();
  }
  for (Calendar c : calendars) axis.calendars.push_back(build_calendar_row(vp, text, c));
  return axis;
}

namespace {

// Greedy placement in one calendar row: a tick is kept only where its label starts clear of the last one.
class RowEmitter {
 public:
  RowEmitter(const Viewport& vp, const TextMeasure& text, CalendarRow& row) : vp_(vp), text_(text), row_(row) {}
  void tick(sys_days d, std::string label) {
    const double x = vp_.to_x(Seconds{d});
    if (x < vp_.left() - 1e-6 || x > vp_.right() || x < label_end_ + kGap) return;
    label_end_ = x + kAxisLabelPad + text_.width(label);
    row_.ticks.push_back({x, std::move(label), true});
  }
  // What is in view at the left edge, when it fits before the first tick.
  void context(std::string label) {
    const double end = vp_.left() + kAxisLabelPad + text_.width(label);
    if (!row_.ticks.empty() && end + kGap > row_.ticks.front().x) return;
    row_.ticks.insert(row_.ticks.begin(), {vp_.left(), std::move(label), false});
  }

 private:
  static constexpr double kGap = 8;
  const Viewport& vp_;
  const TextMeasure& text_;
  CalendarRow& row_;
  double label_end_ = -1e30;
};

constexpr int kDaySteps[] = {1, 2, 5, 10};
constexpr int kMonthSteps[] = {1, 2, 3, 6};
constexpr int kYearSteps[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};

}  // namespace

CalendarRow build_calendar_row(const Viewport& vp, const TextMeasure& text, Calendar c) {
  CalendarRow row{c, {}};
  // The calendars go through Hinnant's date: no row where its years end.
  if (std::abs(year_of(vp.start())) >= kDateYears || std::abs(year_of(vp.end())) >= kDateYears) return row;
  RowEmitter emit{vp, text, row};
  const double ppd = 86400.0 / vp.seconds_per_pixel();  // pixels per day
  const double month_px = ppd * (c == Calendar::Islamic ? 29.53 : 30.44);
  const double year_px = ppd * (c == Calendar::Islamic ? 354.37 : 365.2425);
  const sys_days d0 = floor<days>(vp.start()), d1 = floor<days>(vp.end());
  const CalendarDate first = to_calendar(c, d0), last = to_calendar(c, d1);
  double month_w = 0, long_w = 0;
  for (unsigned m = 1; m <= 12; ++m) {
    month_w = std::max<double>(month_w, text.width(month_name(c, m)));
    long_w = std::max<double>(long_w, text.width("1 " + std::string{month_name(c, m)}));
  }
  const double year_w = std::max(text.width(calendar_year_name(c, first.year)), text.width(calendar_year_name(c, last.year)));
  const double room = 12;  // between a label's end and the next tick, at least
  // Days of the month (1, 1+k, ...), months (the year's first named by its year), or years.
  int day_step = 0, month_step = 0, year_step = kYearSteps[std::size(kYearSteps) - 1];
  if (month_px >= long_w + room)
    for (int k : kDaySteps)
      if (day_step == 0 && k * ppd >= text.width("88") + room) day_step = k;
  if (day_step == 0)
    for (int m : kMonthSteps)
      if (month_step == 0 && m * month_px >= std::max(month_w, year_w) + room) month_step = m;
  if (day_step == 0 && month_step == 0)
    for (int n : kYearSteps)
      if (n * year_px >= year_w + room) {
        year_step = n;
        break;
      }
  const int guard_max = 4096;  // ticks are bounded by the screen; this only guards against a bad step
  int guard = 0;
  if (day_step || month_step) {
    for (CalendarDate m{first.year, first.month, 1}; from_calendar(c, m) <= d1 && guard < guard_max; ++guard) {
      if (day_step) {
        const unsigned dim = days_in_month(c, m.year, m.month);
        for (unsigned d = 1; d == 1 || d + unsigned(day_step) <= dim + 1; d += unsigned(day_step))
          emit.tick(from_calendar(c, {m.year, m.month, d}),
                    d == 1 ? "1 " + std::string{month_name(c, m.month)} : std::to_string(d));
      } else if ((m.month - 1) % unsigned(month_step) == 0) {
        emit.tick(from_calendar(c, m), m.month == 1 ? calendar_year_name(c, m.year) : std::string{month_name(c, m.month)});
      }
      m = m.month == 12 ? CalendarDate{m.year + 1, 1, 1} : CalendarDate{m.year, m.month + 1, 1};
    }
    emit.context(day_step ? std::string{month_name(c, first.month)} + " " + calendar_year_name(c, first.year)
                          : calendar_year_name(c, first.year));
  } else {
    for (int y = int(first_tick_year(first.year, year_step)); y <= last.year && guard < guard_max; ++guard) {
      emit.tick(year_start(c, y), calendar_year_name(c, y));
      y = int(next_tick_year(y, year_step));
    }
    emit.context(calendar_year_name(c, first.year));
  }
  return row;
}

}  // namespace cs
