// Creation and deletion of GL objects; labels go to KHR_debug when the driver has it.
#include "render/gl/gl_handles.hpp"

#include <cstring>

namespace cs::gl {
namespace {
void label(GLenum kind, GLuint id, const char* name) {
  if (GLAD_GL_KHR_debug && name && *name) glObjectLabel(kind, id, GLsizei(std::strlen(name)), name);
}

GLuint compile(GLenum stage, const char* src, std::string* error) {
  const GLuint s = glCreateShader(stage);
  glShaderSource(s, 1, &src, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    if (error) *error = std::string{stage == GL_VERTEX_SHADER ? "vertex" : "fragment"} + " shader: " + log;
    glDeleteShader(s);
    return 0;
  }
  return s;
}
}  // namespace

void delete_buffer(GLuint id) { glDeleteBuffers(1, &id); }
void delete_vertex_array(GLuint id) { glDeleteVertexArrays(1, &id); }
void delete_texture(GLuint id) { glDeleteTextures(1, &id); }
void delete_program(GLuint id) { glDeleteProgram(id); }
void delete_framebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
void delete_renderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }

Buffer make_buffer(const BufferDesc& d) {
  GLuint id = 0;
  glGenBuffers(1, &id);
  glBindBuffer(d.target, id);
  glBufferData(d.target, d.size, d.data, d.usage);
  label(GL_BUFFER, id, d.label);
  return Buffer{id};
}

Texture make_texture(const TextureDesc& d) {
  GLuint id = 0;
  glGenTextures(1, &id);
  glBindTexture(GL_TEXTURE_2D, id);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GLint(d.internal_format), d.width, d.height, 0, d.format, GL_UNSIGNED_BYTE, d.pixels);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GLint(d.filter));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GLint(d.filter));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  label(GL_TEXTURE, id, d.label);
  return Texture{id};
}

Program make_program(const ProgramDesc& d, std::string* error) {
  const GLuint vs = compile(GL_VERTEX_SHADER, d.vertex_source, error);
  if (!vs) return {};
  const GLuint fs = compile(GL_FRAGMENT_SHADER, d.fragment_source, error);
  if (!fs) {
    glDeleteShader(vs);
    return {};
  }
  const GLuint p = glCreateProgram();
  glAttachShader(p, vs);
  glAttachShader(p, fs);
  glLinkProgram(p);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(p, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetProgramInfoLog(p, sizeof log, nullptr, log);
    if (error) *error = std::string{"link: "} + log;
    glDeleteProgram(p);
    return {};
  }
  label(GL_PROGRAM, p, d.label);
  return Program{p};
}

VertexArray make_vertex_array(const char* name) {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  glBindVertexArray(id);
  label(GL_VERTEX_ARRAY, id, name);
  return VertexArray{id};
}

}  // namespace cs::gl
