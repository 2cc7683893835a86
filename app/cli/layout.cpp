// `chronoscope layout FILE`: the layout the canvas would draw, as JSON (marks, bars, folds, label boxes).
#include "app/cli/commands.hpp"

#include "app/cli/json_writer.hpp"
#include "app/cli/prepare.hpp"

#include <iostream>

namespace cs {

int run_layout(const Options& o) {
  Prepared p;
  if (const int rc = prepare(o, p)) return rc;
  const Timeline& t = p.timeline;
  const TimelineIndex& index = *p.index;
  const CanvasView& view = p.view;
  const LayoutConfig& cfg = p.cfg;
  const auto font = load_font(kCanvasFontPx);
  if (!font) return 1;
  const Layout layout = layout_for(index, view, *font, cfg);
  JsonWriter j{std::cout};
  j.begin_object();
  j.key("size").begin_array().value(view.width).value(view.height).end_array();
  j.key("range").begin_array().value(std::string{format_iso(view.viewport.start())})
      .value(std::string{format_iso(view.viewport.end())}).end_array();
  j.key("lanes").begin_array();
  for (const LaneBand& l : layout.lanes) {
    j.begin_object().key("id").value(index.slots()[l.slot].id()).key("y0").value(l.y0).key("y1").value(l.y1)
        .key("rows").value(l.rows).end_object();
  }
  j.end_array();
  j.key("records").begin_array();
  for (const LayoutRecord& r : layout.records) {
    j.begin_object();
    j.key("kind").value(r.kind == RecordKind::Point ? "point" : r.kind == RecordKind::Interval ? "interval" : "fold");
    j.key("lane").value(index.slots()[r.slot].id());
    if (r.kind == RecordKind::Fold) j.key("count").value(r.count);
    else j.key("ids").begin_array().value(t.store().id(r.event)).end_array();
    j.key("x0").value(r.box.x0).key("x1").value(r.box.x1).key("y0").value(r.box.y0).key("y1").value(r.box.y1);
    if (r.has_label) {
      j.key("label").begin_object().key("text").value(r.label).key("box").begin_array();
      j.value(r.label_box.x0).value(r.label_box.y0).value(r.label_box.x1).value(r.label_box.y1).end_array();
      j.end_object();
    }
    j.end_object();
  }
  j.end_array();
  j.end_object();
  std::cout << "\n";
  return 0;
}

}  // namespace cs
