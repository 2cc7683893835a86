// A small YAML document tree built from yaml-cpp's streaming parser, with a position and a style on every
// node. Guards what yaml-cpp does not: duplicate keys, self-referencing aliases, alias-expansion bombs and
// deep nesting are reported as diagnostics instead of hanging or crashing. Only the first document is read.
#pragma once

#include "model/diagnostics.hpp"

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// How a node is written in the text.
enum class YStyle : std::uint8_t { Plain, Single, Double, Literal, Folded, Block, Flow };

struct YNode {
  enum class Kind { Null, Scalar, Sequence, Map };
  Kind kind = Kind::Null;
  YStyle style = YStyle::Plain;
  TextPos pos;                       // where the node (its anchor or tag, if any) starts
  std::string value;                 // scalars
  bool quoted = false;               // scalars not written plain (quoted or block: yaml-cpp's "!" tag)
  std::vector<const YNode*> items;   // sequences: items; maps: key, value, key, value, ...
  std::size_t expanded_size = 1;     // nodes reached when walking this subtree through aliases

  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_map() const { return kind == Kind::Map; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  std::size_t map_size() const { return items.size() / 2; }
  const YNode& key(std::size_t i) const { return *items[2 * i]; }
  const YNode& val(std::size_t i) const { return *items[2 * i + 1]; }
  const YNode* find(std::string_view key) const;  // maps: the value of `key`, or null
};

struct YamlLimits {
  int max_depth = 64;
  std::size_t max_alias_nodes = 1'000'000;  // nodes reached through aliases, per document (plain nodes are free)
};

// Streaming of a root map's list under one key (a timeline's "events"): each item is handed over as soon
// as it is complete and its nodes are then freed, so a document of a million items never exists at once.
class StreamSink {
 public:
  virtual ~StreamSink() = default;
  virtual std::string_view key() const = 0;
  // Called when `key` arrives in the root map, whose earlier pairs are complete. True: stream its items.
  virtual bool start(const YNode& root_so_far) = 0;
  virtual void item(const YNode& n) = 0;
};

// A part of a larger file: `text` is the whole file and [begin, end) the part to parse, which starts at the
// beginning of line `line` (1-based). Positions of nodes and diagnostics are those in the whole file.
struct YamlWindow {
  std::string_view text;
  std::size_t begin = 0, end = 0;
  int line = 1;
};

class YamlDocument {
 public:
  // Parses `text`; problems go to `diag`. root() is null when nothing usable was read. With a sink, the
  // streamed list stays empty in the tree.
  YamlDocument(std::string_view text, Diagnostics& diag, YamlLimits limits = {},
               std::atomic<float>* progress = nullptr, StreamSink* sink = nullptr);
  // The same for a window of a file (one document, no second-document check). An alias to an anchor outside
  // the window is not reported: unknown_anchor() says so, and the caller reads the file whole.
  YamlDocument(const YamlWindow& w, Diagnostics& diag, YamlLimits limits = {});
  const YNode* root() const { return root_; }
  bool unknown_anchor() const { return unknown_anchor_; }

 private:
  friend class YamlTreeBuilder;
  std::deque<YNode> nodes_;
  std::vector<std::deque<YNode>> kept_;  // streamed items that hold anchors stay alive
  const YNode* root_ = nullptr;
  bool unknown_anchor_ = false;
};

// Why parse_list_items stopped early.
enum class ItemsStop { Done, SyntaxError, UnknownAnchor, Limit };

struct ItemsResult {
  std::size_t completed = 0;  // items handed to `each` (in order, from the window's first)
  ItemsStop stop = ItemsStop::Done;
  Diagnostic error;           // when stop != Done (not added to any Diagnostics)
};

// Parses a window holding consecutive items of one block list (each "- ..." at the same column) and hands
// each item's tree to `each` as soon as it is complete; the tree is freed after the call. Stops at the first
// error. Problems that do not stop the parse (duplicate keys) go to `diag`. Safe to call from several
// threads at once on different windows.
ItemsResult parse_list_items(const YamlWindow& w, Diagnostics& diag, const std::function<void(const YNode&)>& each,
                             YamlLimits limits = {});

std::string_view kind_name(YNode::Kind k);

}  // namespace cs
