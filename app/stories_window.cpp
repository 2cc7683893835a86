// The Stories panel: a story picker with its title, the steps as a list (click flies there; up, down and
// delete on each row), the selected step's fields, and the buttons that capture the canvas's view.
#include "app/stories_window.hpp"

#include "app/story_edits.hpp"
#include "render/story_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace cs {
namespace {

const ImVec4 kError{0.75f, 0.15f, 0.1f, 1};

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// What a step's row says: its title, else its range.
std::string step_label(const StoryStep& st, std::size_t k) {
  return std::to_string(k + 1) + ".  " + (st.title.empty() ? st.range_text : st.title);
}

}  // namespace

StoryStep step_from_canvas(const Document& doc, const TimelineCanvas& canvas, const Selection& sel) {
  const TimelineIndex& index = doc.index();
  const Viewport& vp = canvas.view().viewport;
  std::vector<std::uint32_t> seen = canvas.lanes_in_sight();
  std::vector<std::string> lanes;
  if (seen.size() < index.slots().size())
    for (const std::uint32_t s : seen)
      if (s < index.slots().size() && index.slots()[s].lane) lanes.emplace_back(index.slots()[s].id());
  std::vector<std::string> focus;
  for (const std::string& id : sel.ids)
    if (doc.find_event(id)) focus.push_back(id);
  return step_from_view(vp.start(), vp.end(), std::move(lanes), std::move(focus));
}

const Story* StoriesWindow::story(const Timeline& t) const {
  for (const Story& s : t.stories)
    if (s.id == story_) return &s;
  return t.stories.empty() ? nullptr : &t.stories.front();
}

std::optional<PresentRequest> StoriesWindow::present(const Timeline& t, bool from_selected_step) const {
  const Story* s = story(t);
  if (!s) return std::nullopt;
  PresentRequest r{s->id, 0};
  if (from_selected_step && s->id == story_ && step_ >= 0) r.step = std::size_t(step_);
  return r;
}

std::optional<PresentRequest> StoriesWindow::take_request() {
  auto r = std::move(request_);
  request_.reset();
  return r;
}

bool StoriesWindow::apply(Session& session, const EditOp& op, const char* what, const UiLog& log) {
  const EditResult r = session.apply(std::span<const EditOp>{&op, 1}, what);
  error_ = r.ok ? std::string{} : r.problems.items().empty() ? "refused" : r.problems.format(r.problems.items().front());
  log.line(std::string{"story "} + what + (r.ok ? "" : " refused"));
  filled_generation_ = ~0ull;  // refill the fields from the file
  return r.ok;
}

void StoriesWindow::go_to_step(Session& session, TimelineCanvas& canvas, const Story& s, std::size_t k,
                               const UiLog& log) {
  step_ = int(k);
  const StoryStep& st = s.steps[k];
  Seconds t0, t1;
  if (step_range(st, t0, t1)) {
    Viewport vp = canvas.view().viewport;
    vp.show(t0, t1);
    canvas.fly_to(vp);
  }
  Selection& sel = session.selection;
  sel.clear();
  for (const std::string& id : st.focus)
    if (session.doc()->find_event(id)) sel.ids.push_back(id);
  log.line("story go " + s.id + " " + std::to_string(k + 1));
}

void StoriesWindow::reload_fields(const Story* s) {
  story_title_ = s ? s->title : std::string{};
  const bool has_step = s && step_ >= 0 && std::size_t(step_) < s->steps.size();
  const StoryStep empty;
  const StoryStep& st = has_step ? s->steps[std::size_t(step_)] : empty;
  title_ = st.title, range_ = st.range_text, caption_ = st.caption, notes_ = st.notes;
}

void StoriesWindow::story_bar(Session& session, TimelineCanvas& canvas) {
  const Document& doc = *session.doc();
  const Timeline& t = doc.timeline();
  const Story* s = story(t);
  const float buttons = ImGui::CalcTextSize("New story").x + ImGui::CalcTextSize("Present").x +
                        ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x * 2;
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 6, ImGui::GetContentRegionAvail().x - buttons));
  const std::string shown = s ? (s->title.empty() ? s->id : s->title) : std::string{"(no stories)"};
  if (ImGui::BeginCombo("##story", shown.c_str())) {
    for (const Story& o : t.stories) {
      const std::string label = (o.title.empty() ? o.id : o.title) + "##" + o.id;
      if (ImGui::Selectable(label.c_str(), s && &o == s)) story_ = o.id, step_ = -1;
    }
    ImGui::EndCombo();
    s = story(t);
  }
  ImGui::SameLine();
  if (ImGui::Button("New story")) {
    const std::string id = new_story_id(t);
    later(add_story(id, "New story", step_from_canvas(doc, canvas, session.selection)), "add story", 0);
    pending_->story_after = id;
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!s);
  if (ImGui::Button("Present")) request_ = present(t, step_ >= 0);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("F5: from the first step   Shift+F5: from the selected step");
  ImGui::EndDisabled();
  if (!s) return;
  story_ = s->id;
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##story-title", "story title", &story_title_);
  if (ImGui::IsItemDeactivatedAfterEdit() && story_title_ != s->title) later(set_story_title(*s, story_title_), "retitle story");
}

void StoriesWindow::step_list(Session& session, TimelineCanvas& canvas, const Story& s, const UiLog& log) {
  const float row_buttons = ImGui::GetFrameHeight() * 3 + ImGui::GetStyle().ItemSpacing.x * 3;
  const float list_h = std::min(float(s.steps.size()) + 0.5f, 8.f) * ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginChild("##steps", {0, list_h}, true);
  for (std::size_t k = 0; k < s.steps.size(); ++k) {
    ImGui::PushID(int(k));
    const std::string label = step_label(s.steps[k], k);
    ImGui::AlignTextToFramePadding();
    if (ImGui::Selectable(label.c_str(), int(k) == step_, 0, {ImGui::GetContentRegionAvail().x - row_buttons, 0}))
      go_to_step(session, canvas, s, k, log);
    ImGui::SameLine();
    ImGui::BeginDisabled(k == 0);
    if (ImGui::ArrowButton("up", ImGuiDir_Up)) later(move_step(s, k, k - 1), "move step", int(k - 1));
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(k + 1 == s.steps.size());
    if (ImGui::ArrowButton("down", ImGuiDir_Down)) later(move_step(s, k, k + 1), "move step", int(k + 1));
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("x", {ImGui::GetFrameHeight(), 0}))
      later(delete_step(s, k), "delete step", std::min(step_, int(s.steps.size()) - 2));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this step");
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void StoriesWindow::step_editor(Session& session, TimelineCanvas& canvas, const Story& s) {
  const std::size_t k = std::size_t(step_);
  const StoryStep& st = s.steps[k];
  const Document& doc = *session.doc();
  ImGui::Separator();
  ImGui::Text("Step %zu", k + 1);
  const auto text_field = [&](const char* label, std::string& buf, StepField f, const std::string& now, bool multi) {
    ImGui::TextUnformatted(label);
    const std::string id = std::string{"##"} + label;
    if (multi) ImGui::InputTextMultiline(id.c_str(), &buf, {-1, ImGui::GetTextLineHeight() * 4});
    else {
      ImGui::SetNextItemWidth(-1);
      ImGui::InputText(id.c_str(), &buf);
    }
    if (ImGui::IsItemDeactivatedAfterEdit() && buf != now) later(set_step_text(s, k, f, buf), std::string{"edit "} + label);
  };
  text_field("title", title_, StepField::Title, st.title, false);
  text_field("range", range_, StepField::Range, st.range_text, false);
  text_field("caption", caption_, StepField::Caption, st.caption, true);
  text_field("notes", notes_, StepField::Notes, st.notes, true);
  ImGui::TextWrapped("Focus: %s", st.focus.empty() ? "none" : join(st.focus).c_str());
  ImGui::TextWrapped("Lanes: %s", st.lanes.empty() ? "every lane" : join(st.lanes).c_str());
  if (ImGui::Button("Use this view")) later(set_step_view(s, k, step_from_canvas(doc, canvas, session.selection)), "step view");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The canvas's range, the lanes in sight and the selection as focus");
  ImGui::SameLine();
  if (ImGui::Button("Focus the selection"))
    later(set_step_focus(s, k, step_from_canvas(doc, canvas, session.selection).focus), "step focus");
}

void StoriesWindow::draw(Session& session, TimelineCanvas& canvas, const UiLog& log) {
  const Document* doc = session.doc();
  if (!doc) return;
  const Story* s = story(doc->timeline());
  if (s && step_ >= int(s->steps.size())) step_ = int(s->steps.size()) - 1;
  if (!ImGui::IsAnyItemActive() &&
      (filled_generation_ != session.generation() || filled_story_ != story_ || filled_step_ != step_)) {
    reload_fields(s);
    filled_generation_ = session.generation(), filled_story_ = story_, filled_step_ = step_;
  }
  story_bar(session, canvas);
  s = story(doc->timeline());  // the picker may have changed it
  if (!error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kError);
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::PopStyleColor();
  }
  if (!s) {
    ImGui::TextWrapped("No stories yet. New story starts one with this view as its first step.");
  } else {
    step_list(session, canvas, *s, log);
    if (ImGui::Button("Add step from this view")) {
      const std::size_t at = step_ >= 0 ? std::size_t(step_) + 1 : s->steps.size();
      later(insert_step(*s, at, step_from_canvas(*session.doc(), canvas, session.selection)), "add step", int(at));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The canvas's range, the lanes in sight and the selection as focus");
    if (step_ >= 0 && std::size_t(step_) < s->steps.size()) step_editor(session, canvas, *s);
  }
  // The edit is made after drawing: it rereads the stories that the widgets above were drawn from.
  if (pending_) {
    const Pending p = std::move(*pending_);
    pending_.reset();
    if (apply(session, p.op, p.what.c_str(), log)) {
      if (!p.story_after.empty()) story_ = p.story_after;
      if (p.step_after >= -1) step_ = p.step_after;
    }
  }
}

}  // namespace cs
