// The notes window: its own GLFW window and GL context, text laid out with render/page's wrapping.
#include "app/notes_window.hpp"

#include "render/page.hpp"

#include <glad/gl.h>

#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdio>
#include <ctime>

namespace cs {
namespace {

const Rgba kBackground{28, 28, 32, 255}, kText{240, 240, 236, 255}, kDim{160, 160, 168, 255},
    kAccent{250, 200, 90, 255};

// Makes `w`'s context current for the scope and gives the previous one back.
class ContextScope {
 public:
  explicit ContextScope(GLFWwindow* w) : previous_(glfwGetCurrentContext()) { glfwMakeContextCurrent(w); }
  ~ContextScope() { glfwMakeContextCurrent(previous_); }
  ContextScope(const ContextScope&) = delete;
  ContextScope& operator=(const ContextScope&) = delete;

 private:
  GLFWwindow* previous_;
};

double local_seconds_since_midnight() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return tm.tm_hour * 3600.0 + tm.tm_min * 60.0 + tm.tm_sec;
}

}  // namespace

std::string clock_text(double s) {
  char buf[16];
  const int m = int(s / 60);
  std::snprintf(buf, sizeof buf, "%d:%02d", (m / 60) % 24, m % 60);
  return buf;
}

std::string elapsed_text(double seconds) {
  const long s = long(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

std::unique_ptr<NotesWindow> NotesWindow::open(GLFWmonitor* monitor, std::string* error) {
  std::unique_ptr<NotesWindow> n{new NotesWindow};
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  int w = 960, h = 600;
  if (monitor)
    if (const GLFWvidmode* mode = glfwGetVideoMode(monitor)) w = mode->width, h = mode->height;
  n->window_ = glfwCreateWindow(w, h, "Chronoscope — speaker notes", monitor, nullptr);
  if (!n->window_) {
    *error = "cannot open the notes window";
    return nullptr;
  }
  glfwSetWindowUserPointer(n->window_, n.get());
  glfwSetKeyCallback(n->window_, &NotesWindow::on_key);
  int fb_h = 0;
  glfwGetFramebufferSize(n->window_, nullptr, &fb_h);
  n->scale_ = std::max(1.f, float(fb_h) / 720.f);
  ContextScope ctx{n->window_};
  glfwSwapInterval(0);  // the presentation's window keeps the frame rate
  n->font_ = Font::load(find_default_font(), std::round(24 * n->scale_), error,
                        std::vector<float>{std::round(34 * n->scale_), std::round(56 * n->scale_)});
  n->renderer_ = std::make_unique<gl::QuadRenderer>();
  if (!n->font_ || !n->renderer_->init(*n->font_, error)) return nullptr;
  return n;
}

NotesWindow::~NotesWindow() {
  if (!window_) return;
  {
    ContextScope ctx{window_};
    renderer_.reset();  // its GL objects belong to this context
  }
  glfwDestroyWindow(window_);
}

void NotesWindow::on_key(GLFWwindow* w, int key, int, int action, int) {
  auto* self = static_cast<NotesWindow*>(glfwGetWindowUserPointer(w));
  if (!self || action != GLFW_PRESS) return;
  if (const auto k = present_key(key)) self->keys_.push_back(*k);
}

std::vector<KeyPress> NotesWindow::take_keys() {
  std::vector<KeyPress> out;
  out.swap(keys_);
  return out;
}

void NotesWindow::show(const NotesContent& c) {
  const std::string clock = clock_text(local_seconds_since_midnight()) + "    " + elapsed_text(c.elapsed);
  if (drawn_ && c == shown_ && clock == shown_clock_) return;
  drawn_ = true;
  shown_ = c;
  shown_clock_ = clock;
  ContextScope ctx{window_};
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(window_, &fw, &fh);
  const float W = float(fw), H = float(fh), m = std::round(24 * scale_);
  const float body = std::round(24 * scale_), head = std::round(34 * scale_), big = std::round(56 * scale_);
  DrawList list;
  QuadSink sink{list, *font_};
  // The clock large at the top right, the step on screen at the top left.
  const float top_h = font_->line_height(big) + 2 * m;
  const float clock_w = font_->width(clock, big);
  sink.text({clock, W - m - clock_w, font_->baseline(0, top_h, big), big, kAccent});
  sink.text({c.counter + (c.blank ? "   (screen blanked)" : ""), m, font_->baseline(0, top_h, head), head, kDim,
             W - 3 * m - clock_w});
  float y = top_h;
  sink.rect(m, y, W - m, y + std::max(1.f, scale_), kDim);
  y += m;
  const float lh_head = font_->line_height(head) * 1.2f, lh = font_->line_height(body) * 1.3f;
  sink.text({c.heading, m, font_->baseline(y, y + lh_head, head), head, kText, W - 2 * m});
  y += lh_head + m / 2;
  // The notes take what is left above the next step's box (a quarter of the height).
  const float next_h = std::round(H / 4);
  const auto notes = wrap_text(*font_, c.notes.empty() ? "(no notes for this step)" : c.notes, W - 2 * m, body,
                               std::size_t(std::max(1.f, (H - next_h - y - m) / lh)));
  for (const std::string& line : notes) {
    sink.text({line, m, font_->baseline(y, y + lh, body), body, c.notes.empty() ? kDim : kText, W - 2 * m});
    y += lh;
  }
  y = H - next_h;
  sink.rect(0, y, W, H, Rgba{44, 44, 50, 255});
  y += m / 2;
  for (const std::string& line : wrap_text(*font_, c.next, W - 2 * m, body, std::size_t(std::max(1.f, (next_h - m) / lh)))) {
    sink.text({line, m, font_->baseline(y, y + lh, body), body, kDim, W - 2 * m});
    y += lh;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, fw, fh);
  renderer_->draw(list, 0, 0, fw, fh, fh, kBackground);
  glfwSwapBuffers(window_);
}

}  // namespace cs
