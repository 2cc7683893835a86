// Where a presentation is and what its keys do, without a window: next (Right, Page Down, Space, Enter;
// clickers send Page Down), previous (Left, Page Up, Backspace), Home and End, a number then Enter jumps to
// that step, B blanks the screen (and any step key brings it back), Esc leaves.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace cs {

enum class PresentKey { Next, Previous, First, Last, Enter, Backspace, Blank, Leave, Digit };

struct KeyPress {
  PresentKey key;
  int digit = 0;  // with PresentKey::Digit
};

// The presenter's meaning of a GLFW key code, if it has one.
std::optional<KeyPress> present_key(int glfw_key);

class PresenterNav {
 public:
  PresenterNav(std::size_t steps, std::size_t start) : steps_(steps), step_(steps ? std::min(start, steps - 1) : 0) {}

  // Returns true when the step changed.
  bool press(KeyPress k);
  // The story changed under the presentation (a reload): the step stays where it can.
  void set_steps(std::size_t n);

  std::size_t step() const { return step_; }
  std::size_t steps() const { return steps_; }
  bool blank() const { return blank_; }
  bool done() const { return done_; }
  const std::string& typed() const { return typed_; }  // digits typed towards a jump
  std::size_t refused() const { return refused_; }      // a step number just refused (none: 0), until the next key

 private:
  bool go(std::size_t k);

  std::size_t steps_;
  std::size_t step_;
  bool blank_ = false;
  bool done_ = false;
  std::string typed_;
  std::size_t refused_ = 0;
};

}  // namespace cs
