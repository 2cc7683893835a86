// Several selected events in the inspector: the values they share (a field left empty where they differ),
// each lane, tag and source with how many of them have it; setting a field, or adding or removing a lane,
// tag or source, changes all of them in one undoable step.
#pragma once

#include "app/edit_fields.hpp"
#include "app/session.hpp"
#include "app/ui_log.hpp"
#include "model/event_edits.hpp"

#include <string>

namespace cs {

class MultiEditor {
 public:
  void draw(Session& session);
  bool typing() const { return fields_.typing(); }

 private:
  void apply(Session& session, const std::vector<EditOp>& ops, std::string label);
  void list(Session& session, std::span<const EventIndex> events, ListField field, const std::vector<SharedValues::Count>& counts,
            std::span<const Choice> choices);

  EditFields fields_;
  std::string error_;
  SharedValues shared_;
  std::vector<Choice> tags_;  // the tags in use
  std::vector<std::string> shared_ids_;  // the selection `shared_` is of ...
  std::uint64_t shared_generation_ = ~std::uint64_t{0};  // ... as of this generation
};

}  // namespace cs
