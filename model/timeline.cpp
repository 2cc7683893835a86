// Lookups on a loaded timeline.
#include "timeline.hpp"

#include <algorithm>

namespace cs {
namespace {
template <class T>
const T* find_by_id(const std::vector<T>& v, std::string_view id) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
  return it == v.end() ? nullptr : &*it;
}
}  // namespace

const Lane* Timeline::find_lane(std::string_view id) const { return find_by_id(lanes, id); }
const Source* Timeline::find_source(std::string_view id) const { return find_by_id(sources, id); }
const Event* Timeline::find_event(std::string_view id) const { return find_by_id(events, id); }

bool Event::date_disputed() const {
  return std::any_of(sources.begin(), sources.end(), [](const SourceRef& r) { return r.claims.has_value(); });
}

std::string_view to_string(Dated d) {
  switch (d) {
    case Dated::Stated: return "stated";
    case Dated::Inferred: return "inferred";
    case Dated::External: return "external";
  }
  return "stated";
}

}  // namespace cs
