// How wide a string is in pixels: the seam between layout (CPU) and a real font (or a fake in tests).
#pragma once

#include <string>
#include <string_view>

namespace cs {

class TextMeasure {
 public:
  virtual ~TextMeasure() = default;
  virtual float width(std::string_view utf8) const = 0;
  virtual float line_height() const = 0;
  // The longest prefix of `utf8` that fits in max_width with a trailing "…"; empty if not even one
  // character does. `utf8` itself when it fits whole.
  virtual std::string fit(std::string_view utf8, float max_width) const;
};

}  // namespace cs
