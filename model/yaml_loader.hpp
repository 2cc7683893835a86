// Loads a timeline from YAML text (schema: docs/schema.md), reporting every problem with its position.
#pragma once

#include "diagnostics.hpp"
#include "timeline.hpp"

#include <string>
#include <string_view>

namespace cs {

// Never throws on bad input. Events with fatal problems (no id, no date, ...) are left out; everything
// wrong is in `diag`, sorted by position.
Timeline load_timeline_yaml(std::string_view text, Diagnostics& diag);

// Reads FILE (the name in diagnostics is diag.file()).
Timeline load_timeline_file(const std::string& path, Diagnostics& diag);

bool read_file(const std::string& path, std::string& out);

}  // namespace cs
