// Reading the items of a block list one by one: each "- " item is parsed on its own, so a syntax error
// costs that item only. The loader reads lists this way (on all cores for events), and a document re-reads
// the items an edit touched the same way.
#pragma once

#include "model/diagnostics.hpp"
#include "model/io/yaml_tree.hpp"
#include "model/source_map.hpp"

#include <functional>
#include <string_view>

namespace cs {

// Parses items [a, b) of a block list of `body`, handing each item's tree to on_item. An item that does not
// parse is read again alone for a message that points into it, reported ("... is skipped"), and passed to
// on_fail (also when on_item already saw it). False when an alias points outside the items: the file must
// be read whole. This is how the loader reads lists, and how a document re-reads the items an edit touched.
using ItemFn = std::function<void(std::size_t, const YNode&)>;
using FailFn = std::function<void(std::size_t)>;
bool parse_items(std::string_view body, const ListMap& list, std::size_t a, std::size_t b, Diagnostics& diag,
                 std::string_view what, const ItemFn& on_item, const FailFn& on_fail);

}  // namespace cs
