// The record reader moved out of csv_loader.cpp unchanged, so that every CSV reader shares its RFC 4180
// rules and its messages.
#include "model/io/csv_reader.hpp"

namespace cs {

std::string shown(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string{s};
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return std::string{s.substr(0, max)} + "...";
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

void CsvReports::finish() {
  if (!more_) return;
  const std::string m = "... and " + with_thousands(more_) + " more problems in rows (not listed)";
  if (more_errors_) diag_.error(first_more_, m);
  else diag_.warning(first_more_, m);
}

void CsvReports::add(TextPos p, std::string m, bool error) {
  if (shown_ < kMaxRowReports) {
    ++shown_;
    if (error) diag_.error(p, std::move(m));
    else diag_.warning(p, std::move(m));
    return;
  }
  if (more_++ == 0) first_more_ = p;
  more_errors_ = more_errors_ || error;
}

bool CsvReader::next(std::vector<CsvField>& fields, std::string& scratch, int& record_line) {
  fields.clear();
  scratch.clear();
  if (pos_ >= s_.size()) return false;
  record_line = line_;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // scratch ranges of quoted fields
  while (true) {
    const int col = int(pos_ - line_start_) + 1;
    if (pos_ < s_.size() && s_[pos_] == '"') {
      const std::size_t begin = scratch.size();
      const int open_line = line_;
      ++pos_;
      bool closed = false;
      while (pos_ < s_.size()) {
        const char c = s_[pos_++];
        if (c == '"') {
          if (pos_ < s_.size() && s_[pos_] == '"') {
            scratch += '"';
            ++pos_;
          } else {
            closed = true;
            break;
          }
        } else {
          if (c == '\n') ++line_, line_start_ = pos_;
          scratch += c;
        }
      }
      if (!closed) {
        diag_.error({open_line, col, -1}, "quoted field is not closed");
        unclosed_ = true;
      }
      spans.emplace_back(begin, scratch.size());
      fields.push_back({{}, open_line, col});
      if (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n' && s_[pos_] != '\r') {
        diag_.error({line_, int(pos_ - line_start_) + 1, -1}, "unexpected text after a quoted field");
        while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n') ++pos_;
      }
    } else {
      const std::size_t b = pos_;
      while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n') ++pos_;
      std::size_t e = pos_;
      if (e > b && s_[e - 1] == '\r') --e;
      fields.push_back({s_.substr(b, e - b), line_, col});
    }
    if (pos_ < s_.size() && s_[pos_] == ',') {
      ++pos_;
      continue;
    }
    if (pos_ < s_.size() && s_[pos_] == '\r') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_, ++line_, line_start_ = pos_;
    break;
  }
  // Quoted fields point into scratch only now that it no longer grows.
  std::size_t q = 0;
  for (CsvField& f : fields)
    if (f.text.data() == nullptr && q < spans.size()) {
      f.text = std::string_view{scratch}.substr(spans[q].first, spans[q].second - spans[q].first);
      ++q;
    }
  return true;
}

}  // namespace cs
