// Loading, filtering, indexing and the view for --range and --size, shared by the drawing commands.
#include "app/cli/prepare.hpp"

#include "app/cli/load_progress.hpp"
#include "app/context_strip.hpp"
#include "model/filter.hpp"

#include <filesystem>
#include <iostream>

namespace cs {
namespace {

// Loads o.file; diagnostics go to stderr. False when the file has errors (or cannot be read).
bool load(const Options& o, Timeline& t) {
  if (const std::string why = unreadable_input(o.file); !why.empty()) {
    std::cerr << escape_for_terminal(o.file) << ": error: cannot read the file: " << why << "\n";
    return false;
  }
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

std::string unreadable_input(const std::string& path) {
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);
  if (ec) return ec.message();
  if (std::filesystem::is_directory(st)) return "it is a folder";
  if (!std::filesystem::is_regular_file(st)) return "it is not a regular file";
  return {};
}

bool filter_syntax_ok(const Options& o) {
  if (!o.filter) return true;
  const FilterParse p = parse_filter(*o.filter);
  if (!p.filter) std::cerr << escape_for_terminal(p.error.format("--filter")) << "\n";
  return p.filter.has_value();
}

int prepare_events(const Options& o, Prepared& p) {
  if (!filter_syntax_ok(o)) return 2;
  if (!load(o, p.timeline)) return 1;
  FilterResult f = run_filter(p.timeline, o.filter.value_or(""));
  if (f.error) {  // an unknown lane or source, a bad date
    std::cerr << escape_for_terminal(f.error->format("--filter")) << "\n";
    return 2;
  }
  p.keep = std::move(f.keep);
  p.index = std::make_unique<TimelineIndex>(p.timeline, o.filter ? &p.keep : nullptr);
  p.calendars = o.calendars;
  p.context_bar = o.context_bar;
  p.cfg = canvas_config(p, LayoutConfig{});
  return 0;
}

LayoutConfig canvas_config(const Prepared& p, const LayoutConfig& base) {
  const LayoutConfig with_bar =
      p.context_bar ? base.with_context_bar(context_strip_height(base, p.index->slots().size(), false)) : base;
  return with_bar.with_calendars(int(p.calendars.size()));
}

ContextBar add_context_bar(Sink* sink, const Prepared& p, const LayoutConfig& cfg, const CanvasView& view,
                           const Font& font) {
  if (!p.context_bar) return {};
  const Box area = context_strip_area(cfg, view.width);
  const DensityProfile profile = build_density(*p.index, context_strip_bins(area.x1 - area.x0), false);
  const ContextBar bar = make_context_bar(profile, area, view.viewport);
  if (sink) draw_context_strip(*sink, cfg, bar, profile, p.timeline, Theme{}, font);
  return bar;
}

int prepare(const Options& o, Prepared& p) {
  if (const int rc = prepare_events(o, p)) return rc;
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
