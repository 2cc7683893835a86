// A timeline as CSV in this program's columns (id,title,start,end,lanes,tags,url), as model/io/csv_loader
// reads it: intervals split into start and end ("..": still going on), lanes and tags joined with ';'.
#pragma once

#include "model/diagnostics.hpp"
#include "model/timeline.hpp"

#include <string>
#include <string_view>

namespace cs {

// The header line csv_loader expects (without its line break).
inline constexpr std::string_view kCsvHeader = "id,title,start,end,lanes,tags,url";

// One field, quoted when it holds a comma, a quote, a line break or blanks at either end.
std::string csv_quote(std::string_view s);

std::string write_csv(const Timeline& t, Diagnostics& losses);

}  // namespace cs
