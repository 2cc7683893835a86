// Builds YamlDocument from yaml-cpp's EventHandler callbacks (never LoadAll, never a recursive walk).
#include "yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

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
  YamlTreeBuilder(YamlDocument& doc, YamlLimits limits, Diagnostics& diag)
      : doc_(doc), limits_(limits), diag_(diag) {}

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

  YNode* make(YNode::Kind kind, const YAML::Mark& mark) {
    if (progress_ && (++made_ & 0xFFF) == 0)
      progress_->store(0.9f * float(double(std::max(0, mark.pos)) / double(total_)), std::memory_order_relaxed);
    YNode& n = doc_.nodes_.emplace_back();
    n.kind = kind;
    n.pos = to_pos(mark);
    return &n;
  }

  void add(YNode* n, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = n;
    attach(n, n->pos);
  }

  void open(YNode* n, YAML::anchor_t anchor) {
    if (int(stack_.size()) >= limits_.max_depth)
      throw StopParsing{n->pos, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels"};
    if (anchor != YAML::NullAnchor) anchors_[anchor] = n;
    stack_.push_back({n, {}});
  }

  void close() {
    YNode* n = stack_.back().node;
    stack_.pop_back();
    attach(n, n->pos);
  }

  void attach(const YNode* n, TextPos at) {
    if (stack_.empty()) {
      if (!root_) root_ = n;
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
  std::atomic<float>* progress_ = nullptr;
  std::size_t total_ = 1, made_ = 0;
};

YamlDocument::YamlDocument(std::string_view text, Diagnostics& diag, YamlLimits limits,
                           std::atomic<float>* progress) {
  std::istringstream in{std::string{text}};
  YAML::Parser parser{in};
  YamlTreeBuilder builder{*this, limits, diag};
  builder.report_progress(progress, text.size());
  try {
    parser.HandleNextDocument(builder);
    root_ = builder.root();
  } catch (const StopParsing& stop) {
    diag.error(stop.pos, stop.message);
    return;
  } catch (const YAML::Exception& e) {
    diag.error(to_pos(e.mark), "malformed YAML: " + e.msg);
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
