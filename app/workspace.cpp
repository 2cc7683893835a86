// The frame: menu, shortcuts, dock layout, canvas, panels; then what the user chose is carried out, asking
// first where unsaved edits would be lost.
#include "app/workspace.hpp"

#include "model/event_edits.hpp"
#include "model/snap.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace cs {

Workspace::Workspace(const Font& canvas_font, float ui_scale, const UiLog& log)
    : font_(canvas_font),
      ui_scale_(ui_scale),
      log_(log),
      canvas_(canvas_font, LayoutConfig::scaled(ui_scale), log),
      editing_(log),
      dialog_(log),
      export_menu_(log) {
  dock_.add("inspector", "Inspector", Area::Right, true);
  dock_.add("search", "Search", Area::Left, false);
  dock_.add("filters", "Filter", Area::Left, false);
  dock_.add("list", "List", Area::Bottom, false);
  dock_.add("lanes", "Lanes & sources", Area::Left, false);
  dock_.add("problems", "Problems", Area::Bottom, false);
  dock_.add("stories", "Stories", Area::Left, false);
  session_.set_log(&log_);
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
  if (!d) return session_.loading() ? "Chronoscope — loading " + session_.loading_path() : "Chronoscope";
  const std::string name = d->timeline().title.empty() ? std::filesystem::path{d->path()}.filename().string()
                                                       : d->timeline().title;
  return "Chronoscope — " + name + (d->modified() ? " •" : "");
}

bool Workspace::close_requested() {
  if (quit_ || !session_.modified()) return true;
  guarded({Guarded::Kind::Quit, {}});
  return false;
}

void Workspace::loaded() {
  const Document& d = *session_.doc();
  if (!d.diagnostics().items().empty()) dock_.show("problems");  // what was wrong, and what was left out
  if (d.path() != seen_path_) {
    if (!seen_path_.empty()) canvas_.fit_all(session_.view_index());  // another file: show all of it
    seen_path_ = d.path();
    std::error_code ec;  // an import not yet saved has no file to come back to
    if (std::string error; std::filesystem::exists(d.path(), ec) && !recent_.add(d.path(), &error))
      log_.line("recent files not kept: " + error);
  }
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
  if (name == "inspector") inspector_.draw(session_, calendars_.enabled(), log_);
  else if (name == "search") search_.draw(doc, session_.filter_mask(), data_generation(), session_.selection, log_);
  else if (name == "list") list_.draw(doc, session_.filter_mask(), data_generation(), session_.selection, log_);
  else if (name == "filters") {
    if (auto expr = filter_bar_.draw(doc, session_.filter(), session_.filter_mask(), data_generation(), log_))
      session_.set_filter(std::move(*expr));
  }
  else if (name == "stories") stories_.draw(session_, canvas_, log_);
  else if (name == "lanes") lanes_sources_.draw(session_);
  else if (name == "problems") {
    if (const auto line = problems_.draw(doc, session_.selection, log_)) open_in_editor(*line);
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

// No timeline open (closed, or still loading): what to do next, over the whole area.
void Workspace::empty(Rect r) {
  ImGui::SetNextWindowPos({r.x, r.y});
  ImGui::SetNextWindowSize({r.w, r.h});
  ImGui::Begin("##empty", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::SetCursorPos({r.w * 0.3f, r.h * 0.3f});
  ImGui::BeginGroup();
  if (session_.loading()) {
    ImGui::Text("Loading %s", session_.loading_path().c_str());
    ImGui::ProgressBar(session_.progress(), {ImGui::GetFontSize() * 20, 0});
  } else {
    ImGui::TextUnformatted("No timeline is open.");
    if (ImGui::Button("Open...  (Ctrl+O)")) act([] { MenuActions a; a.open = true; return a; }());
    if (!recent_.files().empty()) ImGui::TextDisabled("Recent:");
    for (const std::string& f : recent_.files())
      if (ImGui::Selectable(f.c_str())) guarded({Guarded::Kind::Open, f});
  }
  ImGui::EndGroup();
  ImGui::End();
}

void Workspace::guarded(Guarded g) {
  if (!session_.modified() || (g.kind == Guarded::Kind::Reload && session_.conflict())) {
    carry_out(g);
    return;
  }
  waiting_ = std::move(g);
  ask_ = true;
  log_.line("ask unsaved");
}

void Workspace::carry_out(const Guarded& g) {
  switch (g.kind) {
    case Guarded::Kind::Quit: quit_ = true; break;
    case Guarded::Kind::Open: session_.open(g.path); break;
    case Guarded::Kind::Close: session_.close(); break;
    case Guarded::Kind::Reload: session_.reload(); break;
    case Guarded::Kind::Import:
      if (imported_ && session_.adopt(std::move(imported_))) canvas_.fit_all(session_.view_index());
      imported_.reset();
      break;
  }
}

// "Save the changes to X before ...?" Save (Enter), Discard (D), Cancel (Escape).
void Workspace::unsaved_prompt() {
  constexpr const char* kId = "Unsaved changes";
  if (ask_) ImGui::OpenPopup(kId), ask_ = false;
  ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
  const bool open = ImGui::BeginPopupModal(kId, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleColor();
  if (!open) {
    if (waiting_ && !ImGui::IsPopupOpen(kId)) waiting_.reset();
    return;
  }
  const Document* d = session_.doc();
  const std::string name = d ? std::filesystem::path{d->path()}.filename().string() : std::string{};
  const char* before = !waiting_                                   ? ""
                       : waiting_->kind == Guarded::Kind::Quit    ? "quitting"
                       : waiting_->kind == Guarded::Kind::Close   ? "closing it"
                       : waiting_->kind == Guarded::Kind::Reload  ? "reloading it from disk"
                       : waiting_->kind == Guarded::Kind::Import  ? "importing another timeline in its place"
                                                                  : "opening another file";
  ImGui::Text("%s has unsaved changes. Save them before %s?", name.c_str(), before);
  ImGui::Spacing();
  // Keys count from the frame after it appears (the Enter that chose a file in the dialog is not an answer).
  const bool keys = !ImGui::IsWindowAppearing();
  const bool save = ImGui::Button("Save (Enter)") || (keys && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false));
  ImGui::SameLine();
  const bool discard = ImGui::Button("Discard (D)") || (keys && ImGui::IsKeyPressed(GLFW_KEY_D, false));
  ImGui::SameLine();
  const bool cancel =
      ImGui::Button("Cancel (Esc)") || (keys && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false));
  if (save || discard || cancel) {
    ImGui::CloseCurrentPopup();
    const Guarded g = *waiting_;
    waiting_.reset();
    log_.line(std::string{"answer "} + (save ? "save" : discard ? "discard" : "cancel"));
    if (save && session_.save().status == SaveStatus::Saved) carry_out(g);
    if (discard) carry_out(g);
    imported_.reset();  // an import not carried out is dropped
  }
  ImGui::EndPopup();
}

void Workspace::file_dialog() {
  const std::optional<std::string> chosen = dialog_.draw();
  if (!chosen) return;
  if (dialog_for_ == DialogFor::Open) {
    guarded({Guarded::Kind::Open, *chosen});
  } else if (session_.save_as(*chosen).status == SaveStatus::Saved) {
    seen_path_ = session_.doc()->path();
    recent_.add(seen_path_);
  }
}

void Workspace::open_in_editor(int line) {
  const Document* d = session_.doc();
  if (!d) return;
  std::string error;
  if (external_editor_.open(d->path(), line, &error)) {
    session_.set_status("opened " + d->path() + ":" + std::to_string(line) + " in the editor");
    log_.line("editor " + d->path() + ":" + std::to_string(line));
  } else {
    session_.set_status(error);
    log_.line("editor failed: " + error);
  }
}

// N: an event at the cursor's date and lane (else the first selected event's lane, else the first lane),
// selected, with the inspector's title field taking the keys.
void Workspace::new_event() {
  const Timeline& t = session_.doc()->timeline();
  CanvasEditing::Place place = editing_.new_event_place();
  if (place.lane.empty()) {
    if (const std::string* p = session_.selection.primary())
      if (const auto e = session_.doc()->find_event(*p)) {
        const auto lanes = t.store().lanes(*e);
        if (!lanes.empty() && lanes[0] < t.lanes.size()) place.lane = t.lanes[lanes[0]].id;
      }
    if (place.lane.empty() && !t.lanes.empty()) place.lane = t.lanes.front().id;
  }
  const EditResult r = session_.apply(EditOp::add(new_event_yaml("New event", place.date, place.lane)), "Add an event");
  if (!r.ok || r.ids.empty()) return;
  session_.selection.select(r.ids.front());
  dock_.show("inspector");
  inspector_.focus_title();
  log_.line("new event " + r.ids.front() + " " + place.date + " " + place.lane);
}

void Workspace::delete_selection() {
  std::vector<EditOp> ops;
  for (const std::string& id : session_.selection.ids) ops.push_back(EditOp::remove(id));
  if (ops.empty()) return;
  session_.apply(ops, ops.size() == 1 ? "Delete " + ops[0].id : "Delete " + std::to_string(ops.size()) + " events");
}

void Workspace::duplicate_selection() {
  std::vector<EditOp> ops;
  for (const std::string& id : session_.selection.ids) ops.push_back(EditOp::duplicate(id));
  if (ops.empty()) return;
  const EditResult r =
      session_.apply(ops, ops.size() == 1 ? "Duplicate " + ops[0].id : "Duplicate " + std::to_string(ops.size()) + " events");
  if (r.ok) session_.selection.ids = r.ids;  // the copies
}

// Each selected event a unit of its own precision earlier or later (a month-precise one by a month), as a
// drag by that much would move it: one undoable step.
void Workspace::nudge_selection(int units) {
  const Document& doc = *session_.doc();
  std::vector<EditOp> ops;
  for (const std::string& id : session_.selection.ids) {
    const auto e = doc.find_event(id);
    if (!e) continue;
    const When w = doc.timeline().store().when(*e);
    const std::int64_t unit = one_unit_seconds(w.start.precision);
    if (const auto m = move_date(w, units * unit); m && m->changed) ops.push_back(EditOp::set(id, "date", yaml_scalar(m->text)));
  }
  if (ops.empty()) {
    if (!session_.selection.empty()) session_.set_status("the selected dates cannot move this way: change them in the inspector");
    return;
  }
  const std::string what = ops.size() == 1 ? ops[0].id : std::to_string(ops.size()) + " events";
  session_.apply(ops, std::string{units < 0 ? "Move earlier: " : "Move later: "} + what);
}

void Workspace::act(const MenuActions& a) {
  if (a.quit) guarded({Guarded::Kind::Quit, {}});
  if (a.calendars) ImGui::MarkIniSettingsDirty();
  if (a.open && !dialog_.active()) {
    dialog_for_ = DialogFor::Open;
    const Document* d = session_.doc();
    dialog_.open(FileDialog::Mode::Open, d ? std::filesystem::path{d->path()}.parent_path().string() : std::string{});
  }
  if (!a.open_recent.empty()) guarded({Guarded::Kind::Open, a.open_recent});
  if (a.port && (session_.doc() || a.port.action == PortAction::Import)) {
    const auto story = session_.doc() ? stories_.present(session_.doc()->timeline(), false) : std::nullopt;
    export_menu_.begin(a.port, session_.doc(), story ? story->story : std::string{});
  }
  if (!session_.doc()) return;
  if (a.close) guarded({Guarded::Kind::Close, {}});
  if (a.reload) guarded({Guarded::Kind::Reload, {}});
  if (a.save && session_.editable()) session_.save();
  if (a.save_as && session_.editable() && !dialog_.active()) {
    dialog_for_ = DialogFor::SaveAs;
    dialog_.open(FileDialog::Mode::Save, session_.doc()->path());
  }
  if (a.open_in_editor) {
    int line = problems_.chosen_line(*session_.doc());
    if (!line)
      if (const std::string* p = session_.selection.primary())
        if (const auto e = session_.doc()->find_event(*p)) line = session_.doc()->event_line(*e);
    open_in_editor(std::max(line, 1));
  }
  if (a.undo) session_.undo();
  if (a.redo) session_.redo();
  if (session_.editable()) {
    if (a.new_event) new_event();
    if (a.duplicate) duplicate_selection();
    if (a.delete_selection) delete_selection();
    if (a.nudge) nudge_selection(a.nudge);
    if (a.edit_title && !session_.selection.empty()) {
      dock_.show("inspector");
      inspector_.focus_title();
    }
  }
  if (a.present || a.present_here) {
    present_ = stories_.present(session_.doc()->timeline(), a.present_here);
    if (!present_) session_.set_status("no stories to present: add one in the Stories panel");
  }
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
  if (std::string failed = external_editor_.poll(); !failed.empty()) session_.set_status(failed);
  if (cli_calendars_) {  // the ini has been read by now: the command line wins
    calendars_.set(*cli_calendars_);
    cli_calendars_.reset();
  }
  const bool modal = dialog_.active() || waiting_.has_value() || export_menu_.active();
  // Escape closes an open menu first (ImGui does so only with keyboard navigation on); then it leaves a
  // text field (ImGui), and then it clears the selection.
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  bool escape_used = false;
  if (!modal && escape && ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) {
    ImGui::ClosePopupToLevel(0, true);
    escape_used = true;
    log_.line("menus closed");
  }
  float menu_h = 0;
  MenuActions a = menu_bar(session_, dock_, calendars_, status_line(), menu_h, recent_.files());
  const bool typing = ImGui::GetIO().WantTextInput;
  if (!modal) {
    merge(a, shortcuts(typing));  // from a text field, only Ctrl shortcuts (Ctrl+F, Ctrl+L: back to the fields)
    if (escape && !escape_used && !typing) session_.selection.clear();
    if (!typing && ImGui::IsKeyPressed(GLFW_KEY_F5, false)) (ImGui::GetIO().KeyShift ? a.present_here : a.present) = true;
  }
  Document* doc = session_.doc();
  Rect content{0, menu_h, width, height - menu_h};
  if (!doc) {
    seen_doc_ = nullptr;
    empty(content);
    act(a);
    file_dialog();
    unsaved_prompt();
    return session_.loading() ? 1 : 0;
  }
  if (doc != seen_doc_) {
    seen_doc_ = doc;
    loaded();
  }
  filter_changed();
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
  CanvasFrame f{*doc, session_.view_index(), data_generation(), canvas_rect, fb_scale, calendars,
                !dock_.dragging() && !modal, !list_keys && !modal};
  f.editing = &editing_;
  canvas_.draw(f, session_.selection);
  if (auto req = editing_.take_request()) {
    const EditResult r = session_.apply(req->ops, req->label);
    if (r.ok && !req->select.empty()) session_.selection.ids = req->select;
  }
  const bool search_focus_wanted = a.search || a.filter;
  dock_.draw([&](const std::string& name) { panel(name); });
  if (auto r = stories_.take_request()) present_ = std::move(r);
  export_menu_.draw(session_, canvas_, log_);
  if (auto d = export_menu_.take_import()) {
    imported_ = std::move(d);
    guarded({Guarded::Kind::Import, {}});
  }
  act(a);
  file_dialog();
  unsaved_prompt();
  if (search_focus_wanted || a.new_event || a.edit_title) more = 3;  // a text field takes typing a frame after it is focused
  if (const std::uint64_t g = data_generation(); g != seen_generation_) seen_generation_ = g, more = std::max(more, 1);
  if (dialog_.active() || waiting_) more = std::max(more, 1);
  return more;
}

}  // namespace cs
