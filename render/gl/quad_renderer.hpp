// Draws a DrawList: every quad is one instance, all of them in a single instanced draw call.
#pragma once

#include "render/draw_list.hpp"
#include "render/font.hpp"
#include "render/gl/gl_handles.hpp"

#include <string>

namespace cs::gl {

class QuadRenderer {
 public:
  // Needs a current GL 3.3 core context with the loader initialised. False with `error` on failure.
  bool init(const Font& font, std::string* error);
  // Draws into the current framebuffer's rectangle (x, y_from_top, width, height) of a framebuffer
  // `fb_height` pixels tall; quads are in pixels relative to that rectangle. Restores no state.
  // The rectangle is first cleared to `clear` (the canvas background).
  void draw(const DrawList& list, int x, int y_from_top, int width, int height, int fb_height, Rgba clear);
  int draw_calls_last_frame() const { return draw_calls_; }

 private:
  Program program_;
  VertexArray vao_;
  Buffer corners_;
  Buffer instances_;
  Texture atlas_;
  GLint u_screen_ = -1;
  GLint u_atlas_ = -1;
  GLsizeiptr capacity_ = 0;
  int draw_calls_ = 0;
};

}  // namespace cs::gl
