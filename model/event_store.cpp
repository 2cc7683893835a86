// Column store appends, in-place edits, the records of the text pool, and reconstruction of dates.
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
void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) out += char(std::uint8_t(v) | 0x80), v >>= 7;
  out += char(v);
}
// An event's record: the lengths of its strings, then the strings.
//   id title date url                    (lengths, then bytes)
//   and with kDetails: summary notes n   (lengths and the number of citations, then summary and notes)
//   and per citation: dated (one byte), source locator quote date_note claims (lengths, then bytes)
void put_strings(std::string& out, std::initializer_list<std::string_view> strings) {
  for (std::string_view s : strings) put_varint(out, s.size());
  for (std::string_view s : strings) out.append(s);
}
// Moves p past n strings whose lengths come first.
const char* skip_strings(const char* p, int n) {
  std::uint64_t total = 0;
  for (int k = 0; k < n; ++k) total += read_varint(p);
  return p + total;
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
  f(lane_off_), f(lane_n_), f(tag_off_), f(tag_n_), f(line_), f(column_);
}

void EventStore::reserve(std::size_t n, std::size_t text_bytes) {
  each_column([n](auto& v) { v.reserve(n); });
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
  if (disputes_date(p.sources)) f |= kDisputed;
  const bool rich = !p.summary.empty() || !p.notes.empty() || !p.sources.empty();
  if (rich) f |= kDetails;
  flags_[i] = f;
  // Significance: cited and described events first, then by how long they last.
  int sig = rich ? std::min<int>(8, int(p.sources.size()) * 2 + (p.summary.empty() ? 0 : 2)) : 0;
  if (!p.url.empty()) ++sig;
  significance_[i] = std::uint8_t(sig);
  text_off_[i] = pool_.size();
  put_strings(pool_, {p.id, p.title, p.date_text, p.url});
  if (rich) {
    put_varint(pool_, p.summary.size()), put_varint(pool_, p.notes.size()), put_varint(pool_, p.sources.size());
    pool_.append(p.summary).append(p.notes);
    for (const SourceRef& r : p.sources) {
      pool_ += char(r.dated);
      put_strings(pool_, {r.source, r.locator, r.quote, r.date_note, r.claims_text});
    }
  }
  const std::size_t n = p.lanes.size();
  if (n == 1) {
    lane_off_[i] = p.lanes[0];
  } else if (n > 1 && lane_n_[i] >= n) {  // fits where the old list was
    std::copy(p.lanes.begin(), p.lanes.end(), lane_ids_.begin() + std::ptrdiff_t(lane_off_[i]));
  } else if (n > 1) {
    lane_off_[i] = std::uint32_t(lane_ids_.size());
    lane_ids_.insert(lane_ids_.end(), p.lanes.begin(), p.lanes.end());
  }
  lane_n_[i] = std::uint32_t(n);
  if (p.tags.size() == 1) {
    tag_off_[i] = intern_tag(p.tags[0]);
  } else {
    tag_off_[i] = std::uint32_t(tag_ids_.size());
    for (std::string_view t : p.tags) tag_ids_.push_back(intern_tag(t));
  }
  tag_n_[i] = std::uint32_t(p.tags.size());
  line_[i] = std::uint32_t(std::max(0, p.line));
  column_[i] = std::uint16_t(std::clamp(p.column, 0, 65535));
}

EventIndex EventStore::add(const EventParts& p) {
  const auto i = EventIndex(start_.size());
  each_column([](auto& v) { v.emplace_back(); });
  set(i, p);
  return i;
}

EventIndex EventStore::add(const Event& e, std::span<const LaneId> lanes) {
  std::vector<std::string_view> tags(e.tags.begin(), e.tags.end());
  return add({e.id, e.title, e.date_text, {}, e.when, lanes, tags, e.pos.line, e.pos.column, e.summary, e.notes, e.sources});
}

void EventStore::replace(EventIndex i, const EventParts& p) { set(i, p); }

void EventStore::erase(EventIndex i) {
  each_column([i](auto& v) { v.erase(v.begin() + std::ptrdiff_t(i)); });
}

void EventStore::move_last_to(EventIndex i) {
  each_column([i](auto& v) { std::rotate(v.begin() + std::ptrdiff_t(i), v.end() - 1, v.end()); });
}

EventIndex EventStore::append(const EventStore& o, EventIndex j, std::vector<std::uint32_t>& tag_map) {
  start_.push_back(o.start_[j]), end_start_.push_back(o.end_start_[j]), cover_end_.push_back(o.cover_end_[j]);
  flags_.push_back(o.flags_[j]), significance_.push_back(o.significance_[j]), line_.push_back(o.line_[j]);
  column_.push_back(o.column_[j]);
  text_off_.push_back(pool_.size());
  pool_.append(o.pool_, o.text_off_[j], o.record_end(j) - o.text_off_[j]);
  const auto lanes = o.lanes(j);
  lane_n_.push_back(std::uint32_t(lanes.size()));
  if (lanes.size() == 1) {
    lane_off_.push_back(lanes[0]);
  } else {
    lane_off_.push_back(std::uint32_t(lane_ids_.size()));
    lane_ids_.insert(lane_ids_.end(), lanes.begin(), lanes.end());
  }
  // Tags are interned per store: translate the other store's tag numbers to ours (tag_map caches that).
  if (tag_map.size() < o.tag_names_.size()) tag_map.resize(o.tag_names_.size(), UINT32_MAX);
  auto mine = [&](std::uint32_t theirs) {
    std::uint32_t& m = tag_map[theirs];
    if (m == UINT32_MAX) m = intern_tag(o.tag_names_[theirs]);
    return m;
  };
  const std::uint32_t nt = o.tag_n_[j];
  tag_n_.push_back(nt);
  if (nt == 1) {
    tag_off_.push_back(mine(o.tag_off_[j]));
  } else {
    tag_off_.push_back(std::uint32_t(tag_ids_.size()));
    for (std::uint32_t k = o.tag_off_[j]; k < o.tag_off_[j] + nt; ++k) tag_ids_.push_back(mine(o.tag_ids_[k]));
  }
  return EventIndex(size() - 1);
}

void EventStore::remap_lanes(std::span<const LaneId> map) {
  for (std::size_t i = 0; i < size(); ++i) {
    if (!lane_n_[i]) continue;
    LaneId* l = lane_n_[i] == 1 ? &lane_off_[i] : lane_ids_.data() + lane_off_[i];
    std::uint32_t kept = 0;
    for (std::uint32_t k = 0; k < lane_n_[i]; ++k)
      if (l[k] < map.size() && map[l[k]] != kNoLane) l[kept++] = map[l[k]];
    if (lane_n_[i] > 1 && kept == 1) lane_off_[i] = l[0];  // one left: the column holds it
    lane_n_[i] = kept;
  }
}

std::vector<std::string_view> EventStore::tags(EventIndex i) const {
  std::vector<std::string_view> out;
  any_tag(i, [&](std::string_view t) {
    out.push_back(t);
    return false;
  });
  return out;
}

std::optional<DetailsView> EventStore::details(EventIndex i) const {
  if (!(flags_[i] & kDetails)) return std::nullopt;
  const char* p = skip_strings(pool_.data() + text_off_[i], 4);
  const std::size_t summary = read_varint(p), notes = read_varint(p);
  const auto n = std::uint32_t(read_varint(p));
  DetailsView d;
  d.summary = {p, summary};
  d.notes = {p + summary, notes};
  d.sources = Citations{p + summary + notes, n};
  return d;
}

std::size_t EventStore::record_end(EventIndex i) const {
  const char* p = skip_strings(pool_.data() + text_off_[i], 4);
  if (flags_[i] & kDetails) {
    const std::size_t summary = read_varint(p), notes = read_varint(p);
    std::uint64_t n = read_varint(p);
    for (p += summary + notes; n--;) p = skip_strings(p + 1, 5);
  }
  return std::size_t(p - pool_.data());
}

CitationView Citations::iterator::operator*() const {
  const char* p = p_;
  CitationView c;
  c.dated = Dated(std::uint8_t(*p++));
  std::uint64_t len[5];
  for (auto& l : len) l = read_varint(p);
  std::string_view* out[5] = {&c.source, &c.locator, &c.quote, &c.date_note, &c.claims_text};
  for (int k = 0; k < 5; ++k) *out[k] = {p, std::size_t(len[k])}, p += len[k];
  return c;
}

Citations::iterator& Citations::iterator::operator++() {
  p_ = --left_ ? skip_strings(p_ + 1, 5) : nullptr;
  return *this;
}

CitationView Citations::operator[](std::size_t k) const {
  auto it = begin();
  while (k--) ++it;
  return *it;
}

std::optional<When> CitationView::claims() const {
  if (claims_text.empty()) return std::nullopt;
  return parse_edtf(claims_text).value;
}

SourceRef CitationView::ref() const {
  SourceRef r;
  r.source = source, r.locator = locator, r.quote = quote, r.dated = dated, r.date_note = date_note;
  r.claims_text = claims_text;
  r.claims = claims();
  return r;
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
