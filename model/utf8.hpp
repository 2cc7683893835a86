// UTF-8 decoding one code point at a time, with the "maximal subpart" rule of Unicode (chapter 3, U+FFFD
// substitution): how many bytes an invalid sequence spans, so every reader replaces or escapes alike.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cs {

inline constexpr char32_t kInvalidUtf8 = 0xFFFFFFFF;

struct Utf8Step {
  char32_t code = kInvalidUtf8;  // the code point, or kInvalidUtf8
  std::size_t length = 1;        // bytes consumed: the sequence, or the maximal invalid subpart (1 to 3)
};

// Decodes the sequence starting at s[i] (i < s.size()). Overlongs, surrogates, code points past U+10FFFF,
// stray continuation bytes and truncated sequences are invalid.
Utf8Step decode_utf8(std::string_view s, std::size_t i);

// Appends the UTF-8 form of a valid code point.
void append_utf8(std::string& out, char32_t c);

}  // namespace cs
