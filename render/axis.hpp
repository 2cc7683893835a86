// Time axis: ticks and labels that adapt from millennia to seconds, and a second row naming the enclosing
// period ("Sep 2015" above "30 Sep"). Output is plain records in screen pixels.
#pragma once

#include "render/text_measure.hpp"
#include "render/viewport.hpp"

#include <string>
#include <vector>

namespace cs {

enum class TickUnit { Second, Minute, Hour, Day, Week, Month, Year };

struct TickStep {
  TickUnit unit;
  int count;  // e.g. 15 minutes, 3 months, 100 years
};

struct AxisTick {
  double x;
  std::string label;
};

struct AxisPeriod {
  double x0, x1;      // period on screen (may extend past the view)
  std::string label;  // "September 2015", "2015", "1970s"
};

struct Axis {
  TickStep step{TickUnit::Year, 1};
  std::vector<AxisTick> ticks;
  std::vector<AxisPeriod> periods;
};

// The finest step whose labels fit (`min_gap` pixels between label starts, at least the label's width).
TickStep choose_step(const Viewport& vp, const TextMeasure& text, double min_gap = 48.0);
Axis build_axis(const Viewport& vp, const TextMeasure& text);

}  // namespace cs
