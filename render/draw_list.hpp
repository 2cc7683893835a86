// The per-frame draw list: plain quads that the GL layer draws instanced, in order, in one call.
// Shapes and glyphs share one record; `u,v` are atlas coordinates for glyphs and local [-1,1] shape
// coordinates for diamonds, so CPU-side clipping can cut either by interpolation. QuadSink is the GL side
// of the Sink: what the scene emits becomes quads here, text runs glyph quads from the font atlas.
#pragma once

#include "model/timeline.hpp"
#include "render/sink.hpp"

#include <cstdint>
#include <vector>

namespace cs {

class Font;

enum class Shape : std::uint32_t { Rect = 0, Glyph = 1, Diamond = 2, DiamondOutline = 3 };

struct Quad {
  float x0, y0, x1, y1;  // screen pixels, y down
  float u0, v0, u1, v1;
  std::uint32_t rgba;     // 0xAABBGGRR (bytes r, g, b, a in memory)
  Shape shape;
};
static_assert(sizeof(Quad) == 40);

constexpr std::uint32_t pack(Rgba c) {
  return std::uint32_t(c.r) | std::uint32_t(c.g) << 8 | std::uint32_t(c.b) << 16 | std::uint32_t(c.a) << 24;
}

class DrawList {
 public:
  void clear() { quads_.clear(); }
  void set_clip(ClipRect c) { clip_ = c; }
  ClipRect clip() const { return clip_; }

  void rect(float x0, float y0, float x1, float y1, Rgba c);
  void frame(float x0, float y0, float x1, float y1, float thickness, Rgba c);  // outline of a rectangle
  void diamond(float cx, float cy, float size, Rgba c, bool filled);
  // A quad with explicit coordinates, clipped against the current clip rect.
  void push(Quad q);

  const std::vector<Quad>& quads() const { return quads_; }

 private:
  std::vector<Quad> quads_;
  ClipRect clip_ = kNoClip;
};

// The Sink as GL quads: shapes go to the list as they are, text runs become glyph quads of `font` (at the
// run's size: Font::load's sizes are drawn from the atlas as baked, others scaled from the nearest).
class QuadSink : public Sink {
 public:
  QuadSink(DrawList& list, const Font& font) : list_(list), font_(font) {}
  void set_clip(ClipRect c) override { list_.set_clip(c); }
  ClipRect clip() const override { return list_.clip(); }
  void rect(float x0, float y0, float x1, float y1, Rgba c) override { list_.rect(x0, y0, x1, y1, c); }
  void diamond(float cx, float cy, float size, Rgba c, bool filled) override { list_.diamond(cx, cy, size, c, filled); }
  void text(const TextRun& run) override;

 private:
  DrawList& list_;
  const Font& font_;
};

}  // namespace cs
