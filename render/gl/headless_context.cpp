// EGL set-up for headless rendering.
#include "render/gl/headless_context.hpp"

#include <glad/gl.h>

#define EGL_EGL_PROTOTYPES 1
#include <EGL/egl.h>
#include <EGL/eglext.h>

namespace cs::gl {

bool load_gl(void* (*get_proc)(const char*)) {
  const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(get_proc));
  return version != 0 && GLAD_VERSION_MAJOR(version) * 10 + GLAD_VERSION_MINOR(version) >= 33;
}

namespace {
void* egl_proc(const char* name) { return reinterpret_cast<void*>(eglGetProcAddress(name)); }

EGLDisplay open_display() {
  auto get_platform_display =
      reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (get_platform_display) {
    EGLDisplay d = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr)) return d;
  }
  EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY);
  if (d != EGL_NO_DISPLAY && eglInitialize(d, nullptr, nullptr)) return d;
  return EGL_NO_DISPLAY;
}
}  // namespace

std::unique_ptr<HeadlessContext> HeadlessContext::create(std::string* error) {
  auto fail = [&](const char* what) -> std::unique_ptr<HeadlessContext> {
    if (error) *error = what;
    return nullptr;
  };
  std::unique_ptr<HeadlessContext> c{new HeadlessContext};
  EGLDisplay d = open_display();
  if (d == EGL_NO_DISPLAY) return fail("no EGL display (install libegl-mesa0 and libgl1-mesa-dri)");
  c->display_ = d;
  if (!eglBindAPI(EGL_OPENGL_API)) return fail("EGL cannot bind the OpenGL API");
  const EGLint config_attrs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint n = 0;
  eglChooseConfig(d, config_attrs, &config, 1, &n);  // surfaceless needs none; a config helps some drivers
  const EGLint ctx_attrs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                              EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  EGLContext ctx = eglCreateContext(d, n > 0 ? config : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, ctx_attrs);
  if (ctx == EGL_NO_CONTEXT) return fail("EGL could not create an OpenGL 3.3 core context");
  c->context_ = ctx;
  if (!eglMakeCurrent(d, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) return fail("EGL cannot make the context current");
  if (!load_gl(egl_proc)) return fail("OpenGL 3.3 core functions could not be loaded");
  return c;
}

HeadlessContext::~HeadlessContext() {
  if (display_) {
    eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (context_) eglDestroyContext(display_, context_);
    // No eglTerminate: the display is process-wide (every caller gets the same one), so terminating it
    // here would pull it from under any other context; and it unloads the driver, whose start-up
    // allocations then show under LeakSanitizer as leaks from an unknown module that no suppression matches.
  }
}

std::string HeadlessContext::renderer() const {
  const auto* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return r ? r : "";
}

}  // namespace cs::gl
