// What a frame is drawn with: the scene (and the pages around it) emit rectangles, diamonds, text runs and
// clips into a Sink. Two backends: the GL quad list (QuadSink in render/draw_list.hpp, glyphs from the font
// atlas) and the cairo vector backend (render/vector/: PDF and SVG with real text).
#pragma once

#include "model/timeline.hpp"  // Rgba

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace cs {

struct ClipRect {
  float x0, y0, x1, y1;
  bool operator==(const ClipRect&) const = default;
};
// No clip at all (what a sink starts with).
inline constexpr ClipRect kNoClip{-1e9f, -1e9f, 1e9f, 1e9f};

constexpr Rgba with_alpha(Rgba c, std::uint8_t a) { return {c.r, c.g, c.b, a}; }

inline ClipRect intersect(ClipRect a, ClipRect b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

// One line of text. Positions are screen pixels, y down.
struct TextRun {
  std::string_view text;       // UTF-8
  float x = 0, baseline = 0;   // where the pen starts, on the baseline
  float size = 0;              // the font's pixel height (ascent to descent), as Font::load takes it
  Rgba color;
  float max_width = 0;         // > 0: text wider than this is cut short and ends in "…", within the width
};

class Sink {
 public:
  virtual ~Sink() = default;
  // Everything drawn after this is cut to `c` (kNoClip: nothing is).
  virtual void set_clip(ClipRect c) = 0;
  virtual ClipRect clip() const = 0;
  virtual void rect(float x0, float y0, float x1, float y1, Rgba c) = 0;
  // A square standing on its corner, `size` across; hollow ones are a ring (the inner 55% left out).
  virtual void diamond(float cx, float cy, float size, Rgba c, bool filled) = 0;
  virtual void text(const TextRun& run) = 0;

  // The outline of a rectangle, `thickness` wide, inside it: four rectangles.
  void frame(float x0, float y0, float x1, float y1, float thickness, Rgba c) {
    rect(x0, y0, x1, y0 + thickness, c);
    rect(x0, y1 - thickness, x1, y1, c);
    rect(x0, y0 + thickness, x0 + thickness, y1 - thickness, c);
    rect(x1 - thickness, y0 + thickness, x1, y1 - thickness, c);
  }
};

// Another sink seen through a window: what is drawn at (x, y) lands at (x + area.x0, y + area.y0) of
// `inner`, and nothing leaves `area` (every clip is cut to it). A page puts the canvas under its title so.
// The inner sink gets its clip back when this one goes.
class AreaSink : public Sink {
 public:
  AreaSink(Sink& inner, ClipRect area) : inner_(inner), area_(area), restore_(inner.clip()) { inner_.set_clip(area_); }
  ~AreaSink() override { inner_.set_clip(restore_); }
  AreaSink(const AreaSink&) = delete;
  AreaSink& operator=(const AreaSink&) = delete;
  void set_clip(ClipRect c) override {
    clip_ = c;
    inner_.set_clip(intersect(area_, {c.x0 + area_.x0, c.y0 + area_.y0, c.x1 + area_.x0, c.y1 + area_.y0}));
  }
  ClipRect clip() const override { return clip_; }
  void rect(float x0, float y0, float x1, float y1, Rgba c) override {
    inner_.rect(x0 + area_.x0, y0 + area_.y0, x1 + area_.x0, y1 + area_.y0, c);
  }
  void diamond(float cx, float cy, float size, Rgba c, bool filled) override {
    inner_.diamond(cx + area_.x0, cy + area_.y0, size, c, filled);
  }
  void text(const TextRun& run) override {
    TextRun r = run;
    r.x += area_.x0;
    r.baseline += area_.y0;
    inner_.text(r);
  }

 private:
  Sink& inner_;
  ClipRect area_;
  ClipRect restore_;
  ClipRect clip_ = kNoClip;
};

}  // namespace cs
