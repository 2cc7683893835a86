// stb_truetype packing of the ranges Chronoscope's data uses; glyph quads in screen pixels.
#include "render/font.hpp"

#include "model/io/load_file.hpp"  // read_file
#include "model/utf8.hpp"

#include <stb_rect_pack.h>
#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace cs {

namespace {
struct Range {
  char32_t first;
  int count;
};
// ASCII, Latin-1, Latin Extended-A, Cyrillic, general punctuation (dashes, quotes, ellipsis), arrows.
constexpr Range kRanges[] = {{0x20, 95}, {0xA0, 96}, {0x100, 128}, {0x400, 256}, {0x2010, 0x30}, {0x2190, 4},
                             {0xFFFD, 1}};
constexpr char32_t kEllipsis = 0x2026;
}  // namespace

struct Font::Impl {
  std::string ttf;
  int asc = 0, desc = 0, gap = 0;  // vertical metrics in font units (hhea)
  struct Face {
    float px;
    std::vector<std::vector<stbtt_packedchar>> chars;  // per range
  };
  std::vector<Face> faces;  // the first is size()
  float scale(float px) const { return px / float(asc - desc); }  // stbtt_ScaleForPixelHeight
};

Font::~Font() = default;

std::unique_ptr<Font> Font::load(const std::string& path, float px, std::string* error, std::span<const float> more) {
  std::unique_ptr<Font> f{new Font};
  f->impl_ = std::make_unique<Impl>();
  Impl& im = *f->impl_;
  f->path_ = path;
  f->size_ = px;
  if (!read_file(path, im.ttf)) {
    if (error) *error = "cannot read font '" + path + "'";
    return nullptr;
  }
  const auto* data = reinterpret_cast<const unsigned char*>(im.ttf.data());
  stbtt_fontinfo info;
  if (im.ttf.size() < 12 || !stbtt_InitFont(&info, data, stbtt_GetFontOffsetForIndex(data, 0))) {
    if (error) *error = "'" + path + "' is not a TrueType font";
    return nullptr;
  }
  stbtt_GetFontVMetrics(&info, &im.asc, &im.desc, &im.gap);
  if (im.asc - im.desc <= 0) {
    if (error) *error = "'" + path + "' has no usable line height";
    return nullptr;
  }
  im.faces.push_back({px, {}});
  for (float m : more)
    if (m > 0 && std::none_of(im.faces.begin(), im.faces.end(), [&](const Impl::Face& x) { return x.px == m; }))
      im.faces.push_back({m, {}});
  // Grow the atlas until everything fits.
  for (int side = 512; side <= 8192; side *= 2) {
    f->atlas_w_ = f->atlas_h_ = side;
    f->atlas_.assign(std::size_t(side) * std::size_t(side), 0);
    stbtt_pack_context pc;
    if (!stbtt_PackBegin(&pc, f->atlas_.data(), side, side, 0, 1, nullptr)) break;
    stbtt_PackSetOversampling(&pc, 2, 1);
    std::vector<stbtt_pack_range> ranges;
    for (Impl::Face& face : im.faces) {
      face.chars.assign(std::size(kRanges), {});
      for (std::size_t r = 0; r < std::size(kRanges); ++r) {
        face.chars[r].resize(std::size_t(kRanges[r].count));
        ranges.push_back({face.px, int(kRanges[r].first), nullptr, kRanges[r].count, face.chars[r].data(), 0, 0});
      }
    }
    const int ok = stbtt_PackFontRanges(&pc, data, 0, ranges.data(), int(ranges.size()));
    stbtt_PackEnd(&pc);
    if (ok) return f;
  }
  if (error) *error = "font atlas too large";
  return nullptr;
}

Font::Pick Font::pick(float px) const {
  if (px <= 0) return {0, 1.f};
  std::size_t best = 0;
  for (std::size_t i = 0; i < impl_->faces.size(); ++i) {
    if (impl_->faces[i].px == px) return {i, 1.f};
    if (std::abs(std::log(impl_->faces[i].px / px)) < std::abs(std::log(impl_->faces[best].px / px))) best = i;
  }
  return {best, px / impl_->faces[best].px};
}

const void* Font::glyph(std::size_t face, char32_t cp) const {
  for (std::size_t r = 0; r < std::size(kRanges); ++r)
    if (cp >= kRanges[r].first && cp < kRanges[r].first + char32_t(kRanges[r].count))
      return &impl_->faces[face].chars[r][cp - kRanges[r].first];
  return cp == 0xFFFD ? nullptr : glyph(face, 0xFFFD);
}

float Font::advance(const Pick& p, char32_t cp) const {
  const auto* g = static_cast<const stbtt_packedchar*>(glyph(p.face, cp));
  return g ? g->xadvance * p.k : 0.f;
}

float Font::width(std::string_view s, float px) const {
  const Pick p = pick(px);
  float w = 0;
  for (std::size_t i = 0; i < s.size();) w += advance(p, next_code_point(s, i));
  return std::ceil(w);
}

float Font::line_height(float px) const {
  const Impl& im = *impl_;
  return std::round(float(im.asc - im.desc + im.gap) * im.scale(px > 0 ? px : size_));
}

float Font::ascent(float px) const { return std::round(float(impl_->asc) * impl_->scale(px > 0 ? px : size_)); }

std::string Font::fit(std::string_view s, float max_width, float px) const {
  if (width(s, px) <= max_width) return std::string{s};
  const Pick p = pick(px);
  const float room = max_width - advance(p, kEllipsis);
  float w = 0;
  std::size_t best = 0;
  for (std::size_t i = 0; i < s.size();) {
    w += advance(p, next_code_point(s, i));
    if (std::ceil(w) > room) break;
    best = i;
  }
  return best ? std::string{s.substr(0, best)} + "\u2026" : std::string{};
}

float Font::baseline(float y0, float y1, float px) const {
  return std::round((y0 + y1 - line_height(px)) / 2 + ascent(px));
}

float Font::draw(DrawList& dl, float x, float baseline, std::string_view s, Rgba color, float max_width,
                 float px) const {
  const Pick p = pick(px);
  const float limit = max_width > 0 ? x + max_width : 1e30f;
  const bool truncate = max_width > 0 && width(s, px) > max_width;
  const float stop = truncate ? limit - advance(p, kEllipsis) : limit;
  const float inv_w = 1.f / float(atlas_w_), inv_h = 1.f / float(atlas_h_);
  auto emit = [&](char32_t cp) {
    const auto* g = static_cast<const stbtt_packedchar*>(glyph(p.face, cp));
    if (!g) return;
    if (cp != ' ') {
      // Snap the pen to whole pixels so text stays crisp.
      const float ox = std::round(x), oy = std::round(baseline);
      dl.push({ox + g->xoff * p.k, oy + g->yoff * p.k, ox + g->xoff2 * p.k, oy + g->yoff2 * p.k, g->x0 * inv_w,
               g->y0 * inv_h, g->x1 * inv_w, g->y1 * inv_h, pack(color), Shape::Glyph});
    }
    x += g->xadvance * p.k;
  };
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (x + advance(p, cp) > stop) {
      if (truncate) emit(kEllipsis);
      break;
    }
    emit(cp);
  }
  return x;
}

float Font::draw_centered(DrawList& dl, float x, float y0, float y1, std::string_view s, Rgba color,
                          float max_width) const {
  return draw(dl, x, baseline(y0, y1), s, color, max_width);
}

std::string find_default_font() {
  if (const char* env = std::getenv("CHRONOSCOPE_FONT"); env && *env) return env;
  for (const char* p : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf",
                        "/usr/share/fonts/dejavu/DejaVuSans.ttf"}) {
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) return p;
  }
  return {};
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const Utf8Step step = decode_utf8(s, i);  // the model's decoder: an invalid sequence is one U+FFFD
  i += step.length;
  return step.code == kInvalidUtf8 ? 0xFFFD : step.code;
}

}  // namespace cs
