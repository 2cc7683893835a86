// A small YAML document tree built from yaml-cpp's streaming parser, with a position on every node.
// Guards what yaml-cpp does not: duplicate keys, self-referencing aliases, alias-expansion bombs and deep
// nesting are reported as diagnostics instead of hanging or crashing. Only the first document is read.
#pragma once

#include "model/diagnostics.hpp"

#include <atomic>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

struct YNode {
  enum class Kind { Null, Scalar, Sequence, Map };
  Kind kind = Kind::Null;
  TextPos pos;
  std::string value;                 // scalars
  bool quoted = false;               // scalars written in quotes (yaml-cpp's "!" tag)
  std::vector<const YNode*> items;   // sequences: items; maps: key, value, key, value, ...
  std::size_t expanded_size = 1;     // nodes reached when walking this subtree through aliases

  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_map() const { return kind == Kind::Map; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  std::size_t map_size() const { return items.size() / 2; }
  const YNode& key(std::size_t i) const { return *items[2 * i]; }
  const YNode& val(std::size_t i) const { return *items[2 * i + 1]; }
};

struct YamlLimits {
  int max_depth = 64;
  std::size_t max_expanded_nodes = 4'000'000;  // counted through aliases
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

class YamlDocument {
 public:
  // Parses `text`; problems go to `diag`. root() is null when nothing usable was read. With a sink, the
  // streamed list stays empty in the tree.
  YamlDocument(std::string_view text, Diagnostics& diag, YamlLimits limits = {},
               std::atomic<float>* progress = nullptr, StreamSink* sink = nullptr);
  const YNode* root() const { return root_; }

 private:
  friend class YamlTreeBuilder;
  std::deque<YNode> nodes_;
  std::vector<std::deque<YNode>> kept_;  // streamed items that hold anchors stay alive
  const YNode* root_ = nullptr;
};

std::string_view kind_name(YNode::Kind k);

}  // namespace cs
