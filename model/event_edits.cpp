// Edit operations for the editor's gestures, built from the events as the timeline has them.
#include "model/event_edits.hpp"

#include "model/io/yaml_emit.hpp"

#include <algorithm>

namespace cs {
namespace {

std::string flow_scalar(std::string_view v) {
  EmitContext c;
  c.flow = true;
  return emit_scalar(v, YStyle::Plain, c);
}

std::string_view key_of(ListField f) { return f == ListField::Lanes ? "lanes" : f == ListField::Tags ? "tags" : "sources"; }

std::vector<std::string> items_of(const Event& e, ListField f) {
  if (f == ListField::Lanes) return e.lanes;
  if (f == ListField::Tags) return e.tags;
  std::vector<std::string> out;
  for (const SourceRef& r : e.sources) out.push_back(r.source);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

void count(std::vector<SharedValues::Count>& counts, const std::string& value) {
  auto it = std::find_if(counts.begin(), counts.end(), [&](const SharedValues::Count& c) { return c.value == value; });
  if (it == counts.end()) counts.push_back({value, 1});
  else ++it->events;
}

// Keeps `value` while it equals `now`, else forgets it.
void share(std::optional<std::string>& value, const std::string& now, bool first) {
  if (first) value = now;
  else if (value && *value != now) value.reset();
}

}  // namespace

std::string flow_list(std::span<const std::string> items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + flow_scalar(items[i]);
  return out + "]";
}

std::string flow_citations(std::span<const SourceRef> refs) {
  std::string out = "[";
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const SourceRef& r = refs[i];
    std::string m = "{source: " + flow_scalar(r.source);
    const auto key = [&](std::string_view k, const std::string& v) {
      if (!v.empty()) m += ", " + std::string{k} + ": " + flow_scalar(v);
    };
    key("locator", r.locator);
    key("quote", r.quote);
    if (r.dated != Dated::Stated) key("dated", std::string{to_string(r.dated)});
    key("date_note", r.date_note);
    key("claims", r.claims_text);
    out += (i ? ", " : "") + m + "}";
  }
  return out + "]";
}

SharedValues shared_values(const Timeline& t, std::span<const EventIndex> events) {
  SharedValues s;
  for (const EventIndex i : events) {
    const Event e = t.event(i);
    const bool first = s.events == 0;
    share(s.title, e.title, first);
    share(s.date, e.date_text, first);
    share(s.summary, e.summary, first);
    share(s.notes, e.notes, first);
    for (const std::string& l : e.lanes) count(s.lanes, l);
    for (const std::string& g : e.tags) count(s.tags, g);
    std::vector<std::string> cited;
    for (const SourceRef& r : e.sources)
      if (!has(cited, r.source)) cited.push_back(r.source), count(s.sources, r.source);
    ++s.events;
  }
  return s;
}

std::vector<EditOp> set_on_each(const Timeline& t, std::span<const EventIndex> events, std::string_view key,
                                const std::string& value) {
  std::vector<EditOp> ops;
  for (const EventIndex i : events) {
    const Event e = t.event(i);
    const std::string& now = key == "title" ? e.title : key == "date" ? e.date_text : key == "summary" ? e.summary : e.notes;
    if (now == value) continue;
    const bool optional = key == "summary" || key == "notes";
    if (value.empty() && optional) ops.push_back(EditOp::unset(e.id, std::string{key}));
    else ops.push_back(EditOp::set(e.id, std::string{key}, yaml_scalar(value)));
  }
  return ops;
}

EditOp set_list(const std::string& event_id, ListField field, std::span<const std::string> items) {
  if (items.empty()) return EditOp::unset(event_id, std::string{key_of(field)});
  return EditOp::set(event_id, std::string{key_of(field)}, flow_list(items));
}

EditOp set_citations(const std::string& event_id, std::span<const SourceRef> refs) {
  if (refs.empty()) return EditOp::unset(event_id, "sources");
  return EditOp::set(event_id, "sources", flow_citations(refs));
}

std::vector<EditOp> add_to_each(const Timeline& t, std::span<const EventIndex> events, ListField field,
                                const std::string& value) {
  std::vector<EditOp> ops;
  for (const EventIndex i : events) {
    Event e = t.event(i);
    if (has(items_of(e, field), value)) continue;
    if (field == ListField::Sources) {
      SourceRef r;
      r.source = value;
      e.sources.push_back(r);
      ops.push_back(set_citations(e.id, e.sources));
    } else {
      std::vector<std::string> items = items_of(e, field);
      items.push_back(value);
      ops.push_back(set_list(e.id, field, items));
    }
  }
  return ops;
}

std::vector<EditOp> remove_from_each(const Timeline& t, std::span<const EventIndex> events, ListField field,
                                     const std::string& value) {
  std::vector<EditOp> ops;
  for (const EventIndex i : events) {
    Event e = t.event(i);
    if (!has(items_of(e, field), value)) continue;
    if (field == ListField::Sources) {
      std::erase_if(e.sources, [&](const SourceRef& r) { return r.source == value; });
      ops.push_back(set_citations(e.id, e.sources));
    } else {
      std::vector<std::string> items = items_of(e, field);
      std::erase(items, value);
      ops.push_back(set_list(e.id, field, items));
    }
  }
  return ops;
}

std::optional<EditOp> change_lane(const Timeline& t, EventIndex i, const std::string& from, const std::string& to,
                                  bool add) {
  const Event e = t.event(i);
  if (to.empty() || from == to || has(e.lanes, to)) return std::nullopt;
  std::vector<std::string> lanes = e.lanes;
  const auto it = std::find(lanes.begin(), lanes.end(), from);
  if (add || it == lanes.end()) lanes.push_back(to);
  else *it = to;
  return set_list(e.id, ListField::Lanes, lanes);
}

std::string new_event_yaml(const std::string& title, const std::string& date, const std::string& lane) {
  std::string out = "{title: " + flow_scalar(title) + ", date: " + flow_scalar(date);
  if (!lane.empty()) out += ", lanes: [" + flow_scalar(lane) + "]";
  return out + "}";
}

std::string yaml_scalar(std::string_view text) {
  EmitContext c;
  c.flow = true;
  return emit_scalar(text, YStyle::Double, c);
}

}  // namespace cs
