// Presenter mode: a story full screen as the deck's step pages at the screen's size (type 1.75x at 1080p,
// 3.5x at 4K), flying between steps with lanes growing and shrinking. Presenter draws; PresenterMode puts it
// full screen on the audience's monitor, with the speaker's notes window, and gives the window back.
#pragma once

#include "app/notes_window.hpp"
#include "app/presenter_nav.hpp"
#include "app/stories_window.hpp"
#include "app/ui_log.hpp"
#include "model/document.hpp"
#include "render/camera.hpp"
#include "render/deck.hpp"
#include "render/gl/quad_renderer.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string>

struct GLFWwindow;

namespace cs {

// What `chronoscope present FILE [--story ID] [--step N] [--notes]` asks for: the story (empty: the first),
// step N counted from 1 (0: the first). Nothing, with `error`, when the timeline has no such story or step.
std::optional<PresentRequest> present_request(const Timeline& t, const std::string& story, int step, bool notes,
                                              std::string* error);

// The scale of type and marks on a screen `height` pixels tall: the deck's (1.5 at 1080p, 3 at 4K).
float presenter_scale(int height);

class Presenter {
 public:
  // Needs the GL context current. False, with `error`, when the story is missing or the font or GL fails.
  bool start(const Document& doc, const PresentRequest& r, int width, int height, const UiLog& log,
             std::string* error);

  // One frame: the keys pressed since the last, `dt` seconds later. The document is read again each frame
  // (a reload while presenting shows at once).
  void frame(const Document& doc, std::span<const KeyPress> keys, int width, int height, double dt);
  // Draws the frame into the current framebuffer (`width` x `height`, the whole of it).
  void render_gl(int width, int height);

  bool done() const { return nav_.done(); }
  bool animating() const { return flight_.has_value(); }
  const PresenterNav& nav() const { return nav_; }
  // What the notes window shows for the step now on screen.
  NotesContent notes(const Document& doc) const;

 private:
  const Story* story(const Document& doc) const;
  void resize(int width, int height);
  void go(const TimelineIndex& index, const Story& s, bool fly);

  std::string story_id_;
  const UiLog* log_ = nullptr;
  PresenterNav nav_{0, 0};
  DeckStyle style_;
  std::unique_ptr<Font> font_;
  std::unique_ptr<gl::QuadRenderer> renderer_;
  StepPage page_;             // the step now shown (its view is where the flight is going)
  std::vector<std::uint32_t> lanes_before_;  // the lanes of the step the flight left (slots; empty: every lane)
  bool lanes_change_ = false;
  std::optional<Flight> flight_;
  double flight_t_ = 0;
  Viewport shown_;            // the viewport on screen now
  DrawList list_;
  std::uint64_t revision_ = 0;
  const Document* doc_seen_ = nullptr;
};

// Presenting in the program's window: full screen on the audience's monitor, the notes window on the
// other when there is one (or when asked for), the window as it was afterwards.
class PresenterMode {
 public:
  // `window` is the program's window, its GL context current. Null, with `error`, when it cannot start.
  static std::unique_ptr<PresenterMode> start(GLFWwindow* window, const Document& doc, const PresentRequest& r,
                                              const UiLog& log, std::string* error);
  ~PresenterMode();  // the window back as it was
  PresenterMode(const PresenterMode&) = delete;
  PresenterMode& operator=(const PresenterMode&) = delete;

  // One frame, between ImGui's NewFrame and Render (the keys come from ImGui's state and the notes
  // window). Draws the presentation into the window's framebuffer and the notes into theirs.
  void frame(const Document& doc, int fb_width, int fb_height);
  bool done() const { return presenter_.done(); }
  bool animating() const { return presenter_.animating(); }

 private:
  PresenterMode() = default;
  GLFWwindow* window_ = nullptr;
  int saved_x_ = 0, saved_y_ = 0, saved_w_ = 0, saved_h_ = 0;
  Presenter presenter_;
  std::unique_ptr<NotesWindow> notes_;
  double last_time_ = 0, started_ = 0;  // glfwGetTime() at the last frame and at the start
};

}  // namespace cs
