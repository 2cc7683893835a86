// The multi-selection inspector: shared values, and edits of all the selected events as one step.
#include "app/multi_editor.hpp"

#include "app/event_editor.hpp"

#include <imgui.h>

#include <algorithm>
#include <set>

namespace cs {
namespace {

const ImVec4 kDim{0.42f, 0.42f, 0.45f, 1.f};

std::string_view noun(ListField f) { return f == ListField::Lanes ? "lane" : f == ListField::Tags ? "tag" : "source"; }

}  // namespace

void MultiEditor::apply(Session& session, const std::vector<EditOp>& ops, std::string label) {
  if (ops.empty()) return;
  const EditResult r = session.apply(ops, std::move(label));
  error_ = r.ok ? std::string{} : r.problems.format_all();
}

// Chips of the values some of the events have ("iran 2/3"); x removes it from all. The field adds one to all.
void MultiEditor::list(Session& session, std::span<const EventIndex> events, ListField field,
                       const std::vector<SharedValues::Count>& counts, std::span<const Choice> choices) {
  const Timeline& t = session.doc()->timeline();
  const std::string n = std::to_string(events.size());
  ImGui::NewLine();
  for (const SharedValues::Count& c : counts) {
    std::string text = c.value;
    const ImVec4* swatch = nullptr;
    ImVec4 colour;
    if (field == ListField::Lanes)
      if (const Lane* l = t.find_lane(c.value)) {
        text = l->name;
        colour = {l->color.r / 255.f, l->color.g / 255.f, l->color.b / 255.f, 1.f};
        swatch = &colour;
      }
    if (c.events < events.size()) text += "  " + std::to_string(c.events) + "/" + n;
    if (chip(c.value.c_str(), text, swatch, true))
      apply(session, remove_from_each(t, events, field, c.value),
            "Remove " + std::string{noun(field)} + " " + c.value + " from " + n + " events");
  }
  std::vector<Choice> offered;  // what not every event has yet
  for (const Choice& ch : choices) {
    const auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.value == ch.value; });
    if (it == counts.end() || it->events < events.size()) offered.push_back(ch);
  }
  ImGui::SetNextItemWidth(-1);
  const std::string id = "##add-" + std::string{noun(field)};
  const std::string hint = "add a " + std::string{noun(field)} + " to all " + n;
  if (std::string v; fields_.choose(id.c_str(), hint.c_str(), offered, field == ListField::Tags, v))
    apply(session, add_to_each(t, events, field, v), "Add " + std::string{noun(field)} + " " + v + " to " + n + " events");
}

void MultiEditor::draw(Session& session) {
  const Document& doc = *session.doc();
  const Timeline& t = doc.timeline();
  fields_.new_frame();
  std::vector<EventIndex> events;
  for (const std::string& id : session.selection.ids)
    if (const auto e = doc.find_event(id)) events.push_back(*e);
  if (session.selection.ids != shared_ids_ || session.generation() != shared_generation_) {
    if (session.selection.ids != shared_ids_) fields_.clear(), error_.clear();
    shared_ids_ = session.selection.ids;
    shared_generation_ = session.generation();
    shared_ = shared_values(t, events);
    std::set<std::string, std::less<>> tags;  // completion: the tags in use
    for (EventIndex i = 0; i < t.event_count(); ++i)
      t.store().any_tag(i, [&](std::string_view g) {
        if (tags.find(g) == tags.end()) tags.emplace(g);
        return false;
      });
    tags_.clear();
    for (const std::string& g : tags) tags_.push_back({g, g});
  }
  const SharedValues& s = shared_;
  const std::string n = std::to_string(events.size());
  ImGui::PushTextWrapPos(0);
  ImGui::Text("%s events selected", n.c_str());
  ImGui::TextColored(kDim, "A change here applies to all of them, as one step (Ctrl+Z undoes it).");
  for (std::size_t k = 0; k < events.size() && k < 6; ++k)
    ImGui::BulletText("%s  (%s)", std::string{t.store().title(events[k])}.c_str(), std::string{t.store().date_text(events[k])}.c_str());
  if (events.size() > 6) ImGui::TextColored(kDim, "and %zu more", events.size() - 6);
  if (!error_.empty()) ImGui::TextColored({0.75f, 0.15f, 0.1f, 1}, "%s", error_.c_str());
  if (!doc.read_only_reason().empty()) {
    ImGui::PopTextWrapPos();
    return;
  }
  std::string v;
  const auto scalar = [&](const char* heading, const char* id, const char* key, const std::optional<std::string>& shared,
                          bool multiline, bool date) {
    field_heading(heading);
    const std::string value = shared.value_or("");
    const char* hint = shared ? "" : "(they differ)";
    ImGui::SetNextItemWidth(-1);
    const bool done = date ? fields_.date(id, value, v, DateKind::Any, hint, !shared) : fields_.text(id, value, v, hint, multiline);
    if (done && !(date && v.empty())) apply(session, set_on_each(t, events, key, v), std::string{"Set "} + key + " of " + n + " events");
  };
  scalar("Title", "##title", "title", s.title, false, false);
  scalar("Date (EDTF)", "##date", "date", s.date, false, true);
  field_heading("Lanes");
  std::vector<Choice> lanes;
  for (const Lane& l : t.lanes) lanes.push_back({l.id, l.name + "  (" + l.id + ")"});
  list(session, events, ListField::Lanes, s.lanes, lanes);
  field_heading("Tags");
  list(session, events, ListField::Tags, s.tags, tags_);
  field_heading("Sources");
  std::vector<Choice> sources;
  for (const Source& src : t.sources)
    sources.push_back({src.id, src.title + (src.publisher.empty() ? "" : " — " + src.publisher) + "  (" + src.id + ")"});
  list(session, events, ListField::Sources, s.sources, sources);
  scalar("Summary", "##summary", "summary", s.summary, true, false);
  scalar("Notes", "##notes", "notes", s.notes, true, false);
  ImGui::PopTextWrapPos();
}

}  // namespace cs
