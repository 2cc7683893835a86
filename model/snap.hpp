// Moving dates by whole units of their own precision (a month-precise date moves by months, a year-precise
// one by years), as the canvas does when an event is dragged or an interval's end is pulled, and EDTF text
// out for the result: what the document is then asked to write.
#pragma once

#include "model/edtf.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cs {

// The whole number of units of `d`'s precision whose shift of `d` lands nearest to `delta` seconds later
// (months and years counted on the calendar, so a month-precise date dragged by 40 days moves by one month).
std::int64_t snap_units(const Date& d, std::int64_t delta_seconds);
// A delta that snap_units reads as exactly one unit of precision `p` (a mean month, a mean year): what a
// nudge from the keyboard moves.
std::int64_t one_unit_seconds(Precision p);
// `d` moved by `units` whole units of its precision, its qualifiers kept. Nothing for the forms that have no
// single next unit (unspecified digits, seasons) or when the year leaves the supported range.
std::optional<Date> shift_date(const Date& d, std::int64_t units);

// EDTF text of a date or a date, interval or set as parse_edtf reads it back (qualifiers after the date
// where they qualify all of it, before each part otherwise; "Y" for years beyond four digits; times in UTC).
// Nothing for forms this writer does not produce (unspecified digits, seasons, sets).
std::optional<std::string> edtf_text(const Date& d);
std::optional<std::string> edtf_text(const When& w);

// Which part of an event's date a drag moves.
enum class DragPart : std::uint8_t { Whole, Start, End };

struct MovedDate {
  When when;
  std::string text;      // EDTF, for the document
  bool changed = false;  // some end moved (a drag shorter than half a unit moves nothing)
};

// The date moved `delta_seconds` later (earlier when negative), each end it moves snapped to its own
// precision. Whole: both known ends move; Start or End: that end alone, never past the other (an interval
// of one unit at the least). Open and unknown ends stay as they are. Nothing when the date cannot move that
// way (a set, unspecified digits, a season, an end that is not a date) or when the result would not read
// back as the same date.
std::optional<MovedDate> move_date(const When& w, std::int64_t delta_seconds, DragPart part = DragPart::Whole);

}  // namespace cs
