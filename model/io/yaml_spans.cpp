// Value ends by style: a quoted scalar at its closing quote, a flow collection at its matching bracket, a
// plain scalar before any comment, a block scalar or block collection at its last line that belongs to it.
// Block values never reach past the next key's line; flow values never past the next key.
#include "model/io/yaml_spans.hpp"

#include "model/io/yaml_cut.hpp"

#include <algorithm>

namespace cs {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::size_t line_start(std::string_view s, std::size_t p) {
  const std::size_t nl = p == 0 ? std::string_view::npos : s.rfind('\n', p - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t line_end(std::string_view s, std::size_t p) {
  std::size_t e = std::min(s.find('\n', p), s.size());
  if (e > p && s[e - 1] == '\r') --e;
  return e;
}

std::size_t trim_right(std::string_view s, std::size_t begin, std::size_t end) {
  while (end > begin && space(s[end - 1])) --end;
  return end;
}

int indent_of(std::string_view s, std::size_t line_begin) {
  std::size_t i = line_begin;
  while (i < s.size() && s[i] == ' ') ++i;
  return int(i - line_begin);
}

// After any anchor (&a) or tag (!t) at p.
std::size_t skip_properties(std::string_view s, std::size_t p) {
  while (p < s.size() && (s[p] == '&' || s[p] == '!')) {
    while (p < s.size() && !space(s[p]) && s[p] != '\n') ++p;
    while (p < s.size() && (space(s[p]) || s[p] == '\n')) ++p;
  }
  return p;
}

std::size_t quoted_end(std::string_view s, std::size_t p) {
  const char q = s[p];
  for (++p; p < s.size(); ++p) {
    if (q == '"' && s[p] == '\\') {
      ++p;
    } else if (s[p] == q) {
      if (q == '\'' && p + 1 < s.size() && s[p + 1] == '\'') ++p;
      else return p + 1;
    }
  }
  return s.size();
}

std::size_t bracket_end(std::string_view s, std::size_t p) {
  int depth = 0;
  for (; p < s.size(); ++p) {
    const char c = s[p];
    if (c == '"' || c == '\'') {
      p = quoted_end(s, p) - 1;
    } else if (c == '#' && p > 0 && (space(s[p - 1]) || s[p - 1] == '\n')) {
      p = line_end(s, p);
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) return p + 1;
    }
  }
  return s.size();
}

// The end of the last line in [p, bound) that is neither blank nor only a comment; the first line counts
// from p. `cut_comment`: a " #" ends that line's content (plain scalars).
std::size_t last_line_end(std::string_view s, std::size_t p, std::size_t bound, bool cut_comment) {
  std::size_t last = p;
  for (std::size_t a = p; a < bound;) {
    std::size_t e = std::min(line_end(s, a), bound);
    std::size_t first = a;
    while (first < e && space(s[first])) ++first;
    if (first < e && s[first] != '#') {
      if (cut_comment)
        for (std::size_t k = first + 1; k < e; ++k)
          if (s[k] == '#' && space(s[k - 1])) {
            e = k;
            break;
          }
      last = trim_right(s, a, e);
    }
    const std::size_t nl = s.find('\n', a);
    if (nl == std::string_view::npos) break;
    a = nl + 1;
  }
  return last;
}

// A block scalar: its header line, then every line that is blank or indented more than its key.
std::size_t block_scalar_end(std::string_view s, std::size_t p, std::size_t bound, int key_column) {
  std::size_t last = line_end(s, p);
  for (std::size_t a = s.find('\n', p); a != std::string_view::npos && a + 1 < bound; a = s.find('\n', a + 1)) {
    const std::size_t b = a + 1, e = line_end(s, b);
    if (trim_right(s, b, e) == b) continue;  // blank: belongs only if more content follows
    if (indent_of(s, b) <= key_column) break;
    last = e;
  }
  return last;
}

// A plain scalar inside a flow collection: up to ',', '}' or ']' (or a comment), over line breaks.
std::size_t plain_flow_end(std::string_view s, std::size_t p, std::size_t bound) {
  std::size_t e = p;
  for (; e < bound; ++e) {
    const char c = s[e];
    if (c == ',' || c == '}' || c == ']') break;
    if (c == '#' && e > p && (space(s[e - 1]) || s[e - 1] == '\n')) break;
  }
  while (e > p && (space(s[e - 1]) || s[e - 1] == '\n')) --e;
  return e;
}

std::size_t value_end(std::string_view s, const YNode& v, std::size_t begin, std::size_t bound, bool flow,
                      int key_column) {
  const std::size_t body = skip_properties(s, begin);
  if (body >= s.size()) return s.size();
  if (v.is_scalar()) {
    switch (v.style) {
      case YStyle::Double:
      case YStyle::Single: return quoted_end(s, body);
      case YStyle::Literal:
      case YStyle::Folded: return block_scalar_end(s, body, bound, key_column);
      default: return flow ? plain_flow_end(s, body, bound) : last_line_end(s, body, bound, true);
    }
  }
  if (v.style == YStyle::Flow) return bracket_end(s, body);
  return last_line_end(s, body, bound, false);
}

// The ':' after a key written at p.
std::size_t colon_after(std::string_view s, std::size_t p) {
  if (s[p] == '"' || s[p] == '\'') p = quoted_end(s, p);
  while (p < s.size() && s[p] != ':') ++p;
  return p;
}

}  // namespace

const KeySpan* ItemMap::find(std::string_view key) const {
  auto it = std::find_if(keys.begin(), keys.end(), [&](const KeySpan& k) { return k.key == key; });
  return it == keys.end() ? nullptr : &*it;
}

std::string_view line_ending(std::string_view text) {
  const std::size_t nl = text.find('\n');
  if (nl != std::string_view::npos) return nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
  return text.find('\r') != std::string_view::npos ? "\r" : "\n";
}

std::optional<ItemMap> map_item(std::string_view s, std::size_t begin, std::size_t end, int line, int indent) {
  Diagnostics ignored;
  YamlDocument doc{YamlWindow{s, begin, end, line}, ignored};
  const YNode* root = doc.root();
  if (!root || !root->is_sequence() || root->items.size() != 1 || !root->items[0]->is_map() ||
      ignored.has_errors())
    return std::nullopt;
  const YNode& m = *root->items[0];
  ItemMap map;
  map.begin = begin;
  map.flow = m.style == YStyle::Flow;
  map.content_end = item_content_end(s, begin, end, indent);
  if (map.flow) {
    map.open = std::size_t(m.pos.offset);
    map.close = bracket_end(s, map.open) - 1;
  }
  map.key_column = m.map_size() ? m.key(0).pos.column - 1 : indent + 2;
  for (std::size_t i = 0; i < m.map_size(); ++i) {
    const YNode& k = m.key(i);
    const YNode& v = m.val(i);
    if (!k.is_scalar() || k.pos.offset < 0) return std::nullopt;
    KeySpan ks;
    ks.key = k.value;
    ks.key_begin = std::size_t(k.pos.offset);
    ks.line_begin = line_start(s, ks.key_begin);
    ks.colon = colon_after(s, ks.key_begin);
    ks.kind = v.kind;
    ks.style = v.style;
    // A value ends before the next key (flow) or the next key's line (block).
    const std::size_t next = i + 1 < m.map_size() ? std::size_t(m.key(i + 1).pos.offset) : (map.flow ? map.close : map.content_end);
    const std::size_t bound = map.flow ? next : (i + 1 < m.map_size() ? line_start(s, next) : map.content_end);
    if (v.kind == YNode::Kind::Null || v.pos.offset < 0 || std::size_t(v.pos.offset) <= ks.colon) {
      // Nothing after the ':', or a written null (~, null) on the same line.
      ks.value_begin = ks.value_end = ks.colon + 1;
      ks.kind = YNode::Kind::Null;
      std::size_t p = ks.colon + 1;
      while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
      for (std::string_view word : {"~", "null", "Null", "NULL"})
        if (s.substr(p, word.size()) == word &&
            (p + word.size() == s.size() || std::string_view{" \t\r\n,}#"}.find(s[p + word.size()]) != std::string_view::npos)) {
          ks.value_begin = p;
          ks.value_end = p + word.size();
          break;
        }
    } else {
      ks.value_begin = std::size_t(v.pos.offset);
      ks.value_end = std::max(ks.value_begin, value_end(s, v, ks.value_begin, bound, map.flow, map.key_column));
    }
    ks.line_end = map.flow ? ks.value_end : line_end(s, ks.value_end);
    if (v.is_sequence() && !v.items.empty()) ks.item_style = v.items[0]->style;
    if (v.is_sequence() && v.style == YStyle::Block) ks.seq_column = v.pos.column - 1;
    map.keys.push_back(std::move(ks));
  }
  return map;
}

}  // namespace cs
