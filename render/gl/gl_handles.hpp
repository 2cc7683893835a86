// Small RAII handles for GL objects, each created from a described struct with a debug label.
#pragma once

#include <glad/gl.h>

#include <string>
#include <utility>

namespace cs::gl {

template <void (*Delete)(GLuint)>
class Handle {
 public:
  Handle() = default;
  explicit Handle(GLuint id) : id_(id) {}
  Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
  Handle& operator=(Handle&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, 0);
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { reset(); }
  void reset() {
    if (id_) Delete(id_);
    id_ = 0;
  }
  GLuint id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }

 private:
  GLuint id_ = 0;
};

void delete_buffer(GLuint id);
void delete_vertex_array(GLuint id);
void delete_texture(GLuint id);
void delete_program(GLuint id);
void delete_framebuffer(GLuint id);
void delete_renderbuffer(GLuint id);

using Buffer = Handle<delete_buffer>;
using VertexArray = Handle<delete_vertex_array>;
using Texture = Handle<delete_texture>;
using Program = Handle<delete_program>;
using Framebuffer = Handle<delete_framebuffer>;
using Renderbuffer = Handle<delete_renderbuffer>;

struct BufferDesc {
  GLenum target = GL_ARRAY_BUFFER;
  GLsizeiptr size = 0;
  const void* data = nullptr;
  GLenum usage = GL_STATIC_DRAW;
  const char* label = "";
};

struct TextureDesc {
  int width = 0, height = 0;
  GLenum internal_format = GL_R8;
  GLenum format = GL_RED;
  const void* pixels = nullptr;
  GLenum filter = GL_LINEAR;
  const char* label = "";
};

struct ProgramDesc {
  const char* vertex_source = "";
  const char* fragment_source = "";
  const char* label = "";
};

Buffer make_buffer(const BufferDesc& d);
Texture make_texture(const TextureDesc& d);
// On a compile or link error, returns an empty handle and sets `error` to the driver's log.
Program make_program(const ProgramDesc& d, std::string* error);
VertexArray make_vertex_array(const char* label);

}  // namespace cs::gl
