// EDTF subset parser and human-readable descriptions of dates at their precision.
#include "model/edtf.hpp"

#include <array>
#include <charconv>

namespace cs {
namespace {

using namespace date;

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kWeekdayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                      "Thursday", "Friday", "Saturday"};

bool digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return false;
  for (std::size_t i = pos; i < pos + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  std::from_chars(s.data() + pos, s.data() + pos + n, v);
  return v;
}

std::string two(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

}  // namespace

Seconds Date::end() const {
  const auto day = floor<days>(start);
  const year_month_day ymd{day};
  switch (precision) {
    case Precision::Year:
      return sys_days{year_month_day{ymd.year() + years{1}, January, 1_d}};
    case Precision::Month:
      return sys_days{(ymd.year() / ymd.month() + months{1}) / 1};
    case Precision::Day:
      return day + days{1};
    case Precision::Minute:
      return start + std::chrono::minutes{1};
    case Precision::Second:
      return start + std::chrono::seconds{1};
  }
  return start;
}

Seconds When::end_time() const {
  if (end) return end->end();
  if (open_end) return Seconds::max();
  return start.end();
}

std::optional<Date> parse_edtf_date(std::string_view s, std::string* error) {
  auto fail = [&](std::string msg) -> std::optional<Date> {
    if (error) *error = std::move(msg);
    return std::nullopt;
  };
  const std::string text{s};
  Date d;
  // Trailing qualifier: '?' uncertain, '~' approximate, '%' both.
  if (!s.empty()) {
    const char q = s.back();
    if (q == '?' || q == '~' || q == '%') {
      d.uncertain = q == '?' || q == '%';
      d.approximate = q == '~' || q == '%';
      s.remove_suffix(1);
    }
  }
  std::size_t pos = 0;
  bool negative = false;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    pos = 1;
  }
  if (!digits(s, pos, 4) || (s.size() > pos + 4 && s[pos + 4] >= '0' && s[pos + 4] <= '9'))
    return fail("malformed date '" + text + "': expected a four-digit year such as 2015 or -0500");
  int y = number(s, pos, 4);
  if (negative) {
    if (y == 0) return fail("malformed date '" + text + "': year -0000 is not allowed, write 0000");
    y = -y;
  }
  pos += 4;
  unsigned mo = 1, dd = 1;
  int hh = 0, mi = 0, ss = 0;
  d.precision = Precision::Year;
  if (pos < s.size()) {
    if (s[pos] != '-' || !digits(s, pos + 1, 2))
      return fail("malformed date '" + text + "': expected -MM after the year");
    mo = static_cast<unsigned>(number(s, pos + 1, 2));
    if (mo < 1 || mo > 12) return fail("invalid date '" + text + "': month must be 01 to 12");
    pos += 3;
    d.precision = Precision::Month;
  }
  if (pos < s.size()) {
    if (s[pos] != '-' || !digits(s, pos + 1, 2))
      return fail("malformed date '" + text + "': expected -DD after the month");
    dd = static_cast<unsigned>(number(s, pos + 1, 2));
    pos += 3;
    d.precision = Precision::Day;
    const year_month_day ymd{year{y}, month{mo}, day{dd}};
    if (!ymd.ok())
      return fail("impossible date '" + text + "': " + kMonthNames[mo - 1] + " " + year_name(y) +
                  " has no day " + std::to_string(dd));
  }
  long offset_seconds = 0;
  if (pos < s.size() && s[pos] == 'T' && d.precision == Precision::Day) {
    if (!digits(s, pos + 1, 2) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2))
      return fail("malformed date '" + text + "': expected THH:MM after the day");
    hh = number(s, pos + 1, 2);
    mi = number(s, pos + 4, 2);
    pos += 6;
    d.precision = Precision::Minute;
    if (pos < s.size() && s[pos] == ':') {
      if (!digits(s, pos + 1, 2)) return fail("malformed date '" + text + "': expected :SS");
      ss = number(s, pos + 1, 2);
      pos += 3;
      d.precision = Precision::Second;
    }
    if (hh > 23 || mi > 59 || ss > 59)
      return fail("invalid date '" + text + "': time of day out of range");
    if (pos < s.size() && s[pos] == 'Z') {
      ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      const int sign = s[pos] == '-' ? -1 : 1;
      if (!digits(s, pos + 1, 2) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2))
        return fail("malformed date '" + text + "': expected a zone offset such as +03:30");
      const int oh = number(s, pos + 1, 2), om = number(s, pos + 4, 2);
      if (oh > 14 || om > 59) return fail("invalid date '" + text + "': zone offset out of range");
      offset_seconds = sign * (oh * 3600L + om * 60L);
      pos += 6;
    }
  }
  if (pos != s.size())
    return fail("malformed date '" + text + "': unexpected '" + std::string{s.substr(pos)} + "'");
  const sys_days day_point{year_month_day{year{y}, month{mo}, day{dd}}};
  d.start = Seconds{day_point} + std::chrono::hours{hh} + std::chrono::minutes{mi} +
            std::chrono::seconds{ss} - std::chrono::seconds{offset_seconds};
  return d;
}

EdtfResult parse_edtf(std::string_view text) {
  EdtfResult r;
  if (text.empty()) {
    r.error.message = "empty date";
    return r;
  }
  const auto slash = text.find('/');
  std::string err;
  if (slash == std::string_view::npos) {
    auto d = parse_edtf_date(text, &err);
    if (!d) {
      r.error.message = err;
      return r;
    }
    r.value = When{*d, std::nullopt, false};
    return r;
  }
  const auto a = text.substr(0, slash), b = text.substr(slash + 1);
  if (a == ".." || a.empty()) {
    r.error.message = "interval '" + std::string{text} + "' needs a known start (open starts are not supported)";
    return r;
  }
  auto start = parse_edtf_date(a, &err);
  if (!start) {
    r.error.message = err;
    return r;
  }
  When w{*start, std::nullopt, false};
  if (b == "..") {
    w.open_end = true;
  } else {
    auto end = parse_edtf_date(b, &err);
    if (!end) {
      r.error.message = err;
      return r;
    }
    if (end->end() <= start->start) {
      r.error.message = "interval '" + std::string{text} + "' ends before it starts";
      return r;
    }
    w.end = *end;
  }
  r.value = w;
  return r;
}

std::string format_iso(Seconds t) { return date::format("%FT%TZ", t); }

std::string year_name(int y) {
  if (y <= 0) return std::to_string(1 - y) + " BCE";
  return std::to_string(y);
}

std::string describe(const Date& d) {
  const auto day_point = floor<days>(d.start);
  const year_month_day ymd{day_point};
  const int y = int(ymd.year());
  const unsigned m = unsigned(ymd.month());
  std::string out;
  switch (d.precision) {
    case Precision::Year:
      out = year_name(y);
      break;
    case Precision::Month:
      out = std::string{kMonthNames[m - 1]} + " " + year_name(y);
      break;
    default: {
      out = std::string{kWeekdayNames[weekday{day_point}.c_encoding()]} + ", " +
            std::to_string(unsigned(ymd.day())) + " " + kMonthNames[m - 1] + " " + year_name(y);
      if (d.precision >= Precision::Minute) {
        const hh_mm_ss tod{d.start - Seconds{day_point}};
        std::string t = two(int(tod.hours().count())) + ":" + two(int(tod.minutes().count()));
        if (d.precision == Precision::Second) t += ":" + two(int(tod.seconds().count()));
        out = t + " UTC, " + out;
      }
    }
  }
  if (d.approximate && d.uncertain) out = "perhaps about " + out;
  else if (d.approximate) out = "about " + out;
  else if (d.uncertain) out += " (uncertain)";
  return out;
}

std::string describe(const When& w) {
  if (w.open_end) return describe(w.start) + " – ongoing";
  if (w.end) return describe(w.start) + " – " + describe(*w.end);
  return describe(w.start);
}

}  // namespace cs
