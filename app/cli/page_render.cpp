// The headless GL path for PNG pages, and telling formats apart by extension.
#include "app/cli/page_render.hpp"

#include "render/gl/headless_context.hpp"
#include "render/gl/offscreen.hpp"
#include "render/gl/quad_renderer.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>

namespace cs {

bool output_format(const std::string& path, OutputFormat& format) {
  const auto dot = path.find_last_of("./");
  if (dot == std::string::npos || path[dot] != '.') return false;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "png") format = OutputFormat::Png;
  else if (ext == "svg") format = OutputFormat::Svg;
  else if (ext == "pdf") format = OutputFormat::Pdf;
  else return false;
  return true;
}

float output_scale(float requested, int height) {
  return requested > 0 ? requested : std::max(1.f, float(height) / 1080.f);
}

struct PngPages::Impl {
  std::unique_ptr<gl::HeadlessContext> ctx;
  gl::QuadRenderer renderer;
  gl::Offscreen target;
  const Font* font = nullptr;
  int width = 0, height = 0;
};

PngPages::PngPages() = default;
PngPages::~PngPages() = default;

bool PngPages::init(const Font& font, int width, int height) {
  impl_ = std::make_unique<Impl>();
  std::string err;
  impl_->ctx = gl::HeadlessContext::create(&err);
  if (!impl_->ctx) {
    std::cerr << "chronoscope: error: cannot render without a display: " << err << "\n";
    return false;
  }
  if (!impl_->renderer.init(font, &err) || !impl_->target.init(width, height, &err)) {
    std::cerr << "chronoscope: error: " << err << "\n";
    return false;
  }
  impl_->font = &font;
  impl_->width = width;
  impl_->height = height;
  return true;
}

std::string PngPages::render(const DrawPage& draw, Rgba background) {
  DrawList list;
  QuadSink sink{list, *impl_->font};
  draw(sink);
  impl_->target.bind();
  impl_->renderer.draw(list, 0, 0, impl_->width, impl_->height, impl_->height, background);
  std::string png = gl::encode_png(impl_->target.read());
  if (png.empty()) std::cerr << "chronoscope: error: cannot encode the image as PNG\n";
  return png;
}

}  // namespace cs
