// Offscreen benchmark over a fixed path: layout alone, and whole frames (layout, draw list, GL draw).
#include "app/cli/bench.hpp"

#include "model/document.hpp"

#include "render/gl/headless_context.hpp"
#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"
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
#include <thread>
#include <unistd.h>

#include <nlohmann/json.hpp>

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

namespace {

nlohmann::json stats_json(const std::vector<double>& ms) {
  const Stats s = stats_of(ms);
  return {{"median", s.median}, {"p95", s.p95}, {"max", s.max}, {"count", ms.size()}};
}

// N edits of four kinds in turn (set a title, set a date, add an event, delete it again), each timed from
// the call until the next layout is done, and each followed by an atomic save, timed on its own.
void time_edits(Document& doc, const CanvasView& view, const Font& font, const LayoutConfig& cfg, int n,
                std::vector<double>& edit_ms, std::vector<double>& save_ms) {
  std::uint64_t x = 0x9E3779B97F4A7C15ull;  // splitmix64: the same events on every machine
  const auto next = [&] {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  for (int k = 0; k < n; ++k) {
    const std::size_t count = doc.timeline().event_count();
    if (count == 0) break;
    const std::string id{doc.timeline().store().id(EventIndex(next() % count))};
    EditOp op;
    switch (k % 4) {
      case 0: op = EditOp::set(id, "title", "Edited " + std::to_string(k)); break;
      case 1: op = EditOp::set(id, "date", std::to_string(1000 + next() % 1100)); break;
      case 2: op = EditOp::add("{id: bench-added-" + std::to_string(k) + ", title: Added, date: 2001-02-03}"); break;
      default: op = EditOp::remove("bench-added-" + std::to_string(k - 1)); break;
    }
    auto a = Clock::now();
    const EditResult r = doc.apply(op);
    const Layout l = layout_for(doc.index(), view, font, cfg);
    edit_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    if (!r.ok) std::cerr << "chronoscope: bench: an edit was refused:\n" << r.problems.format_all();
    a = Clock::now();
    const SaveResult saved = doc.save();
    save_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    if (saved.status != SaveStatus::Saved) std::cerr << "chronoscope: bench: " << saved.message << "\n";
  }
}

}  // namespace

int run_bench(const Options& o) {
  const std::size_t rss_before = current_rss_bytes();
  std::uintmax_t file_bytes = 0;
  {
    std::error_code ec;
    file_bytes = std::filesystem::file_size(o.file, ec);
  }
  // Edits and saves work on a copy, so the benchmark never changes the file it is given.
  std::string file = o.file;
  if (o.edits) {
    file = (std::filesystem::temp_directory_path() / ("chronoscope-bench-" + std::to_string(::getpid()) + ".yaml")).string();
    std::error_code ec;
    std::filesystem::copy_file(o.file, file, std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) {
      std::cerr << "chronoscope: error: cannot copy '" << escape_for_terminal(o.file) << "' to " << file << "\n";
      return 1;
    }
  }
  struct RemoveCopy {
    std::string path;
    ~RemoveCopy() {
      if (!path.empty()) std::filesystem::remove(path);
    }
  } remove_copy{o.edits ? file : std::string{}};
  const auto t0 = Clock::now();
  std::unique_ptr<Document> doc = Document::load(file);
  const double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::cerr << doc->diagnostics().format_all();
  if (doc->diagnostics().has_errors()) return 1;
  const std::size_t peak = peak_rss_bytes(), settled = current_rss_bytes();
  const std::size_t n = doc->timeline().event_count();
  const double mb = double(file_bytes) / 1e6;
  const bool text = !o.json;
  if (text) {
    std::printf("file     %s: %zu events, %zu lanes, %.1f MB\n", escape_for_terminal(o.file).c_str(), n,
                doc->timeline().lanes.size(), mb);
    std::printf("load     %.3f s (read, parse on %u threads, validate, index)\n", load_s,
                usable_cores());
    const double grown = double(peak > rss_before ? peak - rss_before : 0);
    const double file = double(std::max<std::uintmax_t>(1, file_bytes));
    std::printf("memory   peak %.1f MB = %.2f x the file; %.1f MB before reading it (the program itself), so reading\n"
                "         took %.1f MB = %.2f x the file, %.0f bytes per event beyond the file's size\n",
                double(peak) / 1e6, double(peak) / file, double(rss_before) / 1e6, grown / 1e6, grown / file,
                n ? (grown - double(file_bytes)) / double(n) : 0.0);
  }

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
  const TimelineIndex& index = doc->index();
  CanvasView view = fit_all(index, float(w), float(h), cfg);
  const CanvasView start_view = view;
  const auto path = bench_path(index, view, o.frames);
  std::vector<double> layout_ms, frame_ms, window_ms, edit_ms, save_ms;
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
  char note[160];
  if (text) {
    std::snprintf(note, sizeof note, "(%zu frames, at most %zu records)", path.size(), max_records);
    print_stats("layout", stats_of(layout_ms), note);
    std::snprintf(note, sizeof note, "(layout + draw list + GL draw at %dx%d on %s)", w, h, ctx->renderer().c_str());
    print_stats("frame", stats_of(frame_ms), note);
  }
  if (o.edits) {
    time_edits(*doc, start_view, *font, cfg, o.edits, edit_ms, save_ms);
    if (text) {
      std::snprintf(note, sizeof note, "(%d edits: set title, set date, add, delete; apply + next layout)", o.edits);
      print_stats("edit", stats_of(edit_ms), note);
      std::snprintf(note, sizeof note, "(atomic: temp file, fsync, rename, fsync of the folder; %.1f MB)", mb);
      print_stats("save", stats_of(save_ms), note);
    }
  }
  if (o.window) {
    ctx.reset();
    Options wo = o;
    wo.width = w;
    wo.height = h;
    if (bench_window(wo, o.frames, window_ms) != 0) return 1;
    if (text) {
      std::snprintf(note, sizeof note, "(the whole app frame in a %dx%d window: input, UI, canvas, swap)", w, h);
      print_stats("window", stats_of(window_ms), note);
    }
  }
  if (o.json) {
    nlohmann::json j = {{"file", o.file},        {"events", n},          {"file_bytes", file_bytes},
                        {"load_s", load_s},      {"peak_rss_bytes", peak}, {"rss_before_load_bytes", rss_before}, {"rss_after_load_bytes", settled}, {"threads", usable_cores()},
                        {"layout_ms", stats_json(layout_ms)}, {"frame_ms", stats_json(frame_ms)}};
    if (o.window) j["window_ms"] = stats_json(window_ms);
    if (o.edits) j["edit_ms"] = stats_json(edit_ms), j["save_ms"] = stats_json(save_ms);
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return 0;
}

}  // namespace cs
