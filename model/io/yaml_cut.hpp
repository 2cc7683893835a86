// Finds a YAML file's top-level structure by its lines, without parsing: the root map's keys and, for each
// key whose value is a block list, where each item begins. This is what lets the items of a list be parsed
// one by one (on all cores, a syntax error costing one item) and edited as spans of the text.
#pragma once

#include "model/source_map.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// An item: where the line holding its '-' begins, and that line (1-based). The source map's item, with no
// event yet (index -1), so that the map takes the cut's list as it is.
using CutItem = ItemRef;

struct CutEntry {
  std::string key;           // as written, quotes removed
  std::size_t begin = 0;     // offset of the key's line
  std::uint32_t line = 0;    // 1-based
  std::size_t end = 0;       // where the next root entry (or the document's end) begins
  bool list = false;         // the value is a block list: `items` holds where each item begins
  int indent = 0;            // list: column (0-based) of the items' '-'
  std::vector<CutItem> items;  // an item runs to the next item's begin, or to `end`
};

struct Cut {
  bool ok = false;            // false: the root is not a block map of plain keys; parse the text whole
  std::string why;            // when !ok, for tests and logs
  std::size_t body_begin = 0;  // after a leading "---" line
  std::size_t body_end = 0;    // the end, or the start of a "..." or second "---" line
  std::vector<CutEntry> entries;
};

// `text` must use LF line breaks (see parser_copy for files that do not).
Cut cut_yaml(std::string_view text);

// The items of one block list inside [begin, end), whose '-' lines sit at column `indent`. Lines whose '-'
// sits left of an item's content (a slip of indentation) also begin items, so such a slip costs one item.
std::vector<CutItem> cut_items(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t first_line,
                               int indent);

// End of an item's own text within [begin, end): after its last line that is neither blank nor a comment at
// the list's indentation or less (trailing comments and blank lines belong to what follows).
std::size_t item_content_end(std::string_view text, std::size_t begin, std::size_t end, int indent);

}  // namespace cs
