// Column store appends and reconstruction of dates.
#include "model/event_store.hpp"

#include "model/timeline.hpp"

#include <algorithm>
#include <limits>

namespace cs {
namespace {
std::uint16_t date_flags(const Date& d) {
  return std::uint16_t(std::uint16_t(d.precision) | (d.uncertain ? 1 << 5 : 0) | (d.approximate ? 1 << 6 : 0));
}
Date date_from(std::int64_t start, std::uint16_t f) {
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

void EventStore::reserve(std::size_t n, std::size_t text_bytes) {
  for (auto* v : {&start_, &end_start_, &cover_end_}) v->reserve(n);
  flags_.reserve(n);
  significance_.reserve(n);
  text_off_.reserve(n);
  for (auto* v : {&id_len_, &title_len_, &date_len_, &url_len_, &line_}) v->reserve(n);
  column_.reserve(n);
  lane_off_.reserve(n + 1);
  lane_ids_.reserve(n);
  tag_off_.reserve(n + 1);
  pool_.reserve(text_bytes);
}

void EventStore::shrink_to_fit() {
  for (auto* v : {&start_, &end_start_, &cover_end_}) v->shrink_to_fit();
  flags_.shrink_to_fit();
  significance_.shrink_to_fit();
  text_off_.shrink_to_fit();
  for (auto* v : {&id_len_, &title_len_, &date_len_, &url_len_, &line_, &lane_off_, &tag_off_, &tag_ids_})
    v->shrink_to_fit();
  column_.shrink_to_fit();
  lane_ids_.shrink_to_fit();
  pool_.shrink_to_fit();
}

std::uint32_t EventStore::intern_tag(std::string_view t) {
  auto it = tag_lookup_.find(std::string{t});
  if (it != tag_lookup_.end()) return it->second;
  const auto id = std::uint32_t(tag_names_.size());
  tag_names_.emplace_back(t);
  tag_lookup_.emplace(tag_names_.back(), id);
  return id;
}

EventIndex EventStore::add(std::string_view id, std::string_view title, std::string_view date_text, const When& w,
                           std::span<const LaneId> lanes, std::span<const std::string_view> tags,
                           std::string_view url, const EventDetails* details, int line, int column) {
  const auto i = EventIndex(start_.size());
  start_.push_back(w.begin_time().time_since_epoch().count());
  end_start_.push_back(w.end ? w.end->start.time_since_epoch().count() : 0);
  cover_end_.push_back(w.open_end ? std::numeric_limits<std::int64_t>::max() : w.end_time().time_since_epoch().count());
  std::uint16_t f = date_flags(w.start);
  if (w.end) f |= kClosed | std::uint16_t(date_flags(*w.end) << kEndShift);
  if (w.open_end) f |= kOpen;
  if (details && disputes_date(details->sources)) f |= kDisputed;
  if (details) f |= kHasDetails;
  flags_.push_back(f);
  // Significance: cited and described events first, then by how long they last.
  int sig = details ? std::min<int>(8, int(details->sources.size()) * 2 + (details->summary.empty() ? 0 : 2)) : 0;
  if (!url.empty()) ++sig;
  significance_.push_back(std::uint8_t(sig));
  text_off_.push_back(pool_.size());
  pool_.append(id).append(title).append(date_text).append(url);
  id_len_.push_back(std::uint32_t(id.size()));
  title_len_.push_back(std::uint32_t(title.size()));
  date_len_.push_back(std::uint32_t(date_text.size()));
  url_len_.push_back(std::uint32_t(url.size()));
  lane_ids_.insert(lane_ids_.end(), lanes.begin(), lanes.end());
  lane_off_.push_back(std::uint32_t(lane_ids_.size()));
  for (std::string_view t : tags) tag_ids_.push_back(intern_tag(t));
  tag_off_.push_back(std::uint32_t(tag_ids_.size()));
  line_.push_back(std::uint32_t(std::max(0, line)));
  column_.push_back(std::uint16_t(std::clamp(column, 0, 65535)));
  if (details) details_.emplace(i, *details);
  return i;
}

EventIndex EventStore::add(const Event& e, std::span<const LaneId> lanes) {
  std::vector<std::string_view> tags(e.tags.begin(), e.tags.end());
  EventDetails d{e.summary, e.sources, e.notes};
  const bool rich = !d.summary.empty() || !d.sources.empty() || !d.notes.empty();
  return add(e.id, e.title, e.date_text, e.when, lanes, tags, {}, rich ? &d : nullptr, e.pos.line, e.pos.column);
}

std::vector<std::string_view> EventStore::tags(EventIndex i) const {
  std::vector<std::string_view> out;
  for (std::uint32_t k = tag_off_[i]; k < tag_off_[i + 1]; ++k) out.push_back(tag_names_[tag_ids_[k]]);
  return out;
}

const EventDetails* EventStore::details(EventIndex i) const {
  if (!(flags_[i] & kHasDetails)) return nullptr;  // most events at scale: no hash lookup
  auto it = details_.find(i);
  return it == details_.end() ? nullptr : &it->second;
}

TextPos EventStore::pos(EventIndex i) const { return {int(line_[i]), int(column_[i]), -1}; }

When EventStore::when(EventIndex i) const {
  When w;
  w.start = date_from(start_[i], flags_[i]);
  if (flags_[i] & kClosed) w.end = date_from(end_start_[i], std::uint16_t(flags_[i] >> kEndShift));
  w.open_end = flags_[i] & kOpen;
  return w;
}

}  // namespace cs
