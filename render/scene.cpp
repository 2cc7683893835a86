// Composes lanes, grid, records, labels, axis and headers into a sink, back to front.
#include "render/scene.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

namespace cs {
namespace {

Rgba darker(Rgba c, float f) {
  return {std::uint8_t(c.r * f), std::uint8_t(c.g * f), std::uint8_t(c.b * f), c.a};
}

// One line of canvas text, centred vertically in [y0, y1).
void label(Sink& sink, const Font& font, float x, float y0, float y1, std::string_view s, Rgba c, float max_width = 0) {
  sink.text({s, x, font.baseline(y0, y1), font.size(), c, max_width});
}

// A label that must not run past `right` (the image's edge): shortened with "…" when it would, left out
// when not even a letter and the ellipsis fit.
void edge_label(Sink& sink, const Font& font, float x, float y0, float y1, std::string_view s, Rgba c, float right) {
  const float room = right - x;
  if (font.width(s) <= room) return label(sink, font, x, y0, y1, s, c);
  if (font.fit(s, room).empty()) return;
  label(sink, font, x, y0, y1, s, c, room);
}

// How much larger than the default configuration the canvas is drawn (1 at 1x): for the few pixel
// constants of the drawing itself (strips, outlines, tick lengths).
float drawing_scale(const LayoutConfig& cfg) { return cfg.row_height / LayoutConfig{}.row_height; }

// With a focus, what is not in it is drawn at the theme's dim opacity.
Rgba fade(Rgba c, bool dim, const Theme& th) { return dim ? with_alpha(c, std::uint8_t(c.a * th.dim_alpha / 255)) : c; }

bool in_focus(const SceneState& state, EventIndex e) {
  return std::find(state.focus.begin(), state.focus.end(), e) != state.focus.end();
}

// A bar whose ends fade out in steps over the last (or first) stretch of its length.
void draw_fading_bar(Sink& dl, const Box& b, Rgba c, bool fade_start, bool fade_end) {
  constexpr int kSteps = 10;
  const float len = std::min(b.x1 - b.x0, 60.f), step = len / kSteps;
  const float solid0 = fade_start ? b.x0 + len : b.x0, solid1 = fade_end ? b.x1 - len : b.x1;
  if (solid1 > solid0) dl.rect(solid0, b.y0, solid1, b.y1, c);
  for (int k = 0; k < kSteps; ++k) {
    const auto a = std::uint8_t(float(c.a) * (1.f - (float(k) + 0.5f) / kSteps));
    if (fade_end) dl.rect(solid1 + float(k) * step, b.y0, solid1 + float(k + 1) * step, b.y1, with_alpha(c, a));
    if (fade_start) dl.rect(solid0 - float(k + 1) * step, b.y0, solid0 - float(k) * step, b.y1, with_alpha(c, a));
  }
}

void draw_records(Sink& dl, const Timeline& t, const Layout& layout, const Font& font, const Theme& th,
                  const SceneState& state, const Viewport& vp, float k, float bottom) {
  const float o = std::round(3 * k), thick = std::round(2 * k);  // outlines: how far out, how thick
  for (const LayoutRecord& r : layout.records) {
    const bool focused = r.kind != RecordKind::Fold && !state.focus.empty() && in_focus(state, r.event);
    const bool dim = !state.focus.empty() && !focused;
    const auto ink = [&](Rgba c) { return fade(c, dim, th); };
    const Rgba color = ink(r.slot < t.lanes.size() ? t.lanes[r.slot].color : Rgba{110, 110, 120, 255});
    const Box& b = r.box;
    const float cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
    switch (r.style) {
      case MarkStyle::Diamond:
        dl.diamond(cx, cy, b.x1 - b.x0, color, r.exact);
        break;
      case MarkStyle::Span:  // a period of uncertainty: translucent, with solid ends
        dl.rect(b.x0, b.y0, b.x1, b.y1, with_alpha(color, std::uint8_t(60 * color.a / 255)));
        dl.frame(b.x0, b.y0, b.x1, b.y1, 1, with_alpha(color, std::uint8_t(170 * color.a / 255)));
        break;
      case MarkStyle::Bar:
        if (r.fade_start || r.fade_end) {  // an unknown end: the bar fades away where nothing is known
          draw_fading_bar(dl, b, with_alpha(color, std::uint8_t(225 * color.a / 255)), r.fade_start, r.fade_end);
          break;
        }
        dl.rect(b.x0, b.y0, b.x1, b.y1, with_alpha(color, std::uint8_t(225 * color.a / 255)));
        if (t.store().precision(r.event) < Precision::Day)  // imprecise start: a darker first stretch
          dl.rect(b.x0, b.y0, std::min(b.x1, b.x0 + 3), b.y1, darker(color, 0.6f));
        break;
      case MarkStyle::Block: {
        dl.rect(b.x0, b.y0, b.x1, b.y1, ink(th.fold_bg));
        dl.rect(b.x0, b.y0, b.x0 + 2, b.y1, color);
        // The count centred in the part of the block in view.
        const float x0 = std::max(b.x0, float(vp.left())), x1 = std::max(x0, std::min(b.x1, float(vp.right())));
        label(dl, font, x0 + std::max(2.f, (x1 - x0 - font.width(r.label)) / 2), b.y0, b.y1, r.label,
              ink(th.text_on_bar));
        break;
      }
    }
    const bool selected = r.kind != RecordKind::Fold && state.selected == r.event;
    const bool hovered = r.kind != RecordKind::Fold && state.hovered == r.event;
    if (selected || hovered)
      dl.frame(b.x0 - o, b.y0 - o, b.x1 + o, b.y1 + o, selected ? thick : std::round(k), selected ? th.selection : th.hover);
    else if (focused)
      dl.frame(b.x0 - o, b.y0 - o, b.x1 + o, b.y1 + o, thick, th.focus);
    if (r.has_label && r.label_box.y1 <= bottom) {
      const bool inside = r.style == MarkStyle::Bar && r.label_box.x0 >= b.x0 && r.label_box.x1 <= b.x1;
      label(dl, font, r.label_box.x0, r.label_box.y0, r.label_box.y1, r.label,
            ink(inside && !dim ? th.text_on_bar : (selected ? th.selection : th.text)));  // dimmed bars are pale
    }
  }
}

void draw_axis(Sink& dl, const Axis& axis, const Viewport& vp, const Font& font, const LayoutConfig& cfg,
               const Theme& th, float width) {
  const float h = cfg.gregorian_axis_height(), mid = std::round(h / 2), k = drawing_scale(cfg);
  const float edge = width - 2;  // labels stop short of the image's right edge
  dl.rect(0, 0, width, cfg.axis_height, th.axis_bg);
  dl.rect(0, h - 1, width, h, th.separator);
  const float pad = float(kAxisLabelPad);
  // Calendar rows: their names in the header column, ticks and labels under the Gregorian rows.
  for (std::size_t i = 0; i < axis.calendars.size(); ++i) {
    const float y0 = h + float(i) * cfg.calendar_row_height, y1 = y0 + cfg.calendar_row_height;
    dl.set_clip({0, y0, float(vp.left()), y1});
    label(dl, font, std::round(12 * k), y0, y1, calendar_name(axis.calendars[i].calendar), th.text_dim,
          float(vp.left()) - std::round(18 * k));
    dl.set_clip({float(vp.left()), y0, width, y1});
    for (const CalendarTick& t : axis.calendars[i].ticks) {
      if (t.boundary) dl.rect(float(t.x), y1 - std::round(7 * k), float(t.x) + 1, y1 - 1, th.text_dim);
      edge_label(dl, font, float(t.x) + pad, y0, y1 - 1, t.label, t.boundary ? th.text_dim : th.text, edge);
    }
    dl.set_clip(kNoClip);
    dl.rect(0, y1 - 1, width, y1, th.separator);
  }
  dl.set_clip({float(vp.left()), 0, width, h});
  // Enclosing periods: the label sticks to the left edge while its period is in view (axis.cpp placed it).
  for (const AxisPeriod& p : axis.periods) {
    if (p.x1 < vp.left() || p.x0 > vp.right()) continue;
    dl.rect(float(p.x0), std::round(4 * k), float(p.x0) + 1, mid, th.separator);
    if (!p.label.empty()) edge_label(dl, font, float(p.label_x), std::round(2 * k), mid, p.label, th.text, edge);
  }
  for (const AxisTick& t : axis.ticks) {
    dl.rect(float(t.x), h - std::round(8 * k), float(t.x) + 1, h - 1, th.text_dim);
    edge_label(dl, font, float(t.x) + pad, mid, h - std::round(3 * k), t.label, th.text_dim, edge);
  }
  dl.set_clip(kNoClip);
}

// Ghosts sit behind the marks: a faint copy of the mark at the claimed date, a thin connector to the
// event's own mark (along the ghost's row, then up or down), and the claiming source's name.
void draw_ghosts(Sink& dl, const Timeline& t, const Layout& layout, const Font& font, const Theme& th,
                 const SceneState& state, float bottom) {
  for (const GhostMark& g : layout.ghosts) {
    const bool dim = !state.focus.empty() && !in_focus(state, g.event);
    const Rgba lane = g.slot < t.lanes.size() ? t.lanes[g.slot].color : Rgba{110, 110, 120, 255};
    const Rgba faint = fade(g.solid ? lane : with_alpha(lane, th.ghost_alpha), dim, th);  // all-of members are no ghosts
    const Box& b = g.box;
    const Box& e = layout.records[g.record].box;
    const float gy = std::round((b.y0 + b.y1) / 2), ey = (e.y0 + e.y1) / 2;
    const float ex = std::clamp((b.x0 + b.x1) / 2, e.x0, e.x1);  // the event's nearest point in x
    if (std::abs(gy - ey) < 1) {  // same row: between the facing edges
      const float a = b.x1 <= e.x0 ? b.x1 : e.x1, c = b.x1 <= e.x0 ? e.x0 : b.x0;
      if (c > a) dl.rect(a, gy, c, gy + 1, faint);
    } else {
      const float from = b.x1 <= ex ? b.x1 : b.x0;
      dl.rect(std::min(from, ex), gy, std::max(from, ex) + 1, gy + 1, faint);
      dl.rect(ex, std::min(gy, ey < gy ? e.y1 : e.y0), ex + 1, std::max(gy, ey < gy ? e.y1 : e.y0), faint);
    }
    if (g.style == MarkStyle::Diamond) {
      dl.diamond((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, b.x1 - b.x0, faint, g.solid && g.exact);
    } else {
      dl.rect(b.x0, b.y0, b.x1, b.y1, fade(with_alpha(lane, g.solid ? 60 : std::uint8_t(th.ghost_alpha / 3)), dim, th));
      dl.frame(b.x0, b.y0, b.x1, b.y1, 1, faint);
    }
    if (g.has_label && g.label_box.y1 <= bottom)
      label(dl, font, g.label_box.x0, g.label_box.y0, g.label_box.y1, g.label, fade(with_alpha(th.text_dim, 200), dim, th));
  }
}

}  // namespace

CanvasView make_canvas_view(Seconds t0, Seconds t1, float width, float height, const LayoutConfig& cfg) {
  CanvasView v;
  v.width = width;
  v.height = height;
  v.viewport = Viewport{t0, t1, cfg.header_width, std::max(1.f, width - cfg.header_width)};
  return v;
}

CanvasView fit_all(const TimelineIndex& index, float width, float height, const LayoutConfig& cfg) {
  Seconds t0, t1;
  if (!index.extent(t0, t1)) {  // nothing to show: the current decade
    t0 = Seconds{date::sys_days{date::year{2010} / 1 / 1}};
    t1 = Seconds{date::sys_days{date::year{2030} / 1 / 1}};
  }
  const auto margin = std::chrono::seconds{std::max<std::int64_t>(3600, (t1 - t0).count() / 20)};
  return make_canvas_view(t0 - margin, t1 + margin, width, height, cfg);
}

void event_focus_range(const When& w, Seconds horizon, Seconds& t0, Seconds& t1) {
  // What is known of the span: an open or unknown start shows from its known end date, an open end up to
  // the end of the data.
  t0 = w.start_bound != Bound::Known && w.end ? w.end->start : w.begin_time() == Seconds::min() ? w.start.start : w.begin_time();
  t1 = w.open_end ? std::max(w.start.end(), horizon) : w.end_time();
  if (t1 == Seconds::max()) t1 = std::max(w.end ? w.end->end() : w.start.end(), horizon);
  if (t1 <= t0) t1 = t0 + std::chrono::hours{24};
  const std::int64_t len = std::max<std::int64_t>((t1 - t0).count(), 3600);
  if (w.is_interval() || w.start.precision < Precision::Day) {
    // A span: it fills most of the view.
    t0 -= std::chrono::seconds{len / 5};
    t1 += std::chrono::seconds{len / 5};
  } else {
    // A day or an instant: four weeks around it, more room on the right where its label goes.
    const std::int64_t week = 7 * 86400;
    t0 -= std::chrono::seconds{std::max<std::int64_t>(len, week)};
    t1 += std::chrono::seconds{std::max<std::int64_t>(len, 3 * week)};
  }
}

Layout layout_for(const TimelineIndex& index, const CanvasView& view, const TextMeasure& text,
                  const LayoutConfig& cfg, std::span<const EventIndex> focus, std::span<const std::uint32_t> lanes) {
  LayoutInput in{&index, view.viewport, cfg.axis_height, view.scroll_y, view.height};
  in.focus.assign(focus.begin(), focus.end());
  in.slots.assign(lanes.begin(), lanes.end());
  return build_layout(in, text, cfg);
}

void layout_scene(Scene& scene, const TimelineIndex& index, const CanvasView& view, const TextMeasure& text,
                  const LayoutConfig& config, const SceneState& state, std::span<const Calendar> calendars) {
  scene.config =
      config.calendar_rows == int(calendars.size()) ? config : config.with_calendars(int(calendars.size()));
  std::vector<EventIndex> focus;  // the selection first: it keeps its row as the window shows it
  if (state.selected) focus.push_back(*state.selected);
  focus.insert(focus.end(), state.focus.begin(), state.focus.end());
  scene.layout = layout_for(index, view, text, scene.config, focus, state.lanes);
  scene.axis = build_axis(view.viewport, text, calendars);
}

void draw_scene(Sink& dl, const Scene& scene, const TimelineIndex& index, const CanvasView& view, const Font& font,
                const Theme& th, const SceneState& state) {
  const Timeline& t = index.timeline();
  const Viewport& vp = view.viewport;
  const LayoutConfig& cfg = scene.config;
  // The background is the renderer's clear colour (th.background): no full-screen quad to fill.
  // Lane bands and grid, clipped below the axis; even bands are the background already.
  dl.set_clip({0, cfg.axis_height, view.width, view.height});
  for (std::size_t i = 0; i < scene.layout.lanes.size(); ++i) {
    const LaneBand& l = scene.layout.lanes[i];
    if (i % 2) dl.rect(float(vp.left()), l.y0, view.width, l.y1, th.lane_odd);
    dl.rect(0, l.y1 - 1, view.width, l.y1, th.separator);
  }
  dl.set_clip({float(vp.left()), cfg.axis_height, view.width, view.height});
  for (const AxisTick& tk : scene.axis.ticks) dl.rect(float(tk.x), cfg.axis_height, float(tk.x) + 1, view.height, th.grid);
  // Labels the canvas's bottom edge would cut: left to scrolling in the window, left out of an image.
  const float bottom = state.whole_labels ? view.height : std::numeric_limits<float>::infinity();
  draw_ghosts(dl, t, scene.layout, font, th, state, bottom);
  draw_records(dl, t, scene.layout, font, th, state, vp, drawing_scale(cfg), bottom);
  // Lane headers over the left edge.
  dl.set_clip({0, cfg.axis_height, float(vp.left()), view.height});
  dl.rect(0, cfg.axis_height, float(vp.left()), view.height, th.header_bg);
  const float k = drawing_scale(cfg);
  for (const LaneBand& l : scene.layout.lanes) {
    const LaneSlot& slot = index.slots()[l.slot];
    const Rgba c = slot.lane ? slot.lane->color : Rgba{110, 110, 120, 255};
    dl.rect(0, l.y0, std::round(4 * k), l.y1 - 1, c);
    if (l.y0 + cfg.lane_padding + cfg.row_height <= bottom)
      label(dl, font, std::round(12 * k), l.y0 + cfg.lane_padding, l.y0 + cfg.lane_padding + cfg.row_height,
            slot.name(), th.text, float(vp.left()) - std::round(18 * k));
    dl.rect(0, l.y1 - 1, float(vp.left()), l.y1, th.separator);
  }
  dl.set_clip(kNoClip);
  dl.rect(float(vp.left()) - 1, cfg.axis_height, float(vp.left()), view.height, th.separator);
  draw_axis(dl, scene.axis, vp, font, cfg, th, view.width);
}

void build_scene(Scene& scene, const TimelineIndex& index, const CanvasView& view, const Font& font,
                 const LayoutConfig& config, const Theme& th, const SceneState& state,
                 std::span<const Calendar> calendars) {
  layout_scene(scene, index, view, font, config, state, calendars);
  scene.draw.clear();
  QuadSink sink{scene.draw, font};
  draw_scene(sink, scene, index, view, font, th, state);
}

}  // namespace cs
