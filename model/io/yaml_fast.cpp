// The fast item reader: a line table, then a recursive reader over it that returns false at the first
// thing outside its subset. Its outcome is checked against yaml-cpp's, node for node, by
// tests/model/yaml_fast_test.cpp (every YAML file of the repository, random items) and by the YAML fuzz
// harness (tests/fuzz/yaml_fuzz.cpp) on every item it reads.
#include "model/io/yaml_fast.hpp"

#include "model/utf8.hpp"

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace cs {
namespace {

struct Line {
  std::size_t begin = 0, end = 0;  // end: before "\n" or "\r\n"
  int indent = 0;
  bool blank = false;  // only spaces, or a comment
};

// yaml-cpp takes a key only when its ':' comes within 1024 characters of its start; well short of that.
constexpr std::size_t kMaxKey = 512;

bool null_string(std::string_view v) { return v == "~" || v == "null" || v == "Null" || v == "NULL"; }

// Characters no plain scalar may start with (yaml-cpp's PlainScalar), and those that end one in flow.
bool bad_plain_start(std::string_view s, std::size_t p, std::size_t end) {
  const char c = s[p];
  if (std::string_view{",[]{}#&*!|>'\"%@`"}.find(c) != std::string_view::npos) return true;
  if (c == '-' || c == '?' || c == ':') return p + 1 >= end || s[p + 1] == ' ';
  return false;
}

class Reader {
 public:
  Reader(std::string_view text, std::size_t begin, std::size_t end, int line, FastItem& out)
      : s_(text), end_(end), line_(line), out_(out) {
    for (std::size_t p = begin; p < end;) {
      std::size_t e = s_.find('\n', p);
      const std::size_t next = e == std::string_view::npos || e >= end ? end : e + 1;
      if (e == std::string_view::npos || e > end) e = end;
      Line l;
      l.begin = p;
      l.end = e > p && s_[e - 1] == '\r' ? e - 1 : e;
      for (std::size_t q = p; q < l.end; ++q)
        if (s_[q] == '\t' || s_[q] == '\r') ok_ = false;
      while (p + std::size_t(l.indent) < l.end && s_[p + std::size_t(l.indent)] == ' ') ++l.indent;
      const std::size_t first = p + std::size_t(l.indent);
      l.blank = first >= l.end || s_[first] == '#';
      if (l.indent == 0 && l.end - p >= 3 && (s_.substr(p, 3) == "---" || s_.substr(p, 3) == "...")) ok_ = false;
      lines_.push_back(l);
      p = next;
    }
  }

  bool item(int dash) {
    if (!ok_ || lines_.empty()) return false;
    const Line& l = lines_[0];
    const std::size_t d = l.begin + std::size_t(dash);
    if (l.indent != dash || !item_dash(l, d)) return false;
    std::size_t p = skip_spaces(d + 1, l.end);
    if (p >= l.end || s_[p] == '#') return false;
    li_ = 0;
    const YNode* root = seq_item(p, dash);
    if (!root) return false;
    for (; li_ < lines_.size(); ++li_)
      if (!lines_[li_].blank) return false;  // something after the item that is not its own
    out_.root = root;
    return true;
  }

 private:
  // A list item's "- " at offset d of line l.
  bool item_dash(const Line& l, std::size_t d) const { return d + 1 < l.end && s_[d] == '-' && s_[d + 1] == ' '; }
  std::size_t skip_spaces(std::size_t p, std::size_t e) const {
    while (p < e && s_[p] == ' ') ++p;
    return p;
  }
  // Nothing but spaces and a comment from p to the end of the line.
  bool rest_is_end(std::size_t p, std::size_t e) const {
    const std::size_t q = skip_spaces(p, e);
    return q >= e || (s_[q] == '#' && q > p);
  }
  // The next line from `from` that is not blank, or lines_.size().
  std::size_t next_content(std::size_t from) const {
    while (from < lines_.size() && lines_[from].blank) ++from;
    return from;
  }

  YNode* node(YNode::Kind kind, std::size_t at) {
    YNode& n = out_.nodes.emplace_back();
    n.kind = kind;
    n.pos = {line_ + int(li_), int(at - lines_[li_].begin) + 1, int(at)};
    return &n;
  }
  static void attach(YNode* parent, const YNode* child) {
    parent->items.push_back(child);
    parent->expanded_size += child->expanded_size;
  }

  // The end of a plain scalar in block context from p (before trailing spaces), and whether a ": " (or a ':'
  // ending the line) stopped it: then it is a key.
  std::size_t plain_block_end(std::size_t p, std::size_t e, bool& colon) const {
    colon = false;
    std::size_t q = p;
    for (; q < e; ++q) {
      if (s_[q] == ':' && (q + 1 >= e || s_[q + 1] == ' ')) {
        colon = true;
        break;
      }
      if (s_[q] == '#' && q > p && s_[q - 1] == ' ') break;
    }
    while (q > p && s_[q - 1] == ' ') --q;
    return q;
  }

  // A scalar on one line: a plain one (block context) or a quoted one. p_out: just after it.
  YNode* scalar(std::size_t p, std::size_t e, bool flow, std::size_t& p_out) {
    if (s_[p] == '"' || s_[p] == '\'') return quoted(p, e, p_out);
    if (bad_plain_start(s_, p, e)) return nullptr;
    std::size_t q = p;
    if (flow) {
      for (; q < e; ++q) {
        const char c = s_[q];
        if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}') break;
        if (c == '?') return nullptr;
        if (c == ':' && (q + 1 >= e || std::string_view{" ,]}"}.find(s_[q + 1]) != std::string_view::npos)) break;
        if (c == '#' && s_[q - 1] == ' ') return nullptr;
      }
      if (q >= e) return nullptr;  // a flow collection that goes on past the line
      p_out = q;
      while (q > p && s_[q - 1] == ' ') --q;
    } else {
      bool colon = false;
      q = plain_block_end(p, e, colon);
      if (colon) return nullptr;
      p_out = q;
    }
    const std::string_view v = s_.substr(p, q - p);
    if (v.empty()) return nullptr;
    if (null_string(v)) return node(YNode::Kind::Null, p);
    YNode* n = node(YNode::Kind::Scalar, p);
    n->value = std::string{v};
    return n;
  }

  YNode* quoted(std::size_t p, std::size_t e, std::size_t& p_out) {
    const char q = s_[p];
    std::string v;
    std::size_t i = p + 1;
    for (;; ++i) {
      if (i >= e) return nullptr;  // goes on to the next line
      const char c = s_[i];
      if (q == '\'') {
        if (c != '\'') {
          v += c;
          continue;
        }
        if (i + 1 < e && s_[i + 1] == '\'') {
          v += '\'';
          ++i;
          continue;
        }
        break;
      }
      if (c == '"') break;
      if (c != '\\') {
        v += c;
        continue;
      }
      if (++i >= e) return nullptr;
      switch (s_[i]) {
        case '\\': v += '\\'; break;
        case '"': v += '"'; break;
        case '/': v += '/'; break;
        case 'n': v += '\n'; break;
        case 't': v += '\t'; break;
        case 'r': v += '\r'; break;
        case '0': v += '\0'; break;
        case 'x':
        case 'u':
        case 'U': {
          const int digits = s_[i] == 'x' ? 2 : s_[i] == 'u' ? 4 : 8;
          std::uint32_t cp = 0;
          for (int k = 0; k < digits; ++k) {
            if (++i >= e) return nullptr;
            const char h = s_[i];
            const int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
            if (d < 0) return nullptr;
            cp = cp * 16 + std::uint32_t(d);
          }
          if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return nullptr;
          append_utf8(v, char32_t(cp));
          break;
        }
        default: return nullptr;  // an escape yaml-cpp may read otherwise
      }
    }
    YNode* n = node(YNode::Kind::Scalar, p);
    n->value = std::move(v);
    n->quoted = true;
    n->style = q == '"' ? YStyle::Double : YStyle::Single;
    p_out = i + 1;
    return n;
  }

  // A flow list or map on one line.
  YNode* flow(std::size_t p, std::size_t e, std::size_t& p_out, int depth = 0) {
    if (depth > 8) return nullptr;
    const bool map = s_[p] == '{';
    const char close = map ? '}' : ']';
    YNode* n = node(map ? YNode::Kind::Map : YNode::Kind::Sequence, p);
    n->style = YStyle::Flow;
    std::unordered_set<std::string> keys;
    std::size_t q = skip_spaces(p + 1, e);
    if (q < e && s_[q] == close) {
      p_out = q + 1;
      return n;
    }
    for (;;) {
      if (q >= e) return nullptr;
      if (map) {
        std::size_t k_end = 0;
        if (s_[q] == '"' || s_[q] == '\'' || s_[q] == '[' || s_[q] == '{') return nullptr;
        YNode* key = scalar(q, e, true, k_end);
        if (!key || !key->is_scalar() || k_end >= e || s_[k_end] != ':' || k_end - q > kMaxKey ||
            !keys.insert(key->value).second)
          return nullptr;
        attach(n, key);
        q = skip_spaces(k_end + 1, e);
        if (q >= e || s_[q] == ',' || s_[q] == '}') return nullptr;  // a key without a value
      }
      std::size_t v_end = 0;
      YNode* v = s_[q] == '[' || s_[q] == '{' ? flow(q, e, v_end, depth + 1) : scalar(q, e, true, v_end);
      if (!v) return nullptr;
      attach(n, v);
      q = skip_spaces(v_end, e);
      if (q >= e) return nullptr;
      if (s_[q] == close) break;
      if (s_[q] != ',') return nullptr;
      q = skip_spaces(q + 1, e);
      if (q < e && (s_[q] == close || s_[q] == ',')) return nullptr;  // a trailing or doubled comma
    }
    p_out = q + 1;
    return n;
  }

  // A folded or literal block scalar whose header is at p on line li_; its content must be indented more
  // than `parent`. Leaves li_ on the first line after it.
  YNode* block_scalar(std::size_t p, int parent) {
    const Line& h = lines_[li_];
    const bool folded = s_[p] == '>';
    bool strip = false;
    std::size_t q = p + 1;
    if (q < h.end && s_[q] == '-') strip = true, ++q;
    if (q < h.end && s_[q] != ' ') return nullptr;  // keep (+) or an indentation digit
    if (!rest_is_end(q, h.end)) return nullptr;
    YNode* n = node(YNode::Kind::Scalar, p);
    n->quoted = true;
    n->style = folded ? YStyle::Folded : YStyle::Literal;
    const auto spaces_only = [&](const Line& l) { return std::size_t(l.indent) == l.end - l.begin; };
    std::size_t j = li_ + 1;
    while (j < lines_.size() && spaces_only(lines_[j])) ++j;
    if (j >= lines_.size() || lines_[j].indent <= parent) return nullptr;  // empty: leave it to yaml-cpp
    const int ci = lines_[j].indent;
    std::size_t last = j;  // the last line with content
    std::vector<std::size_t> body;
    for (j = li_ + 1; j < lines_.size(); ++j) {
      const Line& l = lines_[j];
      if (spaces_only(l)) {
        if (l.indent > ci) return nullptr;
        body.push_back(j);
        continue;
      }
      if (l.indent < ci) break;
      if (folded && l.indent > ci) return nullptr;  // more-indented lines fold otherwise
      body.push_back(j);
      last = j;
    }
    // Without a line break after its last line (the end of the window), clipping is yaml-cpp's to decide.
    if (lines_[last].end >= end_) return nullptr;
    std::string v;
    bool started = false;  // folded: a content line written
    int empties = 0;       // folded: empty lines since the last content line
    for (const std::size_t k : body) {
      if (k > last) break;
      const Line& l = lines_[k];
      const std::string_view text =
          spaces_only(l) ? std::string_view{} : s_.substr(l.begin + std::size_t(ci), l.end - l.begin - std::size_t(ci));
      if (!folded) {
        if (k != body.front()) v += '\n';
        v.append(text);
        continue;
      }
      if (text.empty()) {
        if (started) ++empties;
        else v += '\n';
        continue;
      }
      if (started) v += empties ? std::string(std::size_t(empties), '\n') : std::string{" "};
      v.append(text);
      started = true;
      empties = 0;
    }
    if (!strip) v += '\n';
    n->value = std::move(v);
    li_ = last + 1;
    return n;
  }

  // A block map whose first key is at p on line li_ (its keys at p's column). Leaves li_ on the first line
  // after it.
  YNode* block_map(std::size_t p) {
    const int col = int(p - lines_[li_].begin);
    YNode* m = node(YNode::Kind::Map, p);
    m->style = YStyle::Block;
    std::unordered_set<std::string> keys;
    for (;;) {
      const Line& l = lines_[li_];
      bool colon = false;
      if (bad_plain_start(s_, p, l.end)) return nullptr;
      const std::size_t k_end = plain_block_end(p, l.end, colon);
      if (!colon || k_end == p || k_end - p > kMaxKey) return nullptr;
      const std::string_view k = s_.substr(p, k_end - p);
      if (null_string(k) || !keys.insert(std::string{k}).second) return nullptr;
      YNode* key = node(YNode::Kind::Scalar, p);
      key->value = std::string{k};
      attach(m, key);
      std::size_t c = s_.find(':', k_end);
      const YNode* v = value(c + 1, col);
      if (!v) return nullptr;
      attach(m, v);
      const std::size_t next = next_content(li_);
      if (next >= lines_.size() || lines_[next].indent < col) {
        li_ = next;
        return m;
      }
      if (lines_[next].indent > col) return nullptr;
      li_ = next;
      p = lines_[li_].begin + std::size_t(col);
      if (s_[p] == '-' && (p + 1 >= lines_[li_].end || s_[p + 1] == ' ')) return nullptr;
    }
  }

  // The value after a key's ':' at p (on line li_) of a map whose keys are at column `col`. Leaves li_ on
  // the line after the value.
  const YNode* value(std::size_t p, int col) {
    const Line& l = lines_[li_];
    const std::size_t q = skip_spaces(p, l.end);
    if (q >= l.end || (s_[q] == '#' && q > p)) {
      // On the lines below: only a block list (its '-' at the key's column or further in).
      const std::size_t next = next_content(li_ + 1);
      if (next >= lines_.size()) return nullptr;
      const Line& n = lines_[next];
      const std::size_t d = n.begin + std::size_t(n.indent);
      if (n.indent < col || !item_dash(n, d)) return nullptr;
      li_ = next;
      return block_seq(n.indent);
    }
    if (q == p) return nullptr;  // "key:value" is no key
    if (s_[q] == '|' || s_[q] == '>') return block_scalar(q, col);
    return one_line_value(q, col);
  }

  // A scalar or flow collection that ends its line (li_), then no line more indented than `col` before the
  // next content (a plain scalar would go on there). Leaves li_ on the next line.
  const YNode* one_line_value(std::size_t q, int col) {
    const Line& l = lines_[li_];
    std::size_t after = 0;
    YNode* v = s_[q] == '[' || s_[q] == '{' ? flow(q, l.end, after) : scalar(q, l.end, false, after);
    if (!v || !rest_is_end(after, l.end)) return nullptr;
    const std::size_t next = next_content(li_ + 1);
    if (next < lines_.size() && lines_[next].indent > col) return nullptr;
    for (std::size_t k = li_ + 1; k < next; ++k)  // a comment more indented may be part of a plain scalar
      if (lines_[k].indent > col && lines_[k].end > lines_[k].begin + std::size_t(lines_[k].indent)) return nullptr;
    li_ = li_ + 1;
    return v;
  }

  // A block list whose items' '-' are at column `col`, the first on line li_. Leaves li_ after it.
  YNode* block_seq(int col) {
    YNode* s = node(YNode::Kind::Sequence, lines_[li_].begin + std::size_t(col));
    s->style = YStyle::Block;
    for (;;) {
      const Line& l = lines_[li_];
      const std::size_t d = l.begin + std::size_t(col);
      const std::size_t p = skip_spaces(d + 1, l.end);
      if (p >= l.end || s_[p] == '#') return nullptr;
      const YNode* item = seq_item(p, col);
      if (!item) return nullptr;
      attach(s, item);
      const std::size_t next = next_content(li_);
      if (next >= lines_.size() || lines_[next].indent < col) {
        li_ = next;
        return s;
      }
      if (lines_[next].indent > col) return nullptr;
      li_ = next;
      const Line& n = lines_[li_];
      const std::size_t nd = n.begin + std::size_t(col);
      if (!item_dash(n, nd)) return s;  // the parent map's next key
    }
  }

  // The content of a list item at p (after "- ") whose '-' is at column `dash`.
  const YNode* seq_item(std::size_t p, int dash) {
    const Line& l = lines_[li_];
    if (s_[p] != '[' && s_[p] != '{' && s_[p] != '"' && s_[p] != '\'') {
      bool colon = false;
      if (!bad_plain_start(s_, p, l.end)) plain_block_end(p, l.end, colon);
      if (colon) return block_map(p);
    }
    if (s_[p] == '|' || s_[p] == '>') return nullptr;
    return one_line_value(p, dash);
  }

  std::string_view s_;
  std::size_t end_;
  int line_;
  FastItem& out_;
  std::vector<Line> lines_;
  std::size_t li_ = 0;
  bool ok_ = true;
};

}  // namespace

// A scalar may start after indentation, "- ", ": ", '[', '{', ',' in a flow collection, an anchor or a tag.
void RunOnScanner::feed(std::string_view s, std::size_t begin, std::size_t end) {
  start_ = start_ || quote_ == 0;  // an item starts on a line of its own
  for (std::size_t p = begin; p < end; ++p) {
    const char c = s[p];
    if (quote_) {
      if (quote_ == '"' && c == '\\') ++p;
      else if (c == '\'' && quote_ == '\'' && p + 1 < end && s[p + 1] == '\'') ++p;
      else if (c == quote_) quote_ = 0, start_ = false;
      continue;
    }
    if (c == '\n' || c == '\r') {
      start_ = true;
      continue;
    }
    if (c == ' ') {
      if (p > begin && (s[p - 1] == ':' || s[p - 1] == '-' || s[p - 1] == ',')) start_ = true;
      continue;
    }
    if (c == '#' && (p == begin || s[p - 1] == ' ' || s[p - 1] == '\n')) {  // a comment: to the line's end
      while (p + 1 < end && s[p + 1] != '\n') ++p;
      continue;
    }
    if (start_ && (c == '"' || c == '\'')) {
      quote_ = c;
      continue;
    }
    if (start_ && (c == '&' || c == '!')) {  // an anchor or a tag: a scalar may start after it
      while (p + 1 < end && s[p + 1] != ' ' && s[p + 1] != '\n') ++p;
      continue;
    }
    if (c == '[' || c == '{') {
      ++depth_, start_ = true;
      continue;
    }
    if ((c == ']' || c == '}') && depth_ > 0) --depth_;
    start_ = c == ',' && depth_ > 0;
  }
}

bool read_fast_item(std::string_view text, std::size_t begin, std::size_t end, int line, int dash, FastItem& out) {
  out.nodes.clear();
  out.root = nullptr;
  Reader r{text, begin, end, line, out};
  return r.item(dash);
}

}  // namespace cs
