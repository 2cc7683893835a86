// The Sink on a cairo PDF or SVG surface: rectangles and diamonds as filled paths, clips as cairo clips,
// text runs as real text in the canvas font through cairo-ft (which embeds the glyphs it uses).
#include "render/vector/vector_document.hpp"

#include "model/utf8.hpp"    // append_utf8
#include "render/font.hpp"  // next_code_point
#include "render/vector/cairo_handles.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <cmath>
#include <fstream>
#include <vector>

namespace cs::vec {
namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Text cairo accepts: valid UTF-8 (invalid bytes as U+FFFD), no control characters.
std::string clean_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next_code_point(s, i);
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) continue;
    append_utf8(out, c);
  }
  return out;
}

}  // namespace

struct Document::Impl final : Sink {
  Format format = Format::Pdf;
  std::string bytes;  // what the surface has written so far
  SurfaceHandle surface;
  ContextHandle cr;
  FontFaceHandle face;
  double em_per_px = 1;  // cairo's font size (an em) for text one pixel high, ascent to descent
  float width = 0, height = 0;
  ClipRect clip_ = kNoClip;

  void source(Rgba c) { cairo_set_source_rgba(cr.get(), c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0); }

  void set_clip(ClipRect c) override {
    clip_ = c;
    cairo_reset_clip(cr.get());
    if (c == kNoClip) return;
    cairo_rectangle(cr.get(), c.x0, c.y0, std::max(0.f, c.x1 - c.x0), std::max(0.f, c.y1 - c.y0));
    cairo_clip(cr.get());
  }
  ClipRect clip() const override { return clip_; }

  void rect(float x0, float y0, float x1, float y1, Rgba c) override {
    if (x1 <= x0 || y1 <= y0 || c.a == 0) return;
    source(c);
    cairo_rectangle(cr.get(), x0, y0, x1 - x0, y1 - y0);
    cairo_fill(cr.get());
  }

  void diamond(float cx, float cy, float size, Rgba c, bool filled) override {
    if (size <= 0 || c.a == 0) return;
    const auto path = [&](double h) {
      cairo_move_to(cr.get(), cx, cy - h);
      cairo_line_to(cr.get(), cx + h, cy);
      cairo_line_to(cr.get(), cx, cy + h);
      cairo_line_to(cr.get(), cx - h, cy);
      cairo_close_path(cr.get());
    };
    source(c);
    path(size / 2.0);
    if (!filled) {  // a ring, as the GL shader draws it: the inner 55% left out
      path(size / 2.0 * 0.55);
      cairo_set_fill_rule(cr.get(), CAIRO_FILL_RULE_EVEN_ODD);
    }
    cairo_fill(cr.get());
    cairo_set_fill_rule(cr.get(), CAIRO_FILL_RULE_WINDING);
  }

  double advance(const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(cr.get(), s.c_str(), &e);
    return e.x_advance;
  }

  // The longest prefix that fits in `max_width` with "…" after it (empty when not even one character does).
  std::string elide(const std::string& s, double max_width) {
    const std::string ell = "\u2026";
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < s.size();) {
      next_code_point(s, i);
      ends.push_back(i);
    }
    std::size_t lo = 0, hi = ends.size();  // prefixes ending at ends[0..lo) fit, ends[hi..) do not
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (advance(s.substr(0, ends[mid]) + ell) <= max_width) lo = mid + 1;
      else hi = mid;
    }
    return lo ? s.substr(0, ends[lo - 1]) + ell : std::string{};
  }

  void text(const TextRun& run) override {
    if (run.text.empty() || run.size <= 0 || run.color.a == 0) return;
    std::string s = clean_utf8(run.text);
    cairo_set_font_size(cr.get(), run.size * em_per_px);
    if (run.max_width > 0 && advance(s) > run.max_width) s = elide(s, run.max_width);
    if (s.empty()) return;
    source(run.color);
    cairo_move_to(cr.get(), run.x, run.baseline);
    cairo_show_text(cr.get(), s.c_str());
    cairo_new_path(cr.get());
  }
};

Document::Document(std::unique_ptr<Impl> impl, float w, float h) : impl_(std::move(impl)), width_(w), height_(h) {}
Document::~Document() = default;

std::unique_ptr<Document> Document::create(Format format, float width, float height, const std::string& font_path,
                                           const DocumentInfo& info, std::string* error) {
  auto fail = [&](std::string why) {
    if (error) *error = std::move(why);
    return nullptr;
  };
  if (!(width > 0 && height > 0)) return fail("a page needs a size");
  if (font_path.empty() || !std::ifstream{font_path}) return fail("cannot read font '" + font_path + "'");
  auto im = std::make_unique<Impl>();
  im->format = format;
  im->width = width;
  im->height = height;
  // PDF pages in points at 96 pixels per inch; SVG in pixels.
  const double unit = format == Format::Pdf ? 0.75 : 1.0;
  if (format == Format::Pdf) {
    im->surface.reset(cairo_pdf_surface_create_for_stream(append_bytes, &im->bytes, width * unit, height * unit));
    if (!info.title.empty())
      cairo_pdf_surface_set_metadata(im->surface.get(), CAIRO_PDF_METADATA_TITLE, clean_utf8(info.title).c_str());
    cairo_pdf_surface_set_metadata(im->surface.get(), CAIRO_PDF_METADATA_CREATOR, clean_utf8(info.creator).c_str());
  } else {
    im->surface.reset(cairo_svg_surface_create_for_stream(append_bytes, &im->bytes, width, height));
    cairo_svg_surface_set_document_unit(im->surface.get(), CAIRO_SVG_UNIT_PX);
  }
  if (cairo_surface_status(im->surface.get()) != CAIRO_STATUS_SUCCESS)
    return fail(std::string{"cairo: "} + cairo_status_to_string(cairo_surface_status(im->surface.get())));
  im->cr.reset(cairo_create(im->surface.get()));
  cairo_scale(im->cr.get(), unit, unit);
  // The canvas font from its file, unhinted: advances as the font defines them, as the layout measured.
  PatternHandle pattern{FcPatternCreate()};
  FcPatternAddString(pattern.get(), FC_FILE, reinterpret_cast<const FcChar8*>(font_path.c_str()));
  FcPatternAddInteger(pattern.get(), FC_INDEX, 0);
  im->face.reset(cairo_ft_font_face_create_for_pattern(pattern.get()));
  cairo_set_font_face(im->cr.get(), im->face.get());
  FontOptionsHandle options{cairo_font_options_create()};
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options(im->cr.get(), options.get());
  cairo_set_font_size(im->cr.get(), 1.0);
  cairo_font_extents_t fe;
  cairo_font_extents(im->cr.get(), &fe);
  if (cairo_status(im->cr.get()) != CAIRO_STATUS_SUCCESS || !(fe.ascent + fe.descent > 0))
    return fail("cannot use '" + font_path + "' as a font: " + cairo_status_to_string(cairo_status(im->cr.get())));
  im->em_per_px = 1.0 / (fe.ascent + fe.descent);
  return std::unique_ptr<Document>{new Document{std::move(im), width, height}};
}

Sink& Document::page() { return *impl_; }

void Document::next_page() {
  if (impl_->format != Format::Pdf) return;
  cairo_show_page(impl_->cr.get());
}

std::string Document::finish(std::string* error) {
  Impl& im = *impl_;
  if (!im.surface) {
    if (error) *error = "the document was finished already";
    return {};
  }
  cairo_status_t st = cairo_status(im.cr.get());
  im.cr.reset();
  cairo_surface_finish(im.surface.get());
  if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(im.surface.get());
  im.surface.reset();
  if (st != CAIRO_STATUS_SUCCESS) {
    if (error) *error = std::string{"cairo: "} + cairo_status_to_string(st);
    return {};
  }
  return std::move(im.bytes);
}

}  // namespace cs::vec
