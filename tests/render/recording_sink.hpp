// A sink that writes down what it is given, for tests of what a scene or a page emits (no GL, no cairo).
#pragma once

#include "render/sink.hpp"

#include <string>
#include <vector>

namespace cs::test {

struct Drawn {
  enum Kind { Rect, Diamond, Text } kind;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // rect: the corners; diamond: centre (x0, y0), size x1; text: x, baseline
  Rgba color;
  bool filled = true;
  std::string text;
  float size = 0, max_width = 0;
  ClipRect clip = kNoClip;  // in force when it was drawn
};

class RecordingSink : public Sink {
 public:
  void set_clip(ClipRect c) override { clip_ = c; }
  ClipRect clip() const override { return clip_; }
  void rect(float x0, float y0, float x1, float y1, Rgba c) override {
    items.push_back({Drawn::Rect, x0, y0, x1, y1, c, true, {}, 0, 0, clip_});
  }
  void diamond(float cx, float cy, float size, Rgba c, bool filled) override {
    items.push_back({Drawn::Diamond, cx, cy, size, 0, c, filled, {}, 0, 0, clip_});
  }
  void text(const TextRun& r) override {
    items.push_back({Drawn::Text, r.x, r.baseline, 0, 0, r.color, true, std::string{r.text}, r.size, r.max_width, clip_});
  }

  std::vector<const Drawn*> texts() const {
    std::vector<const Drawn*> out;
    for (const Drawn& d : items)
      if (d.kind == Drawn::Text) out.push_back(&d);
    return out;
  }
  bool has_text(std::string_view s) const {
    for (const Drawn& d : items)
      if (d.kind == Drawn::Text && d.text == s) return true;
    return false;
  }

  std::vector<Drawn> items;

 private:
  ClipRect clip_ = kNoClip;
};

}  // namespace cs::test
