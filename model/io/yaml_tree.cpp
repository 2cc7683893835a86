// Builds YamlDocument from yaml-cpp's EventHandler callbacks (never LoadAll, never a recursive walk).
#include "model/io/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <sstream>
#include <unordered_map>

namespace cs {
namespace {

TextPos to_pos(const YAML::Mark& m) {
  if (m.is_null()) return {};
  return {m.line + 1, m.column + 1, m.pos};
}

// Thrown from the handler to stop the parser; yaml-cpp is exception-safe here (it throws itself).
struct StopParsing {
  TextPos pos;
  std::string message;
};

}  // namespace

class YamlTreeBuilder : public YAML::EventHandler {
 public:
  YamlTreeBuilder(YamlDocument& doc, YamlLimits limits, Diagnostics& diag, StreamSink* sink = nullptr)
      : doc_(doc), limits_(limits), diag_(diag), sink_(sink) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(make(YNode::Kind::Null, mark), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw StopParsing{to_pos(mark), "alias to an unknown anchor"};
    const YNode* target = it->second;
    for (const Open& o : stack_)
      if (o.node == target) throw StopParsing{to_pos(mark), "alias refers to a node that contains it"};
    want_stream_ = false;
    attach(target, to_pos(mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YNode* n = make(YNode::Kind::Scalar, mark);
    n->value = value;
    n->quoted = tag == "!";
    add(n, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(make(YNode::Kind::Sequence, mark), anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(make(YNode::Kind::Map, mark), anchor);
  }
  void OnMapEnd() override { close(); }

  const YNode* root() const { return root_; }
  void report_progress(std::atomic<float>* p, std::size_t total) {
    progress_ = p;
    total_ = std::max<std::size_t>(1, total);
  }

 private:
  struct Open {
    YNode* node;
    std::unordered_map<std::string, int> keys;  // map keys seen so far -> line
  };

  bool in_stream() const { return stream_ && stack_.size() >= stream_depth_; }

  YNode* make(YNode::Kind kind, const YAML::Mark& mark) {
    if (progress_ && (++made_ & 0xFFF) == 0)
      progress_->store(0.9f * float(double(std::max(0, mark.pos)) / double(total_)), std::memory_order_relaxed);
    YNode& n = in_stream() ? scratch_.emplace_back() : doc_.nodes_.emplace_back();
    n.kind = kind;
    n.pos = to_pos(mark);
    return &n;
  }

  void add(YNode* n, YAML::anchor_t anchor) {
    want_stream_ = false;
    if (anchor != YAML::NullAnchor) anchors_[anchor] = n, anchor_in_scratch_ |= in_stream();
    attach(n, n->pos);
  }

  void open(YNode* n, YAML::anchor_t anchor) {
    if (int(stack_.size()) >= limits_.max_depth)
      throw StopParsing{n->pos, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
    if (anchor != YAML::NullAnchor) anchors_[anchor] = n, anchor_in_scratch_ |= in_stream();
    stack_.push_back({n, {}});
    if (want_stream_ && n->is_sequence() && stack_.size() == 2) {  // the value of the streamed key
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
      streamed_size_ += n->expanded_size;
      if (streamed_size_ > limits_.max_expanded_nodes)
        throw StopParsing{at, "aliases expand to more than " + std::to_string(limits_.max_expanded_nodes) + " nodes"};
      sink_->item(*n);
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
        if (fresh && sink_ && stack_.size() == 1 && n->value == sink_->key()) want_stream_ = sink_->start(*p);
      }
    }
    p->items.push_back(n);
    p->expanded_size += n->expanded_size;
    if (p->expanded_size > limits_.max_expanded_nodes)
      throw StopParsing{at, "aliases expand to more than " + std::to_string(limits_.max_expanded_nodes) +
                                " nodes"};
  }

  YamlDocument& doc_;
  YamlLimits limits_;
  Diagnostics& diag_;
  std::vector<Open> stack_;
  std::unordered_map<YAML::anchor_t, const YNode*> anchors_;
  const YNode* root_ = nullptr;
  StreamSink* sink_ = nullptr;
  bool want_stream_ = false, stream_ = false, anchor_in_scratch_ = false;
  std::size_t stream_depth_ = 0;     // stack depth of the streamed list while it is open
  std::size_t streamed_size_ = 0;    // expanded nodes handed to the sink so far
  std::deque<YNode> scratch_;        // nodes of the item being streamed
  std::atomic<float>* progress_ = nullptr;
  std::size_t total_ = 1, made_ = 0;
};

namespace {
// yaml-cpp reads '?' or '~' after a date inside {...} as YAML syntax; say how to write it instead.
std::string hint_for(std::string_view text, const YAML::Mark& m) {
  if (m.is_null() || m.pos < 0) return {};
  const std::size_t begin = text.rfind('\n', std::size_t(std::min<int>(m.pos, int(text.size())))) + 1;
  const std::size_t end = std::min(text.find('\n', begin), text.size());
  const std::string_view line = text.substr(begin == std::string_view::npos ? 0 : begin, end - begin);
  for (std::size_t i = 1; i + 1 < line.size(); ++i)
    if ((line[i] == '?' || line[i] == '~' || line[i] == '%') && std::isdigit(static_cast<unsigned char>(line[i - 1])) &&
        (line[i + 1] == ',' || line[i + 1] == '}' || line[i + 1] == ']' || line[i + 1] == '/'))
      return " (inside {...} or [...], quote a date with a qualifier: \"2015-09?\")";
  return {};
}

// Reads a string_view through an istream without copying it.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view s) {
    char* b = const_cast<char*>(s.data());
    setg(b, b, b + s.size());
  }
};
}  // namespace

YamlDocument::YamlDocument(std::string_view text, Diagnostics& diag, YamlLimits limits,
                           std::atomic<float>* progress, StreamSink* sink) {
  ViewBuffer buffer{text};
  std::istream in{&buffer};
  YAML::Parser parser{in};
  YamlTreeBuilder builder{*this, limits, diag, sink};
  builder.report_progress(progress, text.size());
  try {
    parser.HandleNextDocument(builder);
    root_ = builder.root();
  } catch (const StopParsing& stop) {
    diag.error(stop.pos, stop.message);
    return;
  } catch (const YAML::Exception& e) {
    diag.error(to_pos(e.mark), "malformed YAML: " + e.msg + hint_for(text, e.mark));
    return;
  }
  if (!root_) return;
  // One document per file: a second one is reported, not read (and LoadAll is never used).
  try {
    YamlTreeBuilder rest{*this, limits, diag};
    if (parser.HandleNextDocument(rest) && rest.root())
      diag.error(rest.root()->pos, "a file holds one YAML document; this second one is not read");
  } catch (const StopParsing& stop) {
    diag.error(stop.pos, "a file holds one YAML document; the text after the first one is not read");
  } catch (const YAML::Exception& e) {
    diag.error(to_pos(e.mark), "malformed YAML after the first document: " + e.msg);
  }
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
