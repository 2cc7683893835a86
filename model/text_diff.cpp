// Edits touch one stretch of a file (or a few close together): the lines common to the start and to the end
// are cut off, the rest is matched line by line (longest common subsequence), and the changes are written
// as diff -u writes them: hunks with three lines of context, merged when they are close. Lines keep their
// own line ends.
#include "model/text_diff.hpp"

#include <algorithm>
#include <vector>

namespace cs {
namespace {

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t a = 0; a < s.size();) {
    const std::size_t nl = s.find('\n', a);
    const std::size_t e = nl == std::string_view::npos ? s.size() : nl + 1;
    out.push_back(s.substr(a, e - a));
    a = e;
  }
  return out;
}

struct Op {
  char mark;  // ' ', '-', '+'
  std::size_t a, b;  // line in before, in after (for '+', a is where it goes; for '-', b likewise)
};

// The edit script of a[ah, at) against b[bh, bt): an LCS table when it is small, else all out, all in.
void script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::size_t ah,
            std::size_t at, std::size_t bh, std::size_t bt, std::vector<Op>& out) {
  const std::size_t n = at - ah, m = bt - bh;
  if (n * m > 4'000'000) {
    for (std::size_t i = ah; i < at; ++i) out.push_back({'-', i, bh});
    for (std::size_t j = bh; j < bt; ++j) out.push_back({'+', at, j});
    return;
  }
  std::vector<std::uint32_t> t((n + 1) * (m + 1), 0);  // t[i][j]: LCS of a[ah+i..] and b[bh+j..]
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      t[i * (m + 1) + j] = a[ah + i] == b[bh + j] ? t[(i + 1) * (m + 1) + j + 1] + 1
                                                  : std::max(t[(i + 1) * (m + 1) + j], t[i * (m + 1) + j + 1]);
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[ah + i] == b[bh + j]) {
      out.push_back({' ', ah + i++, bh + j++});
    } else if (i < n && (j == m || t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1])) {
      out.push_back({'-', ah + i++, bh + j});
    } else {
      out.push_back({'+', ah + i, bh + j++});
    }
  }
}

void put(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range(std::size_t first, std::size_t count) {
  // diff -u numbers lines from 1; an empty range names the line before it.
  return std::to_string(count ? first + 1 : first) + (count == 1 ? "" : "," + std::to_string(count));
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name) {
  if (before == after) return {};
  const auto a = lines_of(before), b = lines_of(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<Op> ops;
  for (std::size_t i = 0; i < head; ++i) ops.push_back({' ', i, i});
  script(a, b, head, a.size() - tail, head, b.size() - tail, ops);
  for (std::size_t k = 0; k < tail; ++k) ops.push_back({' ', a.size() - tail + k, b.size() - tail + k});

  // git-style a/ and b/ for relative names; an absolute name stands as it is, as diff -u writes it.
  const bool absolute = !name.empty() && name[0] == '/';
  std::string out = (absolute ? "--- " : "--- a/") + std::string{name} + (absolute ? "\n+++ " : "\n+++ b/") +
                    std::string{name} + "\n";
  constexpr std::size_t kContext = 3;
  for (std::size_t k = 0; k < ops.size();) {
    if (ops[k].mark == ' ') {
      ++k;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext after the last change within reach.
    const std::size_t first = k - std::min(k, kContext);
    std::size_t last = k;  // the last change of the hunk
    for (std::size_t j = k; j < ops.size() && j <= last + 2 * kContext + 1; ++j)
      if (ops[j].mark != ' ') last = j;
    const std::size_t end = std::min(ops.size(), last + 1 + kContext);
    std::size_t na = 0, nb = 0;
    for (std::size_t j = first; j < end; ++j) na += ops[j].mark != '+', nb += ops[j].mark != '-';
    out += "@@ -" + range(ops[first].a, na) + " +" + range(ops[first].b, nb) + " @@\n";
    for (std::size_t j = first; j < end; ++j) put(out, ops[j].mark, ops[j].mark == '+' ? b[ops[j].b] : a[ops[j].a]);
    k = end;
  }
  return out;
}

}  // namespace cs
