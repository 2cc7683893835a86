// RFC 4180 records for the CSV readers (our columns, TimelineJS's sheet): fields as views into the text,
// quoted ones unescaped, each with its line and column; and a cap on row reports so that a file of millions
// of bad rows cannot fill memory with messages.
#pragma once

#include "model/diagnostics.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cs {

struct CsvField {
  std::string_view text;
  int line, column;
};

// At most `max` bytes of `s` for a message, cut on a character boundary, with "..." when cut.
std::string shown(std::string_view s, std::size_t max = 60);
// `s` without leading and trailing spaces and tabs.
std::string_view trim_blanks(std::string_view s);

// Row problems: the first kMaxRowReports are given in full, then one line counts the rest.
class CsvReports {
 public:
  static constexpr std::size_t kMaxRowReports = 10'000;
  explicit CsvReports(Diagnostics& diag) : diag_(diag) {}
  void error(TextPos p, std::string m) { add(p, std::move(m), true); }
  void warning(TextPos p, std::string m) { add(p, std::move(m), false); }
  // Adds the "... and N more problems in rows (not listed)" line, if any were left out.
  void finish();

 private:
  void add(TextPos p, std::string m, bool error);
  Diagnostics& diag_;
  std::size_t shown_ = 0, more_ = 0;
  bool more_errors_ = false;
  TextPos first_more_;
};

// Reads one record at a time; false at the end of the text. Quoted fields are unescaped into `scratch`
// (stable until the next call). Unterminated quotes and text after a closing quote are reported.
class CsvReader {
 public:
  CsvReader(std::string_view text, CsvReports& report) : s_(text), diag_(report) {}

  bool next(std::vector<CsvField>& fields, std::string& scratch, int& record_line);
  std::size_t position() const { return pos_; }
  // A quoted field ran to the end of the text (it was reported).
  bool unclosed() const { return unclosed_; }

 private:
  std::string_view s_;
  CsvReports& diag_;
  std::size_t pos_ = 0, line_start_ = 0;
  int line_ = 1;
  bool unclosed_ = false;
};

}  // namespace cs
