// Builds YNode trees from yaml-cpp's EventHandler callbacks (never LoadAll, never a recursive walk), for a
// whole file or a window of one, and streams the items of a list so their nodes can be freed one by one.
#include "model/io/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <istream>
#include <unordered_map>

namespace cs {
namespace {

// Thrown from the handler to stop the parser; yaml-cpp is exception-safe here (it throws itself).
struct StopParsing {
  TextPos pos;
  std::string message;
  ItemsStop why = ItemsStop::Limit;
};

// Reads a string_view through an istream without copying it.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view s) {
    char* b = const_cast<char*>(s.data());
    setg(b, b, b + s.size());
  }
};

// yaml-cpp reads '?' or '~' after a date inside {...} as YAML syntax; say how to write it instead.
std::string hint_for(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  const std::size_t nl = text.rfind('\n', at == 0 ? 0 : at - 1);
  const std::size_t begin = nl == std::string_view::npos || at == 0 ? 0 : nl + 1;
  const std::size_t end = std::min(text.find('\n', at), text.size());
  const std::string_view line = text.substr(begin, end - begin);
  for (std::size_t i = 1; i + 1 < line.size(); ++i)
    if ((line[i] == '?' || line[i] == '~' || line[i] == '%') && std::isdigit(static_cast<unsigned char>(line[i - 1])) &&
        (line[i + 1] == ',' || line[i + 1] == '}' || line[i + 1] == ']' || line[i + 1] == '/'))
      return " (inside {...} or [...], quote a date with a qualifier: \"2015-09?\")";
  return {};
}

}  // namespace

class YamlTreeBuilder : public YAML::EventHandler {
 public:
  struct Config {
    std::string_view text;     // the whole file, for styles and hints
    std::size_t base = 0;      // offset of the parsed window in it
    int base_line = 1;         // its first line
    YamlLimits limits;
    std::size_t alias_cap = 0;  // nodes reached through aliases before the parse stops
  };

  YamlTreeBuilder(YamlDocument& doc, const Config& cfg, Diagnostics& diag, StreamSink* sink = nullptr)
      : doc_(doc), cfg_(cfg), diag_(diag), sink_(sink) {}

  // Items of the root sequence are handed to `each` (and freed) as they complete.
  void stream_root(const std::function<void(const YNode&)>* each) { each_ = each; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(make(YNode::Kind::Null, mark), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw StopParsing{pos(mark), "alias to an unknown anchor", ItemsStop::UnknownAnchor};
    const YNode* target = it->second.node;
    // Items of a streamed list are read one by one: an alias may not reach into an earlier item.
    if (each_ && stream_ && it->second.item != streamed_)
      throw StopParsing{pos(mark), "alias to an anchor in another item", ItemsStop::UnknownAnchor};
    for (const Open& o : stack_)
      if (o.node == target) throw StopParsing{pos(mark), "alias refers to a node that contains it"};
    alias_nodes_ += target->expanded_size;
    if (alias_nodes_ > cfg_.alias_cap)
      throw StopParsing{pos(mark), "aliases expand to more than " + std::to_string(cfg_.alias_cap) + " nodes"};
    want_stream_ = false;
    attach(target, pos(mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YNode* n = make(YNode::Kind::Scalar, mark);
    n->value = value;
    n->quoted = tag == "!";
    n->style = scalar_style(n->pos.offset);
    add(n, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    YNode* n = make(YNode::Kind::Sequence, mark);
    n->style = style == YAML::EmitterStyle::Flow ? YStyle::Flow : YStyle::Block;
    open(n, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    YNode* n = make(YNode::Kind::Map, mark);
    n->style = style == YAML::EmitterStyle::Flow ? YStyle::Flow : YStyle::Block;
    open(n, anchor);
  }
  void OnMapEnd() override { close(); }

  const YNode* root() const { return root_; }
  std::size_t streamed() const { return streamed_; }
  TextPos pos(const YAML::Mark& m) const {
    if (m.is_null()) return {};
    return {m.line + cfg_.base_line, m.column + 1, int(std::size_t(m.pos) + cfg_.base)};
  }
  void report_progress(std::atomic<float>* p) { progress_ = p; }

 private:
  struct Open {
    YNode* node;
    std::unordered_map<std::string, int> keys;  // map keys seen so far -> line
  };

  bool in_stream() const { return stream_ && stack_.size() >= stream_depth_; }

  // The style char at a scalar's start, after any anchor or tag.
  YStyle scalar_style(int offset) const {
    std::size_t p = offset < 0 ? cfg_.text.size() : std::size_t(offset);
    const std::string_view s = cfg_.text;
    while (p < s.size() && (s[p] == '&' || s[p] == '!')) {
      while (p < s.size() && s[p] != ' ' && s[p] != '\n' && s[p] != '\t') ++p;
      while (p < s.size() && (s[p] == ' ' || s[p] == '\n' || s[p] == '\t' || s[p] == '\r')) ++p;
    }
    if (p >= s.size()) return YStyle::Plain;
    switch (s[p]) {
      case '"': return YStyle::Double;
      case '\'': return YStyle::Single;
      case '|': return YStyle::Literal;
      case '>': return YStyle::Folded;
      default: return YStyle::Plain;
    }
  }

  YNode* make(YNode::Kind kind, const YAML::Mark& mark) {
    if (progress_ && (++made_ & 0xFFF) == 0)
      progress_->store(0.9f * float(double(std::max(0, mark.pos)) / double(std::max<std::size_t>(1, cfg_.text.size()))),
                       std::memory_order_relaxed);
    YNode& n = in_stream() ? scratch_.emplace_back() : doc_.nodes_.emplace_back();
    n.kind = kind;
    n.pos = pos(mark);
    return &n;
  }

  void add(YNode* n, YAML::anchor_t anchor) {
    want_stream_ = false;
    if (anchor != YAML::NullAnchor) anchors_[anchor] = {n, streamed_}, anchor_in_scratch_ |= in_stream();
    attach(n, n->pos);
  }

  void open(YNode* n, YAML::anchor_t anchor) {
    if (int(stack_.size()) >= cfg_.limits.max_depth)
      throw StopParsing{n->pos, "nesting deeper than " + std::to_string(cfg_.limits.max_depth) + " levels"};
    if (anchor != YAML::NullAnchor) anchors_[anchor] = {n, streamed_}, anchor_in_scratch_ |= in_stream();
    stack_.push_back({n, {}});
    const bool root_list = each_ && n->is_sequence() && stack_.size() == 1;
    const bool keyed_list = want_stream_ && n->is_sequence() && stack_.size() == 2;  // the value of the streamed key
    if (root_list || keyed_list) {
      stream_ = true;
      stream_depth_ = stack_.size();
    }
    want_stream_ = false;
  }

  void close() {
    YNode* n = stack_.back().node;
    stack_.pop_back();
    if (stream_ && stack_.size() + 1 == stream_depth_) stream_ = false;  // the streamed list ends
    attach(n, n->pos);
  }

  void attach(const YNode* n, TextPos at) {
    if (stack_.empty()) {
      if (!root_) root_ = n;
      return;
    }
    if (stream_ && stack_.size() == stream_depth_) {  // a finished item of the streamed list
      if (each_) (*each_)(*n);
      else sink_->item(*n);
      ++streamed_;
      if (anchor_in_scratch_) doc_.kept_.push_back(std::move(scratch_));  // a later alias may point here
      scratch_ = {};
      anchor_in_scratch_ = false;
      return;
    }
    Open& parent = stack_.back();
    YNode* p = parent.node;
    if (p->kind == YNode::Kind::Map && p->items.size() % 2 == 0) {  // n is a key
      if (!n->is_scalar()) {
        diag_.error(at, "map keys must be plain text");
      } else {
        auto [it, fresh] = parent.keys.emplace(n->value, n->pos.line);
        if (!fresh)
          diag_.error(at, "duplicate key '" + n->value + "' (first at line " + std::to_string(it->second) + ")");
        // The streamed key of the root map: ask the sink, with the pairs so far complete.
        if (fresh && sink_ && !each_ && stack_.size() == 1 && n->value == sink_->key()) want_stream_ = sink_->start(*p);
      }
    }
    p->items.push_back(n);
    p->expanded_size += n->expanded_size;
  }

  YamlDocument& doc_;
  Config cfg_;
  Diagnostics& diag_;
  StreamSink* sink_ = nullptr;
  const std::function<void(const YNode&)>* each_ = nullptr;
  std::vector<Open> stack_;
  struct Anchor {
    const YNode* node;
    std::size_t item;  // the streamed item it was set in
  };
  std::unordered_map<YAML::anchor_t, Anchor> anchors_;
  const YNode* root_ = nullptr;
  bool want_stream_ = false, stream_ = false, anchor_in_scratch_ = false;
  std::size_t stream_depth_ = 0;     // stack depth of the streamed list while it is open
  std::size_t streamed_ = 0;         // items handed over
  std::size_t alias_nodes_ = 0;      // nodes reached through aliases so far
  std::deque<YNode> scratch_;        // nodes of the item being streamed
  std::atomic<float>* progress_ = nullptr;
  std::size_t made_ = 0;
};

namespace {
std::size_t alias_cap(const YamlLimits& l, std::size_t bytes) { return std::max(l.max_alias_nodes, 4 * bytes); }

Diagnostic syntax_error(const YamlTreeBuilder& b, std::string_view text, const YAML::Exception& e, std::string prefix) {
  const TextPos p = b.pos(e.mark);
  return {p, Severity::Error, prefix + e.msg + hint_for(text, p.offset < 0 ? text.size() : std::size_t(p.offset))};
}
}  // namespace

YamlDocument::YamlDocument(std::string_view text, Diagnostics& diag, YamlLimits limits, std::atomic<float>* progress,
                           StreamSink* sink) {
  ViewBuffer buffer{text};
  std::istream in{&buffer};
  YAML::Parser parser{in};
  const YamlTreeBuilder::Config cfg{text, 0, 1, limits, alias_cap(limits, text.size())};
  YamlTreeBuilder builder{*this, cfg, diag, sink};
  builder.report_progress(progress);
  try {
    parser.HandleNextDocument(builder);
    root_ = builder.root();
  } catch (const StopParsing& stop) {
    diag.error(stop.pos, stop.message);
    return;
  } catch (const YAML::Exception& e) {
    const Diagnostic d = syntax_error(builder, text, e, "malformed YAML: ");
    diag.error(d.pos, d.message);
    return;
  }
  if (!root_) return;
  // One document per file: a second one is reported, not read (and LoadAll is never used).
  try {
    YamlTreeBuilder rest{*this, cfg, diag};
    if (parser.HandleNextDocument(rest) && rest.root())
      diag.error(rest.root()->pos, "a file holds one YAML document; this second one is not read");
  } catch (const StopParsing& stop) {
    diag.error(stop.pos, "a file holds one YAML document; the text after the first one is not read");
  } catch (const YAML::Exception& e) {
    const Diagnostic d = syntax_error(builder, text, e, "malformed YAML after the first document: ");
    diag.error(d.pos, d.message);
  }
}

YamlDocument::YamlDocument(const YamlWindow& w, Diagnostics& diag, YamlLimits limits) {
  const std::string_view part = w.text.substr(w.begin, w.end - w.begin);
  ViewBuffer buffer{part};
  std::istream in{&buffer};
  YAML::Parser parser{in};
  const YamlTreeBuilder::Config cfg{w.text, w.begin, w.line, limits, alias_cap(limits, part.size())};
  YamlTreeBuilder builder{*this, cfg, diag};
  try {
    parser.HandleNextDocument(builder);
    root_ = builder.root();
  } catch (const StopParsing& stop) {
    unknown_anchor_ = stop.why == ItemsStop::UnknownAnchor;
    if (!unknown_anchor_) diag.error(stop.pos, stop.message);
  } catch (const YAML::Exception& e) {
    unknown_anchor_ = e.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR;
    const Diagnostic d = syntax_error(builder, w.text, e, "malformed YAML: ");
    if (!unknown_anchor_) diag.error(d.pos, d.message);
  }
}

ItemsResult parse_list_items(const YamlWindow& w, Diagnostics& diag, const std::function<void(const YNode&)>& each,
                             YamlLimits limits) {
  ItemsResult r;
  const std::string_view part = w.text.substr(w.begin, w.end - w.begin);
  ViewBuffer buffer{part};
  std::istream in{&buffer};
  YAML::Parser parser{in};
  YamlDocument arena{std::string_view{}, diag};  // holds nodes outside the items (none but the list)
  const YamlTreeBuilder::Config cfg{w.text, w.begin, w.line, limits, alias_cap(limits, part.size())};
  YamlTreeBuilder builder{arena, cfg, diag};
  builder.stream_root(&each);
  try {
    parser.HandleNextDocument(builder);
  } catch (const StopParsing& stop) {
    r.stop = stop.why;
    r.error = {stop.pos, Severity::Error, stop.message};
  } catch (const YAML::Exception& e) {
    r.stop = e.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR ? ItemsStop::UnknownAnchor : ItemsStop::SyntaxError;
    r.error = syntax_error(builder, w.text, e, "malformed YAML: ");
  }
  r.completed = builder.streamed();
  return r;
}

const YNode* YNode::find(std::string_view k) const {
  if (!is_map()) return nullptr;
  for (std::size_t i = 0; i < map_size(); ++i)
    if (key(i).is_scalar() && key(i).value == k) return &val(i);
  return nullptr;
}

std::string_view kind_name(YNode::Kind k) {
  switch (k) {
    case YNode::Kind::Null: return "nothing";
    case YNode::Kind::Scalar: return "text";
    case YNode::Kind::Sequence: return "a list";
    case YNode::Kind::Map: return "a map";
  }
  return "?";
}

}  // namespace cs
