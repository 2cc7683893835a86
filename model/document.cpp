// Loading a document and keeping its model in step with its text: a patch is applied to the text, the list
// items it touched are cut and read again (as the loader reads them), and only those items' events change in
// the store, the index and the id set. Edits of a document that has errors, or outside any list, read the
// whole text again instead (slower, always right).
#include "model/document.hpp"

#include "model/io/csv_loader.hpp"
#include "model/io/load_file.hpp"
#include "model/io/yaml_cut.hpp"
#include "model/io/yaml_items.hpp"
#include "model/io/yaml_schema.hpp"

#include <algorithm>

namespace cs {
namespace {

long newlines(std::string_view s) { return long(std::count(s.begin(), s.end(), '\n')); }

// The list's items with items [k0, k1] replaced by `fresh` (whose index points into `read`), and the
// entities in file order: read now for the new items, kept from `current` for the others. Item indices
// are renumbered to positions in the result.
template <class T>
std::vector<T> merged(std::vector<ItemRef>& items, std::size_t k0, std::size_t k1, std::vector<ItemRef> fresh,
                      const std::vector<T>& read, const std::vector<T>& current) {
  std::vector<T> all;
  std::vector<ItemRef> out;
  const auto keep = [&](ItemRef i, const std::vector<T>& from) {
    if (i.index >= 0) {
      all.push_back(from[std::size_t(i.index)]);
      i.index = int(all.size()) - 1;
    }
    out.push_back(i);
  };
  for (std::size_t k = 0; k < k0; ++k) keep(items[k], current);
  for (const ItemRef& f : fresh) keep(f, read);
  for (std::size_t k = k1 + 1; k < items.size(); ++k) keep(items[k], current);
  items = std::move(out);
  return all;
}

std::string_view what_of(ListKind k) {
  return k == ListKind::Lanes     ? "the lane"
         : k == ListKind::Sources ? "the source"
         : k == ListKind::Stories ? "the story"
                                  : "the event";
}

}  // namespace

std::unique_ptr<Document> Document::load(const std::string& path, std::atomic<float>* progress) {
  std::unique_ptr<Document> d{new Document};
  d->path_ = path;
  d->yaml_ = !is_csv_path(path);
  if (std::string why; !read_file(path, d->text_, &why)) {
    d->diag_ = Diagnostics{path};
    d->diag_.error({}, "cannot read the file: " + why);
    d->index_ = std::make_unique<TimelineIndex>(d->timeline_);
    d->ids_.emplace(d->timeline_.store(), 0);
    d->stamp_ = {};
    return d;
  }
  d->stamp_ = stamp_file(path);
  if (d->stamp_.hash != content_hash(d->text_)) d->stamp_ = {};  // changed while being read: never "unchanged"
  d->read_all(progress);
  return d;
}

std::unique_ptr<Document> Document::from_text(std::string name, std::string text) {
  std::unique_ptr<Document> d{new Document};
  d->path_ = std::move(name);
  d->text_ = std::move(text);
  d->saved_at_.reset();
  d->read_all();
  return d;
}

std::string_view Document::body() const { return std::string_view{text_}.substr(prepared_.facts.bom_bytes); }

void Document::read_all(std::atomic<float>* progress) {
  ids_.reset();
  timeline_ = Timeline{};
  diag_ = Diagnostics{path_};
  map_ = SourceMap{};
  if (yaml_) {
    prepared_ = prepare_yaml(text_, diag_);
    YamlLoadOptions o;
    o.progress = progress;
    o.map = &map_;
    o.ids = &ids_;
    load_prepared_yaml(prepared_.body(text_), prepared_, timeline_, diag_, o);
  } else {
    prepared_ = YamlPrepared{};
    load_timeline_csv(text_, timeline_, diag_, progress);
  }
  index_ = std::make_unique<TimelineIndex>(timeline_);
  if (!ids_ || ids_->size() != timeline_.event_count()) {  // the YAML loader hands over the set it checked ids with
    ids_.emplace(timeline_.store(), timeline_.event_count());
    for (EventIndex i = 0; i < timeline_.event_count(); ++i) ids_->insert(i);
  }
  rebuild_event_items();
  changed();
}

void Document::rebuild_event_items() {
  event_item_.assign(timeline_.event_count(), 0);
  for (std::size_t k = 0; k < map_.events.items.size(); ++k)
    if (const auto i = map_.events.items[k].index; i >= 0 && std::size_t(i) < event_item_.size())
      event_item_[std::size_t(i)] = std::uint32_t(k);
}

void Document::changed() { ++revision_; }

std::size_t Document::events_skipped() const {
  return std::size_t(std::count_if(map_.events.items.begin(), map_.events.items.end(),
                                   [](const ItemRef& i) { return i.index < 0; }));
}

std::optional<EventIndex> Document::find_event(std::string_view id) const { return ids_->find(id); }

std::string Document::read_only_reason() const {
  if (!yaml_) return "CSV files are read-only here: convert the file to YAML to edit it";
  if (!prepared_.copy.empty())
    return "the file has old-Mac line ends (CR) or control bytes: save it with LF line ends to edit it";
  if (!map_.cut) return "the file's top level is not a block map of keys (flow style, directives, or unreadable)";
  return {};
}

ListMap& Document::list(ListKind k) {
  return k == ListKind::Lanes     ? map_.lanes
         : k == ListKind::Sources ? map_.sources
         : k == ListKind::Stories ? map_.stories
                                  : map_.events;
}
const ListMap& Document::list(ListKind k) const { return const_cast<Document*>(this)->list(k); }

std::optional<std::size_t> Document::item_of(ListKind kind, std::string_view id) const {
  if (kind == ListKind::Events) {
    const auto e = find_event(id);
    if (!e || *e >= event_item_.size()) return std::nullopt;
    return event_item_[*e];
  }
  int index = -1;
  if (kind == ListKind::Lanes) {
    if (const Lane* l = timeline_.find_lane(id)) index = int(l - timeline_.lanes.data());
  } else if (kind == ListKind::Stories) {
    for (std::size_t i = 0; i < timeline_.stories.size(); ++i)
      if (timeline_.stories[i].id == id) index = int(i);
  } else if (const Source* s = timeline_.find_source(id)) {
    index = int(s - timeline_.sources.data());
  }
  const ListMap& l = list(kind);
  for (std::size_t k = 0; k < l.items.size(); ++k)
    if (index >= 0 && l.items[k].index == index) return k;
  return std::nullopt;
}

// Items, keys and lines at or after `offset` moved by the edit.
void Document::shift_after(std::size_t offset, long delta, long dlines) {
  for (ListMap* l : {&map_.lanes, &map_.sources, &map_.events}) {
    if (l->key_begin >= offset && l->present) l->key_begin += std::size_t(delta), l->key_line += std::uint32_t(dlines);
    if (l->end >= offset) l->end = std::size_t(long(l->end) + delta);
    for (ItemRef& i : l->items)
      if (i.begin >= offset) {
        i.begin = std::size_t(long(i.begin) + delta);
        i.line = std::uint32_t(long(i.line) + dlines);
        if (l == &map_.events && i.index >= 0 && dlines) {
          const auto e = EventIndex(i.index);
          timeline_.store().set_line(e, int(timeline_.store().line(e) + dlines));
        }
      }
  }
  if (map_.body_end >= offset) map_.body_end = std::size_t(long(map_.body_end) + delta);
}

namespace {
// Text added at the end of the file that starts a key of its own at column 0 ("stories:" after the events):
// not a continuation of the list that ended there.
bool opens_top_key(std::string_view inserted) {
  const std::size_t a = inserted.find_first_not_of("\r\n");
  return a != std::string_view::npos && std::string_view{" \t-#"}.find(inserted[a]) == std::string_view::npos;
}
}  // namespace

bool Document::commit(const Patch& p, bool check, Diagnostics* problems, std::vector<std::string>* ids) {
  const std::size_t bom = prepared_.facts.bom_bytes;
  const long delta = long(p.inserted.size()) - long(p.removed.size());
  const long dlines = newlines(p.inserted) - newlines(p.removed);
  // The list whose items the patch falls in, and those items.
  ListKind kind = ListKind::Events;
  ListMap* l = nullptr;
  for (ListKind k : {ListKind::Lanes, ListKind::Sources, ListKind::Events}) {
    ListMap& c = list(k);
    // In the list: from its first item to its end; an insertion at its very end only when that is the end of
    // the text (a file without a final newline).
    const bool at_end = p.offset == c.end && p.removed.empty() && c.end == body().size() && !opens_top_key(p.inserted);
    if (c.block && !c.items.empty() && c.items.front().begin <= p.offset && (p.offset < c.end || at_end) &&
        p.offset + p.removed.size() <= c.end)
      kind = k, l = &c;
  }
  text_.replace(bom + p.offset, p.removed.size(), p.inserted);
  if (!l || diag_.has_errors() || map_.whole) {
    // Read everything again; keep the old state to go back to if the edit is refused.
    const Diagnostics before = diag_;
    Timeline old_timeline = std::move(timeline_);
    auto old_index = std::move(index_);
    SourceMap old_map = std::move(map_);
    std::vector<std::uint32_t> old_items = std::move(event_item_);
    read_all();
    if (!check || diag_.error_count() <= before.error_count()) {
      if (ids) for (EventIndex i = 0; i < timeline_.event_count(); ++i) ids->emplace_back(timeline_.store().id(i));
      return true;
    }
    for (const Diagnostic& d : diag_.items())
      if (d.severity == Severity::Error) problems->add(d);
    text_.replace(bom + p.offset, p.inserted.size(), p.removed);
    timeline_ = std::move(old_timeline);
    index_ = std::move(old_index);
    ids_.emplace(timeline_.store(), timeline_.event_count());  // rebuilt: cheaper than keeping a copy
    for (EventIndex i = 0; i < timeline_.event_count(); ++i) ids_->insert(i);
    map_ = std::move(old_map);
    event_item_ = std::move(old_items);
    diag_ = before;
    changed();
    return false;
  }
  const auto after = std::upper_bound(l->items.begin(), l->items.end(), p.offset,
                                      [](std::size_t o, const ItemRef& i) { return o < i.begin; });
  const std::size_t k0 = std::size_t(after - l->items.begin()) - 1;
  std::size_t k1 = k0;
  while (k1 + 1 < l->items.size() && l->items[k1 + 1].begin < p.offset + p.removed.size()) ++k1;
  const std::size_t old_end = l->item_end(k1);
  if (!resync_list(kind, k0, k1, old_end, delta, dlines, check, problems, ids)) {
    text_.replace(bom + p.offset, p.inserted.size(), p.removed);
    return false;
  }
  changed();
  return true;
}

bool Document::resync_list(ListKind kind, std::size_t k0, std::size_t k1, std::size_t old_end, long delta, long dlines,
                           bool check, Diagnostics* problems, std::vector<std::string>* ids) {
  ListMap& l = list(kind);
  const std::string_view text = body();
  // The edited stretch, cut into items again and read as the loader reads them.
  ListMap region;
  region.block = true;
  region.indent = l.indent;
  region.end = std::size_t(long(old_end) + delta);
  region.items = cut_items(text, l.items[k0].begin, region.end, l.items[k0].line, l.indent);
  Diagnostics found{path_};
  ItemReader reader{found};
  std::vector<EventRead> events;
  std::vector<std::vector<LaneId>> event_lanes;
  std::vector<Lane> lanes;
  std::vector<Source> sources;
  std::vector<int> read_of(region.items.size(), -1);  // per new item: its entry in events/lanes/sources
  const auto on_item = [&](std::size_t k, const YNode& n) {
    if (kind == ListKind::Events) {
      EventRead r = reader.event(n);
      event_lanes.push_back(resolve_references(timeline_, r, found));
      if (!r.ok) return event_lanes.pop_back();
      read_of[k] = int(events.size());
      events.push_back(std::move(r));
    } else if (kind == ListKind::Lanes) {
      if (auto lane = reader.lane(n)) read_of[k] = int(lanes.size()), lanes.push_back(std::move(*lane));
    } else if (auto s = reader.source(n)) {
      read_of[k] = int(sources.size()), sources.push_back(std::move(*s));
    }
  };
  const auto on_fail = [&](std::size_t k) { read_of[k] = -1; };
  if (!parse_items(text, region, 0, region.items.size(), found, what_of(kind), on_item, on_fail)) {
    found.error({int(l.items[k0].line), 1, int(l.items[k0].begin)},
                "an alias here refers to an anchor in another item; edit this file in a text editor");
  }
  // Ids: unique among the new items and against everything outside the edited stretch.
  std::vector<std::string> old_ids;  // ids of what the stretch held
  for (std::size_t k = k0; k <= k1; ++k) {
    const int i = l.items[k].index;
    if (i < 0) continue;
    old_ids.emplace_back(kind == ListKind::Events ? std::string{timeline_.store().id(EventIndex(i))}
                         : kind == ListKind::Lanes ? timeline_.lanes[std::size_t(i)].id
                                                   : timeline_.sources[std::size_t(i)].id);
  }
  const auto id_of = [&](std::size_t k) -> const std::string& {
    const auto r = std::size_t(read_of[k]);
    return kind == ListKind::Events ? events[r].event.id : kind == ListKind::Lanes ? lanes[r].id : sources[r].id;
  };
  std::vector<std::string> new_ids;
  for (std::size_t k = 0; k < region.items.size(); ++k) {
    if (read_of[k] < 0) continue;
    const std::string id = id_of(k);
    const TextPos at{int(region.items[k].line), l.indent + 3, int(region.items[k].begin)};
    const bool taken_outside = std::find(old_ids.begin(), old_ids.end(), id) == old_ids.end() &&
                               (kind == ListKind::Events   ? find_event(id).has_value()
                                : kind == ListKind::Lanes ? timeline_.find_lane(id) != nullptr
                                                          : timeline_.find_source(id) != nullptr);
    if (taken_outside || std::find(new_ids.begin(), new_ids.end(), id) != new_ids.end()) {
      found.error(at, "duplicate " + std::string{what_of(kind).substr(4)} + " id '" + id + "'");
      read_of[k] = -1;
    }
    new_ids.push_back(id);
  }
  // Lanes and sources that go away (deleted, or their id changed) must not be used by any event.
  if (kind != ListKind::Events) {
    for (const std::string& id : old_ids) {
      if (std::find(new_ids.begin(), new_ids.end(), id) != new_ids.end()) continue;
      std::size_t users = 0;
      if (kind == ListKind::Lanes) {
        const auto slot = std::size_t(timeline_.find_lane(id) - timeline_.lanes.data());
        users = slot < index_->slots().size() ? index_->members(slot) : 0;
      } else {
        const EventStore& st = timeline_.store();
        for (EventIndex e = 0; e < st.size(); ++e)
          if (const auto d = st.details(e))
            users += std::any_of(d->sources.begin(), d->sources.end(), [&](const CitationView& r) { return r.source == id; });
      }
      if (users)
        found.error({int(l.items[k0].line), l.indent + 3, int(l.items[k0].begin)},
                    std::string{what_of(kind).substr(4)} + " '" + id + "' is used by " + std::to_string(users) +
                        (users == 1 ? " event" : " events"));
    }
  }
  if (check && found.has_errors()) {
    problems->append(found);
    return false;
  }
  if (ids) {  // what the edit produced: the ids that are new, else (a value changed) every id of the stretch
    const std::size_t first = ids->size();
    for (std::size_t k = 0; k < region.items.size(); ++k)
      if (read_of[k] >= 0 && std::find(old_ids.begin(), old_ids.end(), id_of(k)) == old_ids.end()) ids->push_back(id_of(k));
    if (ids->size() == first)
      for (std::size_t k = 0; k < region.items.size(); ++k)
        if (read_of[k] >= 0) ids->push_back(id_of(k));
  }

  // Commit: everything after the stretch moves, then the stretch's items are replaced.
  shift_after(old_end, delta, dlines);
  diag_.replace_range(int(l.items[k0].begin), int(old_end), int(delta), int(dlines));
  for (const Diagnostic& d : found.items()) diag_.add(d);
  diag_.sort();
  const long old_count = long(std::count_if(l.items.begin() + std::ptrdiff_t(k0), l.items.begin() + std::ptrdiff_t(k1) + 1,
                                            [](const ItemRef& i) { return i.index >= 0; }));
  const long new_count = long(std::count_if(read_of.begin(), read_of.end(), [](int v) { return v >= 0; }));
  if (kind == ListKind::Events) {
    EventStore& st = timeline_.store();
    // Where the stretch's events sit in the store: after every event of the items before it.
    EventIndex at = 0;
    for (std::size_t k = k0; k-- > 0;)
      if (l.items[k].index >= 0) {
        at = EventIndex(l.items[k].index + 1);
        break;
      }
    std::vector<std::string_view> tags;
    std::size_t next = 0;  // next new event
    auto parts_of = [&](std::size_t r) {
      return event_parts(events[r], event_lanes[r], tags);
    };
    std::vector<std::size_t> kept;  // entries of `events` that go in, in order
    for (std::size_t k = 0; k < region.items.size(); ++k)
      if (read_of[k] >= 0) kept.push_back(std::size_t(read_of[k]));
    if (old_count == 1 && new_count == 1) {  // the common edit: one event replaced in place
      ids_->erase(at);
      index_->remove(at);
      st.replace(at, parts_of(kept[0]));
      index_->insert(at);
      ids_->insert(at);
      next = 1;
    } else {
      for (long n = 0; n < old_count; ++n) {  // the old events go (they are consecutive from `at`)
        ids_->erase(at);
        index_->remove(at);
        st.erase(at);
        index_->shift(at + 1, -1);
        ids_->shift(at + 1, -1);
      }
      for (; next < kept.size(); ++next) {
        const auto i = EventIndex(at + next);
        st.add(parts_of(kept[next]));
        if (i + 1 < st.size()) {
          st.move_last_to(i);
          index_->shift(i, +1);
          ids_->shift(i, +1);
        }
        index_->insert(i);
        ids_->insert(i);
      }
    }
    // The items: the stretch's replaced, those after it renumbered.
    std::vector<ItemRef> fresh;
    std::size_t n = 0;
    for (std::size_t k = 0; k < region.items.size(); ++k)
      fresh.push_back({region.items[k].begin, region.items[k].line, read_of[k] >= 0 ? std::int32_t(at + n++) : -1});
    for (std::size_t k = k1 + 1; k < l.items.size(); ++k)
      if (l.items[k].index >= 0) l.items[k].index += std::int32_t(new_count - old_count);
    l.items.erase(l.items.begin() + std::ptrdiff_t(k0), l.items.begin() + std::ptrdiff_t(k1) + 1);
    l.items.insert(l.items.begin() + std::ptrdiff_t(k0), fresh.begin(), fresh.end());
    if (old_count != new_count || old_count != 1) rebuild_event_items();
    return true;
  }
  // Lanes and sources: the list is put together again in file order (lanes then sorted for display), the
  // events' lane numbers follow, and the index is built again (lane edits are rare and small).
  std::vector<ItemRef> fresh;
  for (std::size_t k = 0; k < region.items.size(); ++k) fresh.push_back({region.items[k].begin, region.items[k].line, read_of[k]});
  if (kind == ListKind::Sources) {
    timeline_.sources = merged(l.items, k0, k1, std::move(fresh), sources, timeline_.sources);
    timeline_.index_names();
    return true;
  }
  std::vector<std::string> old_order;
  for (const Lane& x : timeline_.lanes) old_order.push_back(x.id);
  std::vector<Lane> all = merged(l.items, k0, k1, std::move(fresh), lanes, timeline_.lanes);
  // Display order: by `order`, then by position in the file.
  std::vector<std::size_t> order(all.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return all[a].order < all[b].order; });
  std::vector<int> position(all.size());
  timeline_.lanes.clear();
  for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = int(i), timeline_.lanes.push_back(std::move(all[order[i]]));
  for (ItemRef& i : l.items)
    if (i.index >= 0) i.index = position[std::size_t(i.index)];
  timeline_.index_names();
  std::vector<LaneId> remap(old_order.size(), kNoLane);
  for (std::size_t i = 0; i < old_order.size(); ++i)
    if (const Lane* x = timeline_.find_lane(old_order[i])) remap[i] = LaneId(x - timeline_.lanes.data());
  timeline_.store().remap_lanes(remap);
  index_ = std::make_unique<TimelineIndex>(timeline_);
  return true;
}

}  // namespace cs
