// Open addressing with linear probing over FNV-1a hashes of the ids.
#include "model/id_set.hpp"

#include <bit>

namespace cs {
namespace {
std::uint64_t hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h ^ (h >> 29);
}
}  // namespace

IdSet::IdSet(const EventStore& store, std::size_t expected) : store_(store) {
  slots_.assign(std::bit_ceil(std::max<std::size_t>(16, expected * 2)), 0);
}

void IdSet::grow() {
  std::vector<std::uint32_t> old = std::move(slots_);
  slots_.assign(old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t v : old) {
    if (!v) continue;
    std::size_t k = hash(store_.id(v - 1)) & mask;
    while (slots_[k]) k = (k + 1) & mask;
    slots_[k] = v;
  }
}

std::optional<EventIndex> IdSet::find(std::string_view id) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = hash(id) & mask; slots_[k]; k = (k + 1) & mask)
    if (store_.id(slots_[k] - 1) == id) return slots_[k] - 1;
  return std::nullopt;
}

void IdSet::insert(EventIndex i) {
  if ((used_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t k = hash(store_.id(i)) & mask;
  while (slots_[k]) k = (k + 1) & mask;
  slots_[k] = i + 1;
  ++used_;
}

}  // namespace cs
