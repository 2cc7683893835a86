// The context bar as the canvas shows it under the axis (render/context_bar has the bar itself): how tall
// the strip is, and the strip drawn whole (the bar, and its mode named in the header column). Shared by
// the window's canvas and by `render`/`layout --context-bar`, so they draw the same.
#pragma once

#include "render/context_bar.hpp"
#include "render/font.hpp"

namespace cs {

// The strip's height: a row and a third; per lane, four pixels a lane, up to five rows.
float context_strip_height(const LayoutConfig& base, std::size_t lanes, bool per_lane);
// Bins for a bar `width` pixels wide: one per two pixels.
std::size_t context_strip_bins(float width);
// The bar's area in a canvas laid out with `cfg` (which has the strip), `canvas_width` wide.
Box context_strip_area(const LayoutConfig& cfg, float canvas_width);
void draw_context_strip(Sink& sink, const LayoutConfig& cfg, const ContextBar& bar, const DensityProfile& profile,
                        const Timeline& t, const Theme& theme, const Font& font);

}  // namespace cs
