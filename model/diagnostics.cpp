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
