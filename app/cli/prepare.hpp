// What the drawing and listing commands (layout, render, list, and later export) share: the input file
// checked, loaded and indexed (over the --filter's matches), the view for --range and --size, the calendar
// rows for --calendars, and the canvas font.
#pragma once

#include "app/cli/cli.hpp"
#include "render/context_bar.hpp"
#include "render/scene.hpp"

#include <memory>
#include <string>
#include <vector>
#include <span>

namespace cs {

constexpr int kDefaultWidth = 1920, kDefaultHeight = 1080;

struct Prepared {
  Timeline timeline;
  std::vector<bool> keep;                // the --filter's matches (all true without one)
  std::unique_ptr<TimelineIndex> index;  // over the matches
  std::vector<Calendar> calendars;       // --calendars, for build_scene
  LayoutConfig cfg;                      // with a row per calendar, and the context bar's strip
  CanvasView view;
  bool context_bar = false;              // --context-bar
};

// Why `path` cannot be read as a timeline ("No such file or directory", "it is a folder", "it is not a
// regular file"), or empty when it can be tried.
std::string unreadable_input(const std::string& path);
// False with "--filter:1:COL: error: ..." on stderr when o.filter does not parse (checked before loading).
bool filter_syntax_ok(const Options& o);

// Loads o.file (diagnostics to stderr), applies --filter, indexes the matches and sets the view. 0 when
// ready; else the exit status (1: the file cannot be read or has errors, 2: a bad --range or --filter).
int prepare(const Options& o, Prepared& p);
// The same without the view (for list): the file loaded and the filter applied.
int prepare_events(const Options& o, Prepared& p);

// The context bar over a scene built from `p`, when --context-bar asked for it (as the window draws it).
// Returns the bar (its area empty when not asked).
// The layout settings for the prepared canvas at another scale: `base` with the context bar and the
// calendar rows the options asked for.
LayoutConfig canvas_config(const Prepared& p, const LayoutConfig& base);
// The context bar (--context-bar) for `view`, drawn into `sink` (null: only its geometry).
ContextBar add_context_bar(Sink* sink, const Prepared& p, const LayoutConfig& cfg, const CanvasView& view,
                           const Font& font);

// The canvas font at `px` (and the `more_sizes` baked too, for titles and captions), or null with a
// message on stderr.
std::unique_ptr<Font> load_font(float px, std::span<const float> more_sizes = {});

}  // namespace cs
