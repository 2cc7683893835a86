// Events stored column-wise, so a million of them fit in ~100 bytes each: int64 time columns for the hot
// paths (index, layout), one text pool for ids, titles and dates, lanes and tags as index lists, and the
// rich parts (summary, citations, notes) only for the events that have them. Events keep the order of the
// file; edits replace, insert or erase one in place (text left behind by a replaced event stays in the pool
// until the next full load).
#pragma once

#include "model/edtf.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cs {

using EventIndex = std::uint32_t;
using LaneId = std::uint32_t;
inline constexpr LaneId kNoLane = 0xFFFFFFFFu;  // "no such lane"

struct Event;
struct SourceRef;
struct TextPos;

// What few events have: kept out of the columns.
struct EventDetails {
  std::string summary;
  std::vector<SourceRef> sources;
  std::string notes;
};

// One event's parts as a loader has them (no Event built); details may be null.
struct EventParts {
  std::string_view id, title, date_text, url;
  When when;
  std::span<const LaneId> lanes;
  std::span<const std::string_view> tags;
  const EventDetails* details = nullptr;
  int line = 0, column = 0;
};

class EventStore {
 public:
  EventStore();
  ~EventStore();
  EventStore(EventStore&&) noexcept;
  EventStore& operator=(EventStore&&) noexcept;
  EventStore(const EventStore&);
  EventStore& operator=(const EventStore&);

  std::size_t size() const { return start_.size(); }
  bool empty() const { return start_.empty(); }
  void reserve(std::size_t events, std::size_t text_bytes);
  void shrink_to_fit();

  // Appends an event. Returns its index.
  EventIndex add(const EventParts& p);
  // Appends `e`, whose lanes are already resolved to `lanes`.
  EventIndex add(const Event& e, std::span<const LaneId> lanes);
  // Replaces event i with `p` (same index).
  void replace(EventIndex i, const EventParts& p);
  // Removes event i; the events after it move down by one.
  void erase(EventIndex i);
  // Moves the last event to index i; the events from i on move up by one.
  void move_last_to(EventIndex i);
  // Appends event j of `other` (a loader's chunk). `tag_map` caches other's tag numbers in this store: start
  // with an empty one for each `other`.
  EventIndex append(const EventStore& other, EventIndex j, std::vector<std::uint32_t>& tag_map);
  // Lanes renumbered after the timeline's lanes changed: lane l becomes map[l] (kNoLane: dropped).
  void remap_lanes(std::span<const LaneId> map);

  // Hot columns.
  std::int64_t start(EventIndex i) const { return start_[i]; }
  std::int64_t end(EventIndex i) const { return cover_end_[i]; }  // covered span's end; INT64_MAX if ongoing
  Precision precision(EventIndex i) const { return Precision(flags_[i] & kPrecisionMask); }
  bool is_interval(EventIndex i) const { return flags_[i] & (kClosed | kOpen | kOpenStart | kUnknownStart | kUnknownEnd); }
  bool open_end(EventIndex i) const { return flags_[i] & kOpen; }        // runs on: its end is INT64_MAX
  bool open_start(EventIndex i) const { return flags_[i] & kOpenStart; }  // from all earlier time: start INT64_MIN
  bool unknown_start(EventIndex i) const { return flags_[i] & kUnknownStart; }  // "/2006"
  bool unknown_end(EventIndex i) const { return flags_[i] & kUnknownEnd; }      // "2004-06-11/"
  bool is_set(EventIndex i) const { return flags_[i] & (kSetOneOf | kSetAllOf); }
  bool set_all_of(EventIndex i) const { return flags_[i] & kSetAllOf; }
  // Unspecified digits or a season: the date covers more than its precision says ("156X-12-25").
  bool unspecified(EventIndex i) const { return flags_[i] & kUnspecified; }
  // The span to fit in a view: the covered span with an open start or end brought to the known dates.
  std::int64_t finite_begin(EventIndex i) const;
  std::int64_t finite_end(EventIndex i) const;
  bool uncertain(EventIndex i) const { return flags_[i] & kUncertain; }
  bool approximate(EventIndex i) const { return flags_[i] & kApproximate; }
  bool disputed(EventIndex i) const { return flags_[i] & kDisputed; }
  std::uint8_t significance(EventIndex i) const { return significance_[i]; }

  std::string_view id(EventIndex i) const { return text(text_off_[i], id_len_[i]); }
  std::string_view title(EventIndex i) const { return text(text_off_[i] + id_len_[i], title_len_[i]); }
  std::string_view date_text(EventIndex i) const {
    return text(text_off_[i] + id_len_[i] + title_len_[i], date_len_[i]);
  }
  std::string_view url(EventIndex i) const {
    return text(text_off_[i] + id_len_[i] + title_len_[i] + date_len_[i], url_len_[i]);
  }
  std::span<const LaneId> lanes(EventIndex i) const { return {lane_ids_.data() + lane_off_[i], lane_n_[i]}; }
  std::vector<std::string_view> tags(EventIndex i) const;
  template <class F>
  bool any_tag(EventIndex i, F&& f) const {  // without allocating
    for (std::uint32_t k = tag_off_[i]; k < tag_off_[i] + tag_n_[i]; ++k)
      if (f(std::string_view{tag_names_[tag_ids_[k]]})) return true;
    return false;
  }
  const EventDetails* details(EventIndex i) const;
  // 1-based line of the event in its file (0 when unknown).
  int line(EventIndex i) const { return int(line_[i]); }
  void set_line(EventIndex i, int line) { line_[i] = std::uint32_t(std::max(0, line)); }
  TextPos pos(EventIndex i) const;
  When when(EventIndex i) const;

 private:
  static constexpr std::uint32_t kPrecisionMask = 0x7;
  static constexpr std::uint32_t kClosed = 1 << 3, kOpen = 1 << 4, kUncertain = 1 << 5, kApproximate = 1 << 6,
                                 kDisputed = 1 << 7, kEndShift = 8,  // end date: precision and qualifiers << 8
                                 kOpenStart = 1u << 16, kUnknownStart = 1u << 17, kUnknownEnd = 1u << 18,
                                 kSetOneOf = 1u << 19, kSetAllOf = 1u << 20,
                                 kComplex = 1u << 21,  // when() reads the date as written (the columns cannot hold it)
                                 kUnspecified = 1u << 22;

  std::string_view text(std::uint64_t off, std::uint32_t len) const { return {pool_.data() + off, len}; }
  std::uint32_t intern_tag(std::string_view t);
  // Writes the columns of event i (which exists) from p.
  void set(EventIndex i, const EventParts& p);
  template <class F>
  void each_column(F&& f);

  std::vector<std::int64_t> start_, end_start_, cover_end_;
  std::vector<std::uint32_t> flags_;
  std::vector<std::uint8_t> significance_;
  std::vector<std::uint64_t> text_off_;
  std::vector<std::uint32_t> id_len_, title_len_, date_len_, url_len_;
  std::vector<std::uint32_t> lane_off_, lane_n_;
  std::vector<LaneId> lane_ids_;
  std::vector<std::uint32_t> tag_off_, tag_n_;
  std::vector<std::uint32_t> tag_ids_;
  std::vector<std::string> tag_names_;
  std::unordered_map<std::string, std::uint32_t> tag_lookup_;
  std::vector<std::uint32_t> line_;
  std::vector<std::uint16_t> column_;
  std::vector<std::uint32_t> detail_slot_;  // index + 1 into details_; 0: none
  std::vector<EventDetails> details_;
  std::vector<std::uint32_t> free_details_;
  std::string pool_;
};

}  // namespace cs
