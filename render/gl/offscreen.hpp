// An offscreen RGBA framebuffer to render into, read back to memory, and save as PNG.
#pragma once

#include "render/gl/gl_handles.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cs::gl {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // top row first
  std::uint32_t pixel(int x, int y) const;  // 0xRRGGBB
};

class Offscreen {
 public:
  bool init(int width, int height, std::string* error);
  void bind() const;
  Image read() const;
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  Framebuffer fbo_;
  Renderbuffer color_;
  int width_ = 0, height_ = 0;
};

// The PNG file's bytes; empty when the image cannot be encoded.
std::string encode_png(const Image& img);
// encode_png written atomically to `path` (write_file_atomic); false with `error` set on failure.
bool write_png(const Image& img, const std::string& path, std::string* error = nullptr);

}  // namespace cs::gl
