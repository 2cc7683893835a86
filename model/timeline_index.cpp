// Per-lane start-sorted arrays with a running maximum of ends, so a range query is two binary searches
// plus a scan of the events that really are visible.
#include "timeline_index.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace cs {

TimelineIndex::TimelineIndex(const Timeline& t) : timeline_(&t) {
  for (const Lane& l : t.lanes) slots_.push_back({&l});
  lanes_.resize(t.lanes.size());
  PerLane none;
  for (EventIndex i = 0; i < EventIndex(t.events.size()); ++i) {
    const Event& e = t.events[i];
    bool placed = false;
    for (std::size_t s = 0; s < t.lanes.size(); ++s) {
      if (std::find(e.lanes.begin(), e.lanes.end(), t.lanes[s].id) == e.lanes.end()) continue;
      (e.when.open_end ? lanes_[s].open : lanes_[s].events).push_back(i);
      placed = true;
    }
    if (!placed) (e.when.open_end ? none.open : none.events).push_back(i);
  }
  if (!none.events.empty() || !none.open.empty()) {
    slots_.push_back({nullptr});
    lanes_.push_back(std::move(none));
  }
  const auto by_start = [&](EventIndex a, EventIndex b) {
    const auto sa = t.events[a].when.begin_time(), sb = t.events[b].when.begin_time();
    return sa != sb ? sa < sb : a < b;
  };
  for (PerLane& l : lanes_) {
    std::sort(l.events.begin(), l.events.end(), by_start);
    std::sort(l.open.begin(), l.open.end(), by_start);
    l.starts.reserve(l.events.size());
    l.max_end.reserve(l.events.size());
    std::int64_t running = INT64_MIN;
    for (EventIndex i : l.events) {
      const When& w = t.events[i].when;
      l.starts.push_back(w.begin_time().time_since_epoch().count());
      running = std::max(running, std::int64_t(w.end_time().time_since_epoch().count()));
      l.max_end.push_back(running);
    }
  }
}

void TimelineIndex::visible(std::size_t s, Seconds t0, Seconds t1, std::vector<EventIndex>& out) const {
  out.clear();
  const PerLane& l = lanes_[s];
  const std::int64_t a = t0.time_since_epoch().count(), b = t1.time_since_epoch().count();
  // First event whose running max end passes t0: nothing before it can reach into the range.
  const auto first = std::size_t(std::upper_bound(l.max_end.begin(), l.max_end.end(), a) - l.max_end.begin());
  // One past the last event that starts before t1.
  const auto last = std::size_t(std::lower_bound(l.starts.begin(), l.starts.end(), b) - l.starts.begin());
  const auto& events = timeline_->events;
  std::size_t o = 0;
  for (std::size_t i = first; i < last; ++i) {
    const EventIndex e = l.events[i];
    if (events[e].when.end_time().time_since_epoch().count() <= a) continue;
    // Merge the still-going-on events in by start, so the output stays start-ordered.
    while (o < l.open.size() && !(events[e].when.begin_time() < events[l.open[o]].when.begin_time())) {
      if (events[l.open[o]].when.begin_time() < t1) out.push_back(l.open[o]);
      ++o;
    }
    out.push_back(e);
  }
  for (; o < l.open.size(); ++o)
    if (events[l.open[o]].when.begin_time() < t1) out.push_back(l.open[o]);
}

bool TimelineIndex::extent(Seconds& t0, Seconds& t1) const {
  const auto& events = timeline_->events;
  if (events.empty()) return false;
  t0 = Seconds::max();
  t1 = Seconds::min();
  for (const Event& e : events) {
    t0 = std::min(t0, e.when.begin_time());
    t1 = std::max(t1, e.when.open_end ? e.when.start.end() : e.when.end_time());
  }
  return true;
}

namespace {
bool contains_folded(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  const auto eq = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  };
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), eq) != hay.end();
}
}  // namespace

std::vector<EventIndex> search_events(const Timeline& t, std::string_view query) {
  std::vector<EventIndex> out;
  if (query.empty()) return out;
  for (EventIndex i = 0; i < EventIndex(t.events.size()); ++i) {
    const Event& e = t.events[i];
    bool hit = contains_folded(e.title, query) || contains_folded(e.summary, query);
    for (const auto& tag : e.tags) hit = hit || contains_folded(tag, query);
    if (hit) out.push_back(i);
  }
  std::stable_sort(out.begin(), out.end(), [&](EventIndex a, EventIndex b) {
    return t.events[a].when.begin_time() < t.events[b].when.begin_time();
  });
  return out;
}

}  // namespace cs
