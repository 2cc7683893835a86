// The context bar under the axis: how many events the whole timeline holds where, per lane or overall,
// with the current view as a window that can be dragged and resized (Aeon Timeline's context bar).
// Counts come from the index by binary search over each lane's start times, never from a walk over events:
// build the profile when the data or the bar's width changes, the bar itself every frame.
#pragma once

#include "render/draw_list.hpp"
#include "render/layout.hpp"  // Box
#include "render/scene.hpp"   // Theme
#include "render/viewport.hpp"

#include <cstdint>
#include <vector>

namespace cs {

// Events per bin of time over the whole timeline: a row per lane slot, or one row for all.
struct DensityProfile {
  std::int64_t t0 = 0, t1 = 1;  // the whole timeline with a margin (as fit_all shows it), int64 seconds
  std::size_t bins = 0;
  bool per_lane = false;
  std::vector<std::uint32_t> slots;   // per_lane: the slot of each row
  std::vector<std::uint64_t> counts;  // rows x bins, row after row
  std::uint64_t max_count = 0;        // the largest bin, for scaling

  std::size_t rows() const { return bins ? counts.size() / bins : 0; }
  std::uint64_t count(std::size_t row, std::size_t bin) const { return counts[row * bins + bin]; }
  // Bin b covers [bin_start(b), bin_start(b + 1)).
  std::int64_t bin_start(std::size_t b) const;
};

// The profile with `bins` bins (about one per two pixels of the bar). A bin counts the events that start
// in it: closed events by two binary searches per bin over the slot's starts, ongoing ones (few, kept apart
// by the index) by their start. Overall counts add the lanes up, so an event in two lanes counts twice.
DensityProfile build_density(const TimelineIndex& index, std::size_t bins, bool per_lane);

enum class ContextBarPart : std::uint8_t { None, Track, Window, LeftEdge, RightEdge };

// The bar on screen for one frame.
struct ContextBar {
  Box area;                      // the whole bar
  std::int64_t t0 = 0, t1 = 1;   // the time it spans (the profile's)
  Box window;                    // the current view, at least kMinWindow wide
  Box left_edge, right_edge;     // grips to resize the view from either side
  static constexpr float kMinWindow = 6, kGrip = 5;
};

ContextBar make_context_bar(const DensityProfile& profile, Box area, const Viewport& view);
double context_bar_x(const ContextBar& bar, Seconds t);
Seconds context_bar_time(const ContextBar& bar, double x);
// What is under (x, y): a grip, the window, the rest of the bar, or nothing.
ContextBarPart context_bar_hit(const ContextBar& bar, float x, float y);
// The view after dragging `part` by dx bar pixels from `start` (the view when the drag began): the window
// moves the view; a grip moves that end of it (never past the other end); Track centres the view at
// start-of-drag x + dx. Width and left of `start` are kept.
Viewport drag_context_bar(const ContextBar& bar, ContextBarPart part, const Viewport& start, float press_x, float dx);

// Densities (lane colours per row, or one histogram), the part outside the view dimmed, the window and its
// grips.
void draw_context_bar(DrawList& dl, const ContextBar& bar, const DensityProfile& profile, const Timeline& t,
                      const Theme& theme);

}  // namespace cs
