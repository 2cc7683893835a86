// Main loop: poll input, lay out the windows, draw the canvas with the GL renderer, then ImGui on top.
#include "app/window_app.hpp"

#include "app/cli/bench.hpp"
#include "render/gl/headless_context.hpp"
#include "app/input_trickle.hpp"
#include "app/open_url.hpp"
#include "app/presenter.hpp"
#include "render/gl/quad_renderer.hpp"
#include "app/workspace.hpp"
#include "model/io/load_file.hpp"

#include <glad/gl.h>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <thread>
#include <chrono>
#include <iostream>
#include <memory>
#include <vector>

namespace cs {
namespace {

// Latin, Latin-1, Latin Extended-A, Cyrillic, punctuation, arrows (static: ImGui keeps the pointer).
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x04FF, 0x2010, 0x205E, 0x2190, 0x2193, 0};

// $XDG_CONFIG_HOME/chronoscope/imgui.ini (or ~/.config/...): panels, their places and sizes. Empty when
// neither variable is set or the folder cannot be made (then nothing is remembered).
std::string settings_path() {
  std::filesystem::path dir;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) dir = x;
  else if (const char* h = std::getenv("HOME"); h && *h) dir = std::filesystem::path{h} / ".config";
  else return {};
  dir /= "chronoscope";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  return ec ? std::string{} : (dir / "imgui.ini").string();
}

struct GlfwSession {
  bool ok = glfwInit() == GLFW_TRUE;
  ~GlfwSession() {
    if (ok) glfwTerminate();
  }
};

void* glfw_proc(const char* name) { return reinterpret_cast<void*>(glfwGetProcAddress(name)); }

void apply_style(float scale) {
  ImGui::StyleColorsLight();
  ImGuiStyle& st = ImGui::GetStyle();
  st.WindowRounding = 4;
  st.FrameRounding = 3;
  st.WindowBorderSize = 1;
  st.Colors[ImGuiCol_WindowBg] = {0.975f, 0.975f, 0.965f, 1.f};
  st.ScaleAllSizes(scale);
}

// A centred progress bar while the file loads.
void loading_frame(const std::string& file, float progress) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2}, ImGuiCond_Always, {0.5f, 0.5f});
  ImGui::SetNextWindowSize({std::min(vp->Size.x * 0.6f, ImGui::GetFontSize() * 30), 0});
  ImGui::Begin("Loading", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
  ImGui::Text("Loading %s", file.c_str());
  ImGui::ProgressBar(progress, {-1, 0});
  ImGui::End();
}

// The program's window: GLFW + ImGui set-up, loading with progress, and one frame of the UI. The
// interactive loop (run) and the scripted benchmark (play) drive the same frame().
class MainWindow {
 public:
  explicit MainWindow(const UiLog& log) : log_(log) {}
  ~MainWindow() {
    if (!window_) return;
    presenter_.reset();  // gives the window back before it goes
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
  }

  bool create(const Options& o, bool vsync) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    const std::string title = "Chronoscope — loading " + o.file;
    window_ = glfwCreateWindow(o.width ? o.width : 1440, o.height ? o.height : 880, title.c_str(), nullptr, nullptr);
    if (!window_) {
      std::cerr << "chronoscope: error: cannot create an OpenGL 3.3 window\n";
      return false;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(vsync ? 1 : 0);
    if (!gl::load_gl(glfw_proc)) {
      std::cerr << "chronoscope: error: OpenGL 3.3 core is not available\n";
      return false;
    }
    float xscale = 1, yscale = 1;
    glfwGetWindowContentScale(window_, &xscale, &yscale);
    ui_scale_ = std::max(1.f, xscale);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    ini_path_ = settings_path();
    io.IniFilename = ini_path_.empty() ? nullptr : ini_path_.c_str();
    apply_style(ui_scale_);
    const std::string font_path = find_default_font();
    if (font_path.empty() ||
        !io.Fonts->AddFontFromFileTTF(font_path.c_str(), std::round(16 * ui_scale_), nullptr, kGlyphRanges))
      io.Fonts->AddFontDefault();
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    trickle_.install(window_);

    std::string err;
    canvas_font_ = Font::load(font_path, std::round(kCanvasFontPx * ui_scale_), &err);
    if (!canvas_font_ || !renderer_.init(*canvas_font_, &err)) {
      std::cerr << "chronoscope: error: " << err << " (install fonts-dejavu-core)\n";
      return false;
    }
    workspace_ = std::make_unique<Workspace>(*canvas_font_, ui_scale_, log_);
    workspace_->install_settings();
    workspace_->start_with(o);
    return true;
  }

  // Loads in the background; the window shows progress and stays responsive (and closable) meanwhile.
  // False when the window was closed before the file was read.
  bool load(const Options& o) {
    Session& session = workspace_->session();
    session.open(o.file);
    while (!session.doc() && !glfwWindowShouldClose(window_)) {
      glfwWaitEventsTimeout(0.05);
      session.update();
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      loading_frame(o.file, session.progress());
      render_imgui_only();
    }
    if (!session.doc()) return false;
    std::cerr << session.doc()->diagnostics().format_all();
    return !glfwWindowShouldClose(window_);
  }


  void run() {
    int extra_frames = 0;  // ImGui settles focus and layout a frame or two after an input event
    while (!glfwWindowShouldClose(window_)) {
      if (workspace_->canvas().animating() || workspace_->session().loading() || (presenter_ && presenter_->animating()) ||
          ImGui::IsMouseDown(ImGuiMouseButton_Left) || extra_frames > 0) {
        glfwPollEvents();
        --extra_frames;
      } else {
        glfwWaitEventsTimeout(0.5);  // idle: sleep until something happens
        extra_frames = 2;
      }
      // The close button asks first when there are unsaved edits (the workspace shows the question).
      if (glfwWindowShouldClose(window_) && !workspace_->close_requested()) glfwSetWindowShouldClose(window_, GLFW_FALSE);
      extra_frames = std::max(extra_frames, frame());
    }
  }

  // Plays `path` (one view per frame) through the whole frame, returning each frame's milliseconds
  // from input to swapped buffers.
  std::vector<double> play(const std::vector<Viewport>& path) {
    std::vector<double> ms;
    for (const Viewport& vp : path) {
      const auto a = std::chrono::steady_clock::now();
      glfwPollEvents();
      workspace_->canvas().set_view(vp);
      frame();
      glFinish();
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    return ms;
  }

  // `chronoscope present`: presents as soon as the window is up. False, with the reason on stderr, when the
  // file has no such story or step.
  bool present_at_start(const Options& o) {
    std::string err;
    const auto r = present_request(workspace_->session().doc()->timeline(), o.story, o.step, o.notes, &err);
    if (!r) {
      std::cerr << escape_for_terminal(o.file) << ": error: " << escape_for_terminal(err) << "\n";
      return false;
    }
    workspace_->request_present(*r);
    return true;
  }

  CanvasView canvas_view() const { return workspace_->canvas().view(); }
  const TimelineIndex& index() { return workspace_->session().doc()->index(); }

 private:
  // One frame of the UI. Returns how many more frames to run before sleeping.
  int frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    int win_w = 0, win_h = 0, fb_w = 0, fb_h = 0;
    glfwGetWindowSize(window_, &win_w, &win_h);
    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    const float fb_scale = win_w > 0 ? float(fb_w) / float(win_w) : 1.f;
    if (!presenter_ && workspace_->session().doc())
      if (const auto r = workspace_->take_present_request()) {
        std::string err;
        presenter_ = PresenterMode::start(window_, *workspace_->session().doc(), *r, log_, &err);
        if (!presenter_) workspace_->session().set_status("cannot present: " + err);
      }
    if (presenter_) {
      if (const std::string t = workspace_->title(); t != title_) glfwSetWindowTitle(window_, (title_ = t).c_str());
      return present_frame(fb_w, fb_h);
    }
    int more = workspace_->frame(float(win_w), float(win_h), fb_scale);
    if (workspace_->quit_requested()) glfwSetWindowShouldClose(window_, GLFW_TRUE);
    if (const std::string t = workspace_->title(); t != title_) {
      title_ = t;
      glfwSetWindowTitle(window_, t.c_str());
    }
    ImGui::Render();
    glViewport(0, 0, fb_w, fb_h);
    workspace_->canvas().render_gl(renderer_, fb_h);
    glViewport(0, 0, fb_w, fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);
    if (trickle_.end_frame()) more = std::max(more, 1);
    return more;
  }

  // A frame of the presentation: its own drawing, no panels; the window comes back when it ends.
  int present_frame(int fb_w, int fb_h) {
    Session& session = workspace_->session();
    session.update();
    if (session.doc()) presenter_->frame(*session.doc(), fb_w, fb_h);
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);
    const bool keys_waiting = trickle_.end_frame();
    if (presenter_->done() || !session.doc()) presenter_.reset();
    return presenter_ && !keys_waiting ? 0 : 2;
  }

  void render_imgui_only() {
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.96f, 0.96f, 0.95f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);
  }

  GLFWwindow* window_ = nullptr;
  float ui_scale_ = 1;
  const UiLog& log_;
  InputTrickle trickle_;
  std::unique_ptr<Font> canvas_font_;
  gl::QuadRenderer renderer_;
  std::unique_ptr<Workspace> workspace_;
  std::unique_ptr<PresenterMode> presenter_;
  std::string ini_path_;
  std::string title_;
};

bool check_readable(const std::string& file) {
  // A missing file is said at once, not after a window has opened; the reason as `check` gives it.
  std::string text, why;
  std::error_code ec;
  if (std::filesystem::is_regular_file(file, ec)) return true;
  read_file(file, text, &why);
  std::cerr << escape_for_terminal(file) << ": error: cannot read the file: " << escape_for_terminal(why) << "\n";
  return false;
}

}  // namespace

int run_window(const Options& o) {
  if (!check_readable(o.file)) return 1;
  const UiLog log{o.log_ui};
  glfwSetErrorCallback([](int code, const char* msg) { std::cerr << "glfw error " << code << ": " << msg << "\n"; });
  GlfwSession glfw;
  if (!glfw.ok) {
    // `present` with a story or step the file lacks says so first: that is the mistake to fix.
    if (o.mode == Mode::Present) {
      const auto doc = Document::load(o.file);
      std::string err;
      if (!doc->diagnostics().has_errors() && !present_request(doc->timeline(), o.story, o.step, o.notes, &err)) {
        std::cerr << escape_for_terminal(o.file) << ": error: " << escape_for_terminal(err) << "\n";
        return 2;
      }
    }
    std::cerr << "chronoscope: error: cannot open a window (no display?). Try `chronoscope render`.\n";
    return 1;
  }
  MainWindow w{log};
  if (!w.create(o, true)) return 1;
  if (!w.load(o)) return 0;
  if (o.mode == Mode::Present && !w.present_at_start(o)) return 2;
  w.run();
  return 0;
}

int bench_window(const Options& o, int frames, std::vector<double>& frame_ms) {
  if (!check_readable(o.file)) return 1;
  const UiLog log{false};
  GlfwSession glfw;
  if (!glfw.ok) {
    std::cerr << "chronoscope: error: --window needs a display (try xvfb-run)\n";
    return 1;
  }
  MainWindow w{log};
  if (!w.create(o, false) || !w.load(o)) return 1;
  w.play({w.canvas_view().viewport});  // untimed first frame: it sizes the canvas and fits the view
  frame_ms = w.play(bench_path(w.index(), w.canvas_view(), frames));
  return 0;
}

}  // namespace cs
