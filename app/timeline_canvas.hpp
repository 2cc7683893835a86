// The timeline canvas: owns its view (with animation), maps mouse and keys to view changes and selection,
// shows tooltips beside marks, draws the context bar under the axis (the whole timeline's density with the
// view as a window to drag), and draws the scene with the GL quad renderer beneath the ImGui windows.
// It gets the document and the index to show (the filter's) each frame, and names events by id.
#pragma once

#include "app/canvas_editing.hpp"
#include "app/dock.hpp"
#include "app/session.hpp"
#include "app/ui_log.hpp"
#include "render/camera.hpp"
#include "render/context_bar.hpp"
#include "render/gl/quad_renderer.hpp"
#include "render/scene.hpp"

#include <optional>
#include <span>
#include <string>

namespace cs {

// What the canvas is given each frame.
struct CanvasFrame {
  const Document& doc;
  const TimelineIndex& index;  // the document's index, or one over a filter's matches
  std::uint64_t data_generation = 0;  // changes when what `index` holds changes (edits, reloads, the filter)
  Rect rect;                   // in window coordinates
  float fb_scale = 1;          // framebuffer pixels per window unit
  std::span<const Calendar> calendars;
  bool input = true;           // false while something else (a splitter drag) owns the mouse
  bool keys = true;            // false while a panel (the list) takes the arrow keys
  CanvasEditing* editing = nullptr;  // drags that edit events (app/canvas_editing), when the window edits
};

struct TimelineCanvas {
  TimelineCanvas(const Font& font, LayoutConfig cfg, const UiLog& log);

  // ImGui part: a borderless window at the frame's rect; input, tooltip, scene rebuild.
  void draw(const CanvasFrame& f, Selection& sel);
  // GL part: draws the last built scene into the default framebuffer (call before ImGui's draw data).
  void render_gl(gl::QuadRenderer& renderer, int fb_height) const;

  void fit_all(const TimelineIndex& index);
  // Shows `vp` at once (no animation); for scripted playback. Its width follows the canvas.
  void set_view(const Viewport& vp);
  const CanvasView& view() const { return view_; }
  void zoom(double factor);     // about the centre, animated
  void pan_fraction(double f);  // by a fraction of the width, later when f > 0, animated
  bool animating() const {
    return anim_t_ < 1.0 || dragging_ || scroll_target_ != view_.scroll_y || reveal_.has_value() || flight_;
  }
  // The context bar: the density per lane (true) or of all events together.
  bool density_per_lane() const { return per_lane_; }
  void set_density_per_lane(bool on) { per_lane_ = on; }
  // Stories: flies to `vp` along the story camera's path (about a second; any other move takes over), and
  // the lanes in sight (slots, top to bottom) for a step made from this view.
  void fly_to(const Viewport& vp);
  std::vector<std::uint32_t> lanes_in_sight() const;

 private:
  void focus_event(const TimelineIndex& index, EventIndex e);
  void reveal(const CanvasFrame& f);
  void animate_to(const Viewport& target, double anchor_x);
  void step_animation(double dt);
  void handle_mouse(const CanvasFrame& f, Selection& sel, bool editing);
  bool handle_context_bar(float mx, float my, bool hovered);
  void handle_keys(const TimelineIndex& index);
  void tooltip(const CanvasFrame& f, const LayoutRecord& r) const;
  void draw_context_bar_strip(const CanvasFrame& f);
  void clamp_scroll();
  void log_view() const;

  const Font& font_;
  LayoutConfig base_cfg_;  // without calendar rows
  LayoutConfig cfg_;       // this frame's, with them
  const UiLog& log_;
  Theme theme_;

  bool initialised_ = false;
  CanvasView view_;          // what is shown now (framebuffer pixels)
  Viewport target_;          // where an animation is going
  Viewport anim_from_;
  double anim_t_ = 1.0;      // >= 1: not animating
  double anchor_x_ = 0;
  std::optional<Flight> flight_;  // a story step's flight, and how far into it (seconds)
  double flight_t_ = 0;
  bool dragging_ = false;
  float scroll_target_ = 0;
  float logged_scroll_ = 0;  // the settled scroll last logged
  float fb_x_ = 0, fb_y_ = 0;  // canvas origin in framebuffer pixels
  Scene scene_;
  SceneState state_;

  // An event being brought into view (focus_event): until it stands in the plot, unfolded, the canvas
  // scrolls its lane in. By id, as edits may move it.
  std::optional<std::string> reveal_;
  int reveal_frames_ = 0;
  int reveal_steady_ = 0;  // frames it has stood in view

  // The context bar: the profile is rebuilt when the data, the bar's width or the mode change.
  bool per_lane_ = false;
  DensityProfile density_;
  std::uint64_t density_generation_ = ~std::uint64_t{0};
  const TimelineIndex* density_index_ = nullptr;
  ContextBar bar_;
  ContextBarPart bar_drag_ = ContextBarPart::None;
  Viewport bar_start_;
  float bar_press_x_ = 0;
};

}  // namespace cs
