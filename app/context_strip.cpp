// Sizes and drawing of the context bar strip.
#include "app/context_strip.hpp"

#include <algorithm>
#include <cmath>

namespace cs {

float context_strip_height(const LayoutConfig& base, std::size_t lanes, bool per_lane) {
  const float h = std::round(base.row_height * 1.3f);
  return per_lane ? std::clamp(float(lanes) * 4.f, h, base.row_height * 5) : h;
}

std::size_t context_strip_bins(float width) { return std::size_t(std::max(1.f, width / 2)); }

Box context_strip_area(const LayoutConfig& cfg, float canvas_width) {
  return {cfg.header_width, cfg.context_bar_top() + 2, canvas_width, cfg.axis_height};
}

void draw_context_strip(Sink& sink, const LayoutConfig& cfg, const ContextBar& bar, const DensityProfile& profile,
                        const Timeline& t, const Theme& theme, const Font& font) {
  draw_context_bar(sink, bar, profile, t, theme);
  const float y0 = cfg.context_bar_top(), y1 = cfg.axis_height, x1 = cfg.header_width;
  const ClipRect old = sink.clip();
  sink.set_clip({0, y0, x1, y1});
  sink.text({profile.per_lane ? "Density by lane" : "Density", 12, font.baseline(y0, y1), font.size(), theme.text_dim, x1 - 18});
  sink.set_clip(old);
}

}  // namespace cs
