// Walk-every-event layout for comparison: one pass over all events per frame, culled by comparing times,
// visible ones bucketed per lane into pixel cells (a cell holding several becomes a counted fold).
#include "naive_layout.hpp"

#include <algorithm>
#include <cmath>

namespace cs::bench {

std::size_t naive_layout(const TimelineIndex& index, const Viewport& vp, float cell_px, std::vector<LayoutRecord>& out) {
  out.clear();
  const EventStore& st = index.store();
  const std::int64_t t0 = vp.start().time_since_epoch().count(), t1 = vp.end().time_since_epoch().count();
  const std::size_t lanes = index.slots().size(), cells = std::size_t(vp.width() / cell_px) + 1;
  const std::size_t catch_all = index.timeline().lanes.size();
  std::vector<std::uint32_t> count(lanes * cells, 0);
  for (EventIndex e = 0; e < st.size(); ++e) {  // every event, every frame
    if (st.start(e) >= t1 || st.end(e) <= t0) continue;
    const double x = vp.to_x(Seconds{std::chrono::seconds{st.start(e)}});
    const auto c = std::size_t(std::clamp((x - vp.left()) / cell_px, 0.0, double(cells - 1)));
    const auto ls = st.lanes(e);
    if (ls.empty()) ++count[catch_all * cells + c];
    for (LaneId l : ls) ++count[std::size_t(l) * cells + c];
  }
  for (std::size_t s = 0; s < lanes; ++s)
    for (std::size_t c = 0; c < cells; ++c) {
      const std::uint32_t n = count[s * cells + c];
      if (!n) continue;
      LayoutRecord r;
      r.kind = n > 1 ? RecordKind::Fold : RecordKind::Point;
      r.slot = std::uint32_t(s);
      r.count = n;
      r.box = {float(vp.left() + double(c) * cell_px), 0, float(vp.left() + double(c + 1) * cell_px), 0};
      out.push_back(std::move(r));
    }
  return out.size();
}

}  // namespace cs::bench
