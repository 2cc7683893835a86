// The interactive program: a GLFW window with Dear ImGui, the timeline canvas and its side windows.
#pragma once

#include "app/cli/cli.hpp"

#include <vector>

namespace cs {

int run_window(const Options& o);
// Opens the real window on o.file and plays the benchmark path through whole frames (no vsync).
int bench_window(const Options& o, int frames, std::vector<double>& frame_ms);

}  // namespace cs
