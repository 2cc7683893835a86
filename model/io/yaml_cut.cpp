// A line scanner for the top level of a YAML file: root keys at column 0, block lists under them, and the
// '-' lines that begin their items. Anything it cannot read with certainty makes the cut !ok, and the
// loader then parses the file whole; the loader also checks the cut against yaml-cpp's own root keys.
#include "model/io/yaml_cut.hpp"

namespace cs {
namespace {

struct Line {
  std::size_t begin, end;  // [begin, end) without the '\n'
  int indent;              // leading spaces
  char first;              // first character after the spaces, 0 for an empty line
};

class Lines {
 public:
  Lines(std::string_view text, std::size_t pos, std::size_t end) : s_(text), pos_(pos), end_(end) {}
  bool next(Line& l) {
    if (pos_ >= end_) return false;
    l.begin = pos_;
    std::size_t e = s_.find('\n', pos_);
    if (e == std::string_view::npos || e > end_) e = end_;
    l.end = e;
    pos_ = e < end_ ? e + 1 : end_;
    std::size_t i = l.begin;
    while (i < l.end && s_[i] == ' ') ++i;
    l.indent = int(i - l.begin);
    l.first = i < l.end ? s_[i] : 0;
    if (l.first == '\t' || l.first == '\r') {  // whitespace only: blank
      std::size_t k = i;
      while (k < l.end && (s_[k] == ' ' || s_[k] == '\t' || s_[k] == '\r')) ++k;
      if (k == l.end) l.first = 0;
    }
    return true;
  }

 private:
  std::string_view s_;
  std::size_t pos_, end_;
};

bool is_blank_or_comment(const Line& l) { return l.first == 0 || l.first == '#'; }

// "- x" or "-" alone: a block sequence entry.
bool is_dash(std::string_view s, const Line& l) {
  const std::size_t i = l.begin + std::size_t(l.indent);
  return l.first == '-' && (i + 1 == l.end || s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\r');
}

bool starts_with_at(std::string_view s, std::size_t i, std::string_view what) { return s.substr(i, what.size()) == what; }

// Document markers "---" and "..." at column 0, alone or followed by a space.
bool is_marker(std::string_view s, const Line& l, std::string_view m) {
  if (l.indent != 0 || !starts_with_at(s, l.begin, m)) return false;
  const std::size_t after = l.begin + 3;
  return after >= l.end || s[after] == ' ' || s[after] == '\t' || s[after] == '\r';
}

// Reads a root key at the start of line `l`: plain (up to ": " or a final ':') or quoted. Sets `value_at`
// to just after the ':'. False when the line is not a key.
bool root_key(std::string_view s, const Line& l, std::string& key, std::size_t& value_at) {
  std::size_t i = l.begin;
  const char c = s[i];
  if (c == '"' || c == '\'') {
    std::string k;
    for (++i; i < l.end; ++i) {
      if (s[i] == c) {
        if (c == '\'' && i + 1 < l.end && s[i + 1] == '\'') {
          k += '\'', ++i;
          continue;
        }
        break;
      }
      if (c == '"' && s[i] == '\\') return false;  // escapes in keys: leave such files to the full parser
      k += s[i];
    }
    if (i >= l.end) return false;
    ++i;
    while (i < l.end && s[i] == ' ') ++i;
    if (i >= l.end || s[i] != ':') return false;
    key = std::move(k);
    value_at = i + 1;
    return value_at == l.end || s[value_at] == ' ' || s[value_at] == '\t' || s[value_at] == '\r';
  }
  // Indicators that cannot start a plain key (or make the root something other than a block map).
  if (std::string_view{"-?:,[]{}#&*!|>%@`"}.find(c) != std::string_view::npos) return false;
  for (; i < l.end; ++i) {
    if (s[i] == ':' && (i + 1 == l.end || s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\r')) {
      std::size_t e = i;
      while (e > l.begin && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
      key.assign(s.substr(l.begin, e - l.begin));
      value_at = i + 1;
      return true;
    }
    if (s[i] == '#' && i > l.begin && (s[i - 1] == ' ' || s[i - 1] == '\t')) return false;
  }
  return false;
}

// Nothing but spaces and maybe a comment from `pos` to the end of the line.
bool rest_is_empty(std::string_view s, std::size_t pos, std::size_t end) {
  while (pos < end && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\r')) ++pos;
  return pos == end || s[pos] == '#';
}

// Column where an item's content starts: after its '-' and the spaces that follow.
int content_column(std::string_view s, const Line& l) {
  std::size_t i = l.begin + std::size_t(l.indent) + 1;
  while (i < l.end && s[i] == ' ') ++i;
  if (i >= l.end || s[i] == '#') return l.indent + 2;  // "-" alone: content on the next lines
  return int(i - l.begin);
}

}  // namespace

std::vector<CutItem> cut_items(std::string_view s, std::size_t begin, std::size_t end, std::uint32_t line,
                               int indent) {
  std::vector<CutItem> items;
  Lines lines{s, begin, end};
  Line l;
  int content = indent + 2;
  for (; lines.next(l); ++line) {
    if (l.first != '-' || !is_dash(s, l)) continue;
    if (l.indent == indent || l.indent < content) {
      items.push_back({l.begin, line});
      content = l.indent == indent ? content_column(s, l) : std::max(l.indent, indent) + 2;
    }
  }
  return items;
}

std::size_t item_content_end(std::string_view s, std::size_t begin, std::size_t end, int indent) {
  Lines lines{s, begin, end};
  Line l;
  std::size_t last = begin;
  bool first = true;
  while (lines.next(l)) {
    const bool own_comment = l.first == '#' && l.indent > indent;
    if (first || (l.first != 0 && (l.first != '#' || own_comment))) {
      std::size_t e = l.end;
      while (e > l.begin && (s[e - 1] == '\r' || s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
      last = e;
    }
    first = false;
  }
  return last;
}

Cut cut_yaml(std::string_view s) {
  Cut cut;
  cut.body_end = s.size();
  Lines lines{s, 0, s.size()};
  Line l;
  std::uint32_t line = 0;
  bool started = false;  // a root key (or "---") was seen
  auto fail = [&](std::string why) {
    cut.ok = false;
    cut.why = std::move(why);
    return cut;
  };
  while (lines.next(l)) {
    ++line;
    if (l.first == 0) continue;
    if (l.indent == 0 && l.first == '#') continue;
    if (l.indent > 0 || l.first == '#') {
      if (cut.entries.empty()) return fail("line " + std::to_string(line) + ": the root does not start at column 0");
      continue;  // inside the current entry
    }
    if (is_marker(s, l, "---")) {
      if (started) {
        cut.body_end = l.begin;
        break;
      }
      if (!rest_is_empty(s, l.begin + 3, l.end)) return fail("content on the '---' line");
      started = true;
      cut.body_begin = l.end < s.size() ? l.end + 1 : l.end;
      continue;
    }
    if (is_marker(s, l, "...")) {
      cut.body_end = l.begin;
      break;
    }
    if (l.first == '%') return fail("a directive");
    if (is_dash(s, l)) {
      if (cut.entries.empty()) return fail("the root is a list");
      continue;  // an item of a list at column 0
    }
    std::string key;
    std::size_t value_at = 0;
    if (!root_key(s, l, key, value_at)) {
      if (cut.entries.empty()) return fail("line " + std::to_string(line) + ": not a key");
      continue;  // a continuation line; the loader's check against yaml-cpp's keys decides
    }
    started = true;
    if (!cut.entries.empty()) cut.entries.back().end = l.begin;
    CutEntry e;
    e.key = std::move(key);
    e.begin = l.begin;
    e.line = line;
    e.end = s.size();
    // A block list: nothing after the ':' and a '-' line first below it.
    e.list = rest_is_empty(s, value_at, l.end);
    cut.entries.push_back(std::move(e));
  }
  if (cut.entries.empty()) return fail("no root key");
  if (cut.entries.back().end > cut.body_end) cut.entries.back().end = cut.body_end;
  for (CutEntry& e : cut.entries) {
    if (!e.list) continue;
    Lines body{s, e.begin, e.end};
    body.next(l);  // the key's line
    std::uint32_t n = e.line;
    e.list = false;
    while (body.next(l)) {
      ++n;
      if (is_blank_or_comment(l)) continue;
      if (is_dash(s, l)) {
        e.list = true;
        e.indent = l.indent;
        e.items = cut_items(s, l.begin, e.end, n, l.indent);
      }
      break;
    }
  }
  cut.ok = true;
  return cut;
}

}  // namespace cs
