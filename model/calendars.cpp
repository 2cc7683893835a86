// Conversions through Hinnant's calendar headers; names and formatting.
#include "model/calendars.hpp"

#include "model/edtf.hpp"  // year_name

#include <date/islamic.h>
#include <date/julian.h>
#include <date/solar_hijri.h>

#include <array>

namespace cs {
namespace {

constexpr std::array<std::string_view, 12> kGregorianMonths = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"};
constexpr std::array<std::string_view, 12> kSolarHijriMonths = {
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
    "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"};
constexpr std::array<std::string_view, 12> kIslamicMonths = {
    "Muharram", "Safar", "Rabi' al-awwal", "Rabi' al-thani", "Jumada al-awwal", "Jumada al-thani",
    "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qi'dah", "Dhu al-Hijjah"};

template <class Ymd>
CalendarDate from_ymd(const Ymd& ymd) {
  return {int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())};
}

}  // namespace

std::string_view calendar_id(Calendar c) {
  switch (c) {
    case Calendar::Gregorian: return "gregorian";
    case Calendar::SolarHijri: return "solar-hijri";
    case Calendar::Islamic: return "islamic";
    case Calendar::Julian: return "julian";
  }
  return "gregorian";
}

std::string_view calendar_name(Calendar c) {
  switch (c) {
    case Calendar::Gregorian: return "Gregorian";
    case Calendar::SolarHijri: return "Solar Hijri";
    case Calendar::Islamic: return "Islamic";
    case Calendar::Julian: return "Julian";
  }
  return "Gregorian";
}

std::optional<Calendar> parse_calendar(std::string_view id) {
  for (Calendar c : {Calendar::Gregorian, Calendar::SolarHijri, Calendar::Islamic, Calendar::Julian})
    if (calendar_id(c) == id) return c;
  return std::nullopt;
}

std::optional<std::vector<Calendar>> parse_calendar_list(std::string_view list, std::string* error) {
  std::vector<Calendar> out;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    const auto c = parse_calendar(name);
    if (!c) {
      if (error)
        *error = "unknown calendar '" + std::string{name} + "' (expected gregorian, solar-hijri, islamic or julian)";
      return std::nullopt;
    }
    bool seen = false;
    for (Calendar o : out) seen = seen || o == *c;
    if (!seen) out.push_back(*c);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

CalendarDate to_calendar(Calendar c, date::sys_days d) {
  switch (c) {
    case Calendar::Gregorian: return from_ymd(date::year_month_day{d});
    case Calendar::SolarHijri: return from_ymd(solar_hijri::year_month_day{d});
    case Calendar::Islamic: return from_ymd(islamic::year_month_day{d});
    case Calendar::Julian: return from_ymd(julian::year_month_day{d});
  }
  return {};
}

date::sys_days from_calendar(Calendar c, const CalendarDate& cd) {
  switch (c) {
    case Calendar::Gregorian: return date::sys_days{date::year{cd.year} / date::month{cd.month} / date::day{cd.day}};
    case Calendar::SolarHijri:
      return date::sys_days{solar_hijri::year{cd.year} / solar_hijri::month{cd.month} / solar_hijri::day{cd.day}};
    case Calendar::Islamic:
      return date::sys_days{islamic::year{cd.year} / islamic::month{cd.month} / islamic::day{cd.day}};
    case Calendar::Julian: return date::sys_days{julian::year{cd.year} / julian::month{cd.month} / julian::day{cd.day}};
  }
  return {};
}

unsigned days_in_month(Calendar c, int y, unsigned m) {
  switch (c) {
    case Calendar::Gregorian:
      return unsigned((date::year{y} / date::month{m} / date::last).day());
    case Calendar::SolarHijri:
      return unsigned((solar_hijri::year{y} / solar_hijri::month{m} / solar_hijri::last).day());
    case Calendar::Islamic: return unsigned((islamic::year{y} / islamic::month{m} / islamic::last).day());
    case Calendar::Julian: return unsigned((julian::year{y} / julian::month{m} / julian::last).day());
  }
  return 30;
}

date::sys_days next_month_start(Calendar c, const CalendarDate& cd) {
  return cd.month == 12 ? from_calendar(c, {cd.year + 1, 1, 1}) : from_calendar(c, {cd.year, cd.month + 1, 1});
}

date::sys_days year_start(Calendar c, int y) { return from_calendar(c, {y, 1, 1}); }

std::string_view month_name(Calendar c, unsigned m) {
  const std::size_t k = (m >= 1 && m <= 12) ? m - 1 : 0;
  switch (c) {
    case Calendar::SolarHijri: return kSolarHijriMonths[k];
    case Calendar::Islamic: return kIslamicMonths[k];
    case Calendar::Gregorian:
    case Calendar::Julian: return kGregorianMonths[k];
  }
  return kGregorianMonths[k];
}

std::string calendar_year_name(Calendar c, int y) {
  switch (c) {
    case Calendar::SolarHijri: return y >= 1 ? std::to_string(y) + " SH" : std::to_string(1 - y) + " BH";
    case Calendar::Islamic: return y >= 1 ? std::to_string(y) + " AH" : std::to_string(1 - y) + " BH";
    case Calendar::Gregorian:
    case Calendar::Julian: return year_name(y);
  }
  return year_name(y);
}

std::string format_day(Calendar c, date::sys_days d) {
  const CalendarDate cd = to_calendar(c, d);
  std::string s = std::to_string(cd.day) + " " + std::string{month_name(c, cd.month)} + " " +
                  calendar_year_name(c, cd.year);
  if (c == Calendar::Julian) s += " (Julian)";
  return s;
}

}  // namespace cs
