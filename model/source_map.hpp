// Where things are in a timeline file's text: for each top-level list (lanes, sources, events), its key and
// the span of every item, with the lane, source or event it became (or none, when it had errors). The spans
// of an item's keys and values are not stored: an edit finds them by parsing that one item again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cs {

struct ItemRef {
  std::size_t begin = 0;    // offset of the line holding the item's '-'; it runs to the next item's begin
  std::uint32_t line = 0;   // 1-based
  std::int32_t index = -1;  // the lane, source or event it became (timeline order), -1 when left out
};

struct ListMap {
  bool present = false;     // the key is in the file
  bool block = false;       // a block list: items are known and can be edited
  std::size_t key_begin = 0;  // offset of the key's line
  std::uint32_t key_line = 0;
  std::size_t end = 0;      // where the list's region ends (the next root key, or the end of the document)
  int indent = 0;           // column of the items' '-'
  std::vector<ItemRef> items;

  std::size_t item_end(std::size_t k) const { return k + 1 < items.size() ? items[k + 1].begin : end; }
};

struct SourceMap {
  bool cut = false;           // the file's top level was read line by line (else: the lists are unknown)
  bool whole = false;         // items could not be parsed one by one (aliases between them): re-read whole
  std::size_t body_end = 0;   // end of the YAML document in the text
  ListMap lanes, sources, events, stories;

  ListMap* list(const std::string& key) {
    return key == "lanes"     ? &lanes
           : key == "sources" ? &sources
           : key == "events"  ? &events
           : key == "stories" ? &stories
                              : nullptr;
  }
};

}  // namespace cs
