// What the drawing commands (layout, render, and later list and export) share: the file loaded and
// indexed, the view for --range and --size, and the canvas font.
#pragma once

#include "app/cli/cli.hpp"
#include "render/scene.hpp"

#include <memory>
#include <span>

namespace cs {

constexpr int kDefaultWidth = 1920, kDefaultHeight = 1080;

struct Prepared {
  Timeline timeline;
  std::unique_ptr<TimelineIndex> index;
  LayoutConfig cfg;
  CanvasView view;
};

// Loads o.file (diagnostics to stderr), indexes it and sets the view. 0 when ready; else the exit status
// (1: the file has errors, 2: a bad --range).
int prepare(const Options& o, Prepared& p);

// The canvas font at `px` (and the `more_sizes` baked too, for titles and captions), or null with a
// message on stderr.
std::unique_ptr<Font> load_font(float px, std::span<const float> more_sizes = {});

}  // namespace cs
