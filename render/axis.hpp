// Time axis: ticks and labels that adapt from millennia to seconds, a second row naming the enclosing
// period ("Sep 2015" above "30 Sep"), and rows for parallel calendars (Solar Hijri, Islamic, Julian) under
// it. Output is plain records in screen pixels; no two labels of a row overlap at any zoom.
#pragma once

#include "model/calendars.hpp"
#include "render/text_measure.hpp"
#include "render/viewport.hpp"

#include <span>
#include <cstdint>
#include <string>
#include <vector>

namespace cs {

enum class TickUnit { Second, Minute, Hour, Day, Week, Month, Year };

struct TickStep {
  TickUnit unit;
  std::int64_t count;  // e.g. 15 minutes, 3 months, 100 years, a million years
};

struct AxisTick {
  double x;
  std::string label;  // drawn from x + kAxisLabelPad
};

struct AxisPeriod {
  double x0, x1;      // period on screen (may extend past the view)
  std::string label;  // "September 2015", "2015", "1970s"; empty when it does not fit its period
  double label_x = 0; // where the label starts: at the period's start, or stuck to the left edge
};

// A parallel calendar's row: ticks at its day, month or year boundaries, labelled in that calendar.
struct CalendarTick {
  double x;
  std::string label;     // "1 Farvardin", "Ordibehesht", "1394 SH", "12"
  bool boundary = true;  // false for the label stuck to the left edge, naming what is in view there
};
struct CalendarRow {
  Calendar calendar;
  std::vector<CalendarTick> ticks;
};

struct Axis {
  TickStep step{TickUnit::Year, 1};
  std::vector<AxisTick> ticks;
  std::vector<AxisPeriod> periods;
  std::vector<CalendarRow> calendars;  // one per calendar asked for, in that order
};

// Labels start this far right of their tick.
inline constexpr double kAxisLabelPad = 4;

// The finest step whose labels fit (`min_gap` pixels between label starts, at least the label's width).
TickStep choose_step(const Viewport& vp, const TextMeasure& text, double min_gap = 48.0);
Axis build_axis(const Viewport& vp, const TextMeasure& text, std::span<const Calendar> calendars = {});
CalendarRow build_calendar_row(const Viewport& vp, const TextMeasure& text, Calendar c);

}  // namespace cs
