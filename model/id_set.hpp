// A set of event ids that stores only event indices (4 bytes a slot), the strings staying in the event
// store: how loaders find duplicate ids among millions without a hash map of strings.
#pragma once

#include "model/event_store.hpp"

#include <optional>
#include <vector>

namespace cs {

class IdSet {
 public:
  explicit IdSet(const EventStore& store, std::size_t expected = 0);
  std::size_t size() const { return used_; }
  // The event with this id, if one was inserted.
  std::optional<EventIndex> find(std::string_view id) const;
  // Adds event i, whose id must not be in the set yet.
  void insert(EventIndex i);
  // Removes event i (its id still readable in the store).
  void erase(EventIndex i);
  // After the store inserted (delta +1) or erased (delta -1) an event at `at`: indices >= at shift.
  void shift(EventIndex at, int delta);

 private:
  void grow();
  const EventStore* store_;  // a pointer, so a set can be assigned
  std::vector<std::uint32_t> slots_;  // event index + 1; 0 = empty
  std::size_t used_ = 0;
};

}  // namespace cs
