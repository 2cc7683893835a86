// `chronoscope present FILE [--story ID] [--step N] [--notes]`: the window, presenting a story at once
// (app/presenter); Esc leaves the presentation for the window.
#include "app/cli/commands.hpp"

#include "app/window_app.hpp"

namespace cs {

int run_present(const Options& o) { return run_window(o); }

}  // namespace cs
