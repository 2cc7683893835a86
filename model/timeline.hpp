// What a timeline is: lanes (actors), sources (articles), and events that cite them.
// Events live column-wise in an EventStore; `Event` is the rich, self-contained form of one of them, used
// to add events and to read one whole (the inspector, tests). Loading lives in the loaders, queries in
// timeline_index.
#pragma once

#include "model/diagnostics.hpp"
#include "model/edtf.hpp"
#include "model/event_store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cs {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Rgba&) const = default;
};

struct Lane {
  std::string id;
  std::string name;
  Rgba color{110, 110, 120, 255};
  int order = 0;  // lanes are shown by (order, position in the file)
  TextPos pos;
};

struct Source {
  std::string id;
  std::string title;
  std::string publisher;
  std::optional<Date> published;
  std::string published_text;
  std::string url;  // empty when the source prints none
  std::string notes;    // e.g. how an unprinted publication date was inferred
  std::string archive;  // identifier of the archived text the locators refer to
  TextPos pos;
};

// How the event's date is known from this source.
enum class Dated : std::uint8_t { Stated, Inferred, External };

struct SourceRef {
  std::string source;  // id of a top-level source
  std::string locator;  // "para 9"
  std::string quote;    // optional short quotation
  Dated dated = Dated::Stated;
  std::string date_note;  // optional: how the date was inferred
  std::optional<When> claims;  // the date this source gives, where it disagrees with the event's date
  std::string claims_text;     // as written: what an event store keeps, and reads `claims` from again
  TextPos pos;
};

struct Event {
  std::string id;
  std::string title;
  When when;
  std::string date_text;  // as written in the file
  std::vector<std::string> lanes;
  std::vector<std::string> tags;
  std::string summary;
  std::vector<SourceRef> sources;
  std::string notes;
  TextPos pos;

  // Some source dates the event differently (a `claims` on one of its citations).
  bool date_disputed() const;
};

// One step of a story: what the screen shows (a range, some lanes), which events it is about, and words.
struct StoryStep {
  std::string title;                 // optional
  std::string range_text;            // as written, an EDTF interval
  std::optional<When> range;
  std::vector<std::string> focus;    // event ids: highlighted and always fully labelled
  std::vector<std::string> lanes;    // lane ids, in this order; empty: every lane
  std::string caption;               // on screen and on the page
  std::string notes;                 // speaker notes, never shown to the audience
  TextPos pos;
};

// A guided sequence of views through the timeline, for presenting it (schema: docs/schema.md, "Stories").
struct Story {
  std::string id;
  std::string title;
  std::vector<StoryStep> steps;
  TextPos pos;
};

class Timeline {
 public:
  std::string title;
  std::vector<Lane> lanes;  // in display order
  std::vector<Source> sources;
  std::vector<Story> stories;

  std::size_t event_count() const { return store_.size(); }
  const EventStore& store() const { return store_; }
  EventStore& store() { return store_; }
  // Adds an event; lanes it names that the timeline does not have are dropped.
  EventIndex add_event(const Event& e);
  // The event whole (strings copied): for one event at a time, not for per-frame work.
  Event event(EventIndex i) const;

  // Lookups by id through hash maps. They rebuild themselves when a list's size changed; after reordering
  // or renaming in place, call index_names().
  const Lane* find_lane(std::string_view id) const;
  const Source* find_source(std::string_view id) const;
  void index_names() const;
  // Appends a lane or source unless one with its id exists (then returns false and changes nothing).
  bool add_lane(Lane l);
  bool add_source(Source s);
  std::optional<EventIndex> find_event(std::string_view id) const;  // a linear scan
  // The lane's index (kNoLane if none), adding a lane with a generated colour when `create` (CSV files
  // declare no lanes).
  LaneId lane_index(std::string_view id, bool create);

 private:
  EventStore store_;
  void fresh_names() const;
  mutable std::unordered_map<std::string, LaneId> lane_ids_;
  mutable std::unordered_map<std::string, std::size_t> source_ids_;
};

// A distinct colour for the n-th generated lane.
Rgba generated_lane_color(std::size_t n);

std::string_view to_string(Dated d);
// Some citation gives another date for the event than its own (a `claims`).
bool disputes_date(std::span<const SourceRef> citations);

}  // namespace cs
