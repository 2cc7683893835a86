// Collecting and formatting compiler-style diagnostics.
#include "model/diagnostics.hpp"

#include "model/utf8.hpp"

#include <algorithm>

namespace cs {

void Diagnostics::error(TextPos pos, std::string message) {
  items_.push_back({pos, Severity::Error, std::move(message)});
  ++errors_;
}

void Diagnostics::warning(TextPos pos, std::string message) {
  items_.push_back({pos, Severity::Warning, std::move(message)});
}

void Diagnostics::add(const Diagnostic& d) {
  items_.push_back(d);
  if (d.severity == Severity::Error) ++errors_;
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  errors_ += other.errors_;
}

void Diagnostics::drop_after(std::size_t first, int offset) {
  const auto keep_end = std::stable_partition(items_.begin() + std::ptrdiff_t(std::min(first, items_.size())), items_.end(),
                                              [&](const Diagnostic& d) { return d.pos.offset < offset; });
  items_.erase(keep_end, items_.end());
  errors_ = int(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

void Diagnostics::replace_range(int begin, int end, int delta_bytes, int delta_lines) {
  std::erase_if(items_, [&](const Diagnostic& d) { return d.pos.offset >= begin && d.pos.offset < end; });
  for (Diagnostic& d : items_)
    if (d.pos.offset >= end) d.pos.offset += delta_bytes, d.pos.line += delta_lines;
  errors_ = int(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
  });
}

std::string Diagnostics::format(const Diagnostic& d) const {
  std::string out = escape_for_terminal(file_);
  if (d.pos.line > 0) out += ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column);
  out += d.severity == Severity::Error ? ": error: " : ": warning: ";
  out += escape_for_terminal(d.message);
  return out;
}

bool escaped_on_terminal(char32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

namespace {

void append_hex(std::string& out, const char* prefix, unsigned v, int digits) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  out += prefix;
  for (int d = digits - 1; d >= 0; --d) out += kDigits[(v >> (4 * d)) & 15];
}

}  // namespace

std::string escape_for_terminal(std::string_view s) {
  const bool plain = std::all_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0x20 && b < 0x7F;
  });
  if (plain) return std::string{s};
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == '\n') out += "\\n";
    else if (b == '\r') out += "\\r";
    else if (b == '\t') out += "\\t";
    else if (b < 0x20 || b == 0x7F) append_hex(out, "\\x", b, 2);
    if (b < 0x80) {
      if (b >= 0x20 && b != 0x7F) out += char(b);
      ++i;
      continue;
    }
    const Utf8Step step = decode_utf8(s, i);
    if (step.code == kInvalidUtf8) {
      for (std::size_t k = 0; k < step.length; ++k) append_hex(out, "\\x", static_cast<unsigned char>(s[i + k]), 2);
    } else if (escaped_on_terminal(step.code)) {
      append_hex(out, "\\u", unsigned(step.code), 4);
    } else {
      out.append(s.substr(i, step.length));
    }
    i += step.length;
  }
  return out;
}

std::string Diagnostics::format_all() const {
  std::string out;
  for (const auto& d : items_) out += format(d) + "\n";
  return out;
}

std::string with_thousands(std::size_t n) {
  std::string s = std::to_string(n);
  for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(std::size_t(i), ",");
  return s;
}

}  // namespace cs
