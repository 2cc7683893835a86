// A chronology as Markdown, for reading and for pasting into documents: the title, then per year (of each
// event's start) a list of events in time order, each with its date as written, title, summary and
// citations. Written only: Markdown is not read back.
#pragma once

#include "model/diagnostics.hpp"
#include "model/timeline.hpp"

#include <string>
#include <string_view>

namespace cs {

// `s` with Markdown's inline syntax escaped (\*, \_, \[, \`, ...), so it prints as written.
std::string markdown_escape(std::string_view s);

std::string write_markdown(const Timeline& t, Diagnostics& losses);

}  // namespace cs
