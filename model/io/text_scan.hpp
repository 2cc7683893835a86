// The byte-level check every loader runs before parsing: the encoding (UTF-16/32 are refused with a clear
// error), NUL and other control bytes (errors), invalid UTF-8 (warnings; read as U+FFFD) and old-Mac lone
// CR line ends, each reported at its true line and column.
#pragma once

#include "model/diagnostics.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace cs {

enum class Encoding { Utf8, Utf8Bom, Utf16LE, Utf16BE, Utf32LE, Utf32BE };

struct TextFacts {
  Encoding encoding = Encoding::Utf8;
  std::size_t bom_bytes = 0;  // a UTF-8 BOM to skip
  bool lone_cr = false;       // CR line breaks not followed by LF (old Mac)
  bool invalid_utf8 = false;  // reported as warnings
  bool bad_bytes = false;     // NUL or C0 controls other than tab, LF, CR: reported as errors

  // False for UTF-16/32: the loader should stop (the error is already in diag).
  bool readable() const { return encoding == Encoding::Utf8 || encoding == Encoding::Utf8Bom; }
};

// How many reports of one kind (control bytes, invalid UTF-8) are given before one "... and N more".
inline constexpr int kMaxByteReports = 10;

// Reports into `diag`, at their true line and column, every NUL and C0 control (except tab, LF, CR) as an
// error, every invalid UTF-8 sequence as a warning (it will be read as U+FFFD), and a UTF-16/32 file (by
// BOM or by its NUL pattern) as one error naming the encoding. LF, CRLF and a lone CR each end one line.
// Positions are those yaml-cpp gives: columns count bytes, 1-based, and line 1's columns and all offsets
// count from after a UTF-8 BOM (yaml-cpp skips it unseen).
TextFacts scan_text(std::string_view text, Diagnostics& diag);

// The same bytes, length and offsets, for a parser that knows only LF and printable text: lone CRs become
// LF and reported control bytes become spaces. Only needed when facts.lone_cr || facts.bad_bytes.
std::string parser_copy(std::string_view text, const TextFacts& facts);

// `s` with each invalid UTF-8 sequence (maximal subpart) replaced by U+FFFD.
std::string valid_utf8(std::string_view s);
bool is_valid_utf8(std::string_view s);

std::string_view encoding_name(Encoding e);

}  // namespace cs
