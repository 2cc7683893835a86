// `chronoscope bench`: load a file, then play a fixed path of zooms and pans and time each frame.
// The path is shared with the window's scripted mode, so offscreen and on-screen figures compare.
#pragma once

#include "app/cli/cli.hpp"
#include "render/scene.hpp"

#include <vector>

namespace cs {

// From everything down to a single day around the median event, a pan there, and back out.
std::vector<Viewport> bench_path(const TimelineIndex& index, const CanvasView& start, int frames);

struct Stats {
  double median = 0, p95 = 0, max = 0;
};
Stats stats_of(std::vector<double> ms);

// Peak resident memory of this process so far, in bytes (getrusage).
std::size_t peak_rss_bytes();
std::size_t current_rss_bytes();

int run_bench(const Options& o);

}  // namespace cs
