// One pass over the bytes: printable ASCII is skipped eight bytes at a time; everything else is looked at
// one by one, counting lines as it goes.
#include "model/io/text_scan.hpp"

#include "model/utf8.hpp"

#include "model/diagnostics.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace cs {
namespace {

constexpr std::array<const char*, 32> kC0Names = {
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"};

std::string hex2(unsigned v) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return {kDigits[(v >> 4) & 15], kDigits[v & 15]};
}

// True when all eight bytes at p are printable ASCII (0x20..0x7E).
bool plain8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;  // some byte < 0x20 (or >= 0x80)
  const std::uint64_t del = ((w ^ (ones * 0x7F)) - ones) & ~(w ^ (ones * 0x7F)) & highs;  // some byte == 0x7F
  return ((w & highs) | below_space | del) == 0;
}

// The encoding by BOM, else by where the NUL bytes fall in the first 4 KB (text in UTF-16 or UTF-32 that is
// mostly ASCII has NULs in fixed byte positions; UTF-8 text has none).
Encoding detect(std::string_view s) {
  const auto starts = [&](std::string_view p) { return s.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\x00\x00\xFE\xFF"sv)) return Encoding::Utf32BE;
  if (starts("\xFF\xFE\x00\x00"sv)) return Encoding::Utf32LE;
  if (starts("\xFE\xFF"sv)) return Encoding::Utf16BE;
  if (starts("\xFF\xFE"sv)) return Encoding::Utf16LE;
  if (starts("\xEF\xBB\xBF"sv)) return Encoding::Utf8Bom;
  const std::size_t n = std::min<std::size_t>(s.size(), 4096) & ~std::size_t(3);
  if (n < 4) return Encoding::Utf8;
  std::array<std::size_t, 4> nul{};
  for (std::size_t i = 0; i < n; ++i) nul[i % 4] += s[i] == 0;
  const std::size_t per = n / 4;  // bytes in each of the four positions
  const auto most = [&](std::size_t k) { return nul[k] * 10 >= per * 9; };
  const auto few = [&](std::size_t k) { return nul[k] * 10 <= per; };
  if (few(0) && most(1) && most(2) && most(3)) return Encoding::Utf32LE;
  if (most(0) && most(1) && most(2) && few(3)) return Encoding::Utf32BE;
  if (few(0) && few(2) && most(1) && most(3)) return Encoding::Utf16LE;
  if (most(0) && most(2) && few(1) && few(3)) return Encoding::Utf16BE;
  return Encoding::Utf8;
}

// Reports of one kind, the first kMaxByteReports in full, then one line with the count of the rest.
struct Capped {
  int shown = 0;
  std::size_t more = 0;
  TextPos first_unshown;
};

}  // namespace

std::string_view encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Utf8: return "UTF-8";
    case Encoding::Utf8Bom: return "UTF-8 with a BOM";
    case Encoding::Utf16LE: return "UTF-16 (little-endian)";
    case Encoding::Utf16BE: return "UTF-16 (big-endian)";
    case Encoding::Utf32LE: return "UTF-32 (little-endian)";
    case Encoding::Utf32BE: return "UTF-32 (big-endian)";
  }
  return "";
}

TextFacts scan_text(std::string_view text, Diagnostics& diag) {
  TextFacts f;
  f.encoding = detect(text);
  if (!f.readable()) {
    diag.error({1, 1, 0}, "the file is encoded as " + std::string{encoding_name(f.encoding)} +
                              "; chronoscope reads UTF-8: save it as UTF-8");
    return f;
  }
  if (f.encoding == Encoding::Utf8Bom) f.bom_bytes = 3;
  const std::string_view s = text.substr(f.bom_bytes);
  Capped controls, invalid;
  int line = 1;
  std::size_t line_start = 0;
  const auto pos_of = [&](std::size_t i) { return TextPos{line, int(i - line_start) + 1, int(i)}; };
  const auto report = [&](Capped& c, std::size_t i, bool error, std::string message) {
    if (c.shown < kMaxByteReports) {
      ++c.shown;
      if (error) diag.error(pos_of(i), std::move(message));
      else diag.warning(pos_of(i), std::move(message));
    } else if (c.more++ == 0) {
      c.first_unshown = pos_of(i);
    }
  };
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    if (i + 8 <= n && plain8(s.data() + i)) {
      i += 8;
      continue;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x7F) {
      ++i;
    } else if (b == '\n') {
      ++i, ++line, line_start = i;
    } else if (b == '\r') {
      ++i;
      if (i < n && s[i] == '\n') ++i;
      else f.lone_cr = true;
      ++line, line_start = i;
    } else if (b == '\t' || b == 0x7F) {
      ++i;
    } else if (b < 0x20) {
      f.bad_bytes = true;
      report(controls, i, true,
             "control character U+00" + hex2(b) + " (" + kC0Names[b] + ") is not allowed in the text");
      ++i;
    } else {
      const Utf8Step step = decode_utf8(s, i);
      if (step.code == kInvalidUtf8) {
        f.invalid_utf8 = true;
        std::string bytes;
        for (std::size_t k = 0; k < step.length; ++k) bytes += (k ? " 0x" : "0x") + hex2(static_cast<unsigned char>(s[i + k]));
        report(invalid, i, false,
               std::string{step.length == 1 ? "invalid UTF-8 byte " : "invalid UTF-8 bytes "} + bytes +
                   " (read as U+FFFD)");
      }
      i += step.length;
    }
  }
  if (controls.more)
    diag.error(controls.first_unshown, "... and " + with_thousands(controls.more) + " more control characters");
  if (invalid.more)
    diag.warning(invalid.first_unshown, "... and " + with_thousands(invalid.more) + " more invalid UTF-8 sequences");
  return f;
}

std::string parser_copy(std::string_view text, const TextFacts& facts) {
  std::string out{text};
  if (!facts.lone_cr && !facts.bad_bytes) return out;
  for (std::size_t i = facts.bom_bytes; i < out.size(); ++i) {
    const auto b = static_cast<unsigned char>(out[i]);
    if (b >= 0x20) continue;
    if (b == '\r') {
      if (i + 1 >= out.size() || out[i + 1] != '\n') out[i] = '\n';
    } else if (b != '\n' && b != '\t') {
      out[i] = ' ';
    }
  }
  return out;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Step step = decode_utf8(s, i);
    if (step.code == kInvalidUtf8) return false;
    i += step.length;
  }
  return true;
}

std::string valid_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string{s};
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    const Utf8Step step = decode_utf8(s, i);
    if (step.code == kInvalidUtf8) out += "\xEF\xBF\xBD";
    else out.append(s.substr(i, step.length));
    i += step.length;
  }
  return out;
}

}  // namespace cs
