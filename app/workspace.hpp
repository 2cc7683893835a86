// One frame of the program's UI: the menu bar and shortcuts, the docked panels and the canvas that takes the
// rest, a banner when the file changed on disk under unsaved edits, the file dialog, and the question
// before unsaved edits would be lost (Save / Discard / Cancel). Owns the session and the panels; the window
// (app/window_app) owns GLFW, GL and ImGui and calls frame() between ImGui's NewFrame and Render.
#pragma once

#include "app/canvas_editing.hpp"
#include "app/cli/cli.hpp"
#include "app/dock.hpp"
#include "app/export_menu.hpp"
#include "app/external_editor.hpp"
#include "app/file_dialog.hpp"
#include "app/filter_bar.hpp"
#include "app/inspector_window.hpp"
#include "app/lanes_sources_window.hpp"
#include "app/list_window.hpp"
#include "app/menu_bar.hpp"
#include "app/problems_window.hpp"
#include "app/recent_files.hpp"
#include "app/search_window.hpp"
#include "app/session.hpp"
#include "app/stories_window.hpp"
#include "app/timeline_canvas.hpp"

#include <memory>
#include <optional>
#include <utility>

struct ImGuiContext;
struct ImGuiSettingsHandler;
struct ImGuiTextBuffer;

namespace cs {

class Workspace {
 public:
  Workspace(const Font& canvas_font, float ui_scale, const UiLog& log);

  // Registers what the ImGui ini file keeps (call after ImGui's context exists, before the first frame):
  // the dock, the calendars shown and the context bar's mode.
  void install_settings();
  // What the command line asks of the window: a filter to open with (--filter), calendar rows
  // (--calendars, over what the ini remembers).
  void start_with(const Options& o);
  Session& session() { return session_; }
  TimelineCanvas& canvas() { return canvas_; }

  // The frame's UI in a window of `size` (window units) whose framebuffer has `fb_scale` pixels per unit.
  // Returns how many more frames to run before sleeping (text fields settle a frame after focus).
  int frame(float width, float height, float fb_scale);
  bool quit_requested() const { return quit_; }
  // Presenting (F5, the Stories panel, `chronoscope present`): the window takes the request and presents.
  void request_present(PresentRequest r) { present_ = std::move(r); }
  std::optional<PresentRequest> take_present_request() { return std::exchange(present_, std::nullopt); }
  // The window's close button: true when it may close now; else the unsaved-changes question is asked.
  bool close_requested();
  // The window title: the timeline's title or file name, with a dot while there are unsaved edits.
  std::string title() const;

 private:
  // What waits for the answer to "save the changes first?".
  struct Guarded {
    enum class Kind { Quit, Open, Close, Reload, Import } kind;
    std::string path;  // Open
  };
  enum class DialogFor { Open, SaveAs };

  void act(const MenuActions& a);
  void guarded(Guarded g);
  void carry_out(const Guarded& g);
  void unsaved_prompt();
  void file_dialog();
  void banner(Rect r);
  void empty(Rect r);
  void panel(const std::string& name);
  void loaded();  // a load or reload finished
  void new_event();
  void delete_selection();
  void duplicate_selection();
  void nudge_selection(int units);  // Alt+arrows
  void open_in_editor(int line);
  void filter_changed();
  std::uint64_t data_generation();  // changes when the events shown change (edits, reloads, the filter)
  std::string status_line();

  static void* read_open(ImGuiContext*, ImGuiSettingsHandler*, const char* name);
  static void read_line(ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line);
  static void write_all(ImGuiContext*, ImGuiSettingsHandler*, ImGuiTextBuffer* out);

  const Font& font_;
  float ui_scale_;
  const UiLog& log_;
  Session session_;
  Dock dock_;
  TimelineCanvas canvas_;
  CanvasEditing editing_;
  InspectorWindow inspector_;
  SearchWindow search_;
  FilterBar filter_bar_;
  ListWindow list_;
  ProblemsWindow problems_;
  LanesSourcesWindow lanes_sources_;
  FileDialog dialog_;
  DialogFor dialog_for_ = DialogFor::Open;
  RecentFiles recent_;
  ExternalEditor external_editor_;
  std::optional<Guarded> waiting_;  // the question is up
  std::unique_ptr<Document> imported_;  // File > Import's timeline, waiting for that answer
  bool ask_ = false;                // open the question's popup this frame
  StoriesWindow stories_;
  ExportMenu export_menu_;
  std::optional<PresentRequest> present_;
  CalendarChoice calendars_;
  std::optional<std::vector<Calendar>> cli_calendars_;  // applied once the ini has been read
  std::vector<Calendar> seen_calendars_;
  bool cli_filter_ = false;  // the filter came from --filter: its error goes to stderr too
  std::uint64_t seen_filter_ = 0;
  std::string seen_filter_error_;
  std::uint64_t seen_generation_ = 0;
  const Document* seen_doc_ = nullptr;
  std::string seen_path_;
  bool quit_ = false;
};

}  // namespace cs
