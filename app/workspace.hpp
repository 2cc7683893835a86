// One frame of the program's UI: the menu bar and shortcuts, the docked panels and the canvas that takes the
// rest, a banner when the file changed on disk under unsaved edits. Owns the session and the panels; the
// window (app/window_app) owns GLFW, GL and ImGui and calls frame() between ImGui's NewFrame and Render.
#pragma once

#include "app/dock.hpp"
#include "app/export_menu.hpp"
#include "app/inspector_window.hpp"
#include "app/menu_bar.hpp"
#include "app/problems_window.hpp"
#include "app/search_window.hpp"
#include "app/session.hpp"
#include "app/stories_window.hpp"
#include "app/timeline_canvas.hpp"

#include <memory>
#include <optional>
#include <utility>

namespace cs {

class Workspace {
 public:
  Workspace(const Font& canvas_font, float ui_scale, const UiLog& log);

  // Registers what the ImGui ini file keeps (call after ImGui's context exists, before the first frame).
  void install_settings();
  Session& session() { return session_; }
  TimelineCanvas& canvas() { return canvas_; }

  // The frame's UI in a window of `size` (window units) whose framebuffer has `fb_scale` pixels per unit.
  // Returns how many more frames to run before sleeping (text fields settle a frame after focus).
  int frame(float width, float height, float fb_scale);
  bool quit_requested() const { return quit_; }
  // Presenting (F5, the Stories panel, `chronoscope present`): the window takes the request and presents.
  void request_present(PresentRequest r) { present_ = std::move(r); }
  std::optional<PresentRequest> take_present_request() { return std::exchange(present_, std::nullopt); }
  // The window title: the timeline's title or file name, with a dot while there are unsaved edits.
  std::string title() const;

 private:
  void act(const MenuActions& a);
  void banner(Rect r);
  void panel(const std::string& name);
  void loaded();  // a load or reload finished

  const Font& font_;
  float ui_scale_;
  const UiLog& log_;
  Session session_;
  Dock dock_;
  TimelineCanvas canvas_;
  InspectorWindow inspector_;
  SearchWindow search_;
  ProblemsWindow problems_;
  StoriesWindow stories_;
  ExportMenu export_menu_;
  std::optional<PresentRequest> present_;
  CalendarChoice calendars_;
  std::uint64_t seen_generation_ = 0;
  const Document* seen_doc_ = nullptr;
  bool quit_ = false;
};

}  // namespace cs
