// Loading, indexing and the view for --range and --size, shared by the drawing commands.
#include "app/cli/prepare.hpp"

#include "app/cli/load_progress.hpp"

#include <iostream>

namespace cs {
namespace {

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
  if (!r.value || !r.value->end || r.value->start_bound != Bound::Known || r.value->end_bound != Bound::Known ||
      r.value->is_set()) {
    std::cerr << "chronoscope: error: --range must be a closed EDTF interval such as 2015-09/2016-03"
              << (r.value ? "" : ": " + escape_for_terminal(r.error.message)) << "\n";
    return false;
  }
  view = make_canvas_view(r.value->begin_time(), r.value->end_time(), w, h, cfg);
  return true;
}

}  // namespace

int prepare(const Options& o, Prepared& p) {
  if (!load(o, p.timeline)) return 1;
  p.index = std::make_unique<TimelineIndex>(p.timeline);
  return view_for(o, *p.index, p.cfg, p.view) ? 0 : 2;
}

std::unique_ptr<Font> load_font(float px, std::span<const float> more_sizes) {
  std::string err;
  auto font = Font::load(find_default_font(), px, &err, more_sizes);
  if (!font) std::cerr << "chronoscope: error: " << (err.empty() ? "no font found" : escape_for_terminal(err))
                       << " (install fonts-dejavu-core, or set CHRONOSCOPE_FONT)\n";
  return font;
}

}  // namespace cs
