// Menus and shortcuts. Shortcut labels in the menus are what shortcuts() reads.
#include "app/menu_bar.hpp"

#include <imgui.h>

#include <GLFW/glfw3.h>

namespace cs {
namespace {

// Ctrl+<key> shortcuts for panels in the View menu.
struct PanelKey {
  const char* name;
  const char* shortcut;
  int key;
  bool shift;
};
constexpr PanelKey kPanelKeys[] = {
    {"inspector", "Ctrl+I", GLFW_KEY_I, false},
    {"search", "Ctrl+F", GLFW_KEY_F, false},
    {"filters", "Ctrl+L", GLFW_KEY_L, false},
    {"list", "Ctrl+Shift+L", GLFW_KEY_L, true},
    {"problems", "Ctrl+Shift+P", GLFW_KEY_P, true},
    {"lanes", "Ctrl+Shift+E", GLFW_KEY_E, true},
    {"stories", "Ctrl+Shift+T", GLFW_KEY_T, true},
};

const PanelKey* key_of(const std::string& name) {
  for (const PanelKey& k : kPanelKeys)
    if (name == k.name) return &k;
  return nullptr;
}

}  // namespace

std::vector<Calendar> CalendarChoice::enabled() const {
  std::vector<Calendar> out;
  if (solar_hijri) out.push_back(Calendar::SolarHijri);
  if (islamic) out.push_back(Calendar::Islamic);
  if (julian) out.push_back(Calendar::Julian);
  return out;
}

void CalendarChoice::set(std::span<const Calendar> calendars) {
  solar_hijri = islamic = julian = false;
  for (Calendar c : calendars) {
    if (c == Calendar::SolarHijri) solar_hijri = true;
    if (c == Calendar::Islamic) islamic = true;
    if (c == Calendar::Julian) julian = true;
  }
}

MenuActions menu_bar(const Session& session, const Dock& dock, CalendarChoice& calendars, const std::string& status,
                     float& height, const std::vector<std::string>& recent) {
  MenuActions a;
  if (!ImGui::BeginMainMenuBar()) return a;
  const Document* doc = session.doc();
  const bool editable = session.editable();
  const bool selected = doc && !session.selection.empty();
  if (ImGui::BeginMenu("File")) {
    a.open = ImGui::MenuItem("Open...", "Ctrl+O");
    if (ImGui::BeginMenu("Open Recent", !recent.empty())) {
      for (const std::string& f : recent)
        if (ImGui::MenuItem(f.c_str())) a.open_recent = f;
      ImGui::EndMenu();
    }
    a.reload = ImGui::MenuItem("Reload from disk", "Ctrl+R", false, doc != nullptr);
    ImGui::Separator();
    // A read-only file (CSV) offers no save: the document says why.
    a.save = ImGui::MenuItem("Save", "Ctrl+S", false, editable);
    a.save_as = ImGui::MenuItem("Save As...", "Ctrl+Shift+S", false, editable);
    if (doc && !editable && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", doc->read_only_reason().c_str());
    ImGui::Separator();
    a.port = port_menu_items(doc);
    ImGui::Separator();
    a.open_in_editor = ImGui::MenuItem("Open in Text Editor", "Ctrl+E", false, doc != nullptr);
    a.close = ImGui::MenuItem("Close", "Ctrl+W", false, doc != nullptr);
    a.quit = ImGui::MenuItem("Quit", "Ctrl+Q");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    const std::string undo = doc && doc->can_undo() ? "Undo " + doc->undo_label() : "Undo";
    const std::string redo = doc && doc->can_redo() ? "Redo " + doc->redo_label() : "Redo";
    a.undo = ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, doc && doc->can_undo());
    a.redo = ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z, Ctrl+Y", false, doc && doc->can_redo());
    ImGui::Separator();
    a.new_event = ImGui::MenuItem("New Event at the Cursor", "N", false, editable);
    a.edit_title = ImGui::MenuItem("Edit Title", "F2", false, editable && selected);
    a.duplicate = ImGui::MenuItem("Duplicate", "Ctrl+D", false, editable && selected);
    a.delete_selection = ImGui::MenuItem("Delete", "Delete", false, editable && selected);
    if (doc && !editable) {
      ImGui::Separator();
      ImGui::TextDisabled("Read-only: %s", doc->read_only_reason().c_str());
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    for (const std::string& name : dock.names()) {
      const PanelKey* k = key_of(name);
      if (ImGui::MenuItem(dock.title_of(name).c_str(), k ? k->shortcut : nullptr, dock.is_open(name))) a.toggle_panel = name;
    }
    ImGui::Separator();
    if (ImGui::BeginMenu("Calendars")) {
      a.calendars |= ImGui::MenuItem("Solar Hijri (Iran)", nullptr, &calendars.solar_hijri);
      a.calendars |= ImGui::MenuItem("Islamic (tabular)", nullptr, &calendars.islamic);
      a.calendars |= ImGui::MenuItem("Julian", nullptr, &calendars.julian);
      ImGui::EndMenu();
    }
    ImGui::Separator();
    a.present = ImGui::MenuItem("Present the story", "F5", false, doc && !doc->timeline().stories.empty());
    ImGui::Separator();
    a.fit = ImGui::MenuItem("Fit everything", "Home");
    a.zoom_in = ImGui::MenuItem("Zoom in", "+");
    a.zoom_out = ImGui::MenuItem("Zoom out", "-");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    ImGui::TextUnformatted("Wheel: zoom at the cursor   Shift+wheel: scroll lanes");
    ImGui::TextUnformatted("Drag: pan   Click: inspect   Ctrl+click: add to the selection");
    ImGui::TextUnformatted("Double-click: zoom to an event, or into a folded block");
    ImGui::TextUnformatted("Left/Right: earlier/later   +/-: zoom   Home: fit   Esc: clear, close menus");
    ImGui::TextUnformatted("Ctrl+F: search   Ctrl+L: filter   Ctrl+Shift+L: list   Ctrl+I: inspector");
    ImGui::TextUnformatted("Context bar (under the axis): drag the window or its edges; click its name: by lane");
    ImGui::TextUnformatted("List: arrows, Page Up/Down, Home/End select; Enter or double-click goes there");
    ImGui::TextUnformatted("Drag an event: move it (snaps to its precision)   Drag its end: resize   Alt: add the lane");
    ImGui::TextUnformatted("Shift+drag: select with a band   N: new event   F2: edit title   Delete   Ctrl+D: duplicate");
    ImGui::TextUnformatted("Alt+Left/Right: move the selection a unit of its precision   Ctrl+Shift+O: import");
    ImGui::TextUnformatted("Ctrl+Shift+T: stories   F5: present (Shift+F5: from the selected step)   Esc: leave");
    ImGui::EndMenu();
  }
  if (!status.empty()) {
    const float w = ImGui::CalcTextSize(status.c_str()).x + ImGui::GetStyle().ItemSpacing.x * 2;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - w));
    ImGui::TextDisabled("%s", status.c_str());
  }
  height = ImGui::GetWindowSize().y;
  ImGui::EndMainMenuBar();
  return a;
}

MenuActions shortcuts(bool typing) {
  MenuActions a;
  const ImGuiIO& io = ImGui::GetIO();
  const auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
  if (!io.KeyCtrl) {
    if (!typing && io.KeyAlt && !io.KeySuper && !io.KeyShift)
      a.nudge = pressed(GLFW_KEY_RIGHT) ? 1 : pressed(GLFW_KEY_LEFT) ? -1 : 0;
    if (typing || io.KeyAlt || io.KeySuper) return a;  // a text field's keys
    a.new_event = pressed(GLFW_KEY_N) && !io.KeyShift;
    a.delete_selection = pressed(GLFW_KEY_DELETE);
    a.edit_title = pressed(GLFW_KEY_F2);
    return a;
  }
  a.quit = pressed(GLFW_KEY_Q);
  a.open = pressed(GLFW_KEY_O) && !io.KeyShift;
  if (pressed(GLFW_KEY_O) && io.KeyShift) a.port.action = PortAction::Import;
  a.reload = pressed(GLFW_KEY_R) && !io.KeyShift;
  a.close = pressed(GLFW_KEY_W) && !io.KeyShift;
  a.duplicate = pressed(GLFW_KEY_D) && !io.KeyShift;
  a.open_in_editor = pressed(GLFW_KEY_E) && !io.KeyShift;
  a.save_as = pressed(GLFW_KEY_S) && io.KeyShift;
  a.save = pressed(GLFW_KEY_S) && !io.KeyShift;
  if (!typing) {  // a text field undoes its own typing
    a.undo = pressed(GLFW_KEY_Z) && !io.KeyShift;
    a.redo = (pressed(GLFW_KEY_Z) && io.KeyShift) || pressed(GLFW_KEY_Y);
  }
  for (const PanelKey& k : kPanelKeys)
    if (pressed(k.key) && io.KeyShift == k.shift) a.toggle_panel = k.name;
  a.search = a.toggle_panel == "search";
  a.filter = a.toggle_panel == "filters";
  return a;
}

void merge(MenuActions& a, const MenuActions& k) {
  a.quit |= k.quit, a.save |= k.save, a.reload |= k.reload, a.undo |= k.undo, a.redo |= k.redo, a.search |= k.search;
  a.filter |= k.filter;
  a.open |= k.open, a.save_as |= k.save_as, a.close |= k.close, a.open_in_editor |= k.open_in_editor;
  a.new_event |= k.new_event, a.duplicate |= k.duplicate, a.delete_selection |= k.delete_selection;
  a.edit_title |= k.edit_title;
  if (!a.nudge) a.nudge = k.nudge;
  if (a.toggle_panel.empty()) a.toggle_panel = k.toggle_panel;
  if (!a.port) a.port = k.port;
}

}  // namespace cs
