// Events stored column-wise, so a million of them fit in about 60 bytes each beside their text: int64
// time columns for the hot paths (index, layout), one text pool holding each event's record (its strings,
// each after its length, and for the few that have them its summary, notes and citations), lanes and tags
// as index lists. Events keep the order of the file; edits replace, insert or erase one in place (a
// replaced event's old record stays in the pool until the next full load).
#pragma once

#include "model/edtf.hpp"

#include <cstdint>
#include <optional>
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
enum class Dated : std::uint8_t;

// One event's parts as a loader has them (no Event built). Summary, notes and citations are what few
// events have.
struct EventParts {
  std::string_view id, title, date_text, url;
  When when;
  std::span<const LaneId> lanes;
  std::span<const std::string_view> tags;
  int line = 0, column = 0;
  std::string_view summary = {}, notes = {};
  std::span<const SourceRef> sources = {};
};

// The lengths in an event's record are LEB128 varints (one byte below 128). Reads one and moves p past it.
inline std::uint64_t read_varint(const char*& p) {
  std::uint64_t v = std::uint8_t(*p++);
  if (v < 0x80) return v;
  v &= 0x7F;
  for (int shift = 7;; shift += 7) {
    const std::uint64_t b = std::uint8_t(*p++);
    v |= (b & 0x7F) << shift;
    if (b < 0x80) return v;
  }
}

// A citation as the store keeps it: views into the store's text, valid until the store changes.
struct CitationView {
  std::string_view source, locator, quote, date_note, claims_text;
  Dated dated{};
  std::optional<When> claims() const;  // the date this source gives (read from claims_text), if any
  SourceRef ref() const;               // an owning copy (without a position in the file)
};

// An event's citations, read one after another from its record.
class Citations {
 public:
  class iterator {
   public:
    using value_type = CitationView;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    CitationView operator*() const;
    iterator& operator++();
    iterator operator++(int) {
      iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const iterator& o) const { return left_ == o.left_; }

   private:
    friend class Citations;
    iterator(const char* p, std::uint32_t left) : p_(p), left_(left) {}
    const char* p_ = nullptr;
    std::uint32_t left_ = 0;
  };

  Citations() = default;
  Citations(const char* data, std::uint32_t n) : data_(data), n_(n) {}
  std::size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  iterator begin() const { return {data_, n_}; }
  iterator end() const { return {nullptr, 0}; }
  CitationView operator[](std::size_t k) const;  // reads past the k before it

 private:
  const char* data_ = nullptr;
  std::uint32_t n_ = 0;
};

// What few events have: views into the store's text, valid until the store changes.
struct DetailsView {
  std::string_view summary, notes;
  Citations sources;
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

  std::string_view id(EventIndex i) const { return field(i, 0); }
  std::string_view title(EventIndex i) const { return field(i, 1); }
  std::string_view date_text(EventIndex i) const { return field(i, 2); }
  std::string_view url(EventIndex i) const { return field(i, 3); }
  std::span<const LaneId> lanes(EventIndex i) const {
    const std::uint32_t n = lane_n_[i];
    return {n == 1 ? &lane_off_[i] : n ? lane_ids_.data() + lane_off_[i] : nullptr, n};
  }
  std::vector<std::string_view> tags(EventIndex i) const;
  template <class F>
  bool any_tag(EventIndex i, F&& f) const {  // without allocating
    const std::uint32_t n = tag_n_[i];
    const std::uint32_t* t = n == 1 ? &tag_off_[i] : n ? tag_ids_.data() + tag_off_[i] : nullptr;
    for (std::uint32_t k = 0; k < n; ++k)
      if (f(std::string_view{tag_names_[t[k]]})) return true;
    return false;
  }
  bool has_details(EventIndex i) const { return flags_[i] & kDetails; }
  std::optional<DetailsView> details(EventIndex i) const;
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
                                 kUnspecified = 1u << 22,
                                 kDetails = 1u << 23;  // the record goes on with summary, notes and citations

  // Field f (0 id, 1 title, 2 date, 3 url) of event i's record.
  std::string_view field(EventIndex i, int f) const {
    const char* p = pool_.data() + text_off_[i];
    std::uint64_t len[4];
    for (auto& l : len) l = read_varint(p);
    for (int k = 0; k < f; ++k) p += len[k];
    return {p, std::size_t(len[f])};
  }
  // Where event i's record ends (past its details, if any).
  std::size_t record_end(EventIndex i) const;
  std::uint32_t intern_tag(std::string_view t);
  // Writes event i (which exists) from p: a new record at the pool's end, and its columns.
  void set(EventIndex i, const EventParts& p);
  template <class F>
  void each_column(F&& f);

  std::vector<std::int64_t> start_, end_start_, cover_end_;
  std::vector<std::uint32_t> flags_;
  std::vector<std::uint8_t> significance_;
  std::vector<std::uint64_t> text_off_;  // event i's record in pool_
  // Lanes and tags: with one, the column holds it; with more, where they start in lane_ids_ / tag_ids_.
  std::vector<std::uint32_t> lane_off_, lane_n_;
  std::vector<LaneId> lane_ids_;
  std::vector<std::uint32_t> tag_off_, tag_n_;
  std::vector<std::uint32_t> tag_ids_;
  std::vector<std::string> tag_names_;
  std::unordered_map<std::string, std::uint32_t> tag_lookup_;
  std::vector<std::uint32_t> line_;
  std::vector<std::uint16_t> column_;
  std::string pool_;
};

}  // namespace cs
