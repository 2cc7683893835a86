// Instanced quad drawing: a static unit quad plus a per-frame instance buffer of Quad records.
#include "render/gl/quad_renderer.hpp"

#include <cstddef>
#include <string_view>

namespace cs::assets {
extern const std::string_view quad_vert;
extern const std::string_view quad_frag;
}  // namespace cs::assets

namespace cs::gl {

bool QuadRenderer::init(const Font& font, std::string* error) {
  const std::string vs{assets::quad_vert}, fs{assets::quad_frag};
  program_ = make_program({vs.c_str(), fs.c_str(), "timeline quads"}, error);
  if (!program_) return false;
  u_screen_ = glGetUniformLocation(program_.id(), "u_screen");
  u_atlas_ = glGetUniformLocation(program_.id(), "u_atlas");
  vao_ = make_vertex_array("timeline quads");
  static const float corners[] = {0, 0, 1, 0, 0, 1, 1, 1};
  corners_ = make_buffer({GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW, "unit quad"});
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  capacity_ = 4096 * GLsizeiptr(sizeof(Quad));
  instances_ = make_buffer({GL_ARRAY_BUFFER, capacity_, nullptr, GL_STREAM_DRAW, "quad instances"});
  const auto stride = GLsizei(sizeof(Quad));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Quad, x0)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Quad, u0)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(Quad, rgba)));
  glEnableVertexAttribArray(4);
  glVertexAttribIPointer(4, 1, GL_UNSIGNED_INT, stride, reinterpret_cast<void*>(offsetof(Quad, shape)));
  for (GLuint a = 1; a <= 4; ++a) glVertexAttribDivisor(a, 1);
  glBindVertexArray(0);
  atlas_ = make_texture({font.atlas_width(), font.atlas_height(), GL_R8, GL_RED, font.atlas().data(), GL_LINEAR,
                         "font atlas"});
  return true;
}

void QuadRenderer::draw(const DrawList& list, int x, int y_from_top, int width, int height, int fb_height,
                        Rgba clear) {
  draw_calls_ = 0;
  const auto& quads = list.quads();
  if (width <= 0 || height <= 0) return;
  glViewport(x, fb_height - y_from_top - height, width, height);
  glEnable(GL_SCISSOR_TEST);
  glScissor(x, fb_height - y_from_top - height, width, height);
  glClearColor(clear.r / 255.f, clear.g / 255.f, clear.b / 255.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (quads.empty()) {
    glDisable(GL_SCISSOR_TEST);
    return;
  }
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glUseProgram(program_.id());
  glUniform2f(u_screen_, float(width), float(height));
  glUniform1i(u_atlas_, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, atlas_.id());
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, instances_.id());
  const auto bytes = GLsizeiptr(quads.size() * sizeof(Quad));
  if (bytes > capacity_) {
    while (capacity_ < bytes) capacity_ *= 2;
    glBufferData(GL_ARRAY_BUFFER, capacity_, nullptr, GL_STREAM_DRAW);
  } else {
    glBufferData(GL_ARRAY_BUFFER, capacity_, nullptr, GL_STREAM_DRAW);  // orphan: no wait on the last frame
  }
  glBufferSubData(GL_ARRAY_BUFFER, 0, bytes, quads.data());
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, GLsizei(quads.size()));
  ++draw_calls_;
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace cs::gl
