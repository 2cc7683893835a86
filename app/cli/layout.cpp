// `chronoscope layout FILE`: the layout the canvas would draw, as JSON (marks, bars, folds, label boxes).
#include "app/cli/commands.hpp"

#include "app/cli/output.hpp"
#include "app/cli/prepare.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iostream>

namespace cs {
namespace {

using json = nlohmann::ordered_json;

// A float as JSON the way a reader expects it: whole values as integers ("800"), others with the shortest
// digits that give the float back ("12.5", not "12.5000000001"); non-finite values as null.
json number(float f) {
  if (!std::isfinite(f)) return nullptr;
  if (f == std::floor(f) && std::fabs(f) < 9e15f) return std::int64_t(f);
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, f);
  *r.ptr = '\0';
  return std::strtod(buf, nullptr);
}

json box(const Box& r) { return {number(r.x0), number(r.y0), number(r.x1), number(r.y1)}; }

}  // namespace

int run_layout(const Options& o) {
  Prepared p;
  if (const int rc = prepare(o, p)) return rc;
  const Timeline& t = p.timeline;
  const TimelineIndex& index = *p.index;
  const CanvasView& view = p.view;
  const auto font = load_font(kCanvasFontPx);
  if (!font) return 1;
  const Layout layout = layout_for(index, view, *font, p.cfg);
  json lanes = json::array();
  for (const LaneBand& l : layout.lanes)
    lanes.push_back({{"id", index.slots()[l.slot].id()}, {"y0", number(l.y0)}, {"y1", number(l.y1)}, {"rows", l.rows}});
  json records = json::array();
  for (const LayoutRecord& r : layout.records) {
    json rec = {{"kind", r.kind == RecordKind::Point ? "point" : r.kind == RecordKind::Interval ? "interval" : "fold"},
                {"lane", index.slots()[r.slot].id()}};
    if (r.kind == RecordKind::Fold) rec["count"] = r.count;
    else rec["ids"] = json::array({t.store().id(r.event)});
    rec["x0"] = number(r.box.x0);
    rec["x1"] = number(r.box.x1);
    rec["y0"] = number(r.box.y0);
    rec["y1"] = number(r.box.y1);
    if (r.has_label) rec["label"] = {{"text", r.label}, {"box", box(r.label_box)}};
    records.push_back(std::move(rec));
  }
  json out = json::object();
  out["size"] = {number(view.width), number(view.height)};
  out["range"] = {format_iso(view.viewport.start()), format_iso(view.viewport.end())};
  out["lanes"] = std::move(lanes);
  out["records"] = std::move(records);
  std::cout << terminal_safe_json(out) << "\n";
  return finish_stdout();
}

}  // namespace cs
