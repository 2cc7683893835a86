// Edits of a timeline file as minimal patches of its text: set or unset a key of a list item, add an item,
// delete one. A patch replaces one stretch of bytes; every other byte (comments, key order, quoting, blank
// lines, line ends) stays as the user wrote it. Whether the result is a valid timeline is for the caller to
// check (model/document.hpp parses the changed item again).
#pragma once

#include "model/io/yaml_spans.hpp"
#include "model/source_map.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cs {

struct Patch {
  std::size_t offset = 0;
  std::string removed;   // the bytes at offset before
  std::string inserted;  // the bytes there after
};

struct PatchResult {
  std::optional<Patch> patch;
  std::string error;  // when !patch
  std::size_t at = 0;  // offset the error is about
};

// The order of keys in the schema, to place a new key among those an item has.
std::span<const std::string_view> key_order(std::string_view list_key);

// Sets `key` of item `item` to `value`. `example`, when given, is how another item of the list writes the
// same key (its style is used for a key the item does not have yet).
PatchResult patch_set(std::string_view text, const ListMap& list, std::string_view list_key, std::size_t item,
                      std::string_view key, const YNode& value, const KeySpan* example = nullptr);
PatchResult patch_unset(std::string_view text, const ListMap& list, std::size_t item, std::string_view key);
// Adds a map as a new item at the end of the list, in the style of the list's last item. `body_end` is
// where the YAML document ends (a missing list is appended there).
PatchResult patch_add(std::string_view text, const ListMap& list, std::string_view list_key, const YNode& item,
                      std::size_t body_end);
// Inserts `item_text` (a whole item, as written elsewhere in the list) right after item `after`.
PatchResult patch_insert_after(std::string_view text, const ListMap& list, std::size_t after, std::string_view item_text);
PatchResult patch_delete(std::string_view text, const ListMap& list, std::size_t item);

// The text with a patch applied.
std::string apply_patch(std::string_view text, const Patch& p);
Patch inverse(const Patch& p);

}  // namespace cs
