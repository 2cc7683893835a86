// The baseline the benchmarks compare against: a layout that walks every event of every lane each frame
// (as DOM-per-item timelines effectively do), culls by comparing times, and buckets what is visible into
// pixel cells to fold. Same inputs and the same kind of output as build_layout; benchmark use only.
#pragma once

#include "render/layout.hpp"

namespace cs::bench {

std::size_t naive_layout(const TimelineIndex& index, const Viewport& vp, float cell_px, std::vector<LayoutRecord>& out);

}  // namespace cs::bench
