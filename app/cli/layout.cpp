// `chronoscope layout FILE`: the layout the canvas would draw, as JSON (marks, bars, folds, label boxes,
// the ghosts of disputed dates, and the axis rows of every calendar shown).
#include "app/cli/commands.hpp"

#include "app/cli/output.hpp"
#include "app/cli/prepare.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
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

// A label box as far as it lies inside the plot (the canvas right of the lane headers): the canvas clips
// what runs past its edge. Null when nothing of it is inside.
json label(const std::string& text, Box b, const CanvasView& view) {
  b.x0 = std::max(b.x0, float(view.viewport.left()));
  b.x1 = std::min(b.x1, view.width);
  b.y0 = std::max(b.y0, 0.f);
  b.y1 = std::min(b.y1, view.height);
  if (b.x1 <= b.x0 || b.y1 <= b.y0) return nullptr;
  return {{"text", text}, {"box", box(b)}};
}

json axis_rows(const Axis& axis) {
  json rows = json::array();
  json ticks = json::array();
  for (const AxisTick& t : axis.ticks) ticks.push_back({{"x", number(float(t.x))}, {"label", t.label}});
  json periods = json::array();
  for (const AxisPeriod& p : axis.periods)
    periods.push_back({{"x0", number(float(p.x0))}, {"x1", number(float(p.x1))}, {"label", p.label}});
  rows.push_back({{"calendar", calendar_id(Calendar::Gregorian)}, {"ticks", std::move(ticks)}, {"periods", std::move(periods)}});
  for (const CalendarRow& row : axis.calendars) {
    json cticks = json::array();
    for (const CalendarTick& t : row.ticks)
      if (t.boundary) cticks.push_back({{"x", number(float(t.x))}, {"label", t.label}});
    rows.push_back({{"calendar", calendar_id(row.calendar)}, {"ticks", std::move(cticks)}});
  }
  return rows;
}

}  // namespace

int run_layout(const Options& o) {
  Prepared p;
  if (const int rc = prepare(o, p)) return rc;
  const Timeline& t = p.timeline;
  const EventStore& st = t.store();
  const TimelineIndex& index = *p.index;
  const CanvasView& view = p.view;
  const auto font = load_font(kCanvasFontPx);
  if (!font) return 1;
  const Layout layout = layout_for(index, view, *font, p.cfg);
  const Axis axis = build_axis(view.viewport, *font, p.calendars);
  json lanes = json::array();
  for (const LaneBand& l : layout.lanes)
    lanes.push_back({{"id", index.slots()[l.slot].id()}, {"y0", number(l.y0)}, {"y1", number(l.y1)}, {"rows", l.rows}});
  json records = json::array();
  for (const LayoutRecord& r : layout.records) {
    json rec = {{"kind", r.kind == RecordKind::Point ? "point" : r.kind == RecordKind::Interval ? "interval" : "fold"},
                {"lane", index.slots()[r.slot].id()}};
    if (r.kind == RecordKind::Fold) {
      rec["count"] = r.count;
      json first = json::array();  // what its tooltip lists
      for (const FoldEntry& e : fold_contents(st, r).first) first.push_back(e.id);
      rec["first"] = std::move(first);
    } else {
      rec["ids"] = json::array({st.id(r.event)});
    }
    rec["x0"] = number(r.box.x0);
    rec["x1"] = number(r.box.x1);
    rec["y0"] = number(r.box.y0);
    rec["y1"] = number(r.box.y1);
    if (r.has_label)
      if (json l = label(r.label, r.label_box, view); !l.is_null()) rec["label"] = std::move(l);
    records.push_back(std::move(rec));
  }
  json ghosts = json::array();
  for (const GhostMark& g : layout.ghosts) {
    const auto d = st.details(g.event);
    json gh = {{"id", st.id(g.event)}, {"lane", index.slots()[g.slot].id()}};
    gh["source"] = d && g.citation < d->sources.size() ? std::string{d->sources[g.citation].source} : std::string{};
    gh["x0"] = number(g.box.x0);
    gh["x1"] = number(g.box.x1);
    gh["y0"] = number(g.box.y0);
    gh["y1"] = number(g.box.y1);
    if (g.has_label)
      if (json l = label(g.label, g.label_box, view); !l.is_null()) gh["label"] = std::move(l);
    ghosts.push_back(std::move(gh));
  }
  json out = json::object();
  out["size"] = {number(view.width), number(view.height)};
  out["range"] = {format_iso(view.viewport.start()), format_iso(view.viewport.end())};
  out["lanes"] = std::move(lanes);
  out["records"] = std::move(records);
  out["ghosts"] = std::move(ghosts);
  out["axis"] = axis_rows(axis);
  if (p.context_bar) {
    const ContextBar bar = add_context_bar(nullptr, p, p.cfg, p.view, *font);  // its geometry
    out["context_bar"] = {{"y0", number(bar.area.y0)},
                          {"y1", number(bar.area.y1)},
                          {"window", {number(bar.window.x0), number(bar.window.x1)}}};
  }
  std::cout << terminal_safe_json(out) << "\n";
  return finish_stdout();
}

}  // namespace cs
