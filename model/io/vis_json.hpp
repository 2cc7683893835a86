// vis-timeline's DataSets as JSON: {"title": ..., "items": [...], "groups": [...]}. Groups are lanes (id,
// content = name, style = colour, order); an item is one event in one lane: an event in two lanes is two
// items with ids EVENT#LANE, merged back on reading. Items carry full ISO timestamps for vis (start, and end
// for ranges) and our EDTF text in "chronoscope_date", read back before the timestamps. docs/interop.md.
#pragma once

#include "model/diagnostics.hpp"
#include "model/timeline.hpp"

#include <string>
#include <string_view>

namespace cs {

// An instant as vis (and JavaScript's Date) reads it: "2015-11-23T10:30:00Z", "-000499-03-01T00:00:00Z".
std::string vis_timestamp(Seconds t);

void read_vis_json(std::string_view text, Timeline& t, Diagnostics& diag);
std::string write_vis_json(const Timeline& t, Diagnostics& losses);

}  // namespace cs
