// The load: cut the top level by lines, read each root entry as its own small document, the lanes and
// sources item by item, then the events in chunks on all cores, each chunk filling a store of its own that
// the calling thread appends in file order (checking ids for duplicates as it goes). A failed item is read
// again alone, so its message points into it, and the next item carries on.
#include "model/io/yaml_loader.hpp"

#include "model/id_set.hpp"
#include "model/io/text_scan.hpp"
#include "model/io/yaml_cut.hpp"
#include "model/io/yaml_items.hpp"
#include "model/io/yaml_schema.hpp"
#include "model/io/yaml_tree.hpp"

#include <sched.h>

#include <algorithm>
#include <climits>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace cs {

unsigned usable_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}
namespace {

constexpr std::size_t kChunkBytes = 48 * 1024;

// The list's map, taking the cut's list of items (a million items: 16 MB held twice otherwise).
ListMap list_of(CutEntry& e) {
  ListMap m;
  m.present = true;
  m.block = e.list;
  m.key_begin = e.begin;
  m.key_line = e.line;
  m.end = e.end;
  m.indent = e.indent;
  m.items = std::move(e.items);
  e.items.clear();
  return m;
}

TextPos item_pos(const ListMap& l, std::size_t k) {
  return {int(l.items[k].line), l.indent + 3, int(l.items[k].begin)};
}

class Loader {
 public:
  // `bad` holds the offsets of bytes the scan reported as errors: the items holding them are left out.
  Loader(std::string_view text, Timeline& t, Diagnostics& diag, const YamlLoadOptions& o, bool repair_utf8,
         std::vector<int> bad)
      : text_(text), t_(t), diag_(diag), o_(o), repair_utf8_(repair_utf8), bad_(std::move(bad)) {
    ids_.emplace(t_.store(), 0);
  }

  YamlLoadStats run() {
    Cut cut = cut_yaml(text_);
    const std::size_t diag_start = diag_.items().size();
    if (!cut.ok || !read_cut(cut)) {
      // Start again, whole: forget what the cut path read and said.
      diag_.drop_after(diag_start, INT_MIN);
      t_ = Timeline{};
      for (CutEntry& e : cut.entries)  // the items list_of took from the cut, given back for whole()
        if (ListMap* l = map_.list(e.key); l && e.list && e.items.empty())
          for (const ItemRef& i : l->items) e.items.push_back({i.begin, i.line, -1});
      map_ = SourceMap{};
      ids_.emplace(t_.store(), 0);
      broken_.clear();
      lane_ids_.clear();
      source_ids_.clear();
      whole(cut);
    }
    for (const ItemRef& i : map_.events.items) stats_.events_skipped += i.index < 0;
    stats_.events_listed = map_.events.items.size();
    if (o_.map) *o_.map = std::move(map_);
    if (o_.ids) *o_.ids = std::move(ids_);
    return stats_;
  }

 private:
  // Some byte in [begin, end) was reported by the scan (a NUL or control byte).
  bool has_bad_byte(std::size_t begin, std::size_t end) const {
    auto it = std::lower_bound(bad_.begin(), bad_.end(), int(begin));
    return it != bad_.end() && std::size_t(*it) < end;
  }

  // ---- the cut path ------------------------------------------------------------------------------------
  bool read_cut(Cut& cut) {
    map_.cut = true;
    map_.body_end = cut.body_end;
    second_document(cut.body_end);
    std::unordered_map<std::string, std::uint32_t> seen;
    std::unique_ptr<YamlDocument> flow_events;   // an events list in flow style, read after lanes and sources
    std::unique_ptr<YamlDocument> flow_stories;  // stories in flow style (or none), read after the events
    for (CutEntry& e : cut.entries) {
      if (auto [it, fresh] = seen.emplace(e.key, e.line); !fresh) {
        diag_.error({int(e.line), 1, int(e.begin)},
                    "duplicate key '" + e.key + "' (first at line " + std::to_string(it->second) + ")");
        continue;
      }
      if (ListMap* l = map_.list(e.key); l && e.list) {
        *l = list_of(e);
        continue;
      }
      auto doc = std::make_unique<YamlDocument>(YamlWindow{text_, e.begin, e.end, int(e.line)}, diag_);
      if (doc->unknown_anchor()) return false;  // an alias to another entry: read the file whole
      const YNode* root = doc->root();
      if (!root) continue;  // a syntax error, reported
      if (!root->is_map() || root->map_size() != 1 || !root->key(0).is_scalar() || root->key(0).value != e.key)
        return false;  // the lines do not say what yaml-cpp reads: trust yaml-cpp
      const YNode& v = root->val(0);
      if (ListMap* l = map_.list(e.key)) {
        *l = list_of(e);
        if (e.key == "events") flow_events = std::move(doc);
        else if (e.key == "stories") flow_stories = std::move(doc);
        else if (v.is_sequence()) for (const YNode* n : v.items) header_item(e.key, *n);
        else if (v.kind != YNode::Kind::Null) diag_.error(v.pos, "'" + e.key + "' must be a list, not " + std::string{kind_name(v.kind)});
        continue;
      }
      ItemReader{diag_, repair_utf8_}.root_entry(root->key(0), v, t_);
    }
    if (!block_header_list(map_.lanes, "lanes", lane_ids_) || !block_header_list(map_.sources, "sources", source_ids_))
      return false;
    finish_header();
    if (o_.progress) o_.progress->store(0.05f);
    if (flow_events) {
      const YNode& v = flow_events->root()->val(0);
      if (v.is_sequence()) for (const YNode* n : v.items) event_whole(*n);
      else if (v.kind != YNode::Kind::Null) diag_.error(v.pos, "'events' must be a list, not " + std::string{kind_name(v.kind)});
    } else if (map_.events.block && !events_in_parallel()) {
      return false;
    }
    if (flow_stories) stories_of(flow_stories->root()->val(0));
    return !map_.stories.block ||
           parse_items(text_, map_.stories, 0, map_.stories.items.size(), diag_, "the story",
                       [&](std::size_t k, const YNode& n) { map_.stories.items[k].index = story(n); },
                       [&](std::size_t k) { drop_story(map_.stories.items[k]); });
  }

  // Stories come after the events, whose ids their steps name. Returns the story's index, or -1.
  int story(const YNode& n) {
    std::vector<std::vector<TextPos>> focus_pos, lane_pos;
    ItemReader reader{diag_, repair_utf8_};
    const int errors = diag_.error_count();
    std::optional<Story> s = reader.story(n, focus_pos, lane_pos);
    if (!s) return -1;
    resolve_story(
        t_, *s, focus_pos, lane_pos, [&](const std::string& id) { return ids_->find(id).has_value(); },
        [&](const std::string& id) { return broken_.count(id) > 0; }, diag_);
    for (const Story& other : t_.stories)
      if (other.id == s->id) {
        diag_.error(n.pos, "duplicate story id '" + s->id + "' (first at line " + std::to_string(other.pos.line) + ")");
        return -1;
      }
    if (diag_.error_count() != errors) return -1;  // a story with an error is left out, like an event
    t_.stories.push_back(std::move(*s));
    return int(t_.stories.size()) - 1;
  }

  void drop_story(ItemRef& item) {
    if (item.index < 0) return;
    t_.stories.erase(t_.stories.begin() + item.index);
    for (ItemRef& i : map_.stories.items)
      if (i.index > item.index) --i.index;
    item.index = -1;
  }

  void stories_of(const YNode& v) {
    if (v.is_sequence()) for (const YNode* n : v.items) story(*n);
    else if (v.kind != YNode::Kind::Null) diag_.error(v.pos, "'stories' must be a list, not " + std::string{kind_name(v.kind)});
  }

  // Text after the document's end: a "..." line may end it; a second "---" document is reported, not read.
  void second_document(std::size_t end) {
    std::size_t line = 1 + std::size_t(std::count(text_.begin(), text_.begin() + std::ptrdiff_t(end), '\n'));
    bool marker = true;  // the "---" or "..." line itself
    for (std::size_t pos = end; pos < text_.size(); ++line) {
      const std::size_t nl = std::min(text_.find('\n', pos), text_.size());
      const std::string_view l = text_.substr(pos, nl - pos);
      const std::size_t first = l.find_first_not_of(" \t\r");
      if (marker) {
        marker = false;
        if (l.substr(0, 3) == "---" && l.find_first_not_of(" \t\r", 3) != std::string_view::npos) {
          diag_.error({int(line), 1, int(pos)}, "a file holds one YAML document; this second one is not read");
          return;
        }
      } else if (first != std::string_view::npos && l[first] != '#') {
        diag_.error({int(line), int(first) + 1, int(pos + first)}, "a file holds one YAML document; this second one is not read");
        return;
      }
      pos = nl + 1;
    }
  }

  // Lanes or sources of a block list, item by item. `ids` gets each item's id (empty when left out).
  bool block_header_list(ListMap& l, const std::string& key, std::vector<std::pair<std::size_t, std::string>>& ids) {
    if (!l.block) return true;
    return parse_items(
        text_, l, 0, l.items.size(), diag_, key == "lanes" ? "the lane" : "the source",
        [&](std::size_t k, const YNode& n) {
          if (std::string id = header_item(key, n); !id.empty()) ids.emplace_back(l.items[k].begin, std::move(id));
        },
        [&](std::size_t k) { std::erase_if(ids, [&](const auto& p) { return p.first == l.items[k].begin; }); });
  }

  // Lanes in display order, names indexed, and each lane or source item numbered with what it became.
  void finish_header() {
    std::stable_sort(t_.lanes.begin(), t_.lanes.end(), [](const Lane& a, const Lane& b) { return a.order < b.order; });
    t_.index_names();
    for (const auto& [offset, id] : lane_ids_)
      if (ItemRef* item = item_at(map_.lanes, int(offset))) item->index = int(t_.find_lane(id) - t_.lanes.data());
    for (const auto& [offset, id] : source_ids_)
      if (ItemRef* item = item_at(map_.sources, int(offset))) item->index = int(t_.find_source(id) - t_.sources.data());
  }

  // Reads a lane or source; returns its id when it was added.
  std::string header_item(const std::string& key, const YNode& n) {
    ItemReader reader{diag_, repair_utf8_};
    if (key == "lanes") {
      auto l = reader.lane(n);
      if (!l) return {};
      if (const Lane* first = t_.find_lane(l->id)) {
        diag_.error(n.pos, "duplicate lane id '" + l->id + "' (first at line " + std::to_string(first->pos.line) + ")");
        return {};
      }
      std::string id = l->id;
      t_.add_lane(std::move(*l));
      return id;
    }
    auto s = reader.source(n);
    if (!s) return {};
    if (const Source* first = t_.find_source(s->id)) {
      diag_.error(n.pos, "duplicate source id '" + s->id + "' (first at line " + std::to_string(first->pos.line) + ")");
      return {};
    }
    std::string id = s->id;
    t_.add_source(std::move(*s));
    return id;
  }

  struct Chunk {
    std::size_t a = 0, b = 0;           // items [a, b)
    EventStore store;
    std::vector<std::int32_t> local;    // per item: its event in `store`, or -1
    std::vector<std::pair<std::string, int>> broken;  // ids of items left out for errors, with their line
    std::vector<std::int32_t> broken_at;  // per item: index into `broken`, or -1
    Diagnostics diag;
    bool outside_alias = false;
    bool done = false;
  };

  void read_chunk(Chunk& c) {
    const ListMap& l = map_.events;
    c.local.assign(c.b - c.a, -1);
    c.broken_at.assign(c.b - c.a, -1);
    c.store.reserve(c.b - c.a, l.item_end(c.b - 1) - l.items[c.a].begin);  // records are smaller than their YAML
    ItemReader reader{c.diag, repair_utf8_};
    std::vector<std::string_view> tags;
    const bool ok = parse_items(
        text_, l, c.a, c.b, c.diag, "the event",
        [&](std::size_t k, const YNode& n) {
          EventRead r = reader.event(n);
          const std::vector<LaneId> lanes = resolve_references(t_, r, c.diag);
          if (has_bad_byte(l.items[k].begin, l.item_end(k))) r.ok = false;
          if (r.ok) {
            c.local[k - c.a] = std::int32_t(c.store.add(event_parts(r, lanes, tags)));
          } else if (!r.event.id.empty()) {
            c.broken_at[k - c.a] = std::int32_t(c.broken.size());
            c.broken.emplace_back(r.event.id, r.event.pos.line);
          }
        },
        [&](std::size_t k) {  // read, then found broken: left out
          c.local[k - c.a] = -1;
          c.broken_at[k - c.a] = -1;
        });
    c.outside_alias = !ok;
  }

  // The chunk's events join the timeline in file order; ids are checked against all before them.
  void merge(Chunk& c) {
    ListMap& l = map_.events;
    std::vector<std::uint32_t> tag_map;
    for (std::size_t k = c.a; k < c.b; ++k) {
      const std::int32_t local = c.local[k - c.a];
      if (local >= 0) {
        if (duplicate(c.store.id(EventIndex(local)), item_pos(l, k))) continue;
        const EventIndex i = t_.store().append(c.store, EventIndex(local), tag_map);
        ids_->insert(i);
        l.items[k].index = std::int32_t(i);
      } else if (c.broken_at[k - c.a] >= 0) {
        const auto& [id, line] = c.broken[std::size_t(c.broken_at[k - c.a])];
        if (!duplicate(id, item_pos(l, k))) broken_.emplace(id, line);
      }
    }
    diag_.append(c.diag);
  }

  bool duplicate(std::string_view id, TextPos at) {
    int first = 0;
    if (const auto i = ids_->find(id)) first = t_.store().line(*i);
    else if (const auto b = broken_.find(std::string{id}); b != broken_.end()) first = b->second;
    else return false;
    diag_.error(at, "duplicate event id '" + std::string{id} + "' (first at line " + std::to_string(first) + ")");
    return true;
  }

  bool events_in_parallel() {
    const ListMap& l = map_.events;
    std::vector<Chunk> chunks;
    for (std::size_t a = 0; a < l.items.size();) {
      std::size_t b = a + 1;
      while (b < l.items.size() && l.items[b].begin - l.items[a].begin < kChunkBytes) ++b;
      chunks.emplace_back().a = a;
      chunks.back().b = b;
      a = b;
    }
    t_.store().reserve(l.items.size(), l.end - l.key_begin);
    ids_.emplace(t_.store(), l.items.size());
    const unsigned cores = usable_cores();
    const std::size_t n_threads = std::min<std::size_t>(chunks.size(), o_.threads > 0 ? std::size_t(o_.threads) : cores);
    std::mutex m;
    std::condition_variable cv;
    std::size_t next = 0, merged = 0;
    bool stop = false;
    // Readers stay at most 16 chunks each (about 1 MB) ahead of the merge: a chunk's store is held until it
    // is merged, so readers running free (as under valgrind, where the merging thread gets little time)
    // would hold much of the file twice. 2 chunks each loaded a million events 15 % slower.
    const std::size_t ahead = 16 * n_threads;
    auto work = [&] {
      for (;;) {
        std::size_t c;
        {
          std::unique_lock lock{m};
          cv.wait(lock, [&] { return stop || next >= chunks.size() || next < merged + ahead; });
          if (stop || next >= chunks.size()) return;
          c = next++;
        }
        read_chunk(chunks[c]);
        {
          std::lock_guard lock{m};
          chunks[c].done = true;
        }
        cv.notify_all();
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t i = 0; i < n_threads; ++i) pool.emplace_back(work);
    bool ok = true;
    for (Chunk& c : chunks) {
      {
        std::unique_lock lock{m};
        cv.wait(lock, [&] { return c.done; });
        if (c.outside_alias) stop = true;
      }
      if (c.outside_alias) {
        ok = false;
        break;
      }
      merge(c);
      if (o_.progress)
        o_.progress->store(0.05f + 0.9f * float(double(l.item_end(c.b - 1)) / double(std::max<std::size_t>(1, text_.size()))),
                           std::memory_order_relaxed);
      // Its memory goes as soon as it is merged. Moved out, not assigned over: assigning an empty string
      // keeps the buffer it replaces (libstdc++), so every chunk's text stayed to the end of the load.
      { [[maybe_unused]] const EventStore gone{std::move(c.store)}; }
      { [[maybe_unused]] const Diagnostics gone{std::move(c.diag)}; }
      { [[maybe_unused]] const auto gone{std::move(c.broken)}; }
      {
        std::lock_guard lock{m};
        ++merged;
      }
      cv.notify_all();
    }
    {
      std::lock_guard lock{m};
      stop = true;  // after a failed chunk, readers waiting for room stop
    }
    cv.notify_all();
    for (std::thread& th : pool) th.join();
    return ok;
  }

  // ---- the whole path ----------------------------------------------------------------------------------
  // Reads the events list of a streamed document: lanes and sources first when they come first.
  class Stream : public StreamSink {
   public:
    explicit Stream(Loader& l) : l_(l) {}
    std::string_view key() const override { return "events"; }
    bool start(const YNode& root) override {
      if (!root.find("lanes") || !root.find("sources")) return false;  // read the whole tree, then the events
      l_.header_whole(root);
      return true;
    }
    void item(const YNode& n) override { l_.event_whole(n); }

   private:
    Loader& l_;
  };

  void whole(Cut& cut) {
    if (cut.ok) {  // items known from the lines, but not readable one by one
      map_.cut = map_.whole = true;
      map_.body_end = cut.body_end;
      for (CutEntry& e : cut.entries)
        if (ListMap* l = map_.list(e.key); l && !l->present) *l = list_of(e);
    }
    Stream stream{*this};
    YamlDocument doc{text_, diag_, {}, o_.progress, &stream};
    const YNode* root = doc.root();
    if (!root) {
      if (!diag_.has_errors()) diag_.error({1, 1, 0}, "the file is empty");
      return;
    }
    if (!root->is_map()) {
      diag_.error(root->pos, "the file must be a map with 'title', 'lanes', 'sources' and 'events', not " +
                                 std::string{kind_name(root->kind)});
      return;
    }
    header_whole(*root);  // the pairs after a streamed "events", or all of them
    if (const YNode* events = root->find("events"); events && !streamed_) {
      if (events->is_sequence()) for (const YNode* n : events->items) event_whole(*n);
      else if (events->kind != YNode::Kind::Null)
        diag_.error(events->pos, "'events' must be a list, not " + std::string{kind_name(events->kind)});
    }
    if (const YNode* stories = root->find("stories")) {
      if (stories->is_sequence())
        for (const YNode* n : stories->items)
          if (const int i = story(*n); i >= 0)
            if (ItemRef* item = item_at(map_.stories, n->pos.offset)) item->index = i;
      if (!stories->is_sequence()) stories_of(*stories);
    }
  }

  // Root pairs not read yet (all but "events"); called when "events" starts streaming and again at the end.
  void header_whole(const YNode& root) {
    for (std::size_t i = pairs_read_; i < root.map_size(); ++i) {
      const YNode& k = root.key(i);
      if (!k.is_scalar() || k.value == "events" || k.value == "stories") continue;
      const YNode& v = root.val(i);
      if (k.value == "lanes" || k.value == "sources") {
        if (v.is_sequence()) {
          auto& ids = k.value == "lanes" ? lane_ids_ : source_ids_;
          for (const YNode* n : v.items)
            if (std::string id = header_item(k.value, *n); !id.empty()) ids.emplace_back(std::size_t(std::max(0, n->pos.offset)), id);
        } else if (v.kind != YNode::Kind::Null) {
          diag_.error(v.pos, "'" + k.value + "' must be a list, not " + std::string{kind_name(v.kind)});
        }
      } else {
        ItemReader{diag_, repair_utf8_}.root_entry(k, v, t_);
      }
    }
    pairs_read_ = root.map_size();
    finish_header();
  }

  void event_whole(const YNode& n) {
    streamed_ = true;
    ItemReader reader{diag_, repair_utf8_};
    EventRead r = reader.event(n);
    const std::vector<LaneId> lanes = resolve_references(t_, r, diag_);
    if (r.event.id.empty()) return;
    if (duplicate(r.event.id, n.pos)) return;
    if (!r.ok) {
      broken_.emplace(r.event.id, n.pos.line);
      return;
    }
    std::vector<std::string_view> tags;
    const EventIndex i = t_.store().add(event_parts(r, lanes, tags));
    ids_->insert(i);
    if (ItemRef* item = item_at(map_.events, n.pos.offset)) item->index = std::int32_t(i);
  }

  // The cut item that holds `offset`, if the list's items are known.
  static ItemRef* item_at(ListMap& l, int offset) {
    if (!l.block || l.items.empty() || offset < 0) return nullptr;
    auto it = std::upper_bound(l.items.begin(), l.items.end(), std::size_t(offset),
                               [](std::size_t o, const ItemRef& i) { return o < i.begin; });
    return it == l.items.begin() ? nullptr : &*(it - 1);
  }

  std::string_view text_;
  Timeline& t_;
  Diagnostics& diag_;
  YamlLoadOptions o_;
  SourceMap map_;
  YamlLoadStats stats_;
  std::optional<IdSet> ids_;                     // ids of the events added
  std::unordered_map<std::string, int> broken_;  // ids of events left out for errors -> line
  std::vector<std::pair<std::size_t, std::string>> lane_ids_, source_ids_;  // (item offset, id) of those added
  std::size_t pairs_read_ = 0;                   // root pairs read on the whole path
  bool streamed_ = false;
  bool repair_utf8_;
  std::vector<int> bad_;                         // sorted offsets of bytes reported by the scan
};

}  // namespace

YamlPrepared prepare_yaml(std::string_view text, Diagnostics& diag) {
  YamlPrepared p;
  const std::size_t first = diag.items().size();
  p.facts = scan_text(text, diag);
  for (std::size_t i = first; i < diag.items().size(); ++i)
    if (diag.items()[i].severity == Severity::Error) p.bad.push_back(diag.items()[i].pos.offset);
  std::sort(p.bad.begin(), p.bad.end());
  if (p.facts.lone_cr || p.facts.bad_bytes) p.copy = parser_copy(text, p.facts);
  return p;
}

std::string_view YamlPrepared::body(std::string_view text) const {
  return (copy.empty() ? text : std::string_view{copy}).substr(facts.bom_bytes);
}

YamlLoadStats load_prepared_yaml(std::string_view body, const YamlPrepared& p, Timeline& t, Diagnostics& diag,
                                 const YamlLoadOptions& o) {
  if (!p.facts.readable()) return {};
  Loader loader{body, t, diag, o, p.facts.invalid_utf8, p.bad};
  const YamlLoadStats stats = loader.run();
  t.store().shrink_to_fit();
  if (o.progress) o.progress->store(1.f);
  diag.sort();
  return stats;
}

YamlLoadStats load_timeline_yaml(std::string_view text, Timeline& t, Diagnostics& diag, const YamlLoadOptions& o) {
  const YamlPrepared p = prepare_yaml(text, diag);
  return load_prepared_yaml(p.body(text), p, t, diag, o);
}

void load_timeline_yaml(std::string_view text, Timeline& t, Diagnostics& diag, std::atomic<float>* progress) {
  YamlLoadOptions o;
  o.progress = progress;
  load_timeline_yaml(text, t, diag, o);
}

Timeline load_timeline_yaml(std::string_view text, Diagnostics& diag) {
  Timeline t;
  load_timeline_yaml(text, t, diag);
  return t;
}

}  // namespace cs
