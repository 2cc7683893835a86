// Link validation shared by the loaders and the link opener: one absolute http(s) URL (RFC 3986, with
// RFC 3987's non-ASCII letters allowed) that has a host, and nothing a browser opener could misread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cs {

// Longer links are refused: they are mistakes or attacks, not citations.
inline constexpr std::size_t kMaxUrlBytes = 4096;

// True for one http:// or https:// URL with a host: no whitespace, line breaks or control characters, no
// bidirectional formatting characters, valid UTF-8, valid %XX escapes, a port from 0 to 65535, at most
// kMaxUrlBytes bytes. Otherwise false, and `why` (when given) completes "url '...' " with the reason,
// e.g. "contains a space at position 10" (positions are 1-based bytes into the url).
bool is_valid_url(std::string_view url, std::string* why);

}  // namespace cs
