// check / layout / render: load, report, and share the window's view and scene code.
#include "commands.hpp"

#include "generate.hpp"
#include "headless_context.hpp"
#include "json_writer.hpp"
#include "load_progress.hpp"
#include "offscreen.hpp"
#include "quad_renderer.hpp"
#include "scene.hpp"
#include "load_file.hpp"
#include "yaml_loader.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

namespace cs {
namespace {

constexpr int kDefaultWidth = 1920, kDefaultHeight = 1080;

// Loads o.file; diagnostics go to stderr. False when the file has errors (or cannot be read).
bool load(const Options& o, Timeline& t) {
  Diagnostics d{o.file};
  load_with_progress(o.file, t, d);
  std::cerr << d.format_all();
  return !d.has_errors();
}

// The canvas view for --range (or everything) at --size; false with a message when the range is bad.
bool view_for(const Options& o, const TimelineIndex& index, const LayoutConfig& cfg, CanvasView& view) {
  const float w = float(o.width ? o.width : kDefaultWidth), h = float(o.height ? o.height : kDefaultHeight);
  if (!o.range) {
    view = fit_all(index, w, h, cfg);
    return true;
  }
  const EdtfResult r = parse_edtf(*o.range);
  if (!r.value || !r.value->end) {
    std::cerr << "chronoscope: error: --range must be a closed EDTF interval such as 2015-09/2016-03"
              << (r.value ? "" : ": " + r.error.message) << "\n";
    return false;
  }
  view = make_canvas_view(r.value->begin_time(), r.value->end_time(), w, h, cfg);
  return true;
}

// What layout and render share: the file loaded and indexed, and the view for --range and --size.
struct Prepared {
  Timeline timeline;
  std::unique_ptr<TimelineIndex> index;
  LayoutConfig cfg;
  CanvasView view;
};

// 0 when ready; else the exit status (1: the file has errors, 2: bad --range).
int prepare(const Options& o, Prepared& p) {
  if (!load(o, p.timeline)) return 1;
  p.index = std::make_unique<TimelineIndex>(p.timeline);
  return view_for(o, *p.index, p.cfg, p.view) ? 0 : 2;
}

std::unique_ptr<Font> load_font(float px) {
  std::string err;
  auto font = Font::load(find_default_font(), px, &err);
  if (!font) std::cerr << "chronoscope: error: " << (err.empty() ? "no font found" : err)
                       << " (install fonts-dejavu-core, or set CHRONOSCOPE_FONT)\n";
  return font;
}

}  // namespace

int run_check(const Options& o) {
  Diagnostics d{o.file};
  Timeline t;
  load_with_progress(o.file, t, d);
  std::cout << d.format_all();
  std::cout << o.file << ": " << t.event_count() << " events, " << d.error_count() << " errors, "
            << d.warning_count() << " warnings\n";
  return d.has_errors() ? 1 : 0;
}

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

int run_generate(const Options& o) {
  GenerateOptions g;
  g.events = o.events;
  g.seed = o.seed;
  g.from_year = o.from_year;
  g.to_year = o.to_year;
  g.lanes = o.lanes;
  g.csv = is_csv_path(o.out);
  std::ofstream out{o.out, std::ios::binary};
  if (!out) {
    std::cerr << "chronoscope: error: cannot write '" << o.out << "'\n";
    return 1;
  }
  generate_timeline(g, out);
  out.close();
  if (!out) {
    std::cerr << "chronoscope: error: writing '" << o.out << "' failed\n";
    return 1;
  }
  std::cerr << "wrote " << o.out << " (" << o.events << " events, seed " << o.seed << ")\n";
  return 0;
}

int run_render(const Options& o) {
  Prepared p;
  if (const int rc = prepare(o, p)) return rc;
  const TimelineIndex& index = *p.index;
  const CanvasView& view = p.view;
  const LayoutConfig& cfg = p.cfg;
  std::string err;
  auto ctx = gl::HeadlessContext::create(&err);
  if (!ctx) {
    std::cerr << "chronoscope: error: cannot render without a display: " << err << "\n";
    return 1;
  }
  const auto font = load_font(kCanvasFontPx);
  if (!font) return 1;
  gl::QuadRenderer renderer;
  gl::Offscreen target;
  if (!renderer.init(*font, &err) || !target.init(int(view.width), int(view.height), &err)) {
    std::cerr << "chronoscope: error: " << err << "\n";
    return 1;
  }
  Scene scene;
  build_scene(scene, index, view, *font, cfg, Theme{}, {});
  target.bind();
  renderer.draw(scene.draw, 0, 0, int(view.width), int(view.height), int(view.height), Theme{}.background);
  if (!gl::write_png(target.read(), o.out)) {
    std::cerr << "chronoscope: error: cannot write '" << o.out << "'\n";
    return 1;
  }
  std::cerr << "wrote " << o.out << " (" << int(view.width) << "x" << int(view.height) << ", "
            << scene.layout.records.size() << " records)\n";
  return 0;
}

}  // namespace cs
