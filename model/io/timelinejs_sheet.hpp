// TimelineJS's Google Sheets template as CSV (Year, Month, Day, Time, End Year, End Month, End Day, End Time,
// Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group,
// Background), read and written with the slide mapping of model/io/timelinejs.hpp. A row of Type "title" is
// the timeline's title; rows of Type "era" are not events and are skipped with a warning.
#pragma once

#include "model/diagnostics.hpp"
#include "model/timeline.hpp"

#include <string>
#include <string_view>

namespace cs {

// Is this header row (its fields, trimmed) the sheet's? It names at least Year and Headline.
bool is_timelinejs_sheet_header(std::string_view first_line_text);

void read_timelinejs_sheet(std::string_view text, Timeline& t, Diagnostics& diag);
std::string write_timelinejs_sheet(const Timeline& t, Diagnostics& losses);

}  // namespace cs
