// Offscreen benchmark over a fixed path: layout alone, and whole frames (layout, draw list, GL draw).
#include "app/cli/bench.hpp"

#include "render/gl/headless_context.hpp"
#include "model/io/load_file.hpp"
#include "app/cli/load_progress.hpp"
#include "render/gl/offscreen.hpp"
#include "render/gl/quad_renderer.hpp"
#include "app/window_app.hpp"

#include <glad/gl.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace cs {

using Clock = std::chrono::steady_clock;

std::size_t peak_rss_bytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return std::size_t(u.ru_maxrss) * 1024;
}

std::size_t current_rss_bytes() {
  std::ifstream statm{"/proc/self/statm"};
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * std::size_t(sysconf(_SC_PAGESIZE));
}

Stats stats_of(std::vector<double> v) {
  Stats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.median = v[v.size() / 2];
  s.p95 = v[std::min(v.size() - 1, std::size_t(std::ceil(0.95 * double(v.size()))) - 1)];
  s.max = v.back();
  return s;
}

std::vector<Viewport> bench_path(const TimelineIndex& index, const CanvasView& start, int frames) {
  std::vector<Viewport> path;
  const EventStore& st = index.store();
  // Zoom towards the median start of all events: inside the densest stretch of most data.
  std::vector<std::int64_t> starts;
  starts.reserve(st.size());
  for (EventIndex i = 0; i < st.size(); ++i) starts.push_back(st.start(i));
  Seconds anchor = start.viewport.start();
  if (!starts.empty()) {
    std::nth_element(starts.begin(), starts.begin() + std::ptrdiff_t(starts.size() / 2), starts.end());
    anchor = Seconds{std::chrono::seconds{starts[starts.size() / 2]}};
  }
  const int in = std::max(1, frames * 2 / 5), pan = std::max(1, frames / 5), out = std::max(1, frames - in - pan);
  Viewport vp = start.viewport;
  const double day = 86400.0;
  const double factor_in = std::pow(day / vp.span_seconds(), 1.0 / in);
  for (int f = 0; f < in; ++f) {
    vp.zoom_at(vp.to_x(anchor), factor_in);
    path.push_back(vp);
  }
  for (int f = 0; f < pan; ++f) {
    vp.pan_pixels(-vp.width() / 40);
    path.push_back(vp);
  }
  const double factor_out = std::pow(start.viewport.span_seconds() / vp.span_seconds(), 1.0 / out);
  for (int f = 0; f < out; ++f) {
    vp.zoom_at(vp.left() + vp.width() / 2, factor_out);
    path.push_back(vp);
  }
  return path;
}

namespace {

void print_stats(const char* what, const Stats& s, const char* note) {
  std::printf("%-8s median %7.2f ms   p95 %7.2f ms   max %7.2f ms   %s\n", what, s.median, s.p95, s.max, note);
}

}  // namespace

int run_bench(const Options& o) {
  const std::size_t rss_before = current_rss_bytes();
  std::uintmax_t file_bytes = 0;
  {
    std::error_code ec;
    file_bytes = std::filesystem::file_size(o.file, ec);
  }
  Timeline t;
  Diagnostics d{o.file};
  const auto t0 = Clock::now();
  load_with_progress(o.file, t, d);
  const TimelineIndex index{t};
  const double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::cerr << d.format_all();
  if (d.has_errors()) return 1;
  const std::size_t peak = peak_rss_bytes();
  const std::size_t n = t.event_count();
  const double mb = double(file_bytes) / 1e6;
  std::printf("file     %s: %zu events, %zu lanes, %.1f MB\n", o.file.c_str(), n, t.lanes.size(), mb);
  std::printf("load     %.3f s (parse, validate, index)\n", load_s);
  const double grown = double(peak > rss_before ? peak - rss_before : 0);
  std::printf("memory   peak %.1f MB = %.2f x the file; %.0f bytes per event beyond the file's size\n", double(peak) / 1e6,
              double(peak) / double(std::max<std::uintmax_t>(1, file_bytes)),
              n ? (grown - double(file_bytes)) / double(n) : 0.0);

  const int w = o.width ? o.width : 1920, h = o.height ? o.height : 1080;
  std::string err;
  auto ctx = gl::HeadlessContext::create(&err);
  auto font = Font::load(find_default_font(), kCanvasFontPx, &err);
  gl::QuadRenderer renderer;
  gl::Offscreen target;
  if (!ctx || !font || !renderer.init(*font, &err) || !target.init(w, h, &err)) {
    std::cerr << "chronoscope: error: " << err << "\n";
    return 1;
  }
  const LayoutConfig cfg;
  CanvasView view = fit_all(index, float(w), float(h), cfg);
  const auto path = bench_path(index, view, o.frames);
  std::vector<double> layout_ms, frame_ms;
  std::size_t max_records = 0;
  Scene scene;
  target.bind();
  for (const Viewport& vp : path) {
    view.viewport = vp;
    auto a = Clock::now();
    const Layout l = layout_for(index, view, *font, cfg);
    layout_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    max_records = std::max(max_records, l.records.size());
    a = Clock::now();
    build_scene(scene, index, view, *font, cfg, Theme{}, {});
    renderer.draw(scene.draw, 0, 0, w, h, h, Theme{}.background);
    glFinish();
    frame_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
  }
  char note[128];
  std::snprintf(note, sizeof note, "(%zu frames, at most %zu records)", path.size(), max_records);
  print_stats("layout", stats_of(layout_ms), note);
  std::snprintf(note, sizeof note, "(layout + draw list + GL draw at %dx%d on %s)", w, h, ctx->renderer().c_str());
  print_stats("frame", stats_of(frame_ms), note);
  if (o.window) {
    ctx.reset();
    std::vector<double> window_ms;
    Options wo = o;
    wo.width = w;
    wo.height = h;
    if (bench_window(wo, o.frames, window_ms) != 0) return 1;
    std::snprintf(note, sizeof note, "(the whole app frame in a %dx%d window: input, UI, canvas, swap)", w, h);
    print_stats("window", stats_of(window_ms), note);
  }
  return 0;
}

}  // namespace cs
