// The file formats `convert` (and File > Import/Export) speak, told apart by name, by extension and by
// content, with one reader and one writer per format behind two calls.
#pragma once

#include "model/diagnostics.hpp"
#include "model/timeline.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

enum class Format { Yaml, Csv, TimelineJs, TimelineJsSheet, Vis, Markdown };

// "yaml", "csv", "timelinejs", "timelinejs-sheet", "vis", "markdown".
std::string_view format_name(Format f);
std::optional<Format> format_from_name(std::string_view name);
const std::vector<Format>& all_formats();
// Markdown is written only.
bool can_read(Format f);

// The format of an input: .yaml/.yml/.md by extension; .csv by its header (ours or the sheet's); .json and
// anything else by content (a JSON object with "events" or "eras" is TimelineJS, one with "items" or
// "groups", or a JSON list, is vis; other text is YAML, or CSV when its first line is one of the two headers).
// Nothing, with `why` set, when it cannot be told.
std::optional<Format> detect_input_format(std::string_view path, std::string_view text, std::string* why);
// The format of an output by its extension: .yaml/.yml, .md, .csv (our columns; the sheet needs --to).
// Nothing, with `why` set, for .json (TimelineJS or vis: say which) and other extensions.
std::optional<Format> detect_output_format(std::string_view path, std::string* why);

// Reads `text` in format `f` into `t`; problems go to `diag` (FILE:LINE:COL). `f` must be readable.
void read_timeline(Format f, std::string_view text, Timeline& t, Diagnostics& diag);
// Writes `t` in format `f`; what the format cannot hold is said in `losses` as warnings, once per kind.
std::string write_timeline(Format f, const Timeline& t, Diagnostics& losses);

}  // namespace cs
