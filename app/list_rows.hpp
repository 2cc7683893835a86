// The rows of the list view and of `chronoscope list`: the events that match a filter, in date order or
// sorted by a column, and the text of each column. No ImGui: the window's table and the command share it.
#pragma once

#include "model/timeline.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

enum class ListColumn : std::uint8_t { Date, Title, Lanes, Citations, Disputed };

// The events with keep[e] (every event when keep is empty) whose covered span meets [t0, t1), in date
// order: by start, then in file order.
std::vector<EventIndex> list_rows(const EventStore& st, const std::vector<bool>& keep,
                                  std::int64_t t0 = INT64_MIN, std::int64_t t1 = INT64_MAX);
// Sorts rows by a column; ties keep date order. Date sorts by start; Title by bytes, ASCII case folded;
// Lanes by the first lane's place in the timeline (none last); Citations by their number; Disputed ones
// first when ascending.
void sort_rows(std::vector<EventIndex>& rows, const Timeline& t, ListColumn by, bool descending);

// The lanes' ids ("russia, iran"), or their names for the window.
std::string lanes_text(const Timeline& t, EventIndex e, bool names = false);
std::size_t citation_count(const EventStore& st, EventIndex e);

}  // namespace cs
