// Framebuffer object with a colour renderbuffer; glReadPixels rows flipped to top-first; PNG via stb into
// memory, then to the file through the atomic writer.
#include "render/gl/offscreen.hpp"

#include "model/io/atomic_file.hpp"

#include <stb_image_write.h>

#include <algorithm>

namespace cs::gl {

std::uint32_t Image::pixel(int x, int y) const {
  const std::size_t i = (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 4;
  return std::uint32_t(rgba[i]) << 16 | std::uint32_t(rgba[i + 1]) << 8 | rgba[i + 2];
}

bool Offscreen::init(int width, int height, std::string* error) {
  width_ = width;
  height_ = height;
  GLuint rb = 0, fb = 0;
  glGenRenderbuffers(1, &rb);
  color_ = Renderbuffer{rb};
  glBindRenderbuffer(GL_RENDERBUFFER, rb);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glGenFramebuffers(1, &fb);
  fbo_ = Framebuffer{fb};
  glBindFramebuffer(GL_FRAMEBUFFER, fb);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
  if (GLAD_GL_KHR_debug) glObjectLabel(GL_FRAMEBUFFER, fb, -1, "offscreen");
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    if (error) *error = "offscreen framebuffer is incomplete (size " + std::to_string(width) + "x" +
                        std::to_string(height) + ")";
    return false;
  }
  return true;
}

void Offscreen::bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id()); }

Image Offscreen::read() const {
  Image img;
  img.width = width_;
  img.height = height_;
  std::vector<std::uint8_t> raw(std::size_t(width_) * std::size_t(height_) * 4);
  bind();
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, raw.data());
  img.rgba.resize(raw.size());
  const std::size_t row = std::size_t(width_) * 4;
  for (int y = 0; y < height_; ++y)
    std::copy_n(raw.data() + std::size_t(height_ - 1 - y) * row, row, img.rgba.data() + std::size_t(y) * row);
  return img;
}

std::string encode_png(const Image& img) {
  std::string png;
  const auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), std::size_t(size));
  };
  if (img.width <= 0 || img.height <= 0 || img.rgba.size() < std::size_t(img.width) * std::size_t(img.height) * 4 ||
      !stbi_write_png_to_func(append, &png, img.width, img.height, 4, img.rgba.data(), img.width * 4))
    return {};
  return png;
}

bool write_png(const Image& img, const std::string& path, std::string* error) {
  const std::string png = encode_png(img);
  if (png.empty()) {
    if (error) *error = "cannot encode a PNG of " + std::to_string(img.width) + "x" + std::to_string(img.height);
    return false;
  }
  return write_file_atomic(path, png, error);
}

}  // namespace cs::gl
