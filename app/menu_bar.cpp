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
    {"problems", "Ctrl+Shift+P", GLFW_KEY_P, true},
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

MenuActions menu_bar(const Session& session, const Dock& dock, CalendarChoice& calendars, const std::string& status,
                     float& height) {
  MenuActions a;
  if (!ImGui::BeginMainMenuBar()) return a;
  const Document* doc = session.doc();
  if (ImGui::BeginMenu("File")) {
    a.save = ImGui::MenuItem("Save", "Ctrl+S", false, doc && doc->read_only_reason().empty());
    a.reload = ImGui::MenuItem("Reload from disk", nullptr, false, doc != nullptr);
    ImGui::Separator();
    a.port = port_menu_items(doc);
    ImGui::Separator();
    a.quit = ImGui::MenuItem("Quit", "Ctrl+Q");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    const std::string undo = doc && doc->can_undo() ? "Undo " + doc->undo_label() : "Undo";
    const std::string redo = doc && doc->can_redo() ? "Redo " + doc->redo_label() : "Redo";
    a.undo = ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, doc && doc->can_undo());
    a.redo = ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, doc && doc->can_redo());
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    for (const std::string& name : dock.names()) {
      const PanelKey* k = key_of(name);
      if (ImGui::MenuItem(dock.title_of(name).c_str(), k ? k->shortcut : nullptr, dock.is_open(name))) a.toggle_panel = name;
    }
    ImGui::Separator();
    if (ImGui::BeginMenu("Calendars")) {
      ImGui::MenuItem("Solar Hijri (Iran)", nullptr, &calendars.solar_hijri);
      ImGui::MenuItem("Islamic (tabular)", nullptr, &calendars.islamic);
      ImGui::MenuItem("Julian", nullptr, &calendars.julian);
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
    ImGui::TextUnformatted("Left/Right: earlier/later   +/-: zoom   Home: fit   Ctrl+F: search   Esc: clear");
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

MenuActions shortcuts() {
  MenuActions a;
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl) return a;
  const auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
  a.quit = pressed(GLFW_KEY_Q);
  a.save = pressed(GLFW_KEY_S) && !io.KeyShift;
  a.undo = pressed(GLFW_KEY_Z) && !io.KeyShift;
  a.redo = (pressed(GLFW_KEY_Z) && io.KeyShift) || pressed(GLFW_KEY_Y);
  for (const PanelKey& k : kPanelKeys)
    if (pressed(k.key) && io.KeyShift == k.shift) a.toggle_panel = k.name;
  a.search = a.toggle_panel == "search";
  return a;
}

}  // namespace cs
