// The timeline canvas window: owns its view (with animation), maps mouse and keys to view changes,
// shows hover tooltips, and draws the scene with the GL quad renderer beneath the ImGui windows.
#pragma once

#include "app/document.hpp"
#include "render/gl/quad_renderer.hpp"
#include "render/scene.hpp"
#include "app/ui_log.hpp"

namespace cs {

struct TimelineCanvas {
  TimelineCanvas(const TimelineIndex& index, const Font& font, LayoutConfig cfg, const UiLog& log)
      : index_(index), font_(font), cfg_(cfg), log_(log) {}

  // ImGui part: a borderless window at (x, y, w, h) in window coordinates; input, tooltip, scene rebuild.
  void draw(float x, float y, float w, float h, float fb_scale, Selection& sel);
  // GL part: draws the last built scene into the default framebuffer (call before ImGui's draw data).
  void render_gl(gl::QuadRenderer& renderer, int fb_height) const;

  void fit_all();
  // Shows `vp` at once (no animation); for scripted playback. Its width follows the canvas.
  void set_view(const Viewport& vp);
  const CanvasView& view() const { return view_; }
  void zoom(double factor);       // about the centre, animated
  void pan_fraction(double f);    // by a fraction of the width, animated
  void focus_event(EventIndex e);
  bool animating() const { return anim_t_ < 1.0 || dragging_ || scroll_target_ != view_.scroll_y; }

 private:
  void animate_to(const Viewport& target, double anchor_x);
  void step_animation(double dt);
  void handle_mouse(Selection& sel, float fb_scale);
  void handle_keys();
  void tooltip(const LayoutRecord& r) const;
  void clamp_scroll();
  void log_view() const;

  const TimelineIndex& index_;
  const Font& font_;
  LayoutConfig cfg_;
  const UiLog& log_;
  Theme theme_;

  bool initialised_ = false;
  CanvasView view_;          // what is shown now (framebuffer pixels)
  Viewport target_;          // where an animation is going
  Viewport anim_from_;
  double anim_t_ = 1.0;      // >= 1: not animating
  double anchor_x_ = 0;
  bool dragging_ = false;
  float scroll_target_ = 0;
  float fb_x_ = 0, fb_y_ = 0;  // canvas origin in framebuffer pixels
  Scene scene_;
  SceneState state_;
};

}  // namespace cs
