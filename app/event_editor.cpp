// The single-event editor's fields and the edits they make.
#include "app/event_editor.hpp"

#include "model/event_edits.hpp"

#include <imgui.h>

#include <algorithm>
#include <set>

namespace cs {
namespace {

const ImVec4 kDim{0.42f, 0.42f, 0.45f, 1.f};
const ImVec4 kError{0.75f, 0.15f, 0.1f, 1};

ImVec4 color_of(const Lane& l) { return {l.color.r / 255.f, l.color.g / 255.f, l.color.b / 255.f, 1.f}; }

}  // namespace

void field_heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextColored(kDim, "%s", text);
}

void EventEditor::apply(Session& session, std::span<const EditOp> ops, std::string label) {
  if (ops.empty()) return;
  const EditResult r = session.apply(ops, std::move(label));
  error_ = r.ok ? std::string{} : r.problems.format_all();
}

// Under the date: the dates in the enabled calendars (day-precise ends), and the other dates sources give.
void EventEditor::date_details(const Timeline& t, const Event& e, std::span<const Calendar> calendars) {
  const auto calendar_lines = [&](const Date& d, const char* which) {
    if (d.precision < Precision::Day || d.unspecified) return;
    const date::sys_days day = date::floor<date::days>(d.start);
    for (const Calendar c : calendars)
      ImGui::TextColored(kDim, "%s%s: %s", which, std::string{calendar_name(c)}.c_str(), format_day(c, day).c_str());
  };
  if (!e.when.is_set()) {
    if (e.when.start_bound == Bound::Known) calendar_lines(e.when.start, e.when.end ? "from, " : "");
    if (e.when.end && e.when.end_bound == Bound::Known) calendar_lines(*e.when.end, "to, ");
  }
  if (!e.date_disputed()) return;
  field_heading("Sources disagree on the date");
  std::vector<std::pair<std::string, std::string>> lines;  // (what, where)
  for (const SourceRef& ref : e.sources) {
    const Source* s = t.find_source(ref.source);
    const std::string date = ref.claims ? describe(*ref.claims) : describe(e.when) + " (as shown)";
    const std::string what = date + " — " + (s ? s->publisher + ", " + s->published_text : ref.source);
    auto it = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.first == what; });
    if (it == lines.end()) lines.emplace_back(what, ref.locator);
    else if (!ref.locator.empty()) it->second += (it->second.empty() ? "" : ", ") + ref.locator;
  }
  for (const auto& [what, where] : lines) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s%s%s", what.c_str(), where.empty() ? "" : ", ", where.c_str());
  }
}

void EventEditor::lanes(Session& session, const Event& e, bool editable) {
  const Timeline& t = session.doc()->timeline();
  if (!editable && e.lanes.empty()) return;
  field_heading("Lanes");
  ImGui::NewLine();
  for (const std::string& id : e.lanes) {
    const Lane* l = t.find_lane(id);
    const ImVec4 c = l ? color_of(*l) : kDim;
    if (chip(id.c_str(), l ? l->name : id, &c, editable)) {
      std::vector<std::string> rest = e.lanes;
      std::erase(rest, id);
      apply(session, set_list(e.id, ListField::Lanes, rest), "Remove lane " + id + " from " + e.id);
    }
  }
  if (!editable) return;
  std::vector<Choice> choices;
  for (const Lane& l : t.lanes)
    if (std::find(e.lanes.begin(), e.lanes.end(), l.id) == e.lanes.end()) choices.push_back({l.id, l.name + "  (" + l.id + ")"});
  if (choices.empty()) return;
  ImGui::SetNextItemWidth(-1);
  if (std::string lane; fields_.choose("##add-lane", "add a lane", choices, false, lane)) {
    std::vector<std::string> all = e.lanes;
    all.push_back(lane);
    apply(session, set_list(e.id, ListField::Lanes, all), "Add lane " + lane + " to " + e.id);
  }
}

const std::vector<Choice>& EventEditor::tags_in_use(const Session& session) {
  const Document* d = session.doc();
  if (d == tags_doc_ && session.generation() == tags_generation_) return tags_;
  tags_doc_ = d;
  tags_generation_ = session.generation();
  std::set<std::string, std::less<>> all;
  const EventStore& st = d->timeline().store();
  for (EventIndex i = 0; i < st.size(); ++i)
    st.any_tag(i, [&](std::string_view g) {
      if (all.find(g) == all.end()) all.emplace(g);
      return false;
    });
  tags_.clear();
  for (const std::string& g : all) tags_.push_back({g, g});
  return tags_;
}

void EventEditor::tags(Session& session, const Event& e, bool editable) {
  if (!editable && e.tags.empty()) return;
  field_heading("Tags");
  ImGui::NewLine();
  for (const std::string& g : e.tags)
    if (chip(g.c_str(), g, nullptr, editable)) {
      std::vector<std::string> rest = e.tags;
      std::erase(rest, g);
      apply(session, set_list(e.id, ListField::Tags, rest), "Remove tag " + g + " from " + e.id);
    }
  if (!editable) return;
  std::vector<Choice> choices;
  for (const Choice& c : tags_in_use(session))
    if (std::find(e.tags.begin(), e.tags.end(), c.value) == e.tags.end()) choices.push_back(c);
  ImGui::SetNextItemWidth(-1);
  if (std::string tag; fields_.choose("##add-tag", "add a tag (Enter)", choices, true, tag)) {
    std::vector<std::string> all = e.tags;
    if (std::find(all.begin(), all.end(), tag) != all.end()) return;
    all.push_back(tag);
    apply(session, set_list(e.id, ListField::Tags, all), "Add tag " + tag + " to " + e.id);
  }
}

void EventEditor::draw(Session& session, const Event& e, std::span<const Calendar> calendars, bool editable,
                       const UiLog& log) {
  const Document& doc = *session.doc();
  const Timeline& t = doc.timeline();
  fields_.new_frame();
  ImGui::PushTextWrapPos(0);
  ImGui::PushID(e.id.c_str());
  std::string v;
  if (!error_.empty()) ImGui::TextColored(kError, "%s", error_.c_str());

  field_heading("Title");
  if (editable) {
    if (focus_title_) fields_.focus_next(), focus_title_ = false;
    ImGui::SetNextItemWidth(-1);
    if (fields_.text("##title", e.title, v, nullptr, false, true))
      apply(session, EditOp::set(e.id, "title", yaml_scalar(v)), "Set title of " + e.id);
    if (ImGui::IsItemActive() && ImGui::IsItemActivated()) log.line("inspector title focus");
  } else {
    ImGui::TextWrapped("%s", e.title.c_str());
  }

  field_heading("Date (EDTF)");
  if (editable) {
    ImGui::SetNextItemWidth(-1);
    if (fields_.date("##date", e.date_text, v)) apply(session, EditOp::set(e.id, "date", yaml_scalar(v)), "Set date of " + e.id);
  } else {
    ImGui::TextWrapped("%s", e.date_text.c_str());
    ImGui::TextColored(kDim, "%s", date_reading(e.when).c_str());
  }
  date_details(t, e, calendars);

  lanes(session, e, editable);
  tags(session, e, editable);

  if (editable || !e.summary.empty()) field_heading("Summary");
  if (editable) {
    if (fields_.text("##summary", e.summary, v, "what happened, in our own words", true))
      apply(session, v.empty() ? EditOp::unset(e.id, "summary") : EditOp::set(e.id, "summary", yaml_scalar(v)),
            "Set summary of " + e.id);
  } else if (!e.summary.empty()) {
    ImGui::TextWrapped("%s", e.summary.c_str());
  }

  field_heading(e.sources.empty() ? "No sources cited" : "Sources");
  if (const auto ops = citations_.draw(session, e, fields_, editable); !ops.label.empty())
    apply(session, ops.op, ops.label);

  if (editable || !e.notes.empty()) field_heading("Notes");
  if (editable) {
    if (fields_.text("##notes", e.notes, v, "anything else worth knowing", true))
      apply(session, v.empty() ? EditOp::unset(e.id, "notes") : EditOp::set(e.id, "notes", yaml_scalar(v)),
            "Set notes of " + e.id);
  } else if (!e.notes.empty()) {
    ImGui::TextWrapped("%s", e.notes.c_str());
  }

  field_heading("Id");
  if (editable) {
    ImGui::SetNextItemWidth(-1);
    if (fields_.text("##id", e.id, v) && !v.empty())
      apply(session, EditOp::set(e.id, "id", yaml_scalar(v)), "Rename " + e.id + " to " + v);
  } else {
    ImGui::TextUnformatted(e.id.c_str());
  }
  ImGui::Spacing();
  ImGui::TextColored(kDim, "%s:%d", doc.path().c_str(), e.pos.line);
  ImGui::PopID();
  ImGui::PopTextWrapPos();
}

}  // namespace cs
