// Walk-every-event layout for comparison.
#include "naive_layout.hpp"

#include <cmath>
#include <unordered_map>

namespace cs::bench {

std::size_t naive_layout(const TimelineIndex& index, const Viewport& vp, float cell_px, std::vector<LayoutRecord>& out) {
  out.clear();
  const EventStore& st = index.store();
  const std::int64_t t0 = vp.start().time_since_epoch().count(), t1 = vp.end().time_since_epoch().count();
  std::vector<std::uint32_t> cells;
  for (std::size_t s = 0; s < index.slots().size(); ++s) {
    cells.assign(std::size_t(vp.width() / cell_px) + 1, 0);
    for (EventIndex e = 0; e < st.size(); ++e) {  // every event, every lane
      const auto lanes = st.lanes(e);
      const bool here = s < index.timeline().lanes.size()
                            ? std::find(lanes.begin(), lanes.end(), LaneId(s)) != lanes.end()
                            : lanes.empty();
      if (!here || st.start(e) >= t1 || st.end(e) <= t0) continue;
      const double x = vp.to_x(Seconds{std::chrono::seconds{st.start(e)}});
      const auto c = std::size_t(std::clamp((x - vp.left()) / cell_px, 0.0, double(cells.size() - 1)));
      ++cells[c];
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (!cells[c]) continue;
      LayoutRecord r;
      r.kind = cells[c] > 1 ? RecordKind::Fold : RecordKind::Point;
      r.slot = std::uint32_t(s);
      r.count = cells[c];
      r.box = {float(vp.left() + c * cell_px), 0, float(vp.left() + (c + 1) * cell_px), 0};
      out.push_back(std::move(r));
    }
  }
  return out.size();
}

}  // namespace cs::bench
