// Loads a timeline from YAML text (schema: docs/schema.md), reporting every problem with its position.
// The top-level lists are cut into their items (each "- " at the list's indentation) and every item is parsed
// on its own, the events on all cores: a syntax error costs that one item, and the others load. Files whose
// top level cannot be cut by lines (a flow-style root, directives, aliases between items) are parsed whole.
#pragma once

#include "model/diagnostics.hpp"
#include "model/id_set.hpp"
#include "model/io/text_scan.hpp"
#include "model/source_map.hpp"
#include "model/timeline.hpp"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cs {

// The cores this process may run on (its CPU affinity, so `taskset -c 0` means one), at least 1.
unsigned usable_cores();

struct YamlLoadOptions {
  std::atomic<float>* progress = nullptr;  // rises from 0 to 1 while reading
  SourceMap* map = nullptr;                // filled with where each item is, for edits
  std::optional<IdSet>* ids = nullptr;     // given the set of the events' ids the loader keeps (to find them)
  int threads = 0;                         // 0: one per usable core
};

struct YamlLoadStats {
  std::size_t events_listed = 0;  // items of the events list
  std::size_t events_skipped = 0;  // of those, left out for errors
};

// The bytes the parser reads: the byte scan's findings (reported into diag), and where the text needs it a
// copy with LF for lone CRs and spaces for control bytes (same length, same offsets). Offsets everywhere
// count from after a UTF-8 BOM, as yaml-cpp's do: body(text) is that text.
struct YamlPrepared {
  TextFacts facts;
  std::string copy;
  std::vector<int> bad;  // offsets of bytes reported as errors: their items are left out
  std::string_view body(std::string_view text) const;
};
YamlPrepared prepare_yaml(std::string_view text, Diagnostics& diag);
YamlLoadStats load_prepared_yaml(std::string_view body, const YamlPrepared& p, Timeline& t, Diagnostics& diag,
                                 const YamlLoadOptions& o);

// Never throws on bad input. Items with errors are left out; everything wrong is in `diag`, sorted by
// position. `text` must stay alive and unchanged while the timeline is used only if `map` is asked for.
YamlLoadStats load_timeline_yaml(std::string_view text, Timeline& t, Diagnostics& diag, const YamlLoadOptions& o);
void load_timeline_yaml(std::string_view text, Timeline& t, Diagnostics& diag, std::atomic<float>* progress = nullptr);
Timeline load_timeline_yaml(std::string_view text, Diagnostics& diag);

}  // namespace cs
