// A fast reader for one item of a block list, in the plain subset of YAML that generated and curated
// timelines are written in: block maps of plain keys; values plain or quoted on one line, flow lists and
// maps on one line, folded and literal block scalars, block lists of such maps. It builds the very tree
// yaml-cpp's parser gives (nodes, styles, positions), fast enough that a load of generated events takes a
// quarter of the time (docs/benchmarks.md). Anything outside the subset (anchors, aliases, tags, multi-line
// plain or quoted text, empty values, duplicate keys, long keys, unusual escapes) is declined, and the
// caller asks yaml-cpp: the reader never guesses.
#pragma once

#include "model/io/yaml_tree.hpp"

#include <deque>
#include <string_view>

namespace cs {

struct FastItem {
  std::deque<YNode> nodes;
  const YNode* root = nullptr;
};

// Reads the item whose "-" is at column `dash` (0-based) of the line starting at `begin`, which is line
// `line` (1-based) of `text`; the item's text ends at `end` (the next item's line, or the list's end).
// Positions are those yaml-cpp reports for the same window. False: not in the subset (out is then unusable).
bool read_fast_item(std::string_view text, std::size_t begin, std::size_t end, int line, int dash, FastItem& out);

// Whether a run of items' text, fed item by item, may end inside a quoted scalar or a flow collection, so
// that yaml-cpp would read on into the next item's lines ("title: \"two" and, on the next cut line,
// "- lines\""). Errs towards true (a quote at the start of a block scalar's line counts).
class RunOnScanner {
 public:
  void feed(std::string_view text, std::size_t begin, std::size_t end);
  bool open() const { return quote_ != 0 || depth_ > 0; }

 private:
  char quote_ = 0;     // the quote open, if any
  int depth_ = 0;      // flow brackets open
  bool start_ = true;  // a scalar may start here
};

}  // namespace cs
