// Loads a timeline from YAML text (schema: docs/schema.md), reporting every problem with its position.
#pragma once

#include "model/diagnostics.hpp"
#include "model/timeline.hpp"

#include <atomic>
#include <string>
#include <string_view>

namespace cs {

// Never throws on bad input. Events with fatal problems (no id, no date, ...) are left out; everything
// wrong is in `diag`, sorted by position. `progress` (optional) rises from 0 to 1 while reading.
void load_timeline_yaml(std::string_view text, Timeline& t, Diagnostics& diag, std::atomic<float>* progress = nullptr);
Timeline load_timeline_yaml(std::string_view text, Diagnostics& diag);

}  // namespace cs
