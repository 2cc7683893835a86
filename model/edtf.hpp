// EDTF (ISO 8601-2, Library of Congress profile): dates that keep their precision and qualifiers, intervals
// with open and unknown ends, and sets. Impossible dates (2017-02-30, 2017-02-29) are errors.
//
// Supported (docs/schema.md, "Dates", has an example of each form and the list of what is refused):
//   level 0  2015, 2015-11, 2015-11-23, 2015-11-23T10:30Z, ...T10:30:00.5+03:30, -0500, 2015/2016-03
//   level 1  qualifiers 2015?, 2015-09~, 2015% (the whole date); unspecified digits 201X, 19XX, 2004-XX,
//            1985-04-XX, 1985-XX-XX; seasons 2001-21..24; long years Y170000, Y-17000; interval ends that
//            are unknown (/2006, 2004-06-11/) or open (../2006, 2004-06-11/..)
//   level 2  qualifiers on parts 2004?-06-11, ?2004-06-~11, 2004-06~-11; X in any digit 156X-12-25,
//            XXXX-12-XX; 2001-25..41 (hemisphere seasons, quarters, quadrimesters, halves); exponential
//            years Y-17E7; sets [1667,1668,1670..1672] (one of), {1960,1961-12} (all of), with earlier and
//            later members [..1760-12-03], [1760-12..]
// Not supported: significant digits (1950S2), two-digit centuries and three-digit decades (write 19XX,
// 201X), qualifiers on dates with X, seasons or long years, seasons and long years as interval ends or set
// members, date-times in sets.
//
// Years run from -99,999,999,999 to 99,999,999,999: int64 seconds since 1970 hold any instant of them and
// the difference of any two. Hinnant's date::year holds +-32767; beyond it days come from his
// days_from_civil algorithm on int64 (model/edtf_calendar.hpp). Leap seconds (23:59:60) are refused.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

using Seconds = date::sys_seconds;

// The unit the bounds of a date's span fall on. Stored in 3 bits by the event store: keep values below 8.
// `201X` is Year (its span is ten of them), a season is Month (three of them): `unspecified` and `season`
// say how many units a date covers.
enum class Precision : std::uint8_t { Year, Month, Day, Minute, Second };

// The parts of a calendar date, as bits, for qualifiers on one part ("2004?-06-11": the year).
inline constexpr std::uint8_t kYearPart = 1, kMonthPart = 2, kDayPart = 4;
// Unspecified digits of YYYYMMDD, as bits of Date::unspecified: bit 0 is the first digit of the year.
inline constexpr std::uint8_t kYearDigits = 0x0F, kMonthDigits = 0x30, kDayDigits = 0xC0;

// One calendar date or instant as written, e.g. "2015", "2015-09?", "-0500~", "2015-11-23T10:30:00Z",
// "201X", "2001-21", "Y-17000", "2004?-06-11".
struct Date {
  Seconds start{};  // first second of the span the date covers (UTC)
  // The finest part written with a known digit: Year for 201X and 1985-XX-XX, Month for 1985-04-XX and
  // seasons, Day for 156X-12-25.
  Precision precision = Precision::Day;
  bool uncertain = false;    // some part is uncertain ('?' or '%')
  bool approximate = false;  // some part is approximate ('~' or '%')
  // Which parts carry the qualifier (kYearPart | kMonthPart | kDayPart). A trailing qualifier qualifies
  // every part written ("2004-06?": year and month). 0 while the flag above is set means the whole date.
  std::uint8_t uncertain_parts = 0;
  std::uint8_t approximate_parts = 0;
  // X digits of YYYYMMDD (bit 0: first year digit; kYearDigits, kMonthDigits, kDayDigits). The span runs
  // from the earliest real date the digits allow to the end of the latest: 156X-12-25 covers 1560-12-25
  // to the end of 1569-12-25. For a negative year the digits are those of its absolute value.
  std::uint8_t unspecified = 0;
  // 21..41 when the date is a season, quarter, quadrimester or half of a year (see docs/schema.md); its
  // span is that many months from `start`. 0 for other dates.
  std::uint8_t season = 0;

  // One past the last second of the covered span: "2015" ends at 2016-01-01T00:00:00, "201X" at
  // 2020-01-01, "2001-21" (spring, March to May) at 2001-06-01.
  Seconds end() const;
  bool operator==(const Date&) const = default;
};

// How an interval end is given.
enum class Bound : std::uint8_t {
  Known,    // a date ("2004-06-11")
  Open,     // ".." : no limit (still going on; or from all earlier time)
  Unknown,  // empty: the interval ends (or starts) at a time not known
};

enum class SetKind : std::uint8_t {
  OneOf,  // "[a,b]": one of the members, not known which
  AllOf,  // "{a,b}": every member
};

// One member of a set: a date, or a range of dates of one precision ("1760-01..1760-12").
struct SetMember {
  Date first;
  std::optional<Date> last;  // set for a range

  Seconds begin_time() const { return first.start; }
  Seconds end_time() const { return (last ? *last : first).end(); }
  bool operator==(const SetMember&) const = default;
};

struct DateSet {
  SetKind kind = SetKind::OneOf;
  std::vector<SetMember> members;  // as written
  bool earlier = false;  // "[..1760-12-03]": or some earlier date ("{..1984}": and every earlier one)
  bool later = false;    // "[1760-12..]": or some later date
  bool operator==(const DateSet&) const = default;
};

// A point (start only), an interval ("2015-09-30/2016-03-14", "/2006", "2004-06-11/..") or a set.
struct When {
  // The start date when start_bound is Known. For a set: the member date that starts first.
  Date start;
  // The end date of an interval whose end is Known. For a set: the member date that ends last, when it
  // ends after `start`.
  std::optional<Date> end;
  // The end is open ("/..", "x..]"). Kept for the code that reads it: the parser sets it exactly when
  // end_bound is Open, and either one marks the end open.
  bool open_end = false;
  Bound start_bound = Bound::Known;  // "../2006": Open, "/2006": Unknown
  Bound end_bound = Bound::Known;    // "2004/..": Open, "2004/": Unknown; Known for single dates too
  std::optional<DateSet> set;        // "[..]" or "{..}": the members; start, end and bounds give the hull

  bool is_interval() const {
    return end.has_value() || open_end || start_bound != Bound::Known || end_bound != Bound::Known;
  }
  bool is_set() const { return set.has_value(); }
  // The half-open span of time the date covers, bounded by what is known:
  //   open start -> Seconds::min(); open end -> Seconds::max();
  //   unknown start ("/2006") -> the start of the end date (the span is the end date's own);
  //   unknown end ("2004-06-11/") -> the end of the start date (the span is the start date's own);
  //   a set -> the hull of its members, open where it has earlier or later members.
  Seconds begin_time() const;
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

// Any form above: a date, an interval, a set.
EdtfResult parse_edtf(std::string_view text);
// The interval "start/end" from its two halves, as parse_edtf reads it ("" unknown, ".." open): for
// readers that keep the two ends in separate fields.
EdtfResult parse_edtf_interval(std::string_view start, std::string_view end);
// One date of any single-date form (unspecified digits, seasons, long years, per-part qualifiers, times).
std::optional<Date> parse_edtf_date(std::string_view text, std::string* error = nullptr);

// "Monday, 23 November 2015", "September 2015", "501 BCE", "10:30 UTC, Monday, 23 November 2015",
// "some year in the 2010s", "spring 2001", "11 June 2004, the year uncertain".
std::string describe(const Date& d, bool weekdays = true);  // weekdays: false in headings
// Also "from 11 June 2004, end unknown", "until 2006, start unknown", "one of 28 or 29 May 2018",
// "every one of 1960 and 1961".
std::string describe(const When& w, bool weekdays = true);

// "2015-11-23T10:30:00Z" (astronomical years: "-3000-05-10T00:00:00Z", "170000-01-01T00:00:00Z").
std::string format_iso(Seconds t);

// Astronomical year -> "501 BCE" / "2015"; beyond four digits with separators: "17,001 BCE", "170,000".
std::string year_name(std::int64_t astronomical_year);

}  // namespace cs
