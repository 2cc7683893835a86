// Parallel calendars: a day of the proleptic Gregorian timeline written in the Solar Hijri (Iran's civil
// calendar), tabular Islamic and Julian calendars, through Hinnant's solar_hijri.h, islamic.h and julian.h
// (no calendar arithmetic of our own). Month names are transliterated.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

enum class Calendar : std::uint8_t { Gregorian, SolarHijri, Islamic, Julian };

// "gregorian", "solar-hijri", "islamic", "julian": the names used on the command line and in JSON.
std::string_view calendar_id(Calendar c);
// "Gregorian", "Solar Hijri", "Islamic", "Julian": for row headers and menus.
std::string_view calendar_name(Calendar c);
std::optional<Calendar> parse_calendar(std::string_view id);
// A comma-separated list ("solar-hijri,islamic"); nullopt with `error` set on an unknown name.
std::optional<std::vector<Calendar>> parse_calendar_list(std::string_view list, std::string* error = nullptr);

// A date in one calendar: year as that calendar counts it (astronomical: 0 and negatives before its era),
// month 1-12, day 1-31.
struct CalendarDate {
  int year = 1;
  unsigned month = 1;
  unsigned day = 1;
  bool operator==(const CalendarDate&) const = default;
};

CalendarDate to_calendar(Calendar c, date::sys_days d);
// The day `cd` names; `cd` must be a valid date of that calendar.
date::sys_days from_calendar(Calendar c, const CalendarDate& cd);
// The first day of the month after cd's month, and of the year after cd's year.
date::sys_days next_month_start(Calendar c, const CalendarDate& cd);
date::sys_days year_start(Calendar c, int year);
unsigned days_in_month(Calendar c, int year, unsigned month);

// "Farvardin", "Jumada al-awwal", "March"; month in 1-12.
std::string_view month_name(Calendar c, unsigned month);
// "1394 SH", "1436 AH", "2015" (Julian and Gregorian; "44 BCE" before year 1); "12 BH" before the Hijra.
std::string calendar_year_name(Calendar c, int year);
// "1 Farvardin 1394 SH", "9 Jumada al-awwal 1436 AH", "10 March 2015 (Julian)", "21 March 2015".
std::string format_day(Calendar c, date::sys_days d);

}  // namespace cs
