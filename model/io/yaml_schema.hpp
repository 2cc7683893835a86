// The timeline schema (docs/schema.md) read from YAML trees, one item at a time: type checks, required
// keys, dates, colours, URLs and unknown keys, each problem at its position. Reading an item touches nothing
// shared, so items of one list can be read on several threads; `resolve` then checks an event's references
// against the lanes and sources already read.
#pragma once

#include "model/io/yaml_tree.hpp"
#include "model/timeline.hpp"

#include <optional>
#include <vector>

namespace cs {

struct EventRead {
  Event event;
  std::vector<TextPos> lane_pos;    // where each of event.lanes is written
  std::vector<TextPos> source_pos;  // where each citation's source id is written
  bool ok = false;                  // complete, with a valid date (references are checked by resolve)
};

class ItemReader {
 public:
  explicit ItemReader(Diagnostics& diag, bool repair_utf8 = false) : diag_(diag), repair_utf8_(repair_utf8) {}

  std::optional<Lane> lane(const YNode& n);      // null when it has no id
  std::optional<Source> source(const YNode& n);  // null when it lacks id or title
  EventRead event(const YNode& n);
  // A story; its references to events and lanes are checked by resolve_story.
  std::optional<Story> story(const YNode& n, std::vector<std::vector<TextPos>>& focus_pos,
                             std::vector<std::vector<TextPos>>& lane_pos);
  // The root's scalar entries (title) and warnings for unknown root keys. `key` is a root key, `v` its value.
  void root_entry(const YNode& key, const YNode& v, Timeline& t);

  // Reads `v` as text, or reports that it is not. Used by edits to read single values.
  bool text(const YNode& v, std::string_view key, std::string& out);

 private:
  using Handler = std::function<void(const YNode&)>;
  struct Field {
    std::string_view key;
    Handler handle;
    bool required = false;
  };
  bool fields(const YNode& map, std::string_view what, std::initializer_list<Field> known);
  void list(const YNode& v, std::string_view key, const Handler& each);
  void strings(const YNode& v, std::string_view key, std::vector<std::string>& out, std::vector<TextPos>* positions);
  void source_ref(const YNode& n, EventRead& r);
  void story_range(const YNode& v, StoryStep& st);
  bool date(const YNode& v, Event& e);
  void claims(const YNode& v, SourceRef& r);
  void published(const YNode& v, Source& s);
  void url(const YNode& v, std::string& out);
  void color(const YNode& v, Rgba& out);
  void integer(const YNode& v, std::string_view key, int& out);
  void dated(const YNode& v, Dated& out);

  Diagnostics& diag_;
  bool repair_utf8_;  // the file has invalid UTF-8 (reported by the byte scan): read it as U+FFFD
};

// Resolves the event's lanes and citations against `t` (whose lanes and sources are read and indexed):
// unknown ones are errors, each distinct unknown lane reported once (ten at most, then "... and N more").
// Returns the lane ids to store; clears r.ok when a reference is unknown. Safe on several threads at once.
std::vector<LaneId> resolve_references(const Timeline& t, EventRead& r, Diagnostics& diag);

// Unknown events (not in `known`, and not among `broken`: events left out for their own errors) and unknown
// lanes in a story's steps are errors.
template <class Known, class Broken>
void resolve_story(const Timeline& t, const Story& s, const std::vector<std::vector<TextPos>>& focus_pos,
                   const std::vector<std::vector<TextPos>>& lane_pos, Known&& known, Broken&& broken, Diagnostics& diag) {
  for (std::size_t k = 0; k < s.steps.size(); ++k) {
    for (std::size_t i = 0; i < s.steps[k].focus.size(); ++i)
      if (!known(s.steps[k].focus[i]) && !broken(s.steps[k].focus[i]))
        diag.error(focus_pos[k][i], "unknown event '" + s.steps[k].focus[i] + "'");
    for (std::size_t i = 0; i < s.steps[k].lanes.size(); ++i)
      if (!t.find_lane(s.steps[k].lanes[i])) diag.error(lane_pos[k][i], "unknown lane '" + s.steps[k].lanes[i] + "'");
  }
}

// What an event of the store needs from a read event.
EventParts event_parts(const EventRead& r, std::span<const LaneId> lanes, std::vector<std::string_view>& tags);

}  // namespace cs
