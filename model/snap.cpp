// Snapping a drag to whole units of a date's precision on the calendar (through model/edtf_calendar), and
// writing the moved date back as EDTF that the parser reads as that same date.
#include "model/snap.hpp"

#include "model/edtf_calendar.hpp"

#include <cmath>
#include <limits>

namespace cs {
namespace {

namespace cal = calendar;

constexpr std::int64_t kMaxYear = 99'999'999'999;

std::int64_t secs(Seconds t) { return t.time_since_epoch().count(); }
Seconds at(std::int64_t s) { return Seconds{std::chrono::seconds{s}}; }

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
  return r;
}

std::int64_t unit_seconds(Precision p) {
  switch (p) {
    case Precision::Day: return 86400;
    case Precision::Minute: return 60;
    case Precision::Second: return 1;
    default: return 0;  // months and years are counted on the calendar
  }
}

// The start of the calendar unit `n` units after the one starting at `c` (years or months).
Seconds calendar_unit(const cal::Civil& c, Precision p, std::int64_t n) {
  if (p == Precision::Year) return cal::start_of(c.year + n);
  const cal::Civil m = cal::add_months(c, n);
  return cal::start_of(m.year, m.month);
}

std::string pad(std::int64_t v, int width) {
  std::string s = std::to_string(v);
  return s.size() < std::size_t(width) ? std::string(std::size_t(width) - s.size(), '0') + s : s;
}

char qualifier(bool uncertain, bool approximate) { return uncertain && approximate ? '%' : uncertain ? '?' : approximate ? '~' : 0; }

bool same_date(const Date& a, const Date& b) {
  return a.start == b.start && a.precision == b.precision && a.uncertain == b.uncertain && a.approximate == b.approximate;
}

}  // namespace

std::int64_t one_unit_seconds(Precision p) {
  switch (p) {
    case Precision::Year: return 31'556'952;  // 365.2425 days
    case Precision::Month: return 2'629'746;  // a twelfth of that
    default: return std::max<std::int64_t>(1, unit_seconds(p));
  }
}

std::int64_t snap_units(const Date& d, std::int64_t delta_seconds) {
  if (const std::int64_t unit = unit_seconds(d.precision))
    return std::llround(double(delta_seconds) / double(unit));
  const std::int64_t target = saturating_add(secs(d.start), delta_seconds);
  const cal::Civil from = cal::civil_of(d.start), to = cal::civil_of(at(target));
  std::int64_t n = to.year - from.year;
  if (d.precision == Precision::Month) n = n * 12 + (std::int64_t(to.month) - std::int64_t(from.month));
  // The unit `n` on starts at or before the target; the next one may be nearer.
  const std::int64_t a = secs(calendar_unit(from, d.precision, n)), b = secs(calendar_unit(from, d.precision, n + 1));
  return target - a <= b - target ? n : n + 1;
}

std::optional<Date> shift_date(const Date& d, std::int64_t units) {
  if (d.unspecified || d.season) return std::nullopt;
  Date out = d;
  const cal::Civil c = cal::civil_of(d.start);
  switch (d.precision) {
    case Precision::Year:
    case Precision::Month:
      if (std::abs(units) > 12 * 2 * kMaxYear) return std::nullopt;
      out.start = calendar_unit(c, d.precision, units);
      break;
    default: {
      const std::int64_t unit = unit_seconds(d.precision);
      if (std::abs(units) > std::numeric_limits<std::int64_t>::max() / unit / 2) return std::nullopt;
      out.start = at(saturating_add(secs(d.start), units * unit));
      break;
    }
  }
  if (std::abs(cal::civil_of(out.start).year) > kMaxYear) return std::nullopt;
  return out;
}

std::optional<std::string> edtf_text(const Date& d) {
  if (d.unspecified || d.season) return std::nullopt;
  const cal::Civil c = cal::civil_of(d.start);
  const int parts = d.precision == Precision::Year ? 1 : d.precision == Precision::Month ? 2 : 3;
  const bool timed = d.precision == Precision::Minute || d.precision == Precision::Second;
  const std::uint8_t all = timed ? 7 : std::uint8_t((1u << parts) - 1);
  const std::uint8_t u = d.uncertain ? (d.uncertain_parts ? d.uncertain_parts : all) : 0;
  const std::uint8_t a = d.approximate ? (d.approximate_parts ? d.approximate_parts : all) : 0;
  if (c.year > 9999 || c.year < -9999) {  // a long year: no month, day or qualifier
    if (parts != 1 || u || a) return std::nullopt;
    return "Y" + std::to_string(c.year);
  }
  const bool trailing = (u == 0 || u == all) && (a == 0 || a == all);
  if (timed && !trailing) return std::nullopt;  // a time takes its qualifier after it, for the whole date
  const auto before = [&](int part) -> std::string {
    if (trailing) return {};
    const char q = qualifier(u & (1u << part), a & (1u << part));
    return q ? std::string(1, q) : std::string{};
  };
  std::string s = before(0) + (c.year < 0 ? "-" : "") + pad(c.year < 0 ? -c.year : c.year, 4);
  if (parts >= 2) s += "-" + before(1) + pad(c.month, 2);
  if (parts >= 3) s += "-" + before(2) + pad(c.day, 2);
  if (timed) {
    const std::int64_t in_day = secs(d.start) - secs(date::floor<date::days>(d.start));
    s += "T" + pad(in_day / 3600, 2) + ":" + pad(in_day / 60 % 60, 2);
    if (d.precision == Precision::Second) s += ":" + pad(in_day % 60, 2);
    s += "Z";
  }
  if (trailing)
    if (const char q = qualifier(u != 0, a != 0)) s += q;
  return s;
}

std::optional<std::string> edtf_text(const When& w) {
  if (w.is_set()) return std::nullopt;
  if (!w.is_interval()) return edtf_text(w.start);
  const auto end_text = [](Bound b, const std::optional<Date>& d, bool open) -> std::optional<std::string> {
    if (open || b == Bound::Open) return std::string{".."};
    if (b == Bound::Unknown) return std::string{};
    if (!d) return std::nullopt;
    return edtf_text(*d);
  };
  const auto a = end_text(w.start_bound, w.start_bound == Bound::Known ? std::optional<Date>{w.start} : std::nullopt, false);
  const auto b = end_text(w.end_bound, w.end, w.open_end);
  if (!a || !b) return std::nullopt;
  return *a + "/" + *b;
}

std::optional<MovedDate> move_date(const When& w, std::int64_t delta_seconds, DragPart part) {
  if (w.is_set()) return std::nullopt;
  const bool start_known = w.start_bound == Bound::Known;
  const bool end_known = w.end.has_value() && w.end_bound == Bound::Known && !w.open_end;
  When out = w;
  if (part != DragPart::End) {
    if (!start_known) {
      if (part == DragPart::Start || !end_known) return std::nullopt;
    } else {
      std::int64_t n = snap_units(w.start, delta_seconds);
      if (part == DragPart::Start && end_known) {
        // Not past the end: the start unit begins no later than the end's.
        const std::int64_t room = snap_units(w.start, secs(w.end->start) - secs(w.start.start));
        n = std::min(n, room);
        while (true) {
          const auto s = shift_date(w.start, n);
          if (!s || s->start <= w.end->start) break;
          --n;
        }
      }
      const auto s = shift_date(w.start, n);
      if (!s) return std::nullopt;
      out.start = *s;
    }
  }
  if (part != DragPart::Start && end_known) {
    std::int64_t n = snap_units(*w.end, delta_seconds);
    if (part == DragPart::End && start_known) {
      const std::int64_t room = snap_units(*w.end, secs(w.start.start) - secs(w.end->start));
      n = std::max(n, room);
      while (true) {
        const auto e = shift_date(*w.end, n);
        if (!e || e->start >= w.start.start) break;
        ++n;
      }
    }
    const auto e = shift_date(*w.end, n);
    if (!e) return std::nullopt;
    out.end = *e;
  } else if (part == DragPart::End) {
    return std::nullopt;
  }
  const auto text = edtf_text(out);
  if (!text) return std::nullopt;
  EdtfResult back = parse_edtf(*text);
  if (!back.value || (start_known && !same_date(back.value->start, out.start)) ||
      back.value->end.has_value() != out.end.has_value() || (out.end && !same_date(*back.value->end, *out.end)))
    return std::nullopt;
  const bool changed = (start_known && out.start.start != w.start.start) || (end_known && out.end->start != w.end->start);
  return MovedDate{*back.value, *text, changed};
}

}  // namespace cs
