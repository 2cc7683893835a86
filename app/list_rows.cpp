// Row selection by mask and range, and the column orders.
#include "app/list_rows.hpp"

#include <algorithm>

namespace cs {
namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }

bool less_folded(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return fold(x) < fold(y); });
}

}  // namespace

std::vector<EventIndex> list_rows(const EventStore& st, const std::vector<bool>& keep, std::int64_t t0,
                                  std::int64_t t1) {
  std::vector<EventIndex> rows;
  const bool all = keep.empty();
  for (EventIndex e = 0; e < st.size(); ++e) {
    if (!all && (e >= keep.size() || !keep[e])) continue;
    if (st.end(e) <= t0 || st.start(e) >= t1) continue;
    rows.push_back(e);
  }
  // Already in file order: a stable sort by start is date order, then file order.
  std::stable_sort(rows.begin(), rows.end(), [&](EventIndex a, EventIndex b) { return st.start(a) < st.start(b); });
  return rows;
}

void sort_rows(std::vector<EventIndex>& rows, const Timeline& t, ListColumn by, bool descending) {
  const EventStore& st = t.store();
  // Date order first, so that ties under the column keep it.
  std::stable_sort(rows.begin(), rows.end(), [&](EventIndex a, EventIndex b) {
    return st.start(a) != st.start(b) ? st.start(a) < st.start(b) : a < b;
  });
  const auto first_lane = [&](EventIndex e) {
    const auto l = st.lanes(e);
    return l.empty() ? kNoLane : l.front();
  };
  const auto cmp = [&](EventIndex a, EventIndex b) {
    switch (by) {
      case ListColumn::Date: return st.start(a) < st.start(b);
      case ListColumn::Title: return less_folded(st.title(a), st.title(b));
      case ListColumn::Lanes: return first_lane(a) < first_lane(b);
      case ListColumn::Citations: return citation_count(st, a) < citation_count(st, b);
      case ListColumn::Disputed: return st.disputed(a) && !st.disputed(b);
    }
    return false;
  };
  if (descending) std::stable_sort(rows.begin(), rows.end(), [&](EventIndex a, EventIndex b) { return cmp(b, a); });
  else std::stable_sort(rows.begin(), rows.end(), cmp);
}

std::string lanes_text(const Timeline& t, EventIndex e, bool names) {
  std::string out;
  for (LaneId l : t.store().lanes(e)) {
    if (l >= t.lanes.size()) continue;
    if (!out.empty()) out += ", ";
    out += names ? t.lanes[l].name : t.lanes[l].id;
  }
  return out;
}

std::size_t citation_count(const EventStore& st, EventIndex e) {
  const auto d = st.details(e);
  return d ? d->sources.size() : 0;
}

}  // namespace cs
