// A baked font: DejaVu Sans (Latin, Cyrillic, punctuation) rasterised on the CPU with stb_truetype into
// an alpha atlas that the GL layer uploads, at one or more pixel sizes. Measures UTF-8 text and emits it as
// glyph quads (QuadSink draws text runs through it).
#pragma once

#include "render/draw_list.hpp"
#include "render/text_measure.hpp"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

class Font : public TextMeasure {
 public:
  // `pixel_height` is the size that width(), fit() and line_height() measure (the canvas text); the
  // `more_sizes` (titles, captions) are baked into the same atlas too. Other sizes are drawn scaled from
  // the nearest baked one. Null (with `error` set) when the file cannot be read or is not a font.
  static std::unique_ptr<Font> load(const std::string& ttf_path, float pixel_height, std::string* error = nullptr,
                                    std::span<const float> more_sizes = {});
  ~Font() override;

  float size() const { return size_; }
  const std::string& path() const { return path_; }  // the font file, for backends that load it themselves

  float width(std::string_view utf8) const override { return width(utf8, size_); }
  float line_height() const override { return line_height(size_); }
  std::string fit(std::string_view utf8, float max_width) const override { return fit(utf8, max_width, size_); }

  // The same at pixel height `px`.
  float width(std::string_view utf8, float px) const;
  float line_height(float px) const;
  float ascent(float px) const;
  std::string fit(std::string_view utf8, float max_width, float px) const;  // linear in the text
  // The baseline that centres one line of text at `px` (0: size()) in [y0, y1).
  float baseline(float y0, float y1, float px = 0) const;

  // Draws `utf8` with its baseline at y, at pixel height `px` (0: size()). With max_width > 0, text that
  // does not fit ends in "…". Returns the x after the last glyph.
  float draw(DrawList& dl, float x, float baseline, std::string_view utf8, Rgba color, float max_width = 0,
             float px = 0) const;
  // Vertically centres one line of text in [y0, y1).
  float draw_centered(DrawList& dl, float x, float y0, float y1, std::string_view utf8, Rgba color,
                      float max_width = 0) const;

  int atlas_width() const { return atlas_w_; }
  int atlas_height() const { return atlas_h_; }
  const std::vector<unsigned char>& atlas() const { return atlas_; }  // one byte of coverage per texel

 private:
  struct Impl;
  struct Pick {
    std::size_t face;
    float k;  // scale from the baked face to the asked size: 1 when it was baked
  };
  Font() = default;
  Pick pick(float px) const;
  const void* glyph(std::size_t face, char32_t cp) const;
  float advance(const Pick& p, char32_t cp) const;

  std::unique_ptr<Impl> impl_;
  std::vector<unsigned char> atlas_;
  int atlas_w_ = 0, atlas_h_ = 0;
  float size_ = 0;
  std::string path_;
};

// DejaVu Sans from fonts-dejavu-core ($CHRONOSCOPE_FONT overrides); empty when not found.
std::string find_default_font();

// Decodes one UTF-8 code point at s[i], advancing i; an invalid sequence (its maximal subpart, as
// model/utf8 reads it) comes back as one U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i);

}  // namespace cs
