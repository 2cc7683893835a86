// A unified diff of two texts (what `edit --dry-run` prints): the lines that changed, with three lines of
// context, as `diff -u` writes them.
#pragma once

#include <string>
#include <string_view>

namespace cs {

// Empty when the texts are equal. `name` is used in the "--- a/NAME" and "+++ b/NAME" lines (without a/ and
// b/ when it is an absolute path).
std::string unified_diff(std::string_view before, std::string_view after, std::string_view name);

}  // namespace cs
