// Presenting: the step page at the screen's size, the flight between steps, the keys; full screen on a
// monitor and back.
#include "app/presenter.hpp"

#include "render/lane_transition.hpp"

#include <glad/gl.h>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace cs {
namespace {

std::string heading(const StoryStep& st, std::size_t k) {
  return st.title.empty() ? "Step " + std::to_string(k + 1) : st.title;
}

double smoothstep(double x) {
  x = std::clamp(x, 0.0, 1.0);
  return x * x * (3 - 2 * x);
}

// The keys pressed this frame on the audience's screen (ImGui has them from GLFW's callbacks).
std::vector<KeyPress> imgui_keys() {
  std::vector<KeyPress> out;
  constexpr int kKeys[] = {GLFW_KEY_RIGHT, GLFW_KEY_LEFT, GLFW_KEY_UP, GLFW_KEY_DOWN, GLFW_KEY_PAGE_DOWN,
                           GLFW_KEY_PAGE_UP, GLFW_KEY_SPACE, GLFW_KEY_ENTER, GLFW_KEY_KP_ENTER, GLFW_KEY_BACKSPACE,
                           GLFW_KEY_HOME, GLFW_KEY_END, GLFW_KEY_B, GLFW_KEY_PERIOD, GLFW_KEY_ESCAPE};
  for (const int k : kKeys)
    if (ImGui::IsKeyPressed(k, false))
      if (const auto p = present_key(k)) out.push_back(*p);
  for (int d = 0; d <= 9; ++d)
    if (ImGui::IsKeyPressed(GLFW_KEY_0 + d, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_0 + d, false))
      out.push_back({PresentKey::Digit, d});
  return out;
}

// The monitor that holds most of the window.
GLFWmonitor* monitor_of(GLFWwindow* w) {
  int n = 0;
  GLFWmonitor** all = glfwGetMonitors(&n);
  int wx = 0, wy = 0, ww = 0, wh = 0;
  glfwGetWindowPos(w, &wx, &wy);
  glfwGetWindowSize(w, &ww, &wh);
  GLFWmonitor* best = n ? all[0] : nullptr;
  long best_area = -1;
  for (int i = 0; i < n; ++i) {
    int mx = 0, my = 0;
    glfwGetMonitorPos(all[i], &mx, &my);
    const GLFWvidmode* mode = glfwGetVideoMode(all[i]);
    if (!mode) continue;
    const long ox = std::max(0, std::min(wx + ww, mx + mode->width) - std::max(wx, mx));
    const long oy = std::max(0, std::min(wy + wh, my + mode->height) - std::max(wy, my));
    if (ox * oy > best_area) best_area = ox * oy, best = all[i];
  }
  return best;
}

}  // namespace

std::optional<PresentRequest> present_request(const Timeline& t, const std::string& story, int step, bool notes,
                                              std::string* error) {
  if (t.stories.empty()) {
    *error = "there are no stories to present (see docs/schema.md, Stories)";
    return std::nullopt;
  }
  const Story* s = &t.stories.front();
  if (!story.empty()) {
    s = nullptr;
    std::string known;
    for (const Story& o : t.stories) {
      if (o.id == story) s = &o;
      known += (known.empty() ? "" : ", ") + o.id;
    }
    if (!s) {
      *error = "no story '" + story + "' (its stories: " + known + ")";
      return std::nullopt;
    }
  }
  if (step > int(s->steps.size())) {
    *error = "story '" + s->id + "' has " + std::to_string(s->steps.size()) + (s->steps.size() == 1 ? " step" : " steps") +
             ", not " + std::to_string(step);
    return std::nullopt;
  }
  return PresentRequest{s->id, std::size_t(std::max(1, step) - 1), notes};
}

float presenter_scale(int height) { return deck_scale(float(height)); }

const Story* Presenter::story(const Document& doc) const {
  for (const Story& s : doc.timeline().stories)
    if (s.id == story_id_) return &s;
  return nullptr;
}

bool Presenter::start(const Document& doc, const PresentRequest& r, int width, int height, const UiLog& log,
                      std::string* error) {
  story_id_ = r.story;
  log_ = &log;
  const Story* s = story(doc);
  if (!s) {
    *error = "no story '" + r.story + "'";
    return false;
  }
  if (!s->steps.empty() && r.step >= s->steps.size()) {
    *error = "story '" + r.story + "' has " + std::to_string(s->steps.size()) + " steps, not " + std::to_string(r.step + 1);
    return false;
  }
  nav_ = PresenterNav{s->steps.size(), r.step};
  style_ = DeckStyle::at(float(width), float(height), presenter_scale(height));
  font_ = Font::load(find_default_font(), style_.type.body, error, style_.type.extra_sizes());
  renderer_ = std::make_unique<gl::QuadRenderer>();
  if (!font_ || !renderer_->init(*font_, error)) return false;
  doc_seen_ = &doc;
  revision_ = doc.revision();
  go(doc.index(), *s, false);
  log.line("present start " + story_id_ + " " + std::to_string(nav_.step() + 1) + "/" + std::to_string(nav_.steps()));
  return true;
}

// Shows the nav's step: at once, or flying there from what is on screen.
void Presenter::go(const TimelineIndex& index, const Story& s, bool fly) {
  if (s.steps.empty()) return;
  lanes_before_ = page_.view.state.lanes;
  const bool had_page = !page_.heading.empty();
  page_ = lay_out_step_page(index, s, nav_.step(), *font_, style_);
  lanes_change_ = fly && had_page && lanes_before_ != page_.view.state.lanes;
  if (fly && had_page) {
    flight_ = plan_flight(shown_, page_.view.view.viewport);
    flight_t_ = 0;
  } else {
    flight_.reset();
    shown_ = page_.view.view.viewport;
  }
}

void Presenter::resize(int width, int height) {
  if (float(width) == style_.width && float(height) == style_.height) return;
  const float scale = presenter_scale(height);
  const bool new_font = scale != style_.type.scale;
  style_ = DeckStyle::at(float(width), float(height), scale);
  if (new_font) {
    std::string err;
    if (auto f = Font::load(find_default_font(), style_.type.body, &err, style_.type.extra_sizes())) {
      auto r = std::make_unique<gl::QuadRenderer>();
      if (r->init(*f, &err)) font_ = std::move(f), renderer_ = std::move(r);
    }
    style_ = DeckStyle::at(float(width), float(height), font_->size() / kCanvasFontPx);
  }
  page_.heading.clear();  // lay the page out again, without a flight
}

void Presenter::frame(const Document& doc, std::span<const KeyPress> keys, int width, int height, double dt) {
  const Story* s = story(doc);
  const bool reloaded = &doc != doc_seen_ || doc.revision() != revision_;
  doc_seen_ = &doc, revision_ = doc.revision();
  nav_.set_steps(s ? s->steps.size() : 0);
  resize(width, height);
  bool moved = false;
  for (const KeyPress& k : keys) {
    const bool was_blank = nav_.blank();
    moved |= nav_.press(k);
    if (nav_.blank() != was_blank) log_->line(std::string{"present blank "} + (nav_.blank() ? "on" : "off"));
  }
  if (nav_.done()) {
    log_->line("present end");
    return;
  }
  if (!s || s->steps.empty()) return;
  if (moved || reloaded || page_.heading.empty()) {
    go(doc.index(), *s, moved);
    if (moved) log_->line("present step " + std::to_string(nav_.step() + 1) + "/" + std::to_string(nav_.steps()));
  }
  if (flight_) {
    flight_t_ += dt;
    shown_ = flight_view(*flight_, flight_t_);
    if (flight_done(*flight_, flight_t_)) {
      flight_.reset();
      shown_ = page_.view.view.viewport;
      log_->line("present view " + format_iso(shown_.start()) + " " + format_iso(shown_.end()));
    }
  }
  // The page's scene at the view on screen; lanes coming and going blend between the two steps' layouts.
  const TimelineIndex& index = doc.index();
  CanvasView view = page_.view.view;
  view.viewport = shown_;
  layout_scene(page_.scene, index, view, *font_, style_.cfg, page_.view.state);
  if (flight_ && lanes_change_) {
    Scene before;
    SceneState st = page_.view.state;
    st.lanes = lanes_before_;
    layout_scene(before, index, view, *font_, style_.cfg, st);
    const double p = smoothstep(flight_t_ / flight_->duration);
    page_.scene.layout = blend_lanes(before.layout, page_.scene.layout, p, style_.cfg.row_height);
  }
  StepPage shown = page_;  // the page with the view on screen (page_ keeps where the flight goes)
  shown.view.view = view;
  if (!nav_.typed().empty()) shown.counter = "Go to step " + nav_.typed() + "\u2026";
  if (nav_.refused())
    shown.counter = "No step " + std::to_string(nav_.refused()) + ": " + std::to_string(nav_.steps()) + " steps";
  list_.clear();
  QuadSink sink{list_, *font_};
  if (nav_.blank()) {
    sink.rect(0, 0, float(width), float(height), Rgba{0, 0, 0, 255});
    return;
  }
  draw_step_page(sink, shown, index, *font_, style_);
}

void Presenter::render_gl(int width, int height) {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width, height);
  renderer_->draw(list_, 0, 0, width, height, height, nav_.blank() ? Rgba{0, 0, 0, 255} : style_.theme.background);
}

NotesContent Presenter::notes(const Document& doc) const {
  NotesContent c;
  const Story* s = story(doc);
  c.blank = nav_.blank();
  if (!s || s->steps.empty()) {
    c.heading = s ? "This story has no steps" : "No story '" + story_id_ + "'";
    return c;
  }
  const std::size_t k = nav_.step();
  c.heading = heading(s->steps[k], k);
  c.counter = std::to_string(k + 1) + " / " + std::to_string(s->steps.size());
  c.notes = s->steps[k].notes;
  if (k + 1 < s->steps.size()) {
    const StoryStep& n = s->steps[k + 1];
    c.next = "Next: " + heading(n, k + 1) + (n.caption.empty() ? "" : " \u2014 " + n.caption);
  } else {
    c.next = "This is the last step.";
  }
  return c;
}

std::unique_ptr<PresenterMode> PresenterMode::start(GLFWwindow* window, const Document& doc, const PresentRequest& r,
                                                    const UiLog& log, std::string* error) {
  std::unique_ptr<PresenterMode> m{new PresenterMode};
  m->window_ = window;
  glfwGetWindowPos(window, &m->saved_x_, &m->saved_y_);
  glfwGetWindowSize(window, &m->saved_w_, &m->saved_h_);
  // The audience's monitor: another than the window's when there are two or more.
  int n = 0;
  GLFWmonitor** all = glfwGetMonitors(&n);
  GLFWmonitor* mine = monitor_of(window);
  GLFWmonitor* audience = mine;
  for (int i = 0; i < n; ++i)
    if (all[i] != mine) {
      audience = all[i];
      break;
    }
  const GLFWvidmode* mode = audience ? glfwGetVideoMode(audience) : nullptr;
  if (!mode) {
    *error = "no monitor to present on";
    return nullptr;
  }
  if (!m->presenter_.start(doc, r, mode->width, mode->height, log, error)) return nullptr;
  // The speaker may click the notes window on the other monitor: the story stays up meanwhile.
  glfwSetWindowAttrib(window, GLFW_AUTO_ICONIFY, GLFW_FALSE);
  glfwSetWindowMonitor(window, audience, 0, 0, mode->width, mode->height, mode->refreshRate);
  log.line("present fullscreen " + std::to_string(mode->width) + "x" + std::to_string(mode->height));
  if (n > 1 || r.notes) {
    std::string why;
    m->notes_ = NotesWindow::open(n > 1 ? mine : nullptr, &why);
    log.line(m->notes_ ? "present notes" : "present notes failed: " + why);
  }
  m->last_time_ = m->started_ = glfwGetTime();
  return m;
}

PresenterMode::~PresenterMode() {
  notes_.reset();
  if (window_) glfwSetWindowMonitor(window_, nullptr, saved_x_, saved_y_, saved_w_, saved_h_, GLFW_DONT_CARE);
}

void PresenterMode::frame(const Document& doc, int fb_width, int fb_height) {
  const double now = glfwGetTime();
  const double dt = std::min(0.1, now - last_time_);  // a stall does not skip the flight
  last_time_ = now;
  std::vector<KeyPress> keys = imgui_keys();
  if (notes_) {
    const auto more = notes_->take_keys();
    keys.insert(keys.end(), more.begin(), more.end());
  }
  presenter_.frame(doc, keys, fb_width, fb_height, dt);
  presenter_.render_gl(fb_width, fb_height);
  if (notes_ && !presenter_.done()) {
    NotesContent c = presenter_.notes(doc);
    c.elapsed = now - started_;
    notes_->show(c);
  }
}

}  // namespace cs
