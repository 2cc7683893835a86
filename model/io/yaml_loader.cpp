// Schema walk over the guarded YAML tree: type checks, required keys, references, and unknown keys.
#include "model/io/yaml_loader.hpp"

#include "model/id_set.hpp"
#include "model/io/yaml_tree.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <unordered_map>

namespace cs {
namespace {

class SchemaReader {
 public:
  explicit SchemaReader(Diagnostics& diag) : diag_(diag) {}

  // Streaming: the root map's pairs before "events" are read when "events" arrives; if lanes are known by
  // then, each event is converted as it is parsed (StreamSink) and its nodes freed.
  class Stream : public StreamSink {
   public:
    Stream(SchemaReader& r, Timeline& t) : r_(r), t_(t) {}
    std::string_view key() const override { return "events"; }
    bool start(const YNode& root) override {
      const std::size_t pairs = root.items.size() / 2;
      bool lanes = false;
      for (std::size_t i = 0; i < pairs; ++i) lanes = lanes || (root.key(i).is_scalar() && root.key(i).value == "lanes");
      if (!lanes) return false;  // events before lanes: read the whole tree, then the events
      r_.header(root, pairs, t_);
      r_.begin_events(t_, 0);
      return true;
    }
    void item(const YNode& n) override { r_.event(n, t_); }

   private:
    SchemaReader& r_;
    Timeline& t_;
  };

  // The whole root map; pairs before `done` were read already (streaming).
  void read(const YNode& root, Timeline& t) {
    if (!root.is_map()) {
      diag_.error(root.pos, "the file must be a map with 'title', 'lanes', 'sources' and 'events', not " +
                                std::string{kind_name(root.kind)});
      return;
    }
    const YNode* events = header(root, root.map_size(), t);
    if (events && events->is_sequence() && !events->items.empty()) {
      begin_events(t, events->items.size());
      list(*events, "events", [&](const YNode& n) { event(n, t); });
    } else if (events && !events->is_sequence() && events->kind != YNode::Kind::Null) {
      list(*events, "events", [](const YNode&) {});  // reports the wrong type
    }
    check_deferred_sources(t);
  }

 private:
  // Reads root pairs [done_, pairs) except "events", whose value it returns. Lanes are sorted by order.
  const YNode* header(const YNode& root, std::size_t pairs, Timeline& t) {
    const YNode* events = nullptr;
    bool lanes_changed = false;
    for (std::size_t i = done_; i < pairs; ++i) {
      const YNode& k = root.key(i);
      if (!k.is_scalar()) continue;
      const YNode* v = i < root.map_size() ? &root.val(i) : nullptr;
      if (k.value == "events") {
        events = v;
        continue;
      }
      if (!v) continue;
      if (seen_keys_.count(k.value)) continue;  // duplicate key, already reported
      seen_keys_.insert(k.value);
      if (k.value == "title") text(*v, "title", t.title);
      else if (k.value == "lanes") list(*v, "lanes", [&](const YNode& n) { lane(n, t); }), lanes_changed = true;
      else if (k.value == "sources") list(*v, "sources", [&](const YNode& n) { source(n, t); });
      else diag_.warning(k.pos, "unknown key '" + k.value + "' in the file (ignored)");
    }
    done_ = pairs;
    if (lanes_changed)
    {
      std::stable_sort(t.lanes.begin(), t.lanes.end(), [](const Lane& a, const Lane& b) { return a.order < b.order; });
      t.index_names();
    }
    return events;
  }

  void begin_events(Timeline& t, std::size_t expected) {
    if (!ids_) ids_ = std::make_unique<IdSet>(t.store(), expected);
    if (expected) t.store().reserve(expected, 0);
  }

  // Citations of sources not declared when their event was read: checked once the whole file is read.
  void check_deferred_sources(const Timeline& t) {
    for (const auto& [id, pos] : deferred_sources_)
      if (!t.find_source(id)) diag_.error(pos, "unknown source '" + id + "'");
    deferred_sources_.clear();
  }

  using Handler = std::function<void(const YNode&)>;
  struct Field {
    std::string_view key;
    Handler handle;
    bool required = false;
  };

  // Dispatches each key of a map to its handler; unknown keys warn, missing required keys are errors.
  bool fields(const YNode& map, std::string_view what, std::initializer_list<Field> known) {
    if (!map.is_map()) {
      diag_.error(map.pos, std::string{what} + " must be a map, not " + std::string{kind_name(map.kind)});
      return false;
    }
    std::vector<bool> seen(known.size(), false);
    for (std::size_t i = 0; i < map.map_size(); ++i) {
      const YNode& k = map.key(i);
      if (!k.is_scalar()) continue;  // reported while parsing
      auto it = std::find_if(known.begin(), known.end(), [&](const Field& f) { return f.key == k.value; });
      if (it == known.end()) {
        diag_.warning(k.pos, "unknown key '" + k.value + "' in " + std::string{what} + " (ignored)");
        continue;
      }
      const auto idx = std::size_t(it - known.begin());
      if (seen[idx]) continue;  // duplicate key, already reported
      seen[idx] = true;
      it->handle(map.val(i));
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

  bool text(const YNode& v, std::string_view key, std::string& out) {
    if (!v.is_scalar()) {
      diag_.error(v.pos, "'" + std::string{key} + "' must be text, not " + std::string{kind_name(v.kind)});
      return false;
    }
    out = v.value;
    return true;
  }

  void list(const YNode& v, std::string_view key, const Handler& each) {
    if (!v.is_sequence()) {
      if (v.kind == YNode::Kind::Null) return;  // "events:" with nothing after it
      diag_.error(v.pos, "'" + std::string{key} + "' must be a list, not " + std::string{kind_name(v.kind)});
      return;
    }
    for (const YNode* item : v.items) each(*item);
  }

  void strings(const YNode& v, std::string_view key, std::vector<std::string>& out,
               std::vector<TextPos>* positions = nullptr) {
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

  void lane(const YNode& n, Timeline& t) {
    Lane l;
    l.pos = n.pos;
    l.order = int(t.lanes.size());
    if (!fields(n, "a lane", {
                               {"id", [&](const YNode& v) { text(v, "id", l.id); }, true},
                               {"name", [&](const YNode& v) { text(v, "name", l.name); }},
                               {"color", [&](const YNode& v) { color(v, l.color); }},
                               {"order", [&](const YNode& v) { integer(v, "order", l.order); }},
                           }))
      return;
    if (l.id.empty()) return;
    if (const Lane* first = t.find_lane(l.id)) {
      diag_.error(n.pos, "duplicate lane id '" + l.id + "' (first at line " + std::to_string(first->pos.line) + ")");
      return;
    }
    if (l.name.empty()) l.name = l.id;
    t.add_lane(std::move(l));
  }

  void source(const YNode& n, Timeline& t) {
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
      return;
    if (const Source* first = t.find_source(s.id)) {
      diag_.error(n.pos, "duplicate source id '" + s.id + "' (first at line " + std::to_string(first->pos.line) + ")");
      return;
    }
    t.add_source(std::move(s));
  }

  void event(const YNode& n, Timeline& t) {
    Event e;
    e.pos = n.pos;
    bool date_ok = false;
    std::vector<TextPos> lane_pos;
    const bool complete = fields(
        n, "an event",
        {
            {"id", [&](const YNode& v) { text(v, "id", e.id); }, true},
            {"title", [&](const YNode& v) { text(v, "title", e.title); }, true},
            {"date", [&](const YNode& v) { date_ok = date(v, e); }, true},
            {"lanes", [&](const YNode& v) { strings(v, "lanes", e.lanes, &lane_pos); }},
            {"tags", [&](const YNode& v) { strings(v, "tags", e.tags); }},
            {"summary", [&](const YNode& v) { text(v, "summary", e.summary); }},
            {"sources", [&](const YNode& v) { list(v, "sources", [&](const YNode& r) { source_ref(r, t, e); }); }},
            {"notes", [&](const YNode& v) { text(v, "notes", e.notes); }},
        });
    for (std::size_t i = 0; i < e.lanes.size(); ++i) {
      if (!t.find_lane(e.lanes[i])) {
        diag_.error(lane_pos[i], "unknown lane '" + e.lanes[i] + "'");
        e.lanes.erase(e.lanes.begin() + std::ptrdiff_t(i));
        lane_pos.erase(lane_pos.begin() + std::ptrdiff_t(i));
        --i;
      }
    }
    if (e.id.empty()) return;
    // Ids are checked even on events with other errors, so every duplicate is reported at once.
    if (const auto first = ids_->find(e.id)) {
      diag_.error(n.pos, "duplicate event id '" + e.id + "' (first at line " + std::to_string(t.store().pos(*first).line) + ")");
      return;
    }
    if (const auto line = broken_ids_.find(e.id); line != broken_ids_.end()) {
      diag_.error(n.pos, "duplicate event id '" + e.id + "' (first at line " + std::to_string(line->second) + ")");
      return;
    }
    if (complete && date_ok) ids_->insert(t.add_event(e));
    else broken_ids_.emplace(e.id, n.pos.line);
  }

  void source_ref(const YNode& n, const Timeline& t, Event& e) {
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
    if (!t.find_source(r.source)) {
      if (seen_keys_.count("sources")) {
        diag_.error(source_pos, "unknown source '" + r.source + "'");
        return;
      }
      deferred_sources_.emplace_back(r.source, source_pos);  // sources may come later in the file
    }
    e.sources.push_back(std::move(r));
  }

  bool date(const YNode& v, Event& e) {
    if (!text(v, "date", e.date_text)) return false;
    auto r = parse_edtf(e.date_text);
    if (!r.value) {
      diag_.error(v.pos, r.error.message);
      return false;
    }
    e.when = *r.value;
    return true;
  }

  void claims(const YNode& v, SourceRef& r) {
    if (!text(v, "claims", r.claims_text)) return;
    auto parsed = parse_edtf(r.claims_text);
    if (!parsed.value) diag_.error(v.pos, parsed.error.message);
    else r.claims = parsed.value;
  }

  void published(const YNode& v, Source& s) {
    if (!text(v, "published", s.published_text)) return;
    std::string err;
    s.published = parse_edtf_date(s.published_text, &err);
    if (!s.published) diag_.error(v.pos, err);
  }

  void url(const YNode& v, std::string& out) {
    if (!text(v, "url", out)) return;
    if (out.rfind("http://", 0) != 0 && out.rfind("https://", 0) != 0) {
      diag_.error(v.pos, "url '" + out + "' must start with http:// or https://");
      out.clear();
    }
  }

  void color(const YNode& v, Rgba& out) {
    std::string s;
    if (!text(v, "color", s)) return;
    const bool ok = s.size() == 7 && s[0] == '#' &&
                    std::all_of(s.begin() + 1, s.end(), [](char c) { return std::isxdigit(unsigned(c)); });
    if (!ok) {
      diag_.error(v.pos, "color '" + s + "' must be written #rrggbb");
      return;
    }
    const auto hex = [&](int i) { return std::uint8_t(std::stoi(s.substr(std::size_t(i), 2), nullptr, 16)); };
    out = {hex(1), hex(3), hex(5), 255};
  }

  void integer(const YNode& v, std::string_view key, int& out) {
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

  void dated(const YNode& v, Dated& out) {
    std::string s;
    if (!text(v, "dated", s)) return;
    if (s == "stated") out = Dated::Stated;
    else if (s == "inferred") out = Dated::Inferred;
    else if (s == "external") out = Dated::External;
    else diag_.error(v.pos, "'dated' must be stated, inferred or external, not '" + s + "'");
  }

  Diagnostics& diag_;
  std::size_t done_ = 0;                             // root pairs read so far
  std::set<std::string> seen_keys_;                  // root keys read
  std::vector<std::pair<std::string, TextPos>> deferred_sources_;
  std::unique_ptr<IdSet> ids_;                       // ids of events added
  std::unordered_map<std::string, int> broken_ids_;  // ids of events left out for errors -> line
};

}  // namespace

void load_timeline_yaml(std::string_view text, Timeline& t, Diagnostics& diag, std::atomic<float>* progress) {
  SchemaReader reader{diag};
  SchemaReader::Stream stream{reader, t};
  YamlDocument doc{text, diag, {}, progress, &stream};
  if (doc.root()) {
    reader.read(*doc.root(), t);
  } else if (!diag.has_errors()) {
    diag.error({1, 1, 0}, "the file is empty");
  }
  t.store().shrink_to_fit();
  if (progress) progress->store(1.f);
  diag.sort();
}

Timeline load_timeline_yaml(std::string_view text, Diagnostics& diag) {
  Timeline t;
  load_timeline_yaml(text, t, diag);
  return t;
}

}  // namespace cs
