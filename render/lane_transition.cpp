// Blending two layouts' lane bands: one pass over each layout's records and ghosts, grouped by lane.
#include "render/lane_transition.hpp"

#include <algorithm>

namespace cs {
namespace {

struct Entry {
  std::uint32_t slot;
  const LaneBand* before = nullptr;  // in `from`
  const LaneBand* after = nullptr;   // in `to`
};

const LaneBand* find_band(const Layout& l, std::uint32_t slot) {
  for (const LaneBand& b : l.lanes)
    if (b.slot == slot) return &b;
  return nullptr;
}

// The lanes of both, in `to`'s order; a lane only in `from` follows the lane it followed there.
std::vector<Entry> lane_order(const Layout& from, const Layout& to) {
  std::vector<Entry> order;
  for (const LaneBand& b : to.lanes) order.push_back({b.slot, find_band(from, b.slot), &b});
  for (std::size_t i = 0; i < from.lanes.size(); ++i) {
    const LaneBand& a = from.lanes[i];
    if (find_band(to, a.slot)) continue;
    std::size_t at = 0;
    if (i > 0) {
      const auto prev = std::find_if(order.begin(), order.end(), [&](const Entry& e) { return e.slot == from.lanes[i - 1].slot; });
      if (prev != order.end()) at = std::size_t(prev - order.begin()) + 1;
    }
    order.insert(order.begin() + std::ptrdiff_t(at), Entry{a.slot, &a, nullptr});
  }
  return order;
}

Box shifted(Box b, float dy) { return {b.x0, b.y0 + dy, b.x1, b.y1 + dy}; }

}  // namespace

Layout blend_lanes(const Layout& from, const Layout& to, double p, float min_band) {
  p = std::clamp(p, 0.0, 1.0);
  const float k = float(p);
  Layout out;
  const float top = !to.lanes.empty() ? to.lanes.front().y0 : !from.lanes.empty() ? from.lanes.front().y0 : 0.f;
  // Where each layout's records and ghosts land in `out` (-1: left out), for the ghosts' links.
  std::vector<std::int64_t> moved_from(from.records.size(), -1), moved_to(to.records.size(), -1);
  float y = top;
  for (const Entry& e : lane_order(from, to)) {
    const float h0 = e.before ? e.before->y1 - e.before->y0 : 0.f, h1 = e.after ? e.after->y1 - e.after->y0 : 0.f;
    const float h = h0 + (h1 - h0) * k;
    const LaneBand& src = e.after ? *e.after : *e.before;
    const Layout& layout = e.after ? to : from;
    std::vector<std::int64_t>& moved = e.after ? moved_to : moved_from;
    const float dy = y - src.y0, bottom = y + h + 0.5f;
    for (std::size_t i = 0; i < layout.records.size(); ++i) {
      const LayoutRecord& r = layout.records[i];
      if (r.slot != e.slot || r.box.y1 + dy > bottom) continue;
      LayoutRecord c = r;
      c.box = shifted(r.box, dy);
      c.label_box = shifted(r.label_box, dy);
      if (c.has_label && c.label_box.y1 > bottom) c.has_label = false;
      moved[i] = std::int64_t(out.records.size());
      out.records.push_back(std::move(c));
    }
    if (h >= min_band) out.lanes.push_back({e.slot, y, y + h, src.rows});
    y += h;
  }
  for (const Layout* l : {&from, &to}) {
    const std::vector<std::int64_t>& moved = l == &from ? moved_from : moved_to;
    for (const GhostMark& g : l->ghosts) {
      if (g.record >= moved.size() || moved[g.record] < 0) continue;
      const LayoutRecord& own = l->records[g.record];
      const float dy = out.records[std::size_t(moved[g.record])].box.y0 - own.box.y0;
      GhostMark c = g;
      c.record = std::uint32_t(moved[g.record]);
      c.box = shifted(g.box, dy);
      c.label_box = shifted(g.label_box, dy);
      // The ghost's own band is its event's: it shows while it fits there.
      const auto band = std::find_if(out.lanes.begin(), out.lanes.end(), [&](const LaneBand& b) { return b.slot == g.slot; });
      if (band == out.lanes.end() || c.box.y1 > band->y1 + 0.5f) continue;
      if (c.has_label && c.label_box.y1 > band->y1 + 0.5f) c.has_label = false;
      out.ghosts.push_back(std::move(c));
    }
  }
  out.content_height = from.content_height + (to.content_height - from.content_height) * k;
  return out;
}

}  // namespace cs
