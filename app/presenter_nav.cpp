// The presenter's keys: GLFW codes to meanings, and the steps they move through.
#include "app/presenter_nav.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>

namespace cs {

std::optional<KeyPress> present_key(int k) {
  if (k >= GLFW_KEY_0 && k <= GLFW_KEY_9) return KeyPress{PresentKey::Digit, k - GLFW_KEY_0};
  if (k >= GLFW_KEY_KP_0 && k <= GLFW_KEY_KP_9) return KeyPress{PresentKey::Digit, k - GLFW_KEY_KP_0};
  switch (k) {
    case GLFW_KEY_RIGHT:
    case GLFW_KEY_PAGE_DOWN:
    case GLFW_KEY_SPACE:
    case GLFW_KEY_DOWN: return KeyPress{PresentKey::Next};
    case GLFW_KEY_LEFT:
    case GLFW_KEY_PAGE_UP:
    case GLFW_KEY_UP: return KeyPress{PresentKey::Previous};
    case GLFW_KEY_BACKSPACE: return KeyPress{PresentKey::Backspace};
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: return KeyPress{PresentKey::Enter};
    case GLFW_KEY_HOME: return KeyPress{PresentKey::First};
    case GLFW_KEY_END: return KeyPress{PresentKey::Last};
    case GLFW_KEY_B:
    case GLFW_KEY_PERIOD: return KeyPress{PresentKey::Blank};  // clickers' "blank" button sends '.'
    case GLFW_KEY_ESCAPE: return KeyPress{PresentKey::Leave};
    default: return std::nullopt;
  }
}

bool PresenterNav::go(std::size_t k) {
  typed_.clear();
  if (blank_) {  // the first key after a blank brings the screen back where it was
    blank_ = false;
    return false;
  }
  if (steps_ == 0 || k >= steps_ || k == step_) return false;
  step_ = k;
  return true;
}

bool PresenterNav::press(KeyPress k) {
  refused_ = 0;
  switch (k.key) {
    case PresentKey::Next: return go(step_ + 1);
    case PresentKey::Previous: return go(step_ > 0 ? step_ - 1 : step_);
    case PresentKey::First: return go(0);
    case PresentKey::Last: return go(steps_ ? steps_ - 1 : 0);
    case PresentKey::Backspace:
      if (!typed_.empty()) {  // correcting a number being typed
        typed_.pop_back();
        return false;
      }
      return go(step_ > 0 ? step_ - 1 : step_);
    case PresentKey::Enter: {
      if (typed_.empty()) return go(step_ + 1);
      const std::size_t n = std::size_t(std::stoul(typed_));
      typed_.clear();
      if (n >= 1 && n <= steps_) return go(n - 1);
      refused_ = n;  // said on screen until the next key
      return false;
    }
    case PresentKey::Digit:
      if (typed_.size() < 6 && !(typed_.empty() && k.digit == 0)) typed_ += char('0' + k.digit);
      return false;
    case PresentKey::Blank:
      typed_.clear();
      blank_ = !blank_;
      return false;
    case PresentKey::Leave: done_ = true; return false;
  }
  return false;
}

void PresenterNav::set_steps(std::size_t n) {
  steps_ = n;
  if (n && step_ >= n) step_ = n - 1;
  if (!n) step_ = 0;
}

}  // namespace cs
