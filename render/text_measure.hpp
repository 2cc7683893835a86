// How wide a string is in pixels: the seam between layout (CPU) and a real font (or a fake in tests).
#pragma once

#include <string_view>

namespace cs {

class TextMeasure {
 public:
  virtual ~TextMeasure() = default;
  virtual float width(std::string_view utf8) const = 0;
  virtual float line_height() const = 0;
};

}  // namespace cs
