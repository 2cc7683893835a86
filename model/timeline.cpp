// Lookups on a loaded timeline.
#include "model/timeline.hpp"

#include <algorithm>
#include <cmath>

namespace cs {
void Timeline::fresh_names() const {
  if (lane_ids_.size() != lanes.size() || source_ids_.size() != sources.size()) index_names();
}

const Lane* Timeline::find_lane(std::string_view id) const {
  fresh_names();
  auto it = lane_ids_.find(std::string{id});
  return it == lane_ids_.end() ? nullptr : &lanes[it->second];
}

const Source* Timeline::find_source(std::string_view id) const {
  fresh_names();
  auto it = source_ids_.find(std::string{id});
  return it == source_ids_.end() ? nullptr : &sources[it->second];
}

void Timeline::index_names() const {
  lane_ids_.clear();
  source_ids_.clear();
  for (std::size_t i = 0; i < lanes.size(); ++i) lane_ids_.emplace(lanes[i].id, LaneId(i));
  for (std::size_t i = 0; i < sources.size(); ++i) source_ids_.emplace(sources[i].id, i);
}

bool Timeline::add_lane(Lane l) {
  fresh_names();
  if (!lane_ids_.emplace(l.id, LaneId(lanes.size())).second) return false;
  lanes.push_back(std::move(l));
  return true;
}

bool Timeline::add_source(Source s) {
  fresh_names();
  if (!source_ids_.emplace(s.id, sources.size()).second) return false;
  sources.push_back(std::move(s));
  return true;
}

std::optional<EventIndex> Timeline::find_event(std::string_view id) const {
  for (EventIndex i = 0; i < store_.size(); ++i)
    if (store_.id(i) == id) return i;
  return std::nullopt;
}

LaneId Timeline::lane_index(std::string_view id, bool create) {
  fresh_names();
  if (auto it = lane_ids_.find(std::string{id}); it != lane_ids_.end()) return it->second;
  if (!create || lanes.size() >= kNoLane) return kNoLane;
  Lane l;
  l.id = std::string{id};
  l.name = l.id;
  l.color = generated_lane_color(lanes.size());
  l.order = int(lanes.size());
  add_lane(std::move(l));
  return LaneId(lanes.size() - 1);
}

EventIndex Timeline::add_event(const Event& e) {
  std::vector<LaneId> ids;
  for (const auto& l : e.lanes) {
    const LaneId k = lane_index(l, false);
    if (k != kNoLane && std::find(ids.begin(), ids.end(), k) == ids.end()) ids.push_back(k);
  }
  return store_.add(e, ids);
}

Event Timeline::event(EventIndex i) const {
  Event e;
  e.id = std::string{store_.id(i)};
  e.title = std::string{store_.title(i)};
  e.when = store_.when(i);
  e.date_text = std::string{store_.date_text(i)};
  for (LaneId l : store_.lanes(i)) e.lanes.push_back(lanes[l].id);
  for (auto t : store_.tags(i)) e.tags.emplace_back(t);
  if (const auto d = store_.details(i)) {
    e.summary = d->summary;
    for (const CitationView c : d->sources) e.sources.push_back(c.ref());
    e.notes = d->notes;
  }
  e.pos = store_.pos(i);
  return e;
}

Rgba generated_lane_color(std::size_t n) {
  // Golden-angle hues at a readable saturation and lightness.
  const double h = std::fmod(double(n) * 137.508, 360.0) / 60.0, s = 0.55, v = 0.72;
  const double c = v * s, x = c * (1 - std::fabs(std::fmod(h, 2.0) - 1)), m = v - c;
  double r = 0, g = 0, b = 0;
  if (h < 1) r = c, g = x;
  else if (h < 2) r = x, g = c;
  else if (h < 3) g = c, b = x;
  else if (h < 4) g = x, b = c;
  else if (h < 5) r = x, b = c;
  else r = c, b = x;
  return {std::uint8_t((r + m) * 255), std::uint8_t((g + m) * 255), std::uint8_t((b + m) * 255), 255};
}

bool disputes_date(std::span<const SourceRef> citations) {
  return std::any_of(citations.begin(), citations.end(), [](const SourceRef& r) { return r.claims.has_value(); });
}

bool Event::date_disputed() const { return disputes_date(sources); }

std::string_view to_string(Dated d) {
  switch (d) {
    case Dated::Stated: return "stated";
    case Dated::Inferred: return "inferred";
    case Dated::External: return "external";
  }
  return "stated";
}

}  // namespace cs
