// Column store appends, in-place edits, and reconstruction of dates.
#include "model/event_store.hpp"

#include "model/timeline.hpp"

#include <algorithm>
#include <limits>

namespace cs {
namespace {
std::uint32_t date_flags(const Date& d) {
  return std::uint32_t(d.precision) | (d.uncertain ? 1u << 5 : 0u) | (d.approximate ? 1u << 6 : 0u);
}
// What the columns cannot give back: the date is read again from its text.
bool complex_date(const Date& d) { return d.unspecified || d.season || d.uncertain_parts || d.approximate_parts; }
bool complex_when(const When& w) {
  return w.set || w.start_bound != Bound::Known || w.end_bound == Bound::Unknown || complex_date(w.start) ||
         (w.end && complex_date(*w.end));
}
Date date_from(std::int64_t start, std::uint32_t f) {
  Date d;
  d.start = Seconds{std::chrono::seconds{start}};
  d.precision = Precision(f & 0x7);
  d.uncertain = f & (1 << 5);
  d.approximate = f & (1 << 6);
  return d;
}
}  // namespace

EventStore::EventStore() = default;
EventStore::~EventStore() = default;
EventStore::EventStore(EventStore&&) noexcept = default;
EventStore& EventStore::operator=(EventStore&&) noexcept = default;
EventStore::EventStore(const EventStore&) = default;
EventStore& EventStore::operator=(const EventStore&) = default;

template <class F>
void EventStore::each_column(F&& f) {
  f(start_), f(end_start_), f(cover_end_), f(flags_), f(significance_), f(text_off_);
  f(id_len_), f(title_len_), f(date_len_), f(url_len_), f(lane_off_), f(lane_n_), f(tag_off_), f(tag_n_);
  f(line_), f(column_), f(detail_slot_);
}

void EventStore::reserve(std::size_t n, std::size_t text_bytes) {
  each_column([n](auto& v) { v.reserve(n); });
  lane_ids_.reserve(n);
  pool_.reserve(text_bytes);
}

// Not the text pool: a loader reserves it at the list's size in bytes, of which only what is written is ever
// resident, and copying it to a fitting buffer would hold it twice at the very end of a load (45 MB more at
// the peak for a million events).
void EventStore::shrink_to_fit() {
  each_column([](auto& v) { v.shrink_to_fit(); });
  lane_ids_.shrink_to_fit();
  tag_ids_.shrink_to_fit();
}

std::uint32_t EventStore::intern_tag(std::string_view t) {
  auto it = tag_lookup_.find(std::string{t});
  if (it != tag_lookup_.end()) return it->second;
  const auto id = std::uint32_t(tag_names_.size());
  tag_names_.emplace_back(t);
  tag_lookup_.emplace(tag_names_.back(), id);
  return id;
}

void EventStore::set(EventIndex i, const EventParts& p) {
  const When& w = p.when;
  start_[i] = w.begin_time().time_since_epoch().count();
  end_start_[i] = w.end ? w.end->start.time_since_epoch().count() : 0;
  cover_end_[i] = w.end_time().time_since_epoch().count();
  std::uint32_t f = date_flags(w.start);
  if (w.end) f |= kClosed | (date_flags(*w.end) << kEndShift);
  if (w.open_end || cover_end_[i] == std::numeric_limits<std::int64_t>::max()) f |= kOpen;
  if (w.start_bound == Bound::Open || start_[i] == std::numeric_limits<std::int64_t>::min()) f |= kOpenStart;
  if (w.start_bound == Bound::Unknown) f |= kUnknownStart;
  if (w.end_bound == Bound::Unknown) f |= kUnknownEnd;
  if (w.set) f |= w.set->kind == SetKind::AllOf ? kSetAllOf : kSetOneOf;
  if (complex_when(w)) f |= kComplex;
  if (w.start.unspecified || w.start.season || (w.end && (w.end->unspecified || w.end->season))) f |= kUnspecified;
  if (p.details && disputes_date(p.details->sources)) f |= kDisputed;
  flags_[i] = f;
  // Significance: cited and described events first, then by how long they last.
  int sig = p.details ? std::min<int>(8, int(p.details->sources.size()) * 2 + (p.details->summary.empty() ? 0 : 2)) : 0;
  if (!p.url.empty()) ++sig;
  significance_[i] = std::uint8_t(sig);
  text_off_[i] = pool_.size();
  pool_.append(p.id).append(p.title).append(p.date_text).append(p.url);
  id_len_[i] = std::uint32_t(p.id.size());
  title_len_[i] = std::uint32_t(p.title.size());
  date_len_[i] = std::uint32_t(p.date_text.size());
  url_len_[i] = std::uint32_t(p.url.size());
  if (p.lanes.size() <= lane_n_[i]) {  // fits where the old list was (always for a new event)
    std::copy(p.lanes.begin(), p.lanes.end(), lane_ids_.begin() + std::ptrdiff_t(lane_off_[i]));
  } else {
    lane_off_[i] = std::uint32_t(lane_ids_.size());
    lane_ids_.insert(lane_ids_.end(), p.lanes.begin(), p.lanes.end());
  }
  lane_n_[i] = std::uint32_t(p.lanes.size());
  tag_off_[i] = std::uint32_t(tag_ids_.size());
  for (std::string_view t : p.tags) tag_ids_.push_back(intern_tag(t));
  tag_n_[i] = std::uint32_t(p.tags.size());
  line_[i] = std::uint32_t(std::max(0, p.line));
  column_[i] = std::uint16_t(std::clamp(p.column, 0, 65535));
  std::uint32_t& slot = detail_slot_[i];
  if (p.details) {
    if (!slot) {
      if (!free_details_.empty()) slot = free_details_.back() + 1, free_details_.pop_back();
      else details_.emplace_back(), slot = std::uint32_t(details_.size());
    }
    details_[slot - 1] = *p.details;
  } else if (slot) {
    details_[slot - 1] = {};
    free_details_.push_back(slot - 1);
    slot = 0;
  }
}

EventIndex EventStore::add(const EventParts& p) {
  const auto i = EventIndex(start_.size());
  each_column([](auto& v) { v.emplace_back(); });
  lane_off_[i] = std::uint32_t(lane_ids_.size());
  set(i, p);
  return i;
}

EventIndex EventStore::add(const Event& e, std::span<const LaneId> lanes) {
  std::vector<std::string_view> tags(e.tags.begin(), e.tags.end());
  EventDetails d{e.summary, e.sources, e.notes};
  const bool rich = !d.summary.empty() || !d.sources.empty() || !d.notes.empty();
  return add({e.id, e.title, e.date_text, {}, e.when, lanes, tags, rich ? &d : nullptr, e.pos.line, e.pos.column});
}

void EventStore::replace(EventIndex i, const EventParts& p) { set(i, p); }

void EventStore::erase(EventIndex i) {
  if (detail_slot_[i]) {
    details_[detail_slot_[i] - 1] = {};
    free_details_.push_back(detail_slot_[i] - 1);
  }
  each_column([i](auto& v) { v.erase(v.begin() + std::ptrdiff_t(i)); });
}

void EventStore::move_last_to(EventIndex i) {
  each_column([i](auto& v) { std::rotate(v.begin() + std::ptrdiff_t(i), v.end() - 1, v.end()); });
}

EventIndex EventStore::append(const EventStore& o, EventIndex j, std::vector<std::uint32_t>& tag_map) {
  start_.push_back(o.start_[j]), end_start_.push_back(o.end_start_[j]), cover_end_.push_back(o.cover_end_[j]);
  flags_.push_back(o.flags_[j]), significance_.push_back(o.significance_[j]), line_.push_back(o.line_[j]);
  column_.push_back(o.column_[j]);
  id_len_.push_back(o.id_len_[j]), title_len_.push_back(o.title_len_[j]);
  date_len_.push_back(o.date_len_[j]), url_len_.push_back(o.url_len_[j]);
  text_off_.push_back(pool_.size());
  pool_.append(o.pool_, o.text_off_[j], std::size_t(o.id_len_[j]) + o.title_len_[j] + o.date_len_[j] + o.url_len_[j]);
  lane_off_.push_back(std::uint32_t(lane_ids_.size())), lane_n_.push_back(o.lane_n_[j]);
  const auto lanes = o.lanes(j);
  lane_ids_.insert(lane_ids_.end(), lanes.begin(), lanes.end());
  // Tags are interned per store: translate the other store's tag numbers to ours (tag_map caches that).
  tag_off_.push_back(std::uint32_t(tag_ids_.size())), tag_n_.push_back(o.tag_n_[j]);
  if (tag_map.size() < o.tag_names_.size()) tag_map.resize(o.tag_names_.size(), UINT32_MAX);
  for (std::uint32_t k = o.tag_off_[j]; k < o.tag_off_[j] + o.tag_n_[j]; ++k) {
    std::uint32_t& mine = tag_map[o.tag_ids_[k]];
    if (mine == UINT32_MAX) mine = intern_tag(o.tag_names_[o.tag_ids_[k]]);
    tag_ids_.push_back(mine);
  }
  if (const EventDetails* d = o.details(j)) {
    details_.push_back(*d);
    detail_slot_.push_back(std::uint32_t(details_.size()));
  } else {
    detail_slot_.push_back(0);
  }
  return EventIndex(size() - 1);
}

void EventStore::remap_lanes(std::span<const LaneId> map) {
  for (std::size_t i = 0; i < size(); ++i) {
    LaneId* l = lane_ids_.data() + lane_off_[i];
    std::uint32_t kept = 0;
    for (std::uint32_t k = 0; k < lane_n_[i]; ++k)
      if (l[k] < map.size() && map[l[k]] != kNoLane) l[kept++] = map[l[k]];
    lane_n_[i] = kept;
  }
}

std::vector<std::string_view> EventStore::tags(EventIndex i) const {
  std::vector<std::string_view> out;
  for (std::uint32_t k = tag_off_[i]; k < tag_off_[i] + tag_n_[i]; ++k) out.push_back(tag_names_[tag_ids_[k]]);
  return out;
}

const EventDetails* EventStore::details(EventIndex i) const {
  return detail_slot_[i] ? &details_[detail_slot_[i] - 1] : nullptr;
}

std::int64_t EventStore::finite_begin(EventIndex i) const {
  if (!(flags_[i] & kOpenStart)) return start_[i];
  const When w = when(i);  // from all earlier time: the earliest date written
  return (w.end && w.start_bound != Bound::Known ? w.end->start : w.start.start).time_since_epoch().count();
}

std::int64_t EventStore::finite_end(EventIndex i) const {
  if (!(flags_[i] & kOpen)) return cover_end_[i];
  const When w = when(i);  // going on: up to the end of the latest date written
  return (w.end ? w.end->end() : w.start.end()).time_since_epoch().count();
}

TextPos EventStore::pos(EventIndex i) const { return {int(line_[i]), int(column_[i]), -1}; }

When EventStore::when(EventIndex i) const {
  if (flags_[i] & kComplex)
    if (auto r = parse_edtf(date_text(i)); r.value) return *r.value;
  When w;
  w.start = date_from(start_[i], flags_[i]);
  if (flags_[i] & kClosed) w.end = date_from(end_start_[i], flags_[i] >> kEndShift);
  w.open_end = flags_[i] & kOpen;
  return w;
}

}  // namespace cs
