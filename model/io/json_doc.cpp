// A SAX handler builds the tree. Positions: the input runs through an iterator that records how many bytes
// the parser has taken; a value starts at the first byte after the previous event that is not blank, ',' or
// ':' (between two events JSON has nothing else), so every position is exact.
#include "model/io/json_doc.hpp"

#include "model/io/text_scan.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>

namespace cs {
namespace {

// A char iterator that publishes its position on every step.
class CountingIter {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIter(const char* p, const char** mark) : p_(p), mark_(mark) {}
  reference operator*() const { return *p_; }
  CountingIter& operator++() {
    *mark_ = ++p_;
    return *this;
  }
  CountingIter operator++(int) {
    CountingIter old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIter& o) const { return p_ == o.p_; }

 private:
  const char* p_;
  const char** mark_;
};

// Turns byte offsets, met in increasing order, into lines and columns.
class Positions {
 public:
  Positions(std::string_view text, const char** mark) : s_(text), mark_(mark) {}
  // Where the value that the parser has just read starts.
  TextPos token_start() {
    const std::size_t read = std::size_t(*mark_ - s_.data());
    std::size_t p = prev_end_;
    while (p < read && (s_[p] == ' ' || s_[p] == '\t' || s_[p] == '\n' || s_[p] == '\r' || s_[p] == ',' ||
                        s_[p] == ':'))
      ++p;
    prev_end_ = read;
    return at(p);
  }
  void skip() { prev_end_ = std::size_t(*mark_ - s_.data()); }
  TextPos at(std::size_t offset) {
    offset = std::min(offset, s_.size());
    for (; scanned_ < offset; ++scanned_)
      if (s_[scanned_] == '\n') ++line_, line_start_ = scanned_ + 1;
    return {line_, int(offset - line_start_) + 1, int(offset)};
  }

 private:
  std::string_view s_;
  const char** mark_;
  std::size_t prev_end_ = 0, scanned_ = 0, line_start_ = 0;
  int line_ = 1;
};

using Json = nlohmann::json;

// nlohmann's message without its own "[json.exception...] parse error at line L, column C: " prefix.
std::string bare_message(const std::string& what) {
  std::string m = what;
  if (const auto col = m.find(", column "); col != std::string::npos)
    if (const auto colon = m.find(": ", col); colon != std::string::npos) return m.substr(colon + 2);
  if (const auto close = m.find("] "); close != std::string::npos) m = m.substr(close + 2);
  return m;
}

class TreeBuilder : public nlohmann::json_sax<Json> {
 public:
  TreeBuilder(Positions& pos, Diagnostics& diag, JsonLimits limits) : pos_(pos), diag_(diag), limits_(limits) {}

  bool null() override { return leaf(JNode::Kind::Null, {}); }
  bool boolean(bool v) override {
    JNode n;
    n.kind = JNode::Kind::Bool;
    n.boolean = v;
    n.pos = pos_.token_start();
    return add(std::move(n));
  }
  bool number_integer(number_integer_t v) override { return leaf(JNode::Kind::Number, std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return leaf(JNode::Kind::Number, std::to_string(v)); }
  bool number_float(number_float_t, const string_t& raw) override { return leaf(JNode::Kind::Number, raw); }
  bool string(string_t& v) override { return leaf(JNode::Kind::String, std::move(v)); }
  bool binary(binary_t&) override { return true; }  // not produced by the JSON parser
  bool start_object(std::size_t) override { return open(JNode::Kind::Object); }
  bool start_array(std::size_t) override { return open(JNode::Kind::Array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    pos_.token_start();
    key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    diag_.error(pos_.at(position > 0 ? position - 1 : 0), "invalid JSON: " + bare_message(ex.what()));
    failed_ = true;
    return false;
  }

  bool failed() const { return failed_; }
  std::optional<JNode> take_root() { return std::move(root_); }

 private:
  bool leaf(JNode::Kind k, std::string text) {
    JNode n;
    n.kind = k;
    n.text = std::move(text);
    n.pos = pos_.token_start();
    return add(std::move(n));
  }
  bool add(JNode&& n) {
    if (stack_.empty()) {
      root_ = std::move(n);
      return true;
    }
    if (stack_.back().is_object()) n.key = std::move(key_);
    stack_.back().items.push_back(std::move(n));
    return true;
  }
  bool open(JNode::Kind k) {
    JNode n;
    n.kind = k;
    n.pos = pos_.token_start();
    if (!stack_.empty() && stack_.back().is_object()) n.key = std::move(key_);
    if (int(stack_.size()) >= limits_.max_depth) {
      diag_.error(n.pos, "JSON nested deeper than " + std::to_string(limits_.max_depth) + " levels");
      failed_ = true;
      return false;
    }
    stack_.push_back(std::move(n));
    return true;
  }
  bool close() {
    pos_.skip();
    JNode n = std::move(stack_.back());
    stack_.pop_back();
    if (stack_.empty()) root_ = std::move(n);
    else stack_.back().items.push_back(std::move(n));
    return true;
  }

  Positions& pos_;
  Diagnostics& diag_;
  JsonLimits limits_;
  std::vector<JNode> stack_;
  std::string key_;
  std::optional<JNode> root_;
  bool failed_ = false;
};

// The top-level keys, stopping at a wanted one.
class ShapeReader : public nlohmann::json_sax<Json> {
 public:
  ShapeReader(JsonShape& shape, const std::vector<std::string_view>& wanted) : shape_(shape), wanted_(wanted) {}
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    if (depth_++ == 0) shape_.object = true;
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth_++ == 0) {
      shape_.array = true;
      return false;
    }
    return true;
  }
  bool end_object() override { return --depth_, true; }
  bool end_array() override { return --depth_, true; }
  bool key(string_t& k) override {
    if (depth_ != 1) return true;
    shape_.keys.push_back(k);
    return std::find(wanted_.begin(), wanted_.end(), k) == wanted_.end();
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  JsonShape& shape_;
  const std::vector<std::string_view>& wanted_;
  int depth_ = 0;
};

std::string_view without_bom(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

}  // namespace

const JNode* JNode::find(std::string_view k) const {
  for (const JNode& m : items)
    if (m.key == k) return &m;
  return nullptr;
}

std::string json_text(const JNode* n, std::string_view name, Diagnostics& diag) {
  if (!n || n->is_null()) return {};
  if (n->is_string() || n->is_number()) return n->text;
  diag.warning(n->pos, std::string{name} + " must be a string, not " + std::string{json_kind_name(n->kind)} + " (ignored)");
  return {};
}

std::string_view json_kind_name(JNode::Kind k) {
  switch (k) {
    case JNode::Kind::Null: return "null";
    case JNode::Kind::Bool: return "true or false";
    case JNode::Kind::Number: return "a number";
    case JNode::Kind::String: return "a string";
    case JNode::Kind::Array: return "an array";
    case JNode::Kind::Object: return "an object";
  }
  return "a value";
}

JsonDoc::JsonDoc(std::string_view text, Diagnostics& diag, JsonLimits limits) {
  Diagnostics bytes{diag.file()};
  if (!scan_text(text, bytes).readable()) {  // UTF-16/32: say so rather than "invalid literal"
    for (const Diagnostic& d : bytes.items())
      if (d.severity == Severity::Error) diag.add(d);
    return;
  }
  text = without_bom(text);
  const char* mark = text.data();
  Positions pos{text, &mark};
  TreeBuilder builder{pos, diag, limits};
  Json::sax_parse(CountingIter{text.data(), &mark}, CountingIter{text.data() + text.size(), &mark}, &builder);
  if (!builder.failed()) root_ = builder.take_root();
}

JsonShape json_shape(std::string_view text, const std::vector<std::string_view>& wanted) {
  JsonShape shape;
  text = without_bom(text);
  const char* mark = text.data();
  ShapeReader reader{shape, wanted};
  Json::sax_parse(CountingIter{text.data(), &mark}, CountingIter{text.data() + text.size(), &mark}, &reader);
  return shape;
}

}  // namespace cs
