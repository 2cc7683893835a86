// A table-free UTF-8 decoder following Unicode's well-formed byte sequences (Table 3-7).
#include "model/utf8.hpp"

namespace cs {

Utf8Step decode_utf8(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1};
  int need = 0;
  char32_t c = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) need = 1, c = b0 & 0x1F;
  else if (b0 == 0xE0) need = 2, c = b0 & 0x0F, lo = 0xA0;
  else if (b0 == 0xED) need = 2, c = b0 & 0x0F, hi = 0x9F;  // no surrogates
  else if (b0 >= 0xE1 && b0 <= 0xEF) need = 2, c = b0 & 0x0F;
  else if (b0 == 0xF0) need = 3, c = b0 & 0x07, lo = 0x90;
  else if (b0 >= 0xF1 && b0 <= 0xF3) need = 3, c = b0 & 0x07;
  else if (b0 == 0xF4) need = 3, c = b0 & 0x07, hi = 0x8F;  // up to U+10FFFF
  else return {kInvalidUtf8, 1};                          // C0, C1, F5..FF, or a stray continuation byte
  std::size_t k = 1;
  for (; k <= std::size_t(need); ++k) {
    if (i + k >= s.size()) return {kInvalidUtf8, k};
    const unsigned char b = byte(i + k);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return {kInvalidUtf8, k};
    c = c << 6 | (b & 0x3F);
  }
  return {c, k};
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

}  // namespace cs
