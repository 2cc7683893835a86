// EDTF dates written out in words at exactly their precision ("some year in the 2010s", "spring 2001",
// "one of 28 or 29 May 2018", "from 11 June 2004, end unknown"), and instants as ISO text.
#include "model/edtf.hpp"

#include "model/edtf_calendar.hpp"

#include <vector>

namespace cs {
namespace {

namespace cal = calendar;

constexpr const char* kWeekdayNames[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                          "Thursday", "Friday", "Saturday"};

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

std::string two(std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// "a", "a or b", "a, b or c".
std::string join(const std::vector<std::string>& items, const char* word) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string{" "} + word + " " : ", ";
    out += items[i];
  }
  return out;
}

std::uint8_t written_parts(const Date& d) {
  if (d.precision == Precision::Year) return kYearPart;
  if (d.precision == Precision::Month) return kYearPart | kMonthPart;
  return kYearPart | kMonthPart | kDayPart;
}

// "the year", "the year and month", "the month and day".
std::string part_names(std::uint8_t parts) {
  std::vector<std::string> names;
  if (parts & kYearPart) names.emplace_back("year");
  if (parts & kMonthPart) names.emplace_back("month");
  if (parts & kDayPart) names.emplace_back("day");
  return "the " + join(names, "and");
}

template <class T>
bool contiguous(const std::vector<T>& v) {
  return !v.empty() && v.back() - v.front() + 1 == T(v.size());
}

// The year of a date with X digits: "2004", "some year in the 2010s", "some year from 1900 to 1999".
std::string year_phrase(const cal::Pattern& p) {
  const auto years = cal::year_candidates(p);
  if (years.size() == 1) return year_name(years.front());
  const std::string range = year_name(years.front()) + " to " + year_name(years.back());
  if (!contiguous(years)) {
    std::string written = p.negative ? "-" : "";
    for (int i = 0; i < 4; ++i) written += p.digits[std::size_t(i)] < 0 ? 'X' : char('0' + p.digits[std::size_t(i)]);
    return "some year matching " + written + " (" + range + ")";
  }
  if (years.size() == 10 && years.front() >= 1000) return "some year in the " + std::to_string(years.front()) + "s";
  return "some year from " + range;
}

std::string month_phrase(const cal::Pattern& p) {
  const auto months = cal::month_candidates(p);
  if (months.size() == 12) return "some month";
  std::vector<std::string> names;
  for (unsigned m : months) names.emplace_back(cal::month_name(m));
  if (names.size() <= 3) return join(names, "or");
  return std::string{"some month from "} + names.front() + " to " + names.back();
}

// Days 1..31 the pattern allows ("5, 15 or 25", "some day from 10 to 19"), within the month when the
// year and month allow one value each.
std::string day_phrase(const cal::Pattern& p, bool month_known) {
  auto days = cal::day_candidates(p);
  const auto years = cal::year_candidates(p);
  const auto months = cal::month_candidates(p);
  if (years.size() == 1 && months.size() == 1) {
    const unsigned last = cal::days_in_month(years.front(), months.front());
    std::erase_if(days, [&](unsigned d) { return d > last; });
  }
  if (contiguous(days) && days.size() > 4)
    return "some day from " + std::to_string(days.front()) + " to " + std::to_string(days.back());
  std::vector<std::string> names;
  for (unsigned d : days) names.push_back(std::to_string(d));
  return (month_known ? "" : "day ") + join(names, "or");
}

// "some month of 2004", "25 December of some year from 1560 to 1569", "some day in April 1985".
std::string describe_unspecified(const Date& d) {
  const cal::Pattern p = cal::pattern_of(d);
  const std::string y = year_phrase(p);
  if (p.parts == 1) return y;
  // A part counts as known when its digits allow one value only ("2004-X3" is March).
  const bool year_known = cal::year_candidates(p).size() == 1, month_known = cal::month_candidates(p).size() == 1;
  const std::string my = month_phrase(p) + (year_known && month_known ? " " : " of ") + y;
  if (p.parts == 2) return my;
  if ((d.unspecified & kDayDigits) == kDayDigits)
    return cal::month_candidates(p).size() == 12 ? "some day in " + y : "some day in " + my;
  const std::string day = day_phrase(p, month_known);
  return day + (month_known ? " " : " of ") + my;
}

std::string describe_season(const Date& d) {
  const cal::Civil c = cal::civil_of(d.start);
  const auto span = cal::season_span(d.season);
  const std::string y = year_name(c.year);
  const unsigned code = d.season;
  if (code <= 32) {
    constexpr const char* kSeasons[4] = {"spring", "summer", "autumn", "winter"};
    const unsigned k = code <= 28 ? (code - 21) % 4 : code - 29;
    const std::string years = span && span->first_month == 12 ? y + "–" + year_name(c.year + 1) : y;
    const char* where = code <= 24 ? "" : code <= 28 ? " (northern hemisphere)" : " (southern hemisphere)";
    return std::string{kSeasons[k]} + " " + years + where;
  }
  constexpr const char* kOrdinals[4] = {"first", "second", "third", "fourth"};
  if (code <= 36) return std::string{kOrdinals[code - 33]} + " quarter of " + y;
  if (code <= 39 && span)
    return std::string{cal::month_name(span->first_month)} + " to " +
           cal::month_name(span->first_month + span->months - 1) + " " + y;
  return std::string{kOrdinals[code - 40]} + " half of " + y;
}

// A date with neither qualifiers nor X nor season, at its precision.
std::string describe_plain(const Date& d, bool weekday) {
  const cal::Civil c = cal::civil_of(d.start);
  const std::string y = year_name(c.year);
  if (d.precision == Precision::Year) return y;
  if (d.precision == Precision::Month) return std::string{cal::month_name(c.month)} + " " + y;
  const std::int64_t secs = d.start.time_since_epoch().count();
  const std::int64_t day_number = floor_div(secs, 86400);
  std::string out = std::to_string(c.day) + " " + cal::month_name(c.month) + " " + y;
  if (weekday) out = std::string{kWeekdayNames[floor_mod(day_number + 4, 7)]} + ", " + out;  // 1970-01-01: Thursday
  if (d.precision >= Precision::Minute) {
    const std::int64_t tod = secs - day_number * 86400;
    std::string t = two(tod / 3600) + ":" + two(tod / 60 % 60);
    if (d.precision == Precision::Second) t += ":" + two(tod % 60);
    out = t + " UTC, " + out;
  }
  return out;
}

// Members of a set in words, shortened when they share a month or a year ("28 or 29 May 2018").
std::string describe_set(const DateSet& set) {
  std::vector<const Date*> dates;
  for (const SetMember& m : set.members) {
    dates.push_back(&m.first);
    if (m.last) dates.push_back(&*m.last);
  }
  const Date& d0 = *dates.front();
  const cal::Civil c0 = cal::civil_of(d0.start);
  bool shared = d0.precision == Precision::Day || d0.precision == Precision::Month;
  for (const Date* d : dates) {
    const cal::Civil c = cal::civil_of(d->start);
    shared = shared && !d->uncertain && !d->approximate && !d->unspecified && d->precision == d0.precision &&
             c.year == c0.year && (d0.precision == Precision::Month || c.month == c0.month);
  }
  const auto name = [&](const Date& d) {
    if (!shared) return describe(d);
    const cal::Civil c = cal::civil_of(d.start);
    return d.precision == Precision::Day ? std::to_string(c.day) : std::string{cal::month_name(c.month)};
  };
  std::vector<std::string> items;
  for (const SetMember& m : set.members) items.push_back(name(m.first) + (m.last ? " to " + name(*m.last) : ""));
  const bool one_of = set.kind == SetKind::OneOf;
  const bool several = items.size() > 1 || set.members.front().last;  // a range holds several dates
  std::string out = several ? (one_of ? "one of " : "every one of ") : "";
  out += join(items, one_of ? "or" : "and");
  if (shared)
    out += d0.precision == Precision::Day ? " " + std::string{cal::month_name(c0.month)} + " " + year_name(c0.year)
                                          : " " + year_name(c0.year);
  if (set.earlier || set.later) {
    const std::string which = set.earlier && set.later ? "earlier or later" : set.earlier ? "earlier" : "later";
    out += several ? ", " : " ";
    out += one_of ? "or some " + which + " date" : "and every " + which + " date";
  }
  return out;
}

}  // namespace

std::string describe(const Date& d, bool weekdays) {
  if (d.season) return describe_season(d);
  if (d.unspecified) return describe_unspecified(d);
  const std::uint8_t all = written_parts(d);
  const bool whole_u = d.uncertain && (d.uncertain_parts == 0 || (d.uncertain_parts & all) == all);
  const bool whole_a = d.approximate && (d.approximate_parts == 0 || (d.approximate_parts & all) == all);
  const std::uint8_t u = whole_u ? 0 : d.uncertain_parts & all, a = whole_a ? 0 : d.approximate_parts & all;
  std::string out = describe_plain(d, weekdays && u == 0 && a == 0);  // a weekday only when the whole date is as sure
  if (whole_a && whole_u) out = "perhaps about " + out;
  else if (whole_a) out = "about " + out;
  else if (whole_u) out += " (uncertain)";
  if (u & a) out += ", " + part_names(u & a) + " uncertain and approximate";
  if (u & ~a) out += ", " + part_names(u & ~a) + " uncertain";
  if (a & ~u) out += ", " + part_names(a & ~u) + " approximate";
  return out;
}

std::string describe(const When& w, bool weekdays) {
  if (w.set) return describe_set(*w.set);
  const bool open_end = w.open_end || w.end_bound == Bound::Open;
  if (w.start_bound == Bound::Known) {
    if (open_end) return describe(w.start, weekdays) + " – ongoing";
    if (w.end_bound == Bound::Unknown) return "from " + describe(w.start, weekdays) + ", end unknown";
    if (w.end) return describe(w.start, weekdays) + " – " + describe(*w.end, weekdays);
    return describe(w.start, weekdays);
  }
  const std::string until = w.end ? "until " + describe(*w.end, weekdays) : "at no known time";
  return until + (w.start_bound == Bound::Open ? ", open start" : ", start unknown");
}

std::string format_iso(Seconds t) {
  const std::int64_t secs = t.time_since_epoch().count();
  std::int64_t tod = secs % 86400;  // not floor_mod: floor_div(secs, 86400) * 86400 overflows near the limits
  if (tod < 0) tod += 86400;
  const cal::Civil c = cal::civil_of(t);
  const std::int64_t a = c.year < 0 ? -c.year : c.year;
  std::string y = std::to_string(a);
  if (y.size() < 4) y.insert(0, 4 - y.size(), '0');
  return (c.year < 0 ? "-" : "") + y + "-" + two(c.month) + "-" + two(c.day) + "T" + two(tod / 3600) + ":" +
         two(tod / 60 % 60) + ":" + two(tod % 60) + "Z";
}

std::string year_name(std::int64_t y) {
  const std::int64_t n = y <= 0 ? 1 - y : y;
  std::string digits = std::to_string(n);
  if (n >= 10000)
    for (int i = int(digits.size()) - 3; i > 0; i -= 3) digits.insert(std::size_t(i), ",");
  return y <= 0 ? digits + " BCE" : digits;
}

}  // namespace cs
