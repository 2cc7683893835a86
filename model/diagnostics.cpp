// Collecting and formatting compiler-style diagnostics.
#include "model/diagnostics.hpp"

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
  std::string out = file_;
  if (d.pos.line > 0) out += ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column);
  out += d.severity == Severity::Error ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

std::string Diagnostics::format_all() const {
  std::string out;
  for (const auto& d : items_) out += format(d) + "\n";
  return out;
}

}  // namespace cs
