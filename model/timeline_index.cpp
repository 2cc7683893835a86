// Building the per-lane arrays, and the binary-search queries over them.
#include "model/timeline_index.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <limits>
#include <numeric>

namespace cs {

namespace {
// end - start, saturating (an open start is INT64_MIN).
std::int64_t duration(const EventStore& st, EventIndex e) {
  std::int64_t d;
  return __builtin_sub_overflow(st.end(e), st.start(e), &d) ? std::numeric_limits<std::int64_t>::max() : d;
}
}  // namespace

int duration_class(std::int64_t seconds) {
  return seconds <= 1 ? 0 : std::min(63, int(std::bit_width(std::uint64_t(seconds))) - 1);
}

TimelineIndex::TimelineIndex(const Timeline& t, const std::vector<bool>* keep) : timeline_(&t) {
  const EventStore& st = t.store();
  for (const Lane& l : t.lanes) slots_.push_back({&l});
  const std::size_t n_lanes = t.lanes.size();
  const auto kept = [&](EventIndex i) { return !keep || (i < keep->size() && (*keep)[i]); };
  // Count memberships per slot first, so each array is allocated once.
  std::vector<std::size_t> closed(n_lanes + 1, 0), open(n_lanes + 1, 0);
  for (EventIndex i = 0; i < st.size(); ++i) {
    if (!kept(i)) continue;
    auto& counts = st.open_end(i) ? open : closed;
    const auto lanes = st.lanes(i);
    if (lanes.empty()) ++counts[n_lanes];
    for (LaneId l : lanes) ++counts[l];
  }
  const bool catch_all = closed[n_lanes] + open[n_lanes] > 0;
  if (catch_all) slots_.push_back({nullptr});
  lanes_.resize(slots_.size());
  for (std::size_t s = 0; s < lanes_.size(); ++s) {
    lanes_[s].order.reserve(closed[s]);
    lanes_[s].open.reserve(open[s]);
  }
  for (EventIndex i = 0; i < st.size(); ++i) {
    if (!kept(i)) continue;
    const auto lanes = st.lanes(i);
    auto put = [&](std::size_t s) { (st.open_end(i) ? lanes_[s].open : lanes_[s].order).push_back(i); };
    if (lanes.empty()) put(n_lanes);
    for (LaneId l : lanes) put(l);
  }
  const auto by_start = [&](EventIndex a, EventIndex b) {
    return st.start(a) != st.start(b) ? st.start(a) < st.start(b) : a < b;
  };
  for (PerLane& l : lanes_) {
    std::sort(l.order.begin(), l.order.end(), by_start);
    std::sort(l.open.begin(), l.open.end(), by_start);
    l.starts.resize(l.order.size());
    std::vector<std::uint8_t> cls(l.order.size());
    std::array<std::size_t, kClasses> per_class{};
    for (std::size_t k = 0; k < l.order.size(); ++k) {
      const EventIndex e = l.order[k];
      l.starts[k] = st.start(e);
      cls[k] = std::uint8_t(duration_class(duration(st, e)));
      ++per_class[cls[k]];
    }
    l.by_class.resize(kClasses);
    for (int c = 0; c < kClasses; ++c) {
      l.by_class[std::size_t(c)].events.reserve(per_class[std::size_t(c)]);
      l.by_class[std::size_t(c)].starts.reserve(per_class[std::size_t(c)]);
    }
    for (std::size_t k = 0; k < l.order.size(); ++k) {  // stays sorted by start within each class
      ClassList& c = l.by_class[cls[k]];
      c.events.push_back(l.order[k]);
      c.starts.push_back(l.starts[k]);
    }
    l.open_starts.resize(l.open.size());
    for (std::size_t k = 0; k < l.open.size(); ++k) l.open_starts[k] = st.start(l.open[k]);
  }
  compute_extent();
}

void TimelineIndex::compute_extent() {
  const EventStore& st = store();
  has_events_ = false;
  const auto meet = [&](Seconds a, Seconds b) {
    if (!has_events_ || a < first_) first_ = a;
    if (!has_events_ || b > last_) last_ = b;
    has_events_ = true;
  };
  for (const PerLane& l : lanes_) {
    for (EventIndex e : l.order)
      meet(Seconds{std::chrono::seconds{st.finite_begin(e)}}, Seconds{std::chrono::seconds{st.finite_end(e)}});
    for (EventIndex e : l.open)
      meet(Seconds{std::chrono::seconds{st.finite_begin(e)}}, Seconds{std::chrono::seconds{st.finite_end(e)}});
  }
}

namespace {
// Position of e in a list sorted by (start, index): where it is, or where it goes.
std::size_t position(const std::vector<EventIndex>& ev, const std::vector<std::int64_t>& starts, std::int64_t start,
                     EventIndex e) {
  const auto lo = std::lower_bound(starts.begin(), starts.end(), start);
  const auto hi = std::upper_bound(lo, starts.end(), start);
  const auto a = ev.begin() + (lo - starts.begin()), b = ev.begin() + (hi - starts.begin());
  return std::size_t(std::lower_bound(a, b, e) - ev.begin());
}

void put(std::vector<EventIndex>& ev, std::vector<std::int64_t>& starts, std::int64_t start, EventIndex e, bool in) {
  const std::size_t k = position(ev, starts, start, e);
  if (in) {
    ev.insert(ev.begin() + std::ptrdiff_t(k), e);
    starts.insert(starts.begin() + std::ptrdiff_t(k), start);
  } else if (k < ev.size() && ev[k] == e) {
    ev.erase(ev.begin() + std::ptrdiff_t(k));
    starts.erase(starts.begin() + std::ptrdiff_t(k));
  }
}
}  // namespace

void TimelineIndex::place(std::size_t slot, EventIndex e, bool in) {
  const EventStore& st = store();
  PerLane& l = lanes_[slot];
  const std::int64_t start = st.start(e);
  if (st.open_end(e)) return put(l.open, l.open_starts, start, e, in);
  put(l.order, l.starts, start, e, in);
  ClassList& c = l.by_class[std::size_t(duration_class(duration(st, e)))];
  put(c.events, c.starts, start, e, in);
}

template <class F>
void TimelineIndex::each_slot_of(EventIndex e, F&& f) {
  const auto lanes = store().lanes(e);
  const std::size_t n_lanes = timeline_->lanes.size();
  if (lanes.empty()) {
    if (slots_.size() == n_lanes) {  // the first event without a lane: the catch-all appears
      slots_.push_back({nullptr});
      lanes_.emplace_back().by_class.resize(kClasses);
    }
    return f(n_lanes);
  }
  for (LaneId l : lanes)
    if (l < n_lanes) f(std::size_t(l));
}

void TimelineIndex::remove(EventIndex e) {
  each_slot_of(e, [&](std::size_t s) { place(s, e, false); });
  const std::size_t n_lanes = timeline_->lanes.size();
  if (slots_.size() > n_lanes && lanes_.back().order.empty() && lanes_.back().open.empty()) {
    slots_.pop_back();
    lanes_.pop_back();
  }
}

void TimelineIndex::insert(EventIndex e) {
  each_slot_of(e, [&](std::size_t s) { place(s, e, true); });
  compute_extent();
}

bool TimelineIndex::contains(EventIndex e) const {
  const EventStore& st = store();
  if (e >= st.size()) return false;
  const auto lanes = st.lanes(e);
  const std::size_t s = lanes.empty() ? timeline_->lanes.size() : std::size_t(lanes[0]);
  if (s >= lanes_.size()) return false;
  const PerLane& l = lanes_[s];
  const auto& ev = st.open_end(e) ? l.open : l.order;
  const auto& starts = st.open_end(e) ? l.open_starts : l.starts;
  const std::size_t k = position(ev, starts, st.start(e), e);
  return k < ev.size() && ev[k] == e;
}

void TimelineIndex::shift(EventIndex at, int delta) {
  const auto move = [&](std::vector<EventIndex>& v) {
    for (EventIndex& x : v)
      if (x >= at) x = EventIndex(std::int64_t(x) + delta);
  };
  for (PerLane& l : lanes_) {
    move(l.order);
    move(l.open);
    for (ClassList& c : l.by_class) move(c.events);
  }
  if (delta < 0) compute_extent();
}

namespace {
std::size_t lower(std::span<const std::int64_t> v, std::int64_t x) {
  return std::size_t(std::lower_bound(v.begin(), v.end(), x) - v.begin());
}
// Earliest start that can still reach t0 for a class whose durations are below 2^(k+1).
std::int64_t reach_back(std::int64_t t0, int k) {
  // The top classes hold spans up to INT64_MAX (an open start is INT64_MIN): any start can reach t0.
  if (k >= 62) return std::numeric_limits<std::int64_t>::min();
  const std::int64_t span = std::int64_t{1} << (k + 1);
  return t0 < std::numeric_limits<std::int64_t>::min() + span ? std::numeric_limits<std::int64_t>::min() : t0 - span;
}
}  // namespace

void TimelineIndex::wide_visible(std::size_t s, int k_min, std::int64_t t0, std::int64_t t1,
                                 std::vector<EventIndex>& out, bool sorted, std::int64_t min_seconds) const {
  out.clear();
  const PerLane& l = lanes_[s];
  const EventStore& st = store();
  for (int k = std::max(0, k_min); k < kClasses; ++k) {
    const ClassList& c = l.by_class[std::size_t(k)];
    if (c.starts.empty()) continue;
    const std::size_t a = lower(c.starts, reach_back(t0, k)), b = lower(c.starts, t1);
    for (std::size_t i = a; i < b; ++i) {
      const EventIndex e = c.events[i];
      if (st.end(e) > t0 && duration(st, e) >= min_seconds) out.push_back(e);
    }
  }
  const std::size_t b = lower(l.open_starts, t1);
  out.insert(out.end(), l.open.begin(), l.open.begin() + std::ptrdiff_t(b));
  if (!sorted) return;
  std::sort(out.begin(), out.end(), [&](EventIndex x, EventIndex y) {
    return st.start(x) != st.start(y) ? st.start(x) < st.start(y) : x < y;
  });
}

void TimelineIndex::visible(std::size_t s, Seconds t0, Seconds t1, std::vector<EventIndex>& out) const {
  wide_visible(s, 0, t0.time_since_epoch().count(), t1.time_since_epoch().count(), out);
}

bool TimelineIndex::extent(Seconds& t0, Seconds& t1) const {
  if (!has_events_) return false;
  t0 = first_;
  t1 = last_;
  return true;
}

namespace {
char fold(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }

// ASCII case-insensitive substring test; `needle` is already folded. Skips to candidates by first letter.
bool contains_folded(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (hay.size() < needle.size()) return false;
  const char lo = needle[0], hi = lo >= 'a' && lo <= 'z' ? char(lo & ~0x20) : lo;
  const std::size_t last = hay.size() - needle.size();
  for (std::size_t i = 0; i <= last; ++i) {
    if (hay[i] != lo && hay[i] != hi) continue;
    std::size_t k = 1;
    while (k < needle.size() && fold(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}
}  // namespace

std::vector<EventIndex> search_events(const Timeline& t, std::string_view q) {
  std::vector<EventIndex> out;
  if (q.empty()) return out;
  std::string folded{q};
  for (char& c : folded) c = fold(c);
  const std::string_view query = folded;
  const EventStore& st = t.store();
  for (EventIndex i = 0; i < st.size(); ++i) {
    bool hit = contains_folded(st.title(i), query);
    if (!hit)
      if (const auto d = st.details(i)) hit = contains_folded(d->summary, query);
    if (!hit) hit = st.any_tag(i, [&](std::string_view tag) { return contains_folded(tag, query); });
    if (hit) out.push_back(i);
  }
  std::stable_sort(out.begin(), out.end(), [&](EventIndex a, EventIndex b) { return st.start(a) < st.start(b); });
  return out;
}

}  // namespace cs
