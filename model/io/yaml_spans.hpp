// The keys of one list item as spans of the file's text: where each key and its value are written, and in
// which style. Found by parsing that one item (yaml-cpp gives where a value starts) and scanning the text for
// where it ends (by its style), so an edit can replace exactly the value's bytes and nothing else.
#pragma once

#include "model/io/yaml_tree.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

struct KeySpan {
  std::string key;
  std::size_t line_begin = 0;    // start of the line the key is on
  std::size_t key_begin = 0;     // the key as written
  std::size_t colon = 0;         // the ':' after it
  std::size_t value_begin = 0;   // the value as written (its anchor or tag included); == value_end when empty
  std::size_t value_end = 0;     // after the value; a comment after it on its last line is not part of it
  std::size_t line_end = 0;      // end of the line the value ends on (before '\n'; after any comment)
  YNode::Kind kind = YNode::Kind::Null;
  YStyle style = YStyle::Plain;
  YStyle item_style = YStyle::Plain;  // block or flow list values: the style of their first item
  int seq_column = -1;           // block list values: the column of their '-'
};

struct ItemMap {
  bool flow = false;             // "- {key: value, ...}"
  std::size_t begin = 0;         // the item's line
  std::size_t content_end = 0;   // end of the item's own text (its last line, before any newline)
  std::size_t open = 0, close = 0;  // flow: offsets of '{' and '}'
  int key_column = 0;            // block: column of the keys
  std::vector<KeySpan> keys;     // in the order written

  const KeySpan* find(std::string_view key) const;
};

// Maps the item at [begin, end) of `text` (a block list item: "- key: ..." or "- {...}"), whose list has its
// '-' at column `indent`. Null when the item does not parse as a map (then it cannot be edited by key).
std::optional<ItemMap> map_item(std::string_view text, std::size_t begin, std::size_t end, int line, int indent);

// The line ending the text uses: "\r\n", "\r" or "\n".
std::string_view line_ending(std::string_view text);

}  // namespace cs
