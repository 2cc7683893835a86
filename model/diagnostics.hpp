// Problems found in an input file, each pointing at its text: "events.yaml:12:9: error: ...".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cs {

struct TextPos {
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based
  int offset = -1;  // byte offset into the file, -1 when unknown
};

enum class Severity { Warning, Error };

struct Diagnostic {
  TextPos pos;
  Severity severity = Severity::Error;
  std::string message;
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

  void error(TextPos pos, std::string message);
  void warning(TextPos pos, std::string message);

  const std::string& file() const { return file_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  int warning_count() const { return int(items_.size()) - errors_; }
  // Sorted by position (stable), so a reader meets them in file order.
  void sort();
  void add(const Diagnostic& d);
  // Appends another list (a loader's chunk) to this one.
  void append(const Diagnostics& other);
  // Removes the items from index `first` on whose offset is at or after `offset` (a failed attempt's).
  void drop_after(std::size_t first, int offset);
  // Removes every item whose offset lies in [begin, end), and moves the ones after `end` by `delta_bytes`
  // and `delta_lines` (the text there moved): what an edit of that stretch does to the list.
  void replace_range(int begin, int end, int delta_bytes, int delta_lines);
  // "FILE:LINE:COL: error: message", the file name and message escaped for a terminal.
  std::string format(const Diagnostic& d) const;
  std::string format_all() const;

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

// Text from a file or an argument made safe to print on a terminal, on one line: C0 controls and DEL as
// \n, \r, \t or \xHH, each byte of invalid UTF-8 as \xHH, C1 controls (U+0080..U+009F), bidirectional
// formatting (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) and line/paragraph separators
// (U+2028, U+2029) as \uXXXX. Everything else, backslashes included, is kept as it is.
std::string escape_for_terminal(std::string_view s);
// "1,234,567": counts in messages ("... and 1,234 more").
std::string with_thousands(std::size_t n);
// The code points escape_for_terminal writes as \uXXXX (C1 controls, bidirectional formatting, U+2028/9).
bool escaped_on_terminal(char32_t c);

}  // namespace cs
