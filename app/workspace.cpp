// The frame: menu, shortcuts, dock layout, canvas, panels; then what the user chose is carried out.
#include "app/workspace.hpp"

#include <imgui.h>

#include <GLFW/glfw3.h>

#include <filesystem>

namespace cs {

Workspace::Workspace(const Font& canvas_font, float ui_scale, const UiLog& log)
    : font_(canvas_font), ui_scale_(ui_scale), log_(log), canvas_(canvas_font, LayoutConfig::scaled(ui_scale), log) {
  dock_.add("inspector", "Inspector", Area::Right, true);
  dock_.add("search", "Search", Area::Left, false);
  dock_.add("problems", "Problems", Area::Bottom, false);
  dock_.add("stories", "Stories", Area::Left, false);
}

void Workspace::install_settings() { dock_.install_settings(ImGui::GetCurrentContext()); }

std::string Workspace::title() const {
  const Document* d = session_.doc();
  if (!d) return "Chronoscope — loading " + session_.loading_path();
  const std::string name = d->timeline().title.empty() ? std::filesystem::path{d->path()}.filename().string()
                                                       : d->timeline().title;
  return "Chronoscope — " + name + (d->modified() ? " •" : "");
}

void Workspace::loaded() {
  const Document& d = *session_.doc();
  if (!d.diagnostics().items().empty()) dock_.show("problems");  // what was wrong, and what was left out
  log_.line("loaded " + d.path() + " " + std::to_string(d.timeline().event_count()));
}

void Workspace::panel(const std::string& name) {
  const Document& doc = *session_.doc();
  if (name == "inspector") inspector_.draw(doc, session_.selection, session_.generation(), log_);
  else if (name == "search") search_.draw(doc, session_.selection, session_.generation(), log_);
  else if (name == "problems") problems_.draw(doc, session_.selection);
  else if (name == "stories") stories_.draw(session_, canvas_, log_);
}

// A bar above the canvas (never over it) while the file on disk and the unsaved edits disagree.
void Workspace::banner(Rect r) {
  ImGui::SetNextWindowPos({r.x, r.y});
  ImGui::SetNextWindowSize({r.w, r.h});
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4{1.f, 0.93f, 0.75f, 1.f});
  ImGui::Begin("##conflict", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("The file changed on disk while you have unsaved edits.");
  ImGui::SameLine();
  if (ImGui::Button("Reload (drop my edits)")) session_.reload();
  ImGui::SameLine();
  if (ImGui::Button("Keep mine (save over it)")) session_.keep_mine();
  ImGui::End();
  ImGui::PopStyleColor();
}

void Workspace::act(const MenuActions& a) {
  if (a.quit) quit_ = true;
  if (!session_.doc()) return;
  if (a.save) session_.save();
  if (a.reload) session_.reload();
  if (a.undo) session_.undo();
  if (a.redo) session_.redo();
  if (a.port) {
    const auto story = stories_.present(session_.doc()->timeline(), false);
    export_menu_.begin(a.port, session_.doc(), story ? story->story : std::string{});
  }
  if (a.present || a.present_here) {
    present_ = stories_.present(session_.doc()->timeline(), a.present_here);
    if (!present_) session_.set_status("no stories to present: add one in the Stories panel");
  }
  if (a.fit) canvas_.fit_all(session_.doc()->index());
  if (a.zoom_in) canvas_.zoom(0.6);
  if (a.zoom_out) canvas_.zoom(1 / 0.6);
  if (a.search) {
    dock_.show("search");
    search_.focus();
  } else if (!a.toggle_panel.empty()) {
    dock_.toggle(a.toggle_panel);
  }
}

int Workspace::frame(float width, float height, float fb_scale) {
  int more = 0;
  session_.update();
  float menu_h = 0;
  MenuActions a = menu_bar(session_, dock_, calendars_, session_.status(), menu_h);
  if (!ImGui::GetIO().WantTextInput) {
    const MenuActions k = shortcuts();
    a.quit |= k.quit, a.save |= k.save, a.undo |= k.undo, a.redo |= k.redo, a.search |= k.search;
    if (a.toggle_panel.empty()) a.toggle_panel = k.toggle_panel;
    if (ImGui::IsKeyPressed(GLFW_KEY_F5, false)) (ImGui::GetIO().KeyShift ? a.present_here : a.present) = true;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) session_.selection.clear();
  } else if (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_F, false)) {
    a.search = true;  // Ctrl+F also from a text field: back to the search field
  }
  Document* doc = session_.doc();
  if (!doc) {
    act(a);
    return 0;
  }
  if (doc != seen_doc_) {
    seen_doc_ = doc;
    loaded();
  }
  Rect content{0, menu_h, width, height - menu_h};
  if (session_.conflict()) {
    const float h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
    banner({content.x, content.y, content.w, h});
    content.y += h, content.h -= h;
  }
  const Rect canvas_rect = dock_.layout(content, ui_scale_);
  const std::vector<Calendar> calendars = calendars_.enabled();
  canvas_.draw({*doc, doc->index(), canvas_rect, fb_scale, calendars, !dock_.dragging()}, session_.selection);
  const bool search_focus_wanted = a.search;
  dock_.draw([&](const std::string& name) { panel(name); });
  if (auto r = stories_.take_request()) present_ = std::move(r);
  export_menu_.draw(session_, canvas_, log_);
  act(a);
  if (search_focus_wanted) more = 3;  // a text field takes typing a frame after it is focused
  if (session_.generation() != seen_generation_) seen_generation_ = session_.generation(), more = std::max(more, 1);
  return more;
}

}  // namespace cs
