// EDTF (ISO 8601-2) subset: dates that keep their precision and qualifiers, and intervals.
// Parsing validates through Hinnant's date, so impossible dates (2017-02-30) are errors.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cs {

using Seconds = date::sys_seconds;

enum class Precision : std::uint8_t { Year, Month, Day, Minute, Second };

// One calendar date or instant as written, e.g. "2015", "2015-09?", "-0500~", "2015-11-23T10:30:00Z".
struct Date {
  Seconds start{};  // first second of the period the date names (UTC)
  Precision precision = Precision::Day;
  bool uncertain = false;    // '?'
  bool approximate = false;  // '~'

  // One past the last second of the named period: "2015" ends at 2016-01-01T00:00:00.
  Seconds end() const;
  bool operator==(const Date&) const = default;
};

// A point (start only), a closed interval, or an interval still going on ("2015-09-30/..").
struct When {
  Date start;
  std::optional<Date> end;  // closed interval when set
  bool open_end = false;    // "/.."

  bool is_interval() const { return end.has_value() || open_end; }
  // The half-open span of time the date covers; an open end covers up to `Seconds::max()`.
  Seconds begin_time() const { return start.start; }
  Seconds end_time() const;
  bool operator==(const When&) const = default;
};

struct EdtfError {
  std::string message;
};

struct EdtfResult {
  std::optional<When> value;
  EdtfError error;  // set when !value
};

EdtfResult parse_edtf(std::string_view text);
std::optional<Date> parse_edtf_date(std::string_view text, std::string* error = nullptr);

// "Monday, 23 November 2015", "September 2015", "501 BCE", "10:30 UTC, Monday, 23 November 2015".
std::string describe(const Date& d);
std::string describe(const When& w);

// "2015-11-23T10:30:00Z" (astronomical years: "-3000-05-10T00:00:00Z").
std::string format_iso(Seconds t);

// Astronomical year -> "501 BCE" / "2015".
std::string year_name(int astronomical_year);

}  // namespace cs
