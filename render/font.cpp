// stb_truetype packing of the ranges Chronoscope's data uses; glyph quads in screen pixels.
#include "render/font.hpp"

#include "model/io/load_file.hpp"  // read_file

#include <stb_rect_pack.h>
#include <stb_truetype.h>

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
  std::vector<std::vector<stbtt_packedchar>> chars;  // per range
};

Font::~Font() = default;

std::unique_ptr<Font> Font::load(const std::string& path, float px, std::string* error) {
  std::unique_ptr<Font> f{new Font};
  f->impl_ = std::make_unique<Impl>();
  if (!read_file(path, f->impl_->ttf)) {
    if (error) *error = "cannot read font '" + path + "'";
    return nullptr;
  }
  const auto* data = reinterpret_cast<const unsigned char*>(f->impl_->ttf.data());
  stbtt_fontinfo info;
  if (f->impl_->ttf.size() < 12 || !stbtt_InitFont(&info, data, stbtt_GetFontOffsetForIndex(data, 0))) {
    if (error) *error = "'" + path + "' is not a TrueType font";
    return nullptr;
  }
  const float scale = stbtt_ScaleForPixelHeight(&info, px);
  int asc = 0, desc = 0, gap = 0;
  stbtt_GetFontVMetrics(&info, &asc, &desc, &gap);
  f->ascent_ = std::round(asc * scale);
  f->line_height_ = std::round((asc - desc + gap) * scale);
  // Grow the atlas until everything fits.
  for (int side = 512; side <= 4096; side *= 2) {
    f->atlas_w_ = f->atlas_h_ = side;
    f->atlas_.assign(std::size_t(side) * std::size_t(side), 0);
    stbtt_pack_context pc;
    if (!stbtt_PackBegin(&pc, f->atlas_.data(), side, side, 0, 1, nullptr)) break;
    stbtt_PackSetOversampling(&pc, 2, 1);
    std::vector<stbtt_pack_range> ranges;
    f->impl_->chars.assign(std::size(kRanges), {});
    for (std::size_t r = 0; r < std::size(kRanges); ++r) {
      f->impl_->chars[r].resize(std::size_t(kRanges[r].count));
      ranges.push_back({px, int(kRanges[r].first), nullptr, kRanges[r].count, f->impl_->chars[r].data(), 0, 0});
    }
    const int ok = stbtt_PackFontRanges(&pc, data, 0, ranges.data(), int(ranges.size()));
    stbtt_PackEnd(&pc);
    if (ok) return f;
  }
  if (error) *error = "font atlas too large";
  return nullptr;
}

const void* Font::glyph(char32_t cp) const {
  for (std::size_t r = 0; r < std::size(kRanges); ++r)
    if (cp >= kRanges[r].first && cp < kRanges[r].first + char32_t(kRanges[r].count))
      return &impl_->chars[r][cp - kRanges[r].first];
  return cp == 0xFFFD ? nullptr : glyph(0xFFFD);
}

float Font::advance(char32_t cp) const {
  const auto* g = static_cast<const stbtt_packedchar*>(glyph(cp));
  return g ? g->xadvance : 0.f;
}

float Font::width(std::string_view s) const {
  float w = 0;
  for (std::size_t i = 0; i < s.size();) w += advance(next_code_point(s, i));
  return std::ceil(w);
}

std::string Font::fit(std::string_view s, float max_width) const {
  if (width(s) <= max_width) return std::string{s};
  const float room = max_width - advance(0x2026);
  float w = 0;
  std::size_t best = 0;
  for (std::size_t i = 0; i < s.size();) {
    w += advance(next_code_point(s, i));
    if (std::ceil(w) > room) break;
    best = i;
  }
  return best ? std::string{s.substr(0, best)} + "\u2026" : std::string{};
}

float Font::draw(DrawList& dl, float x, float baseline, std::string_view s, Rgba color, float max_width) const {
  const float limit = max_width > 0 ? x + max_width : 1e30f;
  const bool truncate = max_width > 0 && width(s) > max_width;
  const float stop = truncate ? limit - advance(kEllipsis) : limit;
  const float inv_w = 1.f / float(atlas_w_), inv_h = 1.f / float(atlas_h_);
  auto emit = [&](char32_t cp) {
    const auto* g = static_cast<const stbtt_packedchar*>(glyph(cp));
    if (!g) return;
    if (cp != ' ') {
      // Snap the pen to whole pixels so text stays crisp.
      const float px = std::round(x), py = std::round(baseline);
      dl.push({px + g->xoff, py + g->yoff, px + g->xoff2, py + g->yoff2, g->x0 * inv_w, g->y0 * inv_h,
               g->x1 * inv_w, g->y1 * inv_h, pack(color), Shape::Glyph});
    }
    x += g->xadvance;
  };
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (x + advance(cp) > stop) {
      if (truncate) emit(kEllipsis);
      break;
    }
    emit(cp);
  }
  return x;
}

float Font::draw_centered(DrawList& dl, float x, float y0, float y1, std::string_view s, Rgba color,
                          float max_width) const {
  const float baseline = std::round((y0 + y1 - line_height_) / 2 + ascent_);
  return draw(dl, x, baseline, s, color, max_width);
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
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  std::size_t n = 0;
  char32_t cp = 0;
  if (c < 0x80) {
    ++i;
    return c;
  }
  if ((c >> 5) == 6) n = 1, cp = c & 0x1F;
  else if ((c >> 4) == 14) n = 2, cp = c & 0x0F;
  else if ((c >> 3) == 30) n = 3, cp = c & 0x07;
  if (n == 0 || i + n >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (std::size_t k = 1; k <= n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += n + 1;
  return cp;
}

}  // namespace cs
