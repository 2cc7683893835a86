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

IdSet::IdSet(const EventStore& store, std::size_t expected) : store_(&store) {
  slots_.assign(std::bit_ceil(std::max<std::size_t>(16, expected * 2)), 0);
}

void IdSet::grow() {
  std::vector<std::uint32_t> old = std::move(slots_);
  slots_.assign(old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t v : old) {
    if (!v) continue;
    std::size_t k = hash(store_->id(v - 1)) & mask;
    while (slots_[k]) k = (k + 1) & mask;
    slots_[k] = v;
  }
}

std::optional<EventIndex> IdSet::find(std::string_view id) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = hash(id) & mask; slots_[k]; k = (k + 1) & mask)
    if (store_->id(slots_[k] - 1) == id) return slots_[k] - 1;
  return std::nullopt;
}

void IdSet::insert(EventIndex i) {
  if ((used_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t k = hash(store_->id(i)) & mask;
  while (slots_[k]) k = (k + 1) & mask;
  slots_[k] = i + 1;
  ++used_;
}

void IdSet::erase(EventIndex i) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t k = hash(store_->id(i)) & mask;
  while (slots_[k] && slots_[k] != i + 1) k = (k + 1) & mask;
  if (!slots_[k]) return;
  // Backward-shift deletion: pull later entries of the probe run into the hole when their home allows it.
  std::size_t hole = k;
  for (std::size_t j = (k + 1) & mask; slots_[j]; j = (j + 1) & mask) {
    const std::size_t home = hash(store_->id(slots_[j] - 1)) & mask;
    const bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
    if (movable) slots_[hole] = slots_[j], hole = j;
  }
  slots_[hole] = 0;
  --used_;
}

void IdSet::shift(EventIndex at, int delta) {
  for (std::uint32_t& v : slots_)
    if (v && v - 1 >= at) v = std::uint32_t(std::int64_t(v) + delta);
}

}  // namespace cs
