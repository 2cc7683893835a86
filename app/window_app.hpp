// The interactive program: a GLFW window with Dear ImGui, the timeline canvas and its side windows.
#pragma once

#include "cli.hpp"

namespace cs {

int run_window(const Options& o);

}  // namespace cs
