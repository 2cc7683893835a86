// `chronoscope render FILE -o OUT.png|OUT.svg|OUT.pdf`: the canvas drawn without a window, with an optional
// title, legend and credits around it: as PNG through a headless GL context, or as vectors through cairo.
#include "app/cli/commands.hpp"

#include "app/cli/output.hpp"
#include "app/cli/page_render.hpp"
#include "app/cli/prepare.hpp"
#include "render/page.hpp"
#include "render/story_view.hpp"
#include "render/vector/vector_document.hpp"

#include <algorithm>
#include <iostream>

namespace cs {

int run_render(const Options& o) {
  if (output_overwrites_input(o.out, {o.file})) return 2;
  OutputFormat format;
  if (!output_format(o.out, format)) {
    std::cerr << "chronoscope: error: cannot tell the image format of " << quoted_name(o.out)
              << ": -o must end in .png, .svg or .pdf\n";
    return 2;
  }
  Prepared p;
  if (const int rc = prepare(o, p)) return rc;
  const TimelineIndex& index = *p.index;
  const float width = p.view.width, height = p.view.height;
  const TypeScale ts = TypeScale::at(output_scale(o.scale, int(height)));
  const LayoutConfig cfg = LayoutConfig::scaled(ts.scale);
  const auto font = load_font(ts.body, ts.extra_sizes());
  if (!font) return 1;

  // What the canvas shows: the prepared range, every lane or those with something in it.
  const Seconds t0 = p.view.viewport.start(), t1 = p.view.viewport.end();
  SceneState state;
  state.whole_labels = true;
  if (o.hide_empty_lanes) state.lanes = lanes_with_events(index, t0, t1);
  Annotations notes;
  notes.title = o.title;
  notes.legend = o.legend;
  notes.lanes = state.lanes;
  if (o.credits) {
    const CanvasView range = make_canvas_view(t0, t1, width, height, cfg);
    for (const Source* s : sources_cited(index.timeline(), events_in_view(index, range, state.lanes)))
      notes.credits.push_back(credit_text(*s));
    if (notes.credits.empty()) notes.credits.push_back("none cited by the events shown");
  }
  const AnnotatedPage page = lay_out_annotations(notes, index, *font, ts, width, height);
  const CanvasView view = make_canvas_view(t0, t1, width, page.canvas.y1 - page.canvas.y0, cfg);
  Scene scene;
  layout_scene(scene, index, view, *font, cfg, state);
  const Theme theme;
  const bool whole = page.canvas == ClipRect{0, 0, width, height};
  const DrawPage draw = [&](Sink& sink) {
    draw_annotations(sink, page, index, *font, ts, theme);
    if (whole) return draw_scene(sink, scene, index, view, *font, theme, state);
    AreaSink canvas{sink, page.canvas};
    draw_scene(canvas, scene, index, view, *font, theme, state);
  };

  std::string bytes;
  if (format == OutputFormat::Png) {
    PngPages pages;
    if (!pages.init(*font, int(width), int(height))) return 1;
    bytes = pages.render(draw, theme.background);
    if (bytes.empty()) return 1;
  } else {
    std::string err;
    auto doc = vec::Document::create(format == OutputFormat::Pdf ? vec::Format::Pdf : vec::Format::Svg, width, height,
                                     font->path(), {o.title.empty() ? index.timeline().title : o.title}, &err);
    if (doc) {
      doc->page().rect(0, 0, width, height, theme.background);
      draw(doc->page());
      bytes = doc->finish(&err);
    }
    if (bytes.empty()) {
      std::cerr << "chronoscope: error: cannot write " << quoted_name(o.out) << ": " << escape_for_terminal(err) << "\n";
      return 1;
    }
  }
  if (output_overwrites_input(o.out, {o.file})) return 2;  // the input may have been linked there meanwhile
  if (const int rc = write_output(o.out, bytes)) return rc;
  std::cerr << "wrote " << escape_for_terminal(o.out) << " (" << int(width) << "x" << int(height) << ", "
            << scene.layout.records.size() << " records)\n";
  return 0;
}

}  // namespace cs
