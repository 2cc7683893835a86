// Density by binary search over the index, the bar's geometry and hit areas, dragging, drawing.
#include "render/context_bar.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cs {

std::int64_t DensityProfile::bin_start(std::size_t b) const {
  // (t1 - t0) is at most ~2e12 s (the viewport's 60,000 years) and bins at most 1e5: no overflow.
  return t0 + (t1 - t0) * std::int64_t(b) / std::int64_t(std::max<std::size_t>(bins, 1));
}

DensityProfile build_density(const TimelineIndex& index, std::size_t bins, bool per_lane) {
  DensityProfile p;
  Seconds e0, e1;
  if (!index.extent(e0, e1)) {
    e0 = Seconds{date::sys_days{date::year{2010} / 1 / 1}};
    e1 = Seconds{date::sys_days{date::year{2030} / 1 / 1}};
  }
  const std::int64_t margin = std::max<std::int64_t>(3600, (e1 - e0).count() / 20);  // as fit_all
  p.t0 = e0.time_since_epoch().count() - margin;
  p.t1 = std::max(e1.time_since_epoch().count() + margin, p.t0 + 1);
  p.bins = std::clamp<std::size_t>(bins, 1, 100000);
  p.per_lane = per_lane;
  const std::size_t slots = index.slots().size();
  const std::size_t rows = per_lane ? slots : 1;
  p.counts.assign(rows * p.bins, 0);
  std::vector<std::int64_t> edges(p.bins + 1);
  for (std::size_t b = 0; b <= p.bins; ++b) edges[b] = p.bin_start(b);
  std::vector<EventIndex> ongoing;
  const EventStore& st = index.store();
  for (std::size_t s = 0; s < slots; ++s) {
    std::uint64_t* row = p.counts.data() + (per_lane ? s : 0) * p.bins;
    if (per_lane) p.slots.push_back(std::uint32_t(s));
    // Closed events: the count in [edge b, edge b+1) is the difference of two lower bounds.
    const auto starts = index.starts(s);
    auto prev = std::lower_bound(starts.begin(), starts.end(), edges[0]);
    for (std::size_t b = 0; b < p.bins; ++b) {
      const auto next = std::lower_bound(prev, starts.end(), edges[b + 1]);
      row[b] += std::uint64_t(next - prev);
      prev = next;
    }
    // Ongoing events are kept apart by the index (no duration class asked for: only they come back).
    index.wide_visible(s, TimelineIndex::kClasses, std::numeric_limits<std::int64_t>::min(),
                       std::numeric_limits<std::int64_t>::max(), ongoing, false);
    for (EventIndex e : ongoing) {
      const auto it = std::upper_bound(edges.begin(), edges.end(), st.start(e));
      if (it != edges.begin() && it != edges.end()) ++row[std::size_t(it - edges.begin()) - 1];
    }
  }
  p.max_count = p.counts.empty() ? 0 : *std::max_element(p.counts.begin(), p.counts.end());
  return p;
}

double context_bar_x(const ContextBar& bar, Seconds t) {
  const double f = double(t.time_since_epoch().count() - bar.t0) / double(bar.t1 - bar.t0);
  return bar.area.x0 + f * (bar.area.x1 - bar.area.x0);
}

Seconds context_bar_time(const ContextBar& bar, double x) {
  const double f = (x - bar.area.x0) / std::max(1.0, double(bar.area.x1 - bar.area.x0));
  return Seconds{std::chrono::seconds{bar.t0 + std::int64_t(std::floor(f * double(bar.t1 - bar.t0)))}};
}

ContextBar make_context_bar(const DensityProfile& profile, Box area, const Viewport& view) {
  ContextBar bar;
  bar.area = area;
  bar.t0 = profile.t0;
  bar.t1 = profile.t1;
  float x0 = float(context_bar_x(bar, view.start())), x1 = float(context_bar_x(bar, view.end()));
  if (x1 - x0 < ContextBar::kMinWindow) {  // a narrow view still shows as a window to grab
    const float c = (x0 + x1) / 2;
    x0 = c - ContextBar::kMinWindow / 2;
    x1 = c + ContextBar::kMinWindow / 2;
  }
  bar.window = {x0, area.y0, x1, area.y1};
  bar.left_edge = {x0 - ContextBar::kGrip, area.y0, x0 + 2, area.y1};
  bar.right_edge = {x1 - 2, area.y0, x1 + ContextBar::kGrip, area.y1};
  return bar;
}

ContextBarPart context_bar_hit(const ContextBar& bar, float x, float y) {
  const bool wide = bar.window.x1 - bar.window.x0 >= 3 * ContextBar::kGrip;
  // On a narrow window its middle moves it and only the outer grips resize it.
  if (!wide && x >= bar.window.x0 && x < bar.window.x1 && y >= bar.area.y0 && y < bar.area.y1)
    return ContextBarPart::Window;
  if (bar.left_edge.contains(x, y)) return ContextBarPart::LeftEdge;
  if (bar.right_edge.contains(x, y)) return ContextBarPart::RightEdge;
  if (bar.window.contains(x, y)) return ContextBarPart::Window;
  if (bar.area.contains(x, y)) return ContextBarPart::Track;
  return ContextBarPart::None;
}

Viewport drag_context_bar(const ContextBar& bar, ContextBarPart part, const Viewport& start, float press_x, float dx) {
  const double spp = double(bar.t1 - bar.t0) / std::max(1.0, double(bar.area.x1 - bar.area.x0));
  const auto shift = std::chrono::seconds{std::int64_t(std::llround(double(dx) * spp))};
  Seconds a = start.start(), b = start.end();
  switch (part) {
    case ContextBarPart::Window: a += shift, b += shift; break;
    case ContextBarPart::LeftEdge: a = std::min(a + shift, b - std::chrono::seconds{60}); break;
    case ContextBarPart::RightEdge: b = std::max(b + shift, a + std::chrono::seconds{60}); break;
    case ContextBarPart::Track: {
      const Seconds c = context_bar_time(bar, double(press_x) + double(dx));
      const auto half = (b - a) / 2;
      a = c - half, b = a + (start.end() - start.start());
      break;
    }
    case ContextBarPart::None: return start;
  }
  Viewport v = start;
  v.show(a, b);
  return v;
}

void draw_context_bar(DrawList& dl, const ContextBar& bar, const DensityProfile& p, const Timeline& t,
                      const Theme& th) {
  const Box& a = bar.area;
  const ClipRect old = dl.clip();
  dl.set_clip({a.x0, a.y0, a.x1, a.y1});
  dl.rect(a.x0, a.y0, a.x1, a.y1, th.axis_bg);
  const std::size_t rows = p.rows();
  const float w = a.x1 - a.x0, h = a.y1 - a.y0;
  const double scale = p.max_count ? std::log1p(double(p.max_count)) : 1.0;
  for (std::size_t r = 0; r < rows && p.bins; ++r) {
    const std::uint32_t slot = p.per_lane ? p.slots[r] : 0;
    const Rgba color = p.per_lane && slot < t.lanes.size() ? t.lanes[slot].color
                       : p.per_lane                         ? Rgba{110, 110, 120, 255}
                                                            : th.text_dim;
    const float y0 = a.y0 + h * float(r) / float(rows), y1 = a.y0 + h * float(r + 1) / float(rows);
    // Runs of bins at the same level are one quad: per lane a strip of intensities, overall a histogram.
    std::size_t b = 0;
    while (b < p.bins) {
      const auto level = [&](std::size_t k) {
        const std::uint64_t c = p.count(r, k);
        return c == 0 ? 0 : 1 + int(11.0 * std::log1p(double(c)) / scale);
      };
      const int lv = level(b);
      std::size_t e = b + 1;
      while (e < p.bins && level(e) == lv) ++e;
      if (lv > 0) {
        const float x0 = a.x0 + w * float(b) / float(p.bins), x1 = a.x0 + w * float(e) / float(p.bins);
        if (p.per_lane) dl.rect(x0, y0, x1, std::max(y1 - 1, y0 + 1), with_alpha(color, std::uint8_t(40 + lv * 18)));
        else dl.rect(x0, y1 - (y1 - y0) * float(lv) / 12.f, x1, y1, color);
      }
      b = e;
    }
  }
  const Box& win = bar.window;
  dl.rect(a.x0, a.y0, win.x0, a.y1, with_alpha(th.background, 150));  // outside the view, dimmed
  dl.rect(win.x1, a.y0, a.x1, a.y1, with_alpha(th.background, 150));
  dl.rect(win.x0, a.y0, win.x1, a.y1, with_alpha(th.selection, 28));
  dl.frame(win.x0, a.y0, win.x1, a.y1, 1, th.selection);
  dl.rect(win.x0 - 1, a.y0 + h / 4, win.x0 + 2, a.y1 - h / 4, th.selection);  // grips
  dl.rect(win.x1 - 2, a.y0 + h / 4, win.x1 + 1, a.y1 - h / 4, th.selection);
  dl.rect(a.x0, a.y1 - 1, a.x1, a.y1, th.separator);
  dl.set_clip(old);
}

}  // namespace cs
