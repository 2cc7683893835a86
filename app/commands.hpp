// The window-less commands: check, layout (JSON) and render (PNG through a headless GL context).
#pragma once

#include "cli.hpp"

namespace cs {

int run_check(const Options& o);
int run_layout(const Options& o);
int run_render(const Options& o);
int run_generate(const Options& o);

}  // namespace cs
