// The frame: menu, shortcuts, dock layout, canvas, panels; then what the user chose is carried out.
#include "app/workspace.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace cs {

Workspace::Workspace(const Font& canvas_font, float ui_scale, const UiLog& log)
    : font_(canvas_font), ui_scale_(ui_scale), log_(log), canvas_(canvas_font, LayoutConfig::scaled(ui_scale), log) {
  dock_.add("inspector", "Inspector", Area::Right, true);
  dock_.add("search", "Search", Area::Left, false);
  dock_.add("filters", "Filter", Area::Left, false);
  dock_.add("list", "List", Area::Bottom, false);
  dock_.add("problems", "Problems", Area::Bottom, false);
}

void Workspace::install_settings() {
  ImGuiContext* ctx = ImGui::GetCurrentContext();
  dock_.install_settings(ctx);
  ImGuiSettingsHandler h;
  h.TypeName = "ChronoscopeView";
  h.TypeHash = ImHashStr("ChronoscopeView");
  h.ReadOpenFn = read_open;
  h.ReadLineFn = read_line;
  h.WriteAllFn = write_all;
  h.UserData = this;
  ctx->SettingsHandlers.push_back(h);
}

void* Workspace::read_open(ImGuiContext*, ImGuiSettingsHandler* h, const char*) { return h->UserData; }

void Workspace::read_line(ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line) {
  auto* w = static_cast<Workspace*>(entry);
  char value[128] = {};
  if (std::sscanf(line, "Calendars=%127s", value) == 1) {
    if (const auto list = parse_calendar_list(value)) w->calendars_.set(*list);
  } else if (std::sscanf(line, "Density=%127s", value) == 1) {
    w->canvas_.set_density_per_lane(std::strcmp(value, "lane") == 0);
  }
}

void Workspace::write_all(ImGuiContext*, ImGuiSettingsHandler* h, ImGuiTextBuffer* out) {
  const auto* w = static_cast<const Workspace*>(h->UserData);
  std::string cals;
  for (Calendar c : w->calendars_.enabled()) cals += (cals.empty() ? "" : ",") + std::string{calendar_id(c)};
  out->appendf("[%s][Settings]\n", h->TypeName);
  if (!cals.empty()) out->appendf("Calendars=%s\n", cals.c_str());
  out->appendf("Density=%s\n\n", w->canvas_.density_per_lane() ? "lane" : "all");
}

void Workspace::start_with(const Options& o) {
  if (o.filter) {
    session_.set_filter(*o.filter);
    cli_filter_ = true;
  }
  if (!o.calendars.empty()) cli_calendars_ = o.calendars;
}

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

std::uint64_t Workspace::data_generation() { return session_.generation() + session_.filter().generation(); }

// Said in the log (for tests); a --filter opens the bar, and its mistake (an unknown lane) goes to stderr too.
void Workspace::filter_changed() {
  const FilterState& f = session_.filter();
  if (f.generation() != seen_filter_) {
    seen_filter_ = f.generation();
    log_.line("filter '" + f.applied() + "' " + std::to_string(f.matching()) + " of " +
              std::to_string(session_.doc()->timeline().event_count()));
  }
  const std::string err = f.error() ? f.error()->format() : std::string{};
  if (err != seen_filter_error_) {
    seen_filter_error_ = err;
    if (!err.empty()) log_.line("filter error " + err);
    if (!err.empty() && cli_filter_) std::cerr << escape_for_terminal(f.error()->format("--filter")) << "\n";
  }
  if (cli_filter_) dock_.show("filters");  // what is shown is filtered: the bar says so
  cli_filter_ = false;
}

std::string Workspace::status_line() {
  if (!session_.doc()) return session_.status();
  const FilterState& f = session_.filter();
  if (!f.active()) return session_.status();
  const std::string s = "Filter: " + std::to_string(f.matching()) + " of " +
                        std::to_string(session_.doc()->timeline().event_count()) + " events";
  return session_.status().empty() ? s : s + "   " + session_.status();
}

void Workspace::panel(const std::string& name) {
  const Document& doc = *session_.doc();
  Selection& sel = session_.selection;
  if (name == "inspector") inspector_.draw(doc, sel, session_.generation(), log_);
  else if (name == "search") search_.draw(doc, session_.filter_mask(), data_generation(), sel, log_);
  else if (name == "list") list_.draw(doc, session_.filter_mask(), data_generation(), sel, log_);
  else if (name == "problems") problems_.draw(doc, sel);
  else if (name == "filters") {
    if (auto expr = filter_bar_.draw(doc, session_.filter(), session_.filter_mask(), data_generation(), log_))
      session_.set_filter(std::move(*expr));
  }
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
  if (a.calendars) ImGui::MarkIniSettingsDirty();
  if (!session_.doc()) return;
  if (a.save) session_.save();
  if (a.reload) session_.reload();
  if (a.undo) session_.undo();
  if (a.redo) session_.redo();
  if (a.fit) canvas_.fit_all(session_.view_index());
  if (a.zoom_in) canvas_.zoom(0.6);
  if (a.zoom_out) canvas_.zoom(1 / 0.6);
  if (a.search) {
    dock_.show("search");
    search_.focus();
  } else if (a.filter) {
    dock_.show("filters");
    filter_bar_.focus();
  } else if (!a.toggle_panel.empty()) {
    dock_.toggle(a.toggle_panel);
    log_.line("panel " + a.toggle_panel + (dock_.is_open(a.toggle_panel) ? " open" : " closed"));
  }
}

int Workspace::frame(float width, float height, float fb_scale) {
  int more = 0;
  session_.update();
  if (cli_calendars_) {  // the ini has been read by now: the command line wins
    calendars_.set(*cli_calendars_);
    cli_calendars_.reset();
  }
  // Escape closes an open menu first (ImGui does so only with keyboard navigation on); then it leaves a
  // text field (ImGui), and then it clears the selection.
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  bool escape_used = false;
  if (escape && ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) {
    ImGui::ClosePopupToLevel(0, true);
    escape_used = true;
    log_.line("menus closed");
  }
  float menu_h = 0;
  MenuActions a = menu_bar(session_, dock_, calendars_, status_line(), menu_h);
  const bool typing = ImGui::GetIO().WantTextInput;
  const MenuActions k = shortcuts(typing);
  a.quit |= k.quit, a.save |= k.save, a.undo |= k.undo, a.redo |= k.redo, a.search |= k.search, a.filter |= k.filter;
  if (a.toggle_panel.empty()) a.toggle_panel = k.toggle_panel;
  if (escape && !escape_used && !typing) session_.selection.clear();
  Document* doc = session_.doc();
  if (!doc) {
    act(a);
    return 0;
  }
  if (doc != seen_doc_) {
    seen_doc_ = doc;
    loaded();
  }
  filter_changed();
  Rect content{0, menu_h, width, height - menu_h};
  if (session_.conflict()) {
    const float h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
    banner({content.x, content.y, content.w, h});
    content.y += h, content.h -= h;
  }
  const Rect canvas_rect = dock_.layout(content, ui_scale_);
  const std::vector<Calendar> calendars = calendars_.enabled();
  if (calendars != seen_calendars_) {
    seen_calendars_ = calendars;
    std::string names;
    for (Calendar c : calendars) names += " " + std::string{calendar_id(c)};
    log_.line("calendars" + names);
  }
  const bool list_keys = dock_.is_open("list") && list_.has_keys();
  canvas_.draw({*doc, session_.view_index(), data_generation(), canvas_rect, fb_scale, calendars, !dock_.dragging(),
                !list_keys},
               session_.selection);
  const bool focus_wanted = a.search || a.filter;
  dock_.draw([&](const std::string& name) { panel(name); });
  act(a);
  if (focus_wanted) more = 3;  // a text field takes typing a frame after it is focused
  const std::uint64_t g = data_generation();
  if (g != seen_generation_) seen_generation_ = g, more = std::max(more, 1);
  return more;
}

}  // namespace cs
