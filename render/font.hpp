// A baked font: DejaVu Sans (Latin, Cyrillic, punctuation) rasterised on the CPU with stb_truetype into
// an alpha atlas that the GL layer uploads. Measures and emits UTF-8 text as glyph quads.
#pragma once

#include "render/draw_list.hpp"
#include "render/text_measure.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

class Font : public TextMeasure {
 public:
  // Null (with `error` set) when the file cannot be read or is not a font.
  static std::unique_ptr<Font> load(const std::string& ttf_path, float pixel_height, std::string* error = nullptr);
  ~Font() override;

  float width(std::string_view utf8) const override;
  float line_height() const override { return line_height_; }
  std::string fit(std::string_view utf8, float max_width) const override;  // linear in the text

  // Draws `utf8` with its baseline at y. With max_width > 0, text that does not fit ends in "…".
  // Returns the x after the last glyph.
  float draw(DrawList& dl, float x, float baseline, std::string_view utf8, Rgba color, float max_width = 0) const;
  // Vertically centres one line of text in [y0, y1).
  float draw_centered(DrawList& dl, float x, float y0, float y1, std::string_view utf8, Rgba color,
                      float max_width = 0) const;

  int atlas_width() const { return atlas_w_; }
  int atlas_height() const { return atlas_h_; }
  const std::vector<unsigned char>& atlas() const { return atlas_; }  // one byte of coverage per texel

 private:
  struct Impl;
  Font() = default;
  const void* glyph(char32_t cp) const;
  float advance(char32_t cp) const;

  std::unique_ptr<Impl> impl_;
  std::vector<unsigned char> atlas_;
  int atlas_w_ = 0, atlas_h_ = 0;
  float line_height_ = 0, ascent_ = 0;
};

// DejaVu Sans from fonts-dejavu-core ($CHRONOSCOPE_FONT overrides); empty when not found.
std::string find_default_font();

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes come back as U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i);

}  // namespace cs
