// EDTF parser: single dates (per-part qualifiers, unspecified digits, seasons, long years, times),
// intervals with open and unknown ends, and sets; and the spans the parsed values cover.
#include "model/edtf.hpp"

#include "model/edtf_calendar.hpp"

#include <string>

namespace cs {
namespace {

namespace cal = calendar;

constexpr std::int64_t kMaxYear = 99'999'999'999;
constexpr std::uint8_t kAllParts = kYearPart | kMonthPart | kDayPart;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_qualifier(char c) { return c == '?' || c == '~' || c == '%'; }

// Reads one date; every message names the whole text ("malformed date '2015-1': ...").
class DateReader {
 public:
  DateReader(std::string_view s, std::string* error) : s_(s), error_(error) {}

  std::optional<Date> read() {
    if (s_.empty()) return fail_plain("empty date");
    if (s_[0] == 'Y') return long_year();
    if (s_[0] == '[' || s_[0] == '{') return fail("malformed", "a set is not a single date");
    return calendar_date();
  }

 private:
  std::string_view s_;
  std::string* error_;
  std::size_t pos_ = 0;

  std::optional<Date> fail_plain(std::string message) {
    if (error_) *error_ = std::move(message);
    return std::nullopt;
  }
  std::optional<Date> fail(const char* kind, const std::string& why) {
    return fail_plain(std::string{kind} + " date '" + std::string{s_} + "': " + why);
  }
  bool at(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  char take_qualifier() { return pos_ < s_.size() && is_qualifier(s_[pos_]) ? s_[pos_++] : 0; }
  bool digits_at(std::size_t p, std::size_t n) const {
    if (p + n > s_.size()) return false;
    for (std::size_t i = p; i < p + n; ++i)
      if (!is_digit(s_[i])) return false;
    return true;
  }
  int number_at(std::size_t p, std::size_t n) const {
    int v = 0;
    for (std::size_t i = p; i < p + n; ++i) v = v * 10 + (s_[i] - '0');
    return v;
  }
  bool field_at(std::size_t p, std::size_t n) const {
    if (p + n > s_.size()) return false;
    for (std::size_t i = p; i < p + n; ++i)
      if (!is_digit(s_[i]) && s_[i] != 'X') return false;
    return true;
  }

  std::optional<Date> long_year();
  std::optional<Date> calendar_date();
};

// "Y170000", "Y-17000", "Y-17E7".
std::optional<Date> DateReader::long_year() {
  pos_ = 1;
  const bool negative = at('-');
  if (negative) ++pos_;
  const std::size_t first = pos_;
  while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
  const std::size_t n = pos_ - first;
  if (n == 0) return fail("malformed", "expected the digits of a year after Y");
  const auto too_far = [&] {
    return fail("invalid", "year out of range: years run from -99,999,999,999 to 99,999,999,999");
  };
  std::int64_t y = 0;
  for (std::size_t i = first; i < first + n; ++i) {
    y = y * 10 + (s_[i] - '0');
    if (y > kMaxYear) return too_far();
  }
  if (at('E')) {
    const std::size_t e = ++pos_;
    while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    if (pos_ == e) return fail("malformed", "expected the digits of an exponent after E");
    std::int64_t exponent = 0;  // y * 10^exponent, checked at each step
    for (std::size_t i = e; i < pos_ && exponent <= 20; ++i) exponent = exponent * 10 + (s_[i] - '0');
    for (std::int64_t k = 0; k < exponent && y != 0; ++k) {
      y *= 10;
      if (y > kMaxYear) return too_far();
    }
  } else if (n <= 4) {
    return fail("malformed", "a Y-prefixed year has more than four digits (write " +
                                 std::string{s_.substr(1)} + " without the Y)");
  } else if (s_[first] == '0') {
    return fail("malformed", "a Y-prefixed year has no leading zero");
  }
  if (at('S')) return fail("malformed", "significant digits (S) are not supported");
  if (pos_ < s_.size() && is_qualifier(s_[pos_])) return fail("malformed", "a Y-prefixed year takes no qualifier");
  if (at('-')) return fail("malformed", "a Y-prefixed year has no month or day");
  if (pos_ != s_.size()) return fail("malformed", "unexpected '" + std::string{s_.substr(pos_)} + "'");
  if (negative && y == 0) return fail("malformed", "year -0 is not allowed");
  Date d;
  d.precision = Precision::Year;
  d.start = cal::start_of(negative ? -y : y);
  return d;
}

std::optional<Date> DateReader::calendar_date() {
  // Per part (year, month, day): a qualifier before it (that part) and after it (it and those before).
  char before[3] = {0, 0, 0}, after[3] = {0, 0, 0};
  cal::Pattern p;
  std::uint8_t mask = 0;
  const auto field = [&](int first, int count) {
    for (int i = 0; i < count; ++i, ++pos_) {
      const char c = s_[pos_];
      p.digits[std::size_t(first + i)] = c == 'X' ? -1 : c - '0';
      if (c == 'X') mask |= std::uint8_t(1u << (first + i));
    }
  };
  before[0] = take_qualifier();
  if (at('-')) {
    p.negative = true;
    ++pos_;
    if (pos_ < s_.size() && is_qualifier(s_[pos_]))
      return fail("malformed", "a qualifier goes before the minus sign (?-2004)");
  }
  std::size_t n = 0;
  while (pos_ + n < s_.size() && (is_digit(s_[pos_ + n]) || s_[pos_ + n] == 'X')) ++n;
  if (n != 4) {
    std::string why = "expected a four-digit year such as 2015 or -0500";
    if ((n == 2 || n == 3) && pos_ + n == s_.size())
      why += " (write some year of a century as 19XX, of a decade as 201X)";
    if (n > 4) why += " (write a longer year as Y17000)";
    return fail("malformed", why);
  }
  field(0, 4);
  if (at('S')) return fail("malformed", "significant digits (S) are not supported");
  after[0] = take_qualifier();
  int parts = 1;
  if (pos_ < s_.size()) {
    if (!at('-')) return fail("malformed", "expected -MM after the year");
    ++pos_;
    before[1] = take_qualifier();
    if (!field_at(pos_, 2)) return fail("malformed", "expected -MM after the year");
    field(4, 2);
    after[1] = take_qualifier();
    parts = 2;
  }
  if (parts == 2 && pos_ < s_.size()) {
    if (!at('-')) return fail("malformed", "expected -DD after the month");
    ++pos_;
    before[2] = take_qualifier();
    if (!field_at(pos_, 2)) return fail("malformed", "expected -DD after the month");
    field(6, 2);
    after[2] = take_qualifier();
    parts = 3;
  }
  p.parts = parts;
  const bool qualified = before[0] || before[1] || before[2] || after[0] || after[1] || after[2];
  if (parts == 1 && before[0] && after[0])
    return fail("malformed", "a year alone takes one qualifier, before or after it (% is both)");

  const bool year_known = (mask & kYearDigits) == 0;
  std::int64_t y = p.digits[0] * 1000 + p.digits[1] * 100 + p.digits[2] * 10 + p.digits[3];
  if (year_known && p.negative && y == 0) return fail("malformed", "year -0000 is not allowed, write 0000");
  if (p.negative) y = -y;

  Date d;
  // Month: 01..12, or a season 21..41.
  if (parts >= 2 && (mask & kMonthDigits) == 0) {
    const auto mo = unsigned(p.digits[4] * 10 + p.digits[5]);
    if (cal::season_span(mo)) {
      if (parts == 3) return fail("malformed", "a season (21 to 41) has no day");
      if (mask) return fail("malformed", "a season takes no unspecified digits (X)");
      if (qualified) return fail("malformed", "a season takes no qualifier");
      if (pos_ != s_.size()) return fail("malformed", "unexpected '" + std::string{s_.substr(pos_)} + "'");
      d.precision = Precision::Month;
      d.season = std::uint8_t(mo);
      d.start = cal::start_of(y, cal::season_span(mo)->first_month);
      return d;
    }
    if (mo < 1 || mo > 12) return fail("invalid", "month must be 01 to 12");
  }
  if (parts >= 2 && cal::month_candidates(p).empty()) return fail("invalid", "month must be 01 to 12");
  if (parts == 3 && (mask & kDayDigits) != 0 && cal::day_candidates(p).empty())
    return fail("invalid", "day must be 01 to 31");

  if (mask) {
    if (qualified) return fail("malformed", "a date with unspecified digits (X) takes no qualifier");
    if (at('T')) return fail("malformed", "a date with unspecified digits (X) takes no time");
    if (pos_ != s_.size()) return fail("malformed", "unexpected '" + std::string{s_.substr(pos_)} + "'");
    const auto first = cal::first_match(p);
    if (!first) return fail("impossible", "no calendar date matches it");
    d.unspecified = mask;
    d.precision = parts == 3 && (mask & kDayDigits) != kDayDigits       ? Precision::Day
                  : parts >= 2 && (mask & kMonthDigits) != kMonthDigits ? Precision::Month
                                                                        : Precision::Year;
    d.start = cal::start_of(first->year, parts >= 2 ? first->month : 1, parts == 3 ? first->day : 1);
    return d;
  }

  const unsigned mo = parts >= 2 ? unsigned(p.digits[4] * 10 + p.digits[5]) : 1;
  const unsigned dd = parts == 3 ? unsigned(p.digits[6] * 10 + p.digits[7]) : 1;
  if (parts == 3 && !date::year_month_day{date::year{int(y)}, date::month{mo}, date::day{dd}}.ok())
    return fail("impossible",
                std::string{cal::month_name(mo)} + " " + year_name(y) + " has no day " + std::to_string(dd));
  d.precision = parts == 1 ? Precision::Year : parts == 2 ? Precision::Month : Precision::Day;
  d.start = cal::start_of(y, mo, dd);

  std::uint8_t uncertain = 0, approximate = 0;
  const auto mark = [&](char q, std::uint8_t bits) {
    if (q == '?' || q == '%') uncertain |= bits;
    if (q == '~' || q == '%') approximate |= bits;
  };
  for (int i = 0; i < 3; ++i) {
    mark(before[i], std::uint8_t(1u << i));
    mark(after[i], std::uint8_t((2u << i) - 1));  // this part and those before it
  }

  if (at('T')) {
    if (parts != 3) return fail("malformed", "unexpected '" + std::string{s_.substr(pos_)} + "'");
    if (qualified) return fail("malformed", "a date with a time takes its qualifier after the time");
    if (!digits_at(pos_ + 1, 2) || !(pos_ + 3 < s_.size() && s_[pos_ + 3] == ':') || !digits_at(pos_ + 4, 2))
      return fail("malformed", "expected THH:MM after the day");
    const int hh = number_at(pos_ + 1, 2), mi = number_at(pos_ + 4, 2);
    int ss = 0;
    bool fraction = false;
    pos_ += 6;
    d.precision = Precision::Minute;
    if (at(':')) {
      if (!digits_at(pos_ + 1, 2)) return fail("malformed", "expected :SS");
      ss = number_at(pos_ + 1, 2);
      pos_ += 3;
      d.precision = Precision::Second;
      if (at('.')) {
        const std::size_t f = ++pos_;
        while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
        if (pos_ == f) return fail("malformed", "expected digits after the decimal point");
        fraction = true;  // the date covers the whole second the instant falls in
      }
    }
    const bool end_of_day = hh == 24 && mi == 0 && ss == 0 && !fraction;
    if (ss == 60 && hh <= 23 && mi <= 59)
      return fail("invalid", "leap seconds (:60) are not supported: time is counted as in Unix time, without them");
    if ((hh > 23 && !end_of_day) || mi > 59 || ss > 59) return fail("invalid", "time of day out of range");
    long offset = 0;
    if (at('Z')) {
      ++pos_;
    } else if (at('+') || at('-') || s_.substr(pos_).starts_with("\u2212")) {
      const bool minus = !at('+');
      pos_ += at('+') || at('-') ? 1 : 3;
      if (!digits_at(pos_, 2)) return fail("malformed", "expected a zone offset such as +03:30");
      const int oh = number_at(pos_, 2);
      int om = 0;
      pos_ += 2;
      if (at(':')) {
        if (!digits_at(pos_ + 1, 2)) return fail("malformed", "expected a zone offset such as +03:30");
        om = number_at(pos_ + 1, 2);
        pos_ += 3;
      } else if (digits_at(pos_, 2)) {
        om = number_at(pos_, 2);
        pos_ += 2;
      }
      const std::string written = std::string{minus ? "-" : "+"} + (oh < 10 ? "0" : "") + std::to_string(oh) + ":" +
                                  (om < 10 ? "0" : "") + std::to_string(om);
      if (minus && oh == 0 && om == 0)
        return fail("invalid", "zone offset -00:00 is not allowed: write Z or +00:00");
      if (om > 59 || oh * 60 + om > (minus ? 12 * 60 : 14 * 60))
        return fail("invalid", "zone offset " + written + " is out of range (offsets run from -12:00 to +14:00)");
      offset = (minus ? -1L : 1L) * (oh * 3600L + om * 60L);
    }
    mark(take_qualifier(), kAllParts);
    d.start += std::chrono::hours{hh} + std::chrono::minutes{mi} + std::chrono::seconds{ss} -
               std::chrono::seconds{offset};
  }
  if (pos_ != s_.size()) return fail("malformed", "unexpected '" + std::string{s_.substr(pos_)} + "'");
  d.uncertain_parts = uncertain;
  d.approximate_parts = approximate;
  d.uncertain = uncertain != 0;
  d.approximate = approximate != 0;
  return d;
}

EdtfResult failure(std::string message) {
  EdtfResult r;
  r.error.message = std::move(message);
  return r;
}

// "[1667,1668,1670..1672]", "{1960,1961-12}", "[..1760-12-03]", "[1760-12..]".
EdtfResult parse_set(std::string_view text) {
  const std::string t{text};
  const char close = text[0] == '[' ? ']' : '}';
  if (text.size() < 2 || text.back() != close)
    return failure("malformed set '" + t + "': expected '" + std::string(1, close) + "' at the end");
  std::string_view body = text.substr(1, text.size() - 2);
  DateSet set;
  set.kind = close == ']' ? SetKind::OneOf : SetKind::AllOf;
  if (body.starts_with("..")) set.earlier = true, body.remove_prefix(2);
  if (body.ends_with("..")) set.later = true, body.remove_suffix(2);
  if (body.empty()) return failure("set '" + t + "' has no members");

  std::string err;
  const auto member_date = [&](std::string_view m) -> std::optional<Date> {
    auto d = parse_edtf_date(m, &err);
    if (!d) return std::nullopt;
    const std::string where = "set '" + t + "': ";
    if (m[0] == 'Y') err = where + "a Y-prefixed year cannot be a member";
    else if (d->season) err = where + "a season cannot be a member";
    else if (d->precision >= Precision::Minute) err = where + "a date with a time cannot be a member";
    else return d;
    return std::nullopt;
  };
  std::size_t from = 0;
  while (from <= body.size()) {
    std::size_t comma = body.find(',', from);
    if (comma == std::string_view::npos) comma = body.size();
    std::string_view m = body.substr(from, comma - from);
    if (from > 0)
      while (!m.empty() && m.front() == ' ') m.remove_prefix(1);  // spaces stand only next to commas
    if (comma < body.size())
      while (!m.empty() && m.back() == ' ') m.remove_suffix(1);
    if (m.empty()) return failure("malformed set '" + t + "': an empty member");
    if (m.front() == ' ' || m.back() == ' ')
      return failure("malformed set '" + t + "': a space stands only next to a comma");
    SetMember member;
    if (const auto dots = m.find(".."); dots != std::string_view::npos) {
      const auto a = m.substr(0, dots), b = m.substr(dots + 2);
      if (a.empty() || b.empty())
        return failure("malformed set '" + t + "': '..' stands at the start or end of a set, or between two dates");
      const auto first = member_date(a);
      if (!first) return failure(err);
      const auto last = member_date(b);
      if (!last) return failure(err);
      const auto plain = [](const Date& d) { return !d.uncertain && !d.approximate && d.unspecified == 0; };
      if (!plain(*first) || !plain(*last) || first->precision != last->precision)
        return failure("set '" + t + "': a range joins two plain dates of one precision ('" + std::string{m} + "')");
      if (last->start < first->start)
        return failure("set '" + t + "': the range '" + std::string{m} + "' runs backwards");
      member.first = *first;
      member.last = *last;
    } else {
      const auto d = member_date(m);
      if (!d) return failure(err);
      member.first = *d;
    }
    set.members.push_back(member);
    from = comma + 1;
  }

  // The hull: the member date that starts first (the longer on a tie), the one that ends last.
  const Date* first = nullptr;
  const Date* last = nullptr;
  for (const SetMember& m : set.members)
    for (const Date* d : {&m.first, m.last ? &*m.last : nullptr}) {
      if (!d) continue;
      if (!first || d->start < first->start || (d->start == first->start && d->end() > first->end())) first = d;
      if (!last || d->end() > last->end()) last = d;
    }
  When w;
  w.start = *first;
  if (last->end() > first->end()) w.end = *last;
  if (set.earlier) w.start_bound = Bound::Open;
  if (set.later) w.end_bound = Bound::Open, w.open_end = true;
  w.set = std::move(set);
  EdtfResult r;
  r.value = std::move(w);
  return r;
}

}  // namespace

Seconds Date::end() const {
  if (season) {
    const auto span = cal::season_span(season);
    const cal::Civil c = cal::add_months(cal::civil_of(start), span ? span->months : 1);
    return cal::start_of(c.year, c.month);
  }
  if (unspecified) {
    const cal::Pattern p = cal::pattern_of(*this);
    const auto last = cal::last_match(p);
    if (!last) return start;
    if (p.parts == 3) return cal::start_of(last->year, last->month, last->day) + date::days{1};
    if (p.parts == 2) {
      const cal::Civil next = cal::add_months(*last, 1);
      return cal::start_of(next.year, next.month);
    }
    return cal::start_of(last->year + 1);
  }
  switch (precision) {
    case Precision::Year:
      return cal::start_of(cal::civil_of(start).year + 1);
    case Precision::Month: {
      const cal::Civil next = cal::add_months(cal::civil_of(start), 1);
      return cal::start_of(next.year, next.month);
    }
    case Precision::Day:
      return date::floor<date::days>(start) + date::days{1};
    case Precision::Minute:
      return start + std::chrono::minutes{1};
    case Precision::Second:
      return start + std::chrono::seconds{1};
  }
  return start;
}

Seconds When::begin_time() const {
  if (start_bound == Bound::Open) return Seconds::min();
  if (start_bound == Bound::Unknown && end) return end->start;
  return start.start;
}

Seconds When::end_time() const {
  if (open_end || end_bound == Bound::Open) return Seconds::max();
  if (end) return end->end();
  return start.end();
}

std::optional<Date> parse_edtf_date(std::string_view text, std::string* error) {
  return DateReader{text, error}.read();
}

EdtfResult parse_edtf_interval(std::string_view a, std::string_view b) {
  const std::string text = std::string{a} + "/" + std::string{b};
  When w;
  std::string err;
  const auto side = [&](std::string_view t, Bound& bound, std::optional<Date>& date) -> bool {
    if (t.empty()) return bound = Bound::Unknown, true;
    if (t == "..") return bound = Bound::Open, true;
    if (t[0] == '[' || t[0] == '{') return err = "interval '" + text + "': a set cannot be an interval end", false;
    date = parse_edtf_date(t, &err);
    if (!date) return false;
    if (t[0] == 'Y') return err = "interval '" + text + "': a Y-prefixed year cannot be an interval end", false;
    if (date->season)
      return err = "interval '" + text + "': a season cannot be an interval end (write its months: 2001-03/2001-05)",
             false;
    return true;
  };
  std::optional<Date> start, end;
  if (!side(a, w.start_bound, start) || !side(b, w.end_bound, end)) return failure(err);
  if (!start && !end) return failure("interval '" + text + "' has no date: at least one end must be a date");
  if (start && end && end->end() <= start->start) return failure("interval '" + text + "' ends before it starts");
  if (start) w.start = *start;
  w.end = end;
  w.open_end = w.end_bound == Bound::Open;
  EdtfResult r;
  r.value = std::move(w);
  return r;
}

EdtfResult parse_edtf(std::string_view text) {
  if (text.empty()) return failure("empty date");
  if (text[0] == '[' || text[0] == '{') return parse_set(text);
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    std::string err;
    auto d = parse_edtf_date(text, &err);
    if (!d) return failure(err);
    EdtfResult r;
    r.value = When{*d, std::nullopt, false};
    return r;
  }
  if (text.find('/', slash + 1) != std::string_view::npos)
    return failure("malformed interval '" + std::string{text} + "': more than one '/'");
  return parse_edtf_interval(text.substr(0, slash), text.substr(slash + 1));
}

}  // namespace cs
