// A monospace stand-in for the font: 7 px per code point, 16 px lines.
#pragma once

#include "render/font.hpp"
#include "render/text_measure.hpp"

namespace cs::test {
class FakeText : public TextMeasure {
 public:
  float width(std::string_view s) const override {
    float n = 0;
    for (std::size_t i = 0; i < s.size();) next_code_point(s, i), ++n;
    return 7 * n;
  }
  float line_height() const override { return 16; }
};
}  // namespace cs::test
