// Panels beside the canvas, never over it: a left, a right and a bottom area, each a tab bar of the panels
// docked there, resized by dragging the splitter between it and the canvas. A panel is closed from its tab,
// moved by its tab's menu, reopened from the View menu. Which panels are open, where, and how big the
// areas are is kept in ImGui's ini file. The canvas gets what is left.
#pragma once

#include <functional>
#include <string>
#include <vector>

struct ImGuiContext;
struct ImGuiSettingsHandler;
struct ImGuiTextBuffer;

namespace cs {

enum class Area { Left, Right, Bottom };

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
};

class Dock {
 public:
  // Registers the dock's ini entry with the current ImGui context (before the ini file is read).
  void install_settings(ImGuiContext* ctx);

  // A panel: `name` is its stable key (ini), `title` what its tab says.
  void add(std::string name, std::string title, Area area, bool open);
  bool is_open(const std::string& name) const;
  void set_open(const std::string& name, bool open);
  void toggle(const std::string& name) { set_open(name, !is_open(name)); }
  // Opens the panel and brings its tab to the front.
  void show(const std::string& name);
  Area area_of(const std::string& name) const;
  std::vector<std::string> names() const;
  const std::string& title_of(const std::string& name) const;

  // Places the areas in `content` (the window below the menu bar) and returns the rectangle left for the
  // canvas. Call before draw().
  Rect layout(Rect content, float scale);
  // Draws the areas with their tabs and the splitters; `panel(name)` draws a panel's contents in its tab.
  void draw(const std::function<void(const std::string&)>& panel);
  // True while a splitter is being dragged (the canvas should not react to the mouse then).
  bool dragging() const { return drag_ >= 0; }

 private:
  struct Panel {
    std::string name, title;
    Area area;
    bool open;
    bool bring_to_front = false;
  };
  Panel* find(const std::string& name);
  const Panel* find(const std::string& name) const;
  bool any_open(Area a) const;
  void area_window(Area a, Rect r, const std::function<void(const std::string&)>& panel);
  void splitter(int which, Rect r, bool horizontal);

  static void* read_open(ImGuiContext*, ImGuiSettingsHandler*, const char* name);
  static void read_line(ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line);
  static void write_all(ImGuiContext*, ImGuiSettingsHandler*, ImGuiTextBuffer* out);

  std::vector<Panel> panels_;
  // Area sizes in unscaled pixels (the ini holds these; the layout multiplies by the UI scale).
  float left_ = 300, right_ = 400, bottom_ = 220;
  float scale_ = 1;
  Rect left_r_, right_r_, bottom_r_;
  int drag_ = -1;  // which splitter is dragged: 0 left, 1 right, 2 bottom
};

}  // namespace cs
