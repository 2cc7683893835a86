// Writing YAML values for edits: each new value in the style of the one it replaces where it can be
// (plain, quoted, block scalar; flow or block lists), quoted only when YAML needs it, multi-line text as a
// literal block at the right indentation, and with the file's own line ending.
#pragma once

#include "model/io/yaml_tree.hpp"

#include <string>
#include <string_view>

namespace cs {

struct EmitContext {
  bool flow = false;                // inside [...] or {...}: no block styles, stricter plain scalars
  int parent = 0;                   // column of the key (or '-') that owns the value
  int indent = 2;                   // column of block content: block scalar lines, block list dashes, map keys
  std::string_view newline = "\n";
};

// What the value being replaced looked like (or what its neighbours use, for new values).
struct StyleHint {
  YStyle scalar = YStyle::Plain;
  YStyle list = YStyle::Flow;   // lists (of scalars or maps)
  YStyle item = YStyle::Flow;   // maps inside block lists
  YStyle map = YStyle::Flow;    // maps elsewhere
};

// Can `v` be written without quotes here and read back as the same text?
bool plain_ok(std::string_view v, bool flow);
std::string emit_scalar(std::string_view v, YStyle preferred, const EmitContext& c);
// A node as YAML text. Block lists and block scalars start with their first line's own text and continue on
// following lines; `starts_new_line` tells whether the result must begin on a new line (block lists and
// maps) rather than after "key: ".
std::string emit_value(const YNode& v, const StyleHint& hint, const EmitContext& c, bool* starts_new_line = nullptr);

}  // namespace cs
