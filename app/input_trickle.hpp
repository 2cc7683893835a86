// Dear ImGui 1.86 samples key state once per frame, so a key pressed and released between two frames
// (a quick tap, or xdotool) is never seen as pressed, and Ctrl released in the same instant as F was
// pressed turns Ctrl+F into F. This sits in front of the GLFW backend's key callback: once a key goes
// down in a frame, later key events wait, in order, for the following frames.
#pragma once

#include <bitset>
#include <vector>

struct GLFWwindow;

namespace cs {

class InputTrickle {
 public:
  // Call after ImGui_ImplGlfw_InitForOpenGL(window, true); replaces the key callback, forwarding to ImGui.
  void install(GLFWwindow* window);
  // Call at the end of each frame, after the UI has read this frame's keys: waiting events are handed on
  // for the next frame. True while events are still waiting (run another frame).
  bool end_frame();

 private:
  struct KeyEvent {
    int key, scancode, action, mods;
  };
  static void on_key(GLFWwindow* w, int key, int scancode, int action, int mods);
  void handle(const KeyEvent& e);

  GLFWwindow* window_ = nullptr;
  bool pressed_this_frame_ = false;
  std::vector<KeyEvent> held_;
};

}  // namespace cs
