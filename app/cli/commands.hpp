// The window-less commands, one file each under app/cli/: check, layout (JSON), render (PNG through a
// headless GL context, SVG and PDF through cairo), export (a story as a deck, PNGs or a handout), list (rows
// or JSON), generate, edit, bench and convert.
#pragma once

#include "app/cli/cli.hpp"

namespace cs {

int run_check(const Options& o);
int run_layout(const Options& o);
int run_render(const Options& o);
int run_list(const Options& o);
int run_export(const Options& o);
int run_present(const Options& o);  // the window (app/window_app), presenting
int run_generate(const Options& o);
int run_convert(const Options& o);
int run_edit(const Options& o);

}  // namespace cs
