// One frame of the timeline canvas, on the CPU: query and fold (layout), axis, and the drawing emitted into
// a sink: the GL draw list that the window and the headless renderer both hand to the GL layer (so `render`
// shows exactly what the window does), or the vector backend for PDF and SVG.
#pragma once

#include "render/axis.hpp"
#include "render/draw_list.hpp"
#include "render/font.hpp"
#include "render/layout.hpp"
#include "render/sink.hpp"

#include <optional>
#include <span>
#include <vector>

namespace cs {

// Canvas text size before HiDPI scaling, in pixels.
constexpr float kCanvasFontPx = 15.f;

struct Theme {
  Rgba background{250, 250, 247, 255};  // cleared by the renderer, not drawn
  Rgba lane_even{250, 250, 247, 255};   // the background: even lanes are not drawn
  Rgba lane_odd{241, 241, 236, 255};
  Rgba separator{218, 218, 210, 255};
  Rgba grid{226, 226, 219, 255};
  Rgba header_bg{233, 232, 226, 255};
  Rgba axis_bg{238, 237, 231, 255};
  Rgba text{34, 34, 38, 255};
  Rgba text_dim{105, 105, 112, 255};
  Rgba text_on_bar{255, 255, 255, 255};
  Rgba fold_bg{72, 76, 86, 255};
  Rgba selection{22, 100, 214, 255};
  Rgba hover{22, 100, 214, 140};
  Rgba focus{20, 20, 24, 255};    // the outline of a story step's focus events
  std::uint8_t ghost_alpha = 90;  // ghosts of disputed dates: lane colour this faint
  std::uint8_t dim_alpha = 64;    // with a focus, everything else at this opacity (of 255)
};

// What the canvas shows: the view (time and vertical scroll) and the canvas size in pixels.
struct CanvasView {
  Viewport viewport;  // plot area
  float scroll_y = 0;
  float width = 0, height = 0;
};

struct SceneState {
  std::optional<EventIndex> selected;
  std::optional<EventIndex> hovered;
  // A story step's focus: these events stand unfolded, outlined and fully labelled wherever they are in
  // view, and every other mark and label is dimmed.
  std::vector<EventIndex> focus;
  // The lanes shown, as slots of the index, in this order (a step's lanes, or the lanes with events);
  // empty: every lane.
  std::vector<std::uint32_t> lanes;
  // Images: a label that the canvas's bottom edge would cut is left out (the window scrolls instead).
  bool whole_labels = false;
};

struct Scene {
  Layout layout;
  Axis axis;
  DrawList draw;         // build_scene's output; draw_scene into other sinks leaves it alone
  LayoutConfig config;   // as laid out: with the calendar rows
};

// A view of the given canvas size; the viewport spans the plot (right of the lane headers).
CanvasView make_canvas_view(Seconds t0, Seconds t1, float width, float height, const LayoutConfig& cfg);
// Everything in the timeline, with a margin on both sides.
CanvasView fit_all(const TimelineIndex& index, float width, float height, const LayoutConfig& cfg);
// The range to show when zooming to an event: the event with room around it. An event still going on is
// shown up to `horizon` (the end of the data: "/.." means ongoing as of the sources, not as of today).
void event_focus_range(const When& w, Seconds horizon, Seconds& t0, Seconds& t1);

// The layout of the canvas; `focus` stands unfolded and labelled (see LayoutInput::focus), and only the
// `lanes` are shown when there are any (see LayoutInput::slots).
Layout layout_for(const TimelineIndex& index, const CanvasView& view, const TextMeasure& text,
                  const LayoutConfig& cfg, std::span<const EventIndex> focus = {},
                  std::span<const std::uint32_t> lanes = {});
// The whole frame. `calendars` adds a row under the Gregorian axis for each (Solar Hijri, Islamic,
// Julian); the axis grows by cfg.calendar_row_height per row, so callers that measure the axis (hit
// areas, scrolling) should use cfg.with_calendars(calendars.size()) themselves. The selected event and
// the state's focus events stand unfolded wherever they are in view. Disputed events show their ghosts.
void build_scene(Scene& scene, const TimelineIndex& index, const CanvasView& view, const Font& font,
                 const LayoutConfig& cfg, const Theme& theme, const SceneState& state,
                 std::span<const Calendar> calendars = {});
// build_scene in two halves: the layout and axis (scene.layout, scene.axis, scene.config) ...
void layout_scene(Scene& scene, const TimelineIndex& index, const CanvasView& view, const TextMeasure& text,
                  const LayoutConfig& cfg, const SceneState& state, std::span<const Calendar> calendars = {});
// ... and the drawing of a laid-out scene into any sink, back to front, in canvas pixels from (0, 0). The
// background is not drawn (the GL renderer clears to theme.background; other sinks fill it themselves).
// `font` must be the one the scene was laid out with.
void draw_scene(Sink& sink, const Scene& scene, const TimelineIndex& index, const CanvasView& view, const Font& font,
                const Theme& theme, const SceneState& state);

}  // namespace cs
