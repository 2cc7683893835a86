// JSON read through nlohmann's SAX parser into a small tree that keeps where every value starts, so the
// JSON readers report problems as FILE:LINE:COL (columns count bytes, like the YAML loader's).
#pragma once

#include "model/diagnostics.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

struct JNode {
  enum class Kind : std::uint8_t { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::string text;          // a string's value; a number as written
  std::string key;           // a member of an object: its key
  std::vector<JNode> items;  // an array's items, an object's members (in order)
  TextPos pos;               // where the value starts

  bool is_object() const { return kind == Kind::Object; }
  bool is_array() const { return kind == Kind::Array; }
  bool is_string() const { return kind == Kind::String; }
  bool is_number() const { return kind == Kind::Number; }
  bool is_null() const { return kind == Kind::Null; }
  // An object's first member named `key`, or null.
  const JNode* find(std::string_view key) const;
};

// "a string", "a number", "an object", ...
std::string_view json_kind_name(JNode::Kind k);
// The text of a string or number field; nothing for null or a missing one; anything else is warned of as
// "NAME must be a string" and ignored.
std::string json_text(const JNode* n, std::string_view name, Diagnostics& diag);

struct JsonLimits {
  int max_depth = 64;
};

class JsonDoc {
 public:
  // Parses `text` (a UTF-8 BOM is skipped; UTF-16 and UTF-32 are refused). Syntax errors go to `diag` with
  // their position; root() is then null.
  JsonDoc(std::string_view text, Diagnostics& diag, JsonLimits limits = {});
  const JNode* root() const { return root_ ? &*root_ : nullptr; }

 private:
  std::optional<JNode> root_;
};

// The keys of the top-level object up to the first one in `wanted` (parsing stops there), or the empty
// list with `array` set when the top level is an array: enough to tell JSON formats apart without reading
// a large file whole. Nothing when the text does not start as JSON.
struct JsonShape {
  bool object = false, array = false;
  std::vector<std::string> keys;
};
JsonShape json_shape(std::string_view text, const std::vector<std::string_view>& wanted);

}  // namespace cs
