// The edit operations behind the editor's gestures, for one event or several at once: values written as
// YAML flow text (lists of ids, citations), the values a selection of events shares, and a field set,
// a lane, tag or source added or removed on each of them, as operations for one undo step.
#pragma once

#include "model/document.hpp"
#include "model/timeline.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// Text as a YAML double-quoted scalar, so the document reads back exactly this text (line breaks, '#', a
// leading quote); it writes it in the style of the value it replaces.
std::string yaml_scalar(std::string_view text);
// "[russia, iran]": a flow list of scalars, each quoted only where YAML needs it.
std::string flow_list(std::span<const std::string> items);
// A flow list of citation maps, keys in the schema's order (source, locator, quote, dated, date_note,
// claims), `dated: stated` (the default) and empty keys left out.
std::string flow_citations(std::span<const SourceRef> refs);

// What several events have in common, for the inspector.
struct SharedValues {
  std::size_t events = 0;
  // Set when every event has this same value (an empty text included).
  std::optional<std::string> title, date, summary, notes;
  struct Count {
    std::string value;
    std::size_t events = 0;  // how many of them have it
  };
  // Every lane, tag and cited source among the events, in first-seen order, with how many have it.
  std::vector<Count> lanes, tags, sources;
};
SharedValues shared_values(const Timeline& t, std::span<const EventIndex> events);

enum class ListField { Lanes, Tags, Sources };

// Sets `key` (title, date, summary, notes) to `value` on each event whose value differs; an empty value
// unsets an optional key.
std::vector<EditOp> set_on_each(const Timeline& t, std::span<const EventIndex> events, std::string_view key,
                                const std::string& value);
// Adds `value` (a lane id, a tag, a source id) to each event that lacks it, at the end of its list; a
// source is added as a citation of it without locator.
std::vector<EditOp> add_to_each(const Timeline& t, std::span<const EventIndex> events, ListField field,
                                const std::string& value);
// Removes `value` from each event that has it (every citation of a source); an emptied list is unset.
std::vector<EditOp> remove_from_each(const Timeline& t, std::span<const EventIndex> events, ListField field,
                                     const std::string& value);
// The operation setting one event's list (an emptied list is unset).
EditOp set_list(const std::string& event_id, ListField field, std::span<const std::string> items);
EditOp set_citations(const std::string& event_id, std::span<const SourceRef> refs);

// An event dragged from lane `from` to lane `to`: `to` takes `from`'s place in its lanes (or, with `add`, is
// added and `from` stays). Nothing when there is nothing to change.
std::optional<EditOp> change_lane(const Timeline& t, EventIndex e, const std::string& from, const std::string& to,
                                  bool add);

// A new event's YAML: `{title: ..., date: ..., lanes: [lane]}` (no lane when `lane` is empty).
std::string new_event_yaml(const std::string& title, const std::string& date, const std::string& lane);

}  // namespace cs
