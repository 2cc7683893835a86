// The timeline canvas: owns its view (with animation), maps mouse and keys to view changes and selection,
// shows tooltips beside marks, and draws the scene with the GL quad renderer beneath the ImGui windows.
// It gets the document and the index to show each frame, and names events by id in the selection.
#pragma once

#include "app/canvas_editing.hpp"
#include "app/dock.hpp"
#include "app/session.hpp"
#include "app/ui_log.hpp"
#include "render/camera.hpp"
#include "render/gl/quad_renderer.hpp"
#include "render/scene.hpp"

#include <span>

namespace cs {

// What the canvas is given each frame.
struct CanvasFrame {
  const Document& doc;
  const TimelineIndex& index;  // the document's index, or one over a filter's matches
  Rect rect;                   // in window coordinates
  float fb_scale = 1;          // framebuffer pixels per window unit
  std::span<const Calendar> calendars;
  bool input = true;           // false while something else (a splitter drag) owns the mouse
  CanvasEditing* editing = nullptr;  // drags that edit events (app/canvas_editing), when the window edits
};

struct TimelineCanvas {
  TimelineCanvas(const Font& font, LayoutConfig cfg, const UiLog& log) : font_(font), base_cfg_(cfg), cfg_(cfg), log_(log) {}

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
  bool animating() const { return anim_t_ < 1.0 || dragging_ || scroll_target_ != view_.scroll_y || flight_; }
  // Stories: flies to `vp` along the story camera's path (about a second; any other move takes over), and
  // the lanes in sight (slots, top to bottom) for a step made from this view.
  void fly_to(const Viewport& vp);
  std::vector<std::uint32_t> lanes_in_sight() const;

 private:
  void focus_event(const TimelineIndex& index, EventIndex e);
  void animate_to(const Viewport& target, double anchor_x);
  void step_animation(double dt);
  void handle_mouse(const CanvasFrame& f, Selection& sel, bool editing);
  void handle_keys(const TimelineIndex& index);
  void tooltip(const CanvasFrame& f, const LayoutRecord& r) const;
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
  float fb_x_ = 0, fb_y_ = 0;  // canvas origin in framebuffer pixels
  Scene scene_;
  SceneState state_;
};

}  // namespace cs
