// Emitting and CPU-clipping quads; text runs as glyph quads.
#include "render/draw_list.hpp"

#include "render/font.hpp"

#include <algorithm>

namespace cs {

void DrawList::push(Quad q) {
  const float x0 = std::max(q.x0, clip_.x0), x1 = std::min(q.x1, clip_.x1);
  const float y0 = std::max(q.y0, clip_.y0), y1 = std::min(q.y1, clip_.y1);
  if (x0 >= x1 || y0 >= y1) return;
  const float w = q.x1 - q.x0, h = q.y1 - q.y0;
  const float du = q.u1 - q.u0, dv = q.v1 - q.v0;
  Quad c = q;
  c.u0 = q.u0 + du * (x0 - q.x0) / w;
  c.u1 = q.u0 + du * (x1 - q.x0) / w;
  c.v0 = q.v0 + dv * (y0 - q.y0) / h;
  c.v1 = q.v0 + dv * (y1 - q.y0) / h;
  c.x0 = x0, c.x1 = x1, c.y0 = y0, c.y1 = y1;
  quads_.push_back(c);
}

void DrawList::rect(float x0, float y0, float x1, float y1, Rgba c) {
  if (x1 <= x0 || y1 <= y0) return;
  push({x0, y0, x1, y1, 0, 0, 1, 1, pack(c), Shape::Rect});
}

void DrawList::frame(float x0, float y0, float x1, float y1, float t, Rgba c) {
  rect(x0, y0, x1, y0 + t, c);
  rect(x0, y1 - t, x1, y1, c);
  rect(x0, y0 + t, x0 + t, y1 - t, c);
  rect(x1 - t, y0 + t, x1, y1 - t, c);
}

void DrawList::diamond(float cx, float cy, float size, Rgba c, bool filled) {
  const float h = size / 2;
  push({cx - h, cy - h, cx + h, cy + h, -1, -1, 1, 1, pack(c), filled ? Shape::Diamond : Shape::DiamondOutline});
}

void QuadSink::text(const TextRun& run) {
  font_.draw(list_, run.x, run.baseline, run.text, run.color, run.max_width, run.size);
}

}  // namespace cs
