// Pages to files for `render` and `export`: the output format by extension, and PNG pages drawn through
// the GL quad list in a headless context (the same pixels as the window). PDF and SVG pages are drawn into
// a vec::Document (render/vector) through the same Sink.
#pragma once

#include "render/font.hpp"
#include "render/sink.hpp"

#include <functional>
#include <memory>
#include <string>

namespace cs {

enum class OutputFormat { Png, Svg, Pdf };

// The format `path` asks for by its extension (.png, .svg, .pdf, any case); false for anything else.
bool output_format(const std::string& path, OutputFormat& format);

// The scale of type and marks: the one asked for, else the output's height / 1080, at least 1.
float output_scale(float requested, int height);

using DrawPage = std::function<void(Sink&)>;

// PNG pages of one size through one headless GL context; the font's atlas is uploaded once.
class PngPages {
 public:
  PngPages();
  ~PngPages();
  // False, with "chronoscope: error: ..." on stderr, when there is no GL or the framebuffer fails.
  bool init(const Font& font, int width, int height);
  // A page: cleared to `background`, then what `draw` emits. Empty, with a message on stderr, on failure.
  std::string render(const DrawPage& draw, Rgba background);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cs
