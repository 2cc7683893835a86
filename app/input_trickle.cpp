// Key event deferral for ImGui 1.86's per-frame key sampling.
#include "app/input_trickle.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>

namespace cs {

void InputTrickle::install(GLFWwindow* window) {
  window_ = window;
  glfwSetWindowUserPointer(window, this);
  glfwSetKeyCallback(window, &InputTrickle::on_key);
}

void InputTrickle::on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
  if (auto* self = static_cast<InputTrickle*>(glfwGetWindowUserPointer(w))) self->handle({key, scancode, action, mods});
  else ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}

void InputTrickle::handle(const KeyEvent& e) {
  // Keep order: once something waits, everything after it waits too.
  if (!held_.empty() || (e.action == GLFW_RELEASE && pressed_this_frame_)) {
    held_.push_back(e);
    return;
  }
  if (e.action == GLFW_PRESS) pressed_this_frame_ = true;
  ImGui_ImplGlfw_KeyCallback(window_, e.key, e.scancode, e.action, e.mods);
}

bool InputTrickle::end_frame() {
  pressed_this_frame_ = false;
  if (held_.empty()) return false;
  const std::vector<KeyEvent> waiting = std::move(held_);
  held_.clear();
  for (const KeyEvent& e : waiting) handle(e);  // a second tap in the batch waits again
  return true;
}

}  // namespace cs
