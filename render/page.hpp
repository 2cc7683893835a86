// Pages around the canvas, for exports: a type scale, text wrapped to a width, and an image's annotations
// (a title above the canvas; a legend of lane colours and the credits, the sources of the events shown,
// below it). Everything is drawn through a Sink, so PNG, SVG and PDF get the same page.
#pragma once

#include "render/scene.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace cs {

// Text sizes (font pixel heights) for a page drawn `scale` times the canvas's default size.
struct TypeScale {
  float scale = 1;
  float body = kCanvasFontPx;  // canvas labels, legend, credits, lists
  float caption = 0;           // captions: 1.35 x body
  float title = 0;             // titles above a view: 1.6 x body
  float headline = 0;          // a title page's story title: 2.6 x body
  static TypeScale at(float scale);
  // The sizes besides `body` that Font::load should bake for these pages.
  std::vector<float> extra_sizes() const { return {caption, title, headline}; }
  float margin() const { return std::round(16 * scale); }
};

// `text` in lines no wider than `width` at pixel height `px`, broken at spaces (and inside a word only when
// the word alone is wider, as a long url is). With `max_lines`, the last line kept ends in "…" when some
// text is left over.
std::vector<std::string> wrap_text(const Font& font, std::string_view text, float width, float px,
                                   std::size_t max_lines = SIZE_MAX);

// The events a view shows: those meeting its range, in the given lanes (empty: every lane), each once.
std::vector<EventIndex> events_in_view(const TimelineIndex& index, const CanvasView& view,
                                       std::span<const std::uint32_t> lanes = {});
// The sources cited by `events`, each once, in the timeline's order of sources.
std::vector<const Source*> sources_cited(const Timeline& t, std::span<const EventIndex> events);
// One source as a credit: `Publisher, “Title” (published)`, leaving out what it lacks.
std::string credit_text(const Source& s);

struct Annotations {
  std::string title;                 // above the canvas (empty: none)
  bool legend = false;               // lane colours below the canvas
  std::vector<std::uint32_t> lanes;  // the legend's lanes (slots), in order; empty: every lane
  std::vector<std::string> credits;  // one entry per source, below the legend (empty: none)
};

struct LegendItem {
  std::uint32_t slot;
  float x, y0, y1;  // the swatch starts at x, the name follows it
};

// Where everything goes on a page of width x height.
struct AnnotatedPage {
  ClipRect title{0, 0, 0, 0};    // empty (x1 <= x0) when absent
  ClipRect canvas{0, 0, 0, 0};   // what is left for the canvas
  ClipRect legend{0, 0, 0, 0};
  ClipRect credits{0, 0, 0, 0};
  std::string title_text;        // the title as it fits (elided with "…" only when it cannot)
  std::vector<LegendItem> legend_items;
  std::vector<std::string> credit_lines;  // "Sources: ..." wrapped; at most a quarter of the page
};

AnnotatedPage lay_out_annotations(const Annotations& a, const TimelineIndex& index, const Font& font,
                                  const TypeScale& ts, float width, float height);
// The title, legend and credits (not the canvas: draw the scene into an AreaSink over page.canvas).
void draw_annotations(Sink& sink, const AnnotatedPage& page, const TimelineIndex& index, const Font& font,
                      const TypeScale& ts, const Theme& theme);

}  // namespace cs
