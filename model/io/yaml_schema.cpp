// Schema checks for one YAML item at a time. Merge keys (`<<: *base`) are honoured: the map's own keys
// come first, then those of the merged maps that it does not set itself.
#include "model/io/yaml_schema.hpp"

#include "model/io/text_scan.hpp"
#include "model/url.hpp"

#include <algorithm>
#include <unordered_set>

namespace cs {
namespace {

struct Pair {
  const YNode* key;
  const YNode* value;
};

// A map's pairs with merge keys resolved; problems with a merge key go to `diag`.
std::vector<Pair> merged_pairs(const YNode& map, Diagnostics& diag) {
  std::vector<Pair> own, out;
  std::vector<const YNode*> merges;
  for (std::size_t i = 0; i < map.map_size(); ++i) {
    const YNode& k = map.key(i);
    if (!k.is_scalar()) continue;  // reported while parsing
    if (k.value == "<<" && !k.quoted) {
      const YNode& v = map.val(i);
      if (v.is_map()) merges.push_back(&v);
      else if (v.is_sequence() && std::all_of(v.items.begin(), v.items.end(), [](const YNode* m) { return m->is_map(); }))
        merges.insert(merges.end(), v.items.begin(), v.items.end());
      else diag.error(v.pos, "'<<' (a merge key) must be a map or a list of maps, not " + std::string{kind_name(v.kind)});
      continue;
    }
    own.push_back({&k, &map.val(i)});
  }
  if (merges.empty()) return own;
  std::unordered_set<std::string_view> have;
  for (const Pair& p : own) have.insert(p.key->value);
  out = std::move(own);
  for (const YNode* m : merges)
    for (std::size_t i = 0; i < m->map_size(); ++i)
      if (m->key(i).is_scalar() && have.insert(m->key(i).value).second) out.push_back({&m->key(i), &m->val(i)});
  return out;
}

}  // namespace

bool ItemReader::fields(const YNode& map, std::string_view what, std::initializer_list<Field> known) {
  if (!map.is_map()) {
    diag_.error(map.pos, std::string{what} + " must be a map, not " + std::string{kind_name(map.kind)});
    return false;
  }
  std::vector<bool> seen(known.size(), false);
  for (const Pair& p : merged_pairs(map, diag_)) {
    const YNode& k = *p.key;
    auto it = std::find_if(known.begin(), known.end(), [&](const Field& f) { return f.key == k.value; });
    if (it == known.end()) {
      diag_.warning(k.pos, "unknown key '" + k.value + "' in " + std::string{what} + " (ignored)");
      continue;
    }
    const auto idx = std::size_t(it - known.begin());
    if (seen[idx]) continue;  // duplicate key, already reported
    seen[idx] = true;
    it->handle(*p.value);
  }
  bool ok = true;
  std::size_t idx = 0;
  for (const Field& f : known) {
    if (f.required && !seen[idx]) {
      diag_.error(map.pos, std::string{what} + " is missing '" + std::string{f.key} + "'");
      ok = false;
    }
    ++idx;
  }
  return ok;
}

bool ItemReader::text(const YNode& v, std::string_view key, std::string& out) {
  if (!v.is_scalar()) {
    diag_.error(v.pos, "'" + std::string{key} + "' must be text, not " + std::string{kind_name(v.kind)});
    return false;
  }
  out = repair_utf8_ && !is_valid_utf8(v.value) ? valid_utf8(v.value) : v.value;
  return true;
}

void ItemReader::list(const YNode& v, std::string_view key, const Handler& each) {
  if (!v.is_sequence()) {
    if (v.kind == YNode::Kind::Null) return;  // "events:" with nothing after it
    diag_.error(v.pos, "'" + std::string{key} + "' must be a list, not " + std::string{kind_name(v.kind)});
    return;
  }
  for (const YNode* item : v.items) each(*item);
}

void ItemReader::strings(const YNode& v, std::string_view key, std::vector<std::string>& out,
                         std::vector<TextPos>* positions) {
  if (v.is_scalar()) {  // "lanes: russia" is read as a one-item list
    out.push_back(v.value);
    if (positions) positions->push_back(v.pos);
    return;
  }
  list(v, key, [&](const YNode& item) {
    std::string s;
    if (text(item, key, s)) {
      out.push_back(std::move(s));
      if (positions) positions->push_back(item.pos);
    }
  });
}

void ItemReader::root_entry(const YNode& k, const YNode& v, Timeline& t) {
  if (k.value == "title") text(v, "title", t.title);
  else diag_.warning(k.pos, "unknown key '" + k.value + "' in the file (ignored)");
}

std::optional<Lane> ItemReader::lane(const YNode& n) {
  Lane l;
  l.pos = n.pos;
  if (!fields(n, "a lane", {
                             {"id", [&](const YNode& v) { text(v, "id", l.id); }, true},
                             {"name", [&](const YNode& v) { text(v, "name", l.name); }},
                             {"color", [&](const YNode& v) { color(v, l.color); }},
                             {"order", [&](const YNode& v) { integer(v, "order", l.order); }},
                         }))
    return std::nullopt;
  if (l.id.empty()) return std::nullopt;
  if (l.name.empty()) l.name = l.id;
  return l;
}

std::optional<Source> ItemReader::source(const YNode& n) {
  Source s;
  s.pos = n.pos;
  if (!fields(n, "a source",
              {
                  {"id", [&](const YNode& v) { text(v, "id", s.id); }, true},
                  {"title", [&](const YNode& v) { text(v, "title", s.title); }, true},
                  {"publisher", [&](const YNode& v) { text(v, "publisher", s.publisher); }},
                  {"published", [&](const YNode& v) { published(v, s); }},
                  {"url", [&](const YNode& v) { url(v, s.url); }},
                  {"notes", [&](const YNode& v) { text(v, "notes", s.notes); }},
                  {"archive", [&](const YNode& v) { text(v, "archive", s.archive); }},
              }))
    return std::nullopt;
  return s;
}

EventRead ItemReader::event(const YNode& n) {
  EventRead r;
  Event& e = r.event;
  e.pos = n.pos;
  bool date_ok = false;
  const int errors_before = diag_.error_count();
  const bool complete = fields(
      n, "an event",
      {
          {"id", [&](const YNode& v) { text(v, "id", e.id); }, true},
          {"title", [&](const YNode& v) { text(v, "title", e.title); }, true},
          {"date", [&](const YNode& v) { date_ok = date(v, e); }, true},
          {"lanes", [&](const YNode& v) { strings(v, "lanes", e.lanes, &r.lane_pos); }},
          {"tags", [&](const YNode& v) { strings(v, "tags", e.tags, nullptr); }},
          {"summary", [&](const YNode& v) { text(v, "summary", e.summary); }},
          {"sources", [&](const YNode& v) { list(v, "sources", [&](const YNode& c) { source_ref(c, r); }); }},
          {"notes", [&](const YNode& v) { text(v, "notes", e.notes); }},
      });
  r.ok = complete && date_ok && diag_.error_count() == errors_before;
  return r;
}

std::optional<Story> ItemReader::story(const YNode& n, std::vector<std::vector<TextPos>>& focus_pos,
                                       std::vector<std::vector<TextPos>>& lane_pos) {
  Story s;
  s.pos = n.pos;
  const auto step = [&](const YNode& m) {
    StoryStep st;
    st.pos = m.pos;
    std::vector<TextPos> fp, lp;
    if (!fields(m, "a story step",
                {
                    {"title", [&](const YNode& v) { text(v, "title", st.title); }},
                    {"range", [&](const YNode& v) { story_range(v, st); }, true},
                    {"focus", [&](const YNode& v) { strings(v, "focus", st.focus, &fp); }},
                    {"lanes", [&](const YNode& v) { strings(v, "lanes", st.lanes, &lp); }},
                    {"caption", [&](const YNode& v) { text(v, "caption", st.caption); }},
                    {"notes", [&](const YNode& v) { text(v, "notes", st.notes); }},
                }))
      return;
    s.steps.push_back(std::move(st));
    focus_pos.push_back(std::move(fp));
    lane_pos.push_back(std::move(lp));
  };
  if (!fields(n, "a story",
              {
                  {"id", [&](const YNode& v) { text(v, "id", s.id); }, true},
                  {"title", [&](const YNode& v) { text(v, "title", s.title); }},
                  {"steps", [&](const YNode& v) { list(v, "steps", step); }, true},
              }))
    return std::nullopt;
  if (s.id.empty()) return std::nullopt;
  return s;
}

// A step's range: an EDTF date or interval whose both ends are known (what the screen shows).
void ItemReader::story_range(const YNode& v, StoryStep& st) {
  if (!text(v, "range", st.range_text)) return;
  auto r = parse_edtf(st.range_text);
  if (!r.value) return diag_.error(v.pos, r.error.message);
  if (r.value->start_bound != Bound::Known || r.value->end_bound != Bound::Known || r.value->is_set())
    return diag_.error(v.pos, "a step's range needs a known start and end, such as 2015-09/2015-12, not '" + st.range_text + "'");
  st.range = r.value;
}

void ItemReader::source_ref(const YNode& n, EventRead& er) {
  SourceRef r;
  r.pos = n.pos;
  TextPos source_pos = n.pos;
  if (!fields(n, "a source reference",
              {
                  {"source", [&](const YNode& v) { source_pos = v.pos; text(v, "source", r.source); }, true},
                  {"locator", [&](const YNode& v) { text(v, "locator", r.locator); }},
                  {"quote", [&](const YNode& v) { text(v, "quote", r.quote); }},
                  {"dated", [&](const YNode& v) { dated(v, r.dated); }},
                  {"date_note", [&](const YNode& v) { text(v, "date_note", r.date_note); }},
                  {"claims", [&](const YNode& v) { claims(v, r); }},
              }))
    return;
  er.event.sources.push_back(std::move(r));
  er.source_pos.push_back(source_pos);
}

bool ItemReader::date(const YNode& v, Event& e) {
  if (!text(v, "date", e.date_text)) return false;
  auto r = parse_edtf(e.date_text);
  if (!r.value) {
    diag_.error(v.pos, r.error.message);
    return false;
  }
  e.when = *r.value;
  return true;
}

void ItemReader::claims(const YNode& v, SourceRef& r) {
  if (!text(v, "claims", r.claims_text)) return;
  auto parsed = parse_edtf(r.claims_text);
  if (!parsed.value) diag_.error(v.pos, parsed.error.message);
  else r.claims = parsed.value;
}

void ItemReader::published(const YNode& v, Source& s) {
  if (!text(v, "published", s.published_text)) return;
  std::string err;
  s.published = parse_edtf_date(s.published_text, &err);
  if (!s.published) diag_.error(v.pos, err);
}

void ItemReader::url(const YNode& v, std::string& out) {
  if (!text(v, "url", out)) return;
  if (std::string why; !is_valid_url(out, &why)) {
    // Shown shortened: a link of thousands of bytes would drown the message.
    const std::string shown = out.size() > 80 ? out.substr(0, 77) + "..." : out;
    diag_.error(v.pos, "url '" + shown + "' " + why);
    out.clear();
  }
}

void ItemReader::color(const YNode& v, Rgba& out) {
  std::string s;
  if (!text(v, "color", s)) return;
  const bool ok = s.size() == 7 && s[0] == '#' &&
                  std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  if (!ok) {
    diag_.error(v.pos, "color '" + s + "' must be written #rrggbb");
    return;
  }
  const auto hex = [&](int i) { return std::uint8_t(std::stoi(s.substr(std::size_t(i), 2), nullptr, 16)); };
  out = {hex(1), hex(3), hex(5), 255};
}

void ItemReader::integer(const YNode& v, std::string_view key, int& out) {
  std::string s;
  if (!text(v, key, s)) return;
  try {
    std::size_t used = 0;
    const int value = std::stoi(s, &used);
    if (used == s.size()) {
      out = value;
      return;
    }
  } catch (const std::exception&) {
  }
  diag_.error(v.pos, "'" + std::string{key} + "' must be a whole number, not '" + s + "'");
}

void ItemReader::dated(const YNode& v, Dated& out) {
  std::string s;
  if (!text(v, "dated", s)) return;
  if (s == "stated") out = Dated::Stated;
  else if (s == "inferred") out = Dated::Inferred;
  else if (s == "external") out = Dated::External;
  else diag_.error(v.pos, "'dated' must be stated, inferred or external, not '" + s + "'");
}

std::vector<LaneId> resolve_references(const Timeline& t, EventRead& r, Diagnostics& diag) {
  std::vector<LaneId> lanes;
  std::unordered_set<std::string_view> unknown;
  std::size_t unreported = 0;
  TextPos first_unreported;
  for (std::size_t i = 0; i < r.event.lanes.size(); ++i) {
    const std::string& id = r.event.lanes[i];
    if (const Lane* l = t.find_lane(id)) {
      const auto k = LaneId(l - t.lanes.data());
      if (std::find(lanes.begin(), lanes.end(), k) == lanes.end()) lanes.push_back(k);
      continue;
    }
    if (!unknown.insert(id).second) continue;  // each unknown lane once
    if (unknown.size() <= 10) {
      diag.error(r.lane_pos[i], "unknown lane '" + id + "'");
    } else {
      if (!unreported) first_unreported = r.lane_pos[i];
      ++unreported;
    }
  }
  if (unreported)
    diag.error(first_unreported, "... and " + std::to_string(unreported) + " more unknown lanes in this event");
  if (!unknown.empty()) r.ok = false;
  for (std::size_t i = 0; i < r.event.sources.size(); ++i)
    if (!t.find_source(r.event.sources[i].source)) {
      diag.error(r.source_pos[i], "unknown source '" + r.event.sources[i].source + "'");
      r.ok = false;
    }
  return lanes;
}

EventParts event_parts(const EventRead& r, std::span<const LaneId> lanes, std::vector<std::string_view>& tags) {
  const Event& e = r.event;
  tags.assign(e.tags.begin(), e.tags.end());
  return {e.id, e.title, e.date_text, {}, e.when, lanes, tags, e.pos.line, e.pos.column, e.summary, e.notes, e.sources};
}

}  // namespace cs
