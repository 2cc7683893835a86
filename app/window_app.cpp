// Main loop: poll input, lay out the windows, draw the canvas with the GL renderer, then ImGui on top.
#include "window_app.hpp"

#include "document.hpp"
#include "headless_context.hpp"
#include "input_trickle.hpp"
#include "inspector_window.hpp"
#include "open_url.hpp"
#include "problems_window.hpp"
#include "quad_renderer.hpp"
#include "search_window.hpp"
#include "timeline_canvas.hpp"

#include <glad/gl.h>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <thread>
#include <iostream>

namespace cs {
namespace {

// Latin, Latin-1, Latin Extended-A, Cyrillic, punctuation, arrows (static: ImGui keeps the pointer).
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x04FF, 0x2010, 0x205E, 0x2190, 0x2193, 0};

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

struct MenuActions {
  bool quit = false, fit = false, zoom_in = false, zoom_out = false, search = false;
};

MenuActions menu_bar(float& height) {
  MenuActions a;
  if (ImGui::BeginMainMenuBar()) {
    if (ImGui::BeginMenu("File")) {
      a.quit = ImGui::MenuItem("Quit", "Ctrl+Q");
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
      a.fit = ImGui::MenuItem("Fit everything", "Home");
      a.zoom_in = ImGui::MenuItem("Zoom in", "+");
      a.zoom_out = ImGui::MenuItem("Zoom out", "-");
      a.search = ImGui::MenuItem("Search…", "Ctrl+F");
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
      ImGui::TextUnformatted("Wheel: zoom at the cursor   Shift+wheel: scroll lanes");
      ImGui::TextUnformatted("Drag: pan   Click: inspect   Double-click: zoom to an event");
      ImGui::TextUnformatted("Arrows: pan   +/-: zoom   Home: fit   Ctrl+F: search   Esc: clear");
      ImGui::EndMenu();
    }
    height = ImGui::GetWindowSize().y;
    ImGui::EndMainMenuBar();
  }
  return a;
}

}  // namespace

int run_window(const Options& o) {
  {
    std::error_code ec;  // a missing file is said at once, not after a window has opened
    if (!std::filesystem::is_regular_file(o.file, ec)) {
      std::cerr << o.file << ": error: cannot read the file\n";
      return 1;
    }
  }
  UiLog log{o.log_ui};

  glfwSetErrorCallback([](int code, const char* msg) { std::cerr << "glfw error " << code << ": " << msg << "\n"; });
  GlfwSession glfw;
  if (!glfw.ok) {
    std::cerr << "chronoscope: error: cannot open a window (no display?). Try `chronoscope render`.\n";
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  const std::string title = "Chronoscope — loading " + o.file;
  GLFWwindow* window = glfwCreateWindow(o.width ? o.width : 1440, o.height ? o.height : 880, title.c_str(),
                                        nullptr, nullptr);
  if (!window) {
    std::cerr << "chronoscope: error: cannot create an OpenGL 3.3 window\n";
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  if (!gl::load_gl(glfw_proc)) {
    std::cerr << "chronoscope: error: OpenGL 3.3 core is not available\n";
    glfwDestroyWindow(window);
    return 1;
  }

  float xscale = 1, yscale = 1;
  glfwGetWindowContentScale(window, &xscale, &yscale);
  const float ui_scale = std::max(1.f, xscale);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  apply_style(ui_scale);
  const std::string font_path = find_default_font();
  if (font_path.empty() || !io.Fonts->AddFontFromFileTTF(font_path.c_str(), std::round(16 * ui_scale), nullptr, kGlyphRanges))
    io.Fonts->AddFontDefault();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  InputTrickle trickle;
  trickle.install(window);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  std::string err;
  auto canvas_font = Font::load(font_path, std::round(kCanvasFontPx * ui_scale), &err);
  gl::QuadRenderer renderer;
  if (!canvas_font || !renderer.init(*canvas_font, &err)) {
    std::cerr << "chronoscope: error: " << err << " (install fonts-dejavu-core)\n";
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    return 1;
  }

  // Load in the background; the window shows progress and stays responsive (and closable) meanwhile.
  std::atomic<float> progress{0};
  std::atomic<bool> loaded{false};
  std::unique_ptr<Document> doc;
  std::thread loader{[&] {
    doc = Document::open(o.file, &progress);
    loaded = true;
    glfwPostEmptyEvent();
  }};
  while (!loaded && !glfwWindowShouldClose(window)) {
    glfwWaitEventsTimeout(0.05);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    loading_frame(o.file, progress.load());
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.96f, 0.96f, 0.95f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
  }
  loader.join();  // a closed window still waits for the loader: it owns memory the thread writes
  std::cerr << doc->diagnostics.format_all();
  const bool nothing = doc->timeline.event_count() == 0 && doc->diagnostics.has_errors();
  if (nothing) std::cerr << "chronoscope: error: nothing to show in '" << o.file << "'\n";
  if (nothing || glfwWindowShouldClose(window)) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    return nothing ? 1 : 0;
  }
  glfwSetWindowTitle(window, ("Chronoscope — " + (doc->timeline.title.empty() ? o.file : doc->timeline.title)).c_str());

  Selection sel;
  TimelineCanvas canvas{*doc->index, *canvas_font, LayoutConfig::scaled(ui_scale), log};
  InspectorWindow inspector;
  SearchWindow search;
  ProblemsWindow problems;
  const float inspector_width = std::round(380 * ui_scale);

  int extra_frames = 0;  // ImGui settles focus and layout a frame or two after an input event
  while (!glfwWindowShouldClose(window)) {
    if (canvas.animating() || ImGui::IsMouseDown(ImGuiMouseButton_Left) || extra_frames > 0) {
      glfwPollEvents();
      --extra_frames;
    } else {
      glfwWaitEventsTimeout(0.5);  // idle: sleep until something happens
      extra_frames = 2;
    }
    reap_url_openers();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();

    int win_w = 0, win_h = 0, fb_w = 0, fb_h = 0;
    glfwGetWindowSize(window, &win_w, &win_h);
    glfwGetFramebufferSize(window, &fb_w, &fb_h);
    const float fb_scale = win_w > 0 ? float(fb_w) / float(win_w) : 1.f;

    float menu_h = 0;
    const MenuActions act = menu_bar(menu_h);
    const float canvas_w = std::max(64.f, float(win_w) - inspector_width);
    const float canvas_h = std::max(64.f, float(win_h) - menu_h);
    canvas.draw(0, menu_h, canvas_w, canvas_h, fb_scale, sel);
    inspector.draw(doc->timeline, sel, canvas_w, menu_h, float(win_w) - canvas_w, canvas_h, log);
    const bool search_was_open = search.is_open();  // Esc closes the search first, then clears the selection
    search.draw(doc->timeline, sel, canvas_w - 12, menu_h + 12, std::round(420 * ui_scale), log);
    problems.draw(doc->diagnostics, 12, float(win_h) - 12, canvas_w - 24);

    if (act.fit) canvas.fit_all();
    if (act.zoom_in) canvas.zoom(0.6);
    if (act.zoom_out) canvas.zoom(1 / 0.6);
    const bool ctrl = io.KeyCtrl;
    if (act.search || (ctrl && ImGui::IsKeyPressed(GLFW_KEY_F, false))) search.open();
    if (act.quit || (ctrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false))) glfwSetWindowShouldClose(window, GLFW_TRUE);
    if (!search_was_open && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) sel.selected.reset();
    // A text field only takes typing a frame after it is focused: run those frames before the next key.
    if (search.is_open() != search_was_open) extra_frames = std::max(extra_frames, 3);

    ImGui::Render();
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.96f, 0.96f, 0.95f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    canvas.render_gl(renderer, fb_h);
    glViewport(0, 0, fb_w, fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window);
    if (trickle.end_frame()) extra_frames = std::max(extra_frames, 1);
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  return 0;
}

}  // namespace cs
