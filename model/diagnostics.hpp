// Problems found in an input file, each pointing at its text: "events.yaml:12:9: error: ...".
#pragma once

#include <string>
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
  // "FILE:LINE:COL: error: message"
  std::string format(const Diagnostic& d) const;
  std::string format_all() const;

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

}  // namespace cs
