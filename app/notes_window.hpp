// The speaker's window while presenting: the step on screen, its notes, the next step, the clock and the
// time since the start. Its own GLFW window and GL context, drawn with the canvas font through the quad
// renderer; keys pressed in it drive the presentation too.
#pragma once

#include "app/presenter_nav.hpp"
#include "render/font.hpp"
#include "render/gl/quad_renderer.hpp"

#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;
struct GLFWmonitor;

namespace cs {

struct NotesContent {
  std::string heading;  // the step on screen: its title, or "Step N"
  std::string counter;  // "3 / 7"
  std::string notes;    // its speaker notes
  std::string next;     // the next step's title and caption, or that this is the last
  double elapsed = 0;   // seconds since the presentation began
  bool blank = false;   // the audience sees a blank screen
  bool operator==(const NotesContent&) const = default;
};

// "14:05" and "1:02:09" / "12:09".
std::string clock_text(double seconds_since_midnight);
std::string elapsed_text(double seconds);

class NotesWindow {
 public:
  // Full screen on `monitor`, or a normal window when it is null. Leaves the caller's context current.
  // Null, with `error`, when the window or its GL cannot be made.
  static std::unique_ptr<NotesWindow> open(GLFWmonitor* monitor, std::string* error);
  ~NotesWindow();
  NotesWindow(const NotesWindow&) = delete;
  NotesWindow& operator=(const NotesWindow&) = delete;

  // Draws `c` when it or the clock's minute changed; leaves the caller's context current.
  void show(const NotesContent& c);
  // Keys pressed in this window since the last call.
  std::vector<KeyPress> take_keys();

 private:
  NotesWindow() = default;
  static void on_key(GLFWwindow* w, int key, int scancode, int action, int mods);

  GLFWwindow* window_ = nullptr;
  std::unique_ptr<Font> font_;
  std::unique_ptr<gl::QuadRenderer> renderer_;
  float scale_ = 1;
  NotesContent shown_;
  std::string shown_clock_;
  bool drawn_ = false;
  std::vector<KeyPress> keys_;
};

}  // namespace cs
