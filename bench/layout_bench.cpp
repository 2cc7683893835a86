// Google Benchmark for the layout stages at 10k, 100k and 1M generated events, at three zoom levels
// (everything, ten years, one day, around the median event), against a naive walk-every-event layout;
// also the filter language, facet counts, the context bar's density, and layout with a huge title.
// Run: build/bench/layout_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "model/io/csv_loader.hpp"
#include "render/font.hpp"
#include "app/cli/generate.hpp"
#include "model/filter.hpp"
#include "render/context_bar.hpp"
#include "render/layout.hpp"
#include "naive_layout.hpp"
#include "render/scene.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <memory>
#include <sstream>

using namespace cs;

namespace {

struct Data {
  Timeline timeline;
  std::unique_ptr<TimelineIndex> index;
  Seconds median{};
};

const Data& data(std::int64_t n) {
  static std::map<std::int64_t, std::unique_ptr<Data>> cache;
  auto& d = cache[n];
  if (!d) {
    d = std::make_unique<Data>();
    std::ostringstream csv;
    GenerateOptions g;
    g.events = std::uint64_t(n);
    g.seed = 7;
    g.csv = true;
    generate_timeline(g, csv);
    Diagnostics diag{"bench.csv"};
    load_timeline_csv(csv.str(), d->timeline, diag);
    d->index = std::make_unique<TimelineIndex>(d->timeline);
    std::vector<std::int64_t> starts;
    for (EventIndex i = 0; i < d->timeline.event_count(); ++i) starts.push_back(d->timeline.store().start(i));
    std::nth_element(starts.begin(), starts.begin() + std::ptrdiff_t(starts.size() / 2), starts.end());
    d->median = Seconds{std::chrono::seconds{starts[starts.size() / 2]}};
  }
  return *d;
}

const Font& font() {
  static auto f = Font::load(find_default_font(), kCanvasFontPx);
  return *f;
}

// zoom 0: everything; 1: ten years; 2: one day; centred on the median event.
CanvasView view_for(const Data& d, int zoom) {
  const LayoutConfig cfg;
  CanvasView v = fit_all(*d.index, 1920, 1080, cfg);
  if (zoom == 0) return v;
  const auto half = std::chrono::seconds{zoom == 1 ? std::int64_t(5 * 365.25 * 86400) : 43200};
  v.viewport.show(d.median - half, d.median + half);
  return v;
}

void BM_Layout(benchmark::State& state) {
  const Data& d = data(state.range(0));
  const CanvasView v = view_for(d, int(state.range(1)));
  const LayoutConfig cfg;
  std::size_t records = 0;
  for (auto _ : state) {
    const Layout l = layout_for(*d.index, v, font(), cfg);
    records = l.records.size();
    benchmark::DoNotOptimize(records);
  }
  state.counters["records"] = double(records);
}

void BM_NaiveLayout(benchmark::State& state) {
  const Data& d = data(state.range(0));
  const CanvasView v = view_for(d, int(state.range(1)));
  std::vector<LayoutRecord> out;
  for (auto _ : state) benchmark::DoNotOptimize(bench::naive_layout(*d.index, v.viewport, 6, out));
  state.counters["records"] = double(out.size());
}

void BM_Query(benchmark::State& state) {  // the index alone: long items, and counts of what starts in view
  const Data& d = data(state.range(0));
  const CanvasView v = view_for(d, int(state.range(1)));
  std::vector<EventIndex> out;
  const std::int64_t t0 = v.viewport.start().time_since_epoch().count(), t1 = v.viewport.end().time_since_epoch().count();
  const int k = duration_class(std::int64_t(44 * v.viewport.seconds_per_pixel()));
  for (auto _ : state) {
    std::size_t n = 0;
    for (std::size_t s = 0; s < d.index->slots().size(); ++s) {
      d.index->wide_visible(s, k, t0, t1, out);
      const auto starts = d.index->starts(s);
      n += out.size() + std::size_t(std::lower_bound(starts.begin(), starts.end(), t1) -
                                    std::lower_bound(starts.begin(), starts.end(), t0));
    }
    benchmark::DoNotOptimize(n);
  }
}

void BM_Scene(benchmark::State& state) {  // layout + axis + draw list: everything on the CPU per frame
  const Data& d = data(state.range(0));
  const CanvasView v = view_for(d, int(state.range(1)));
  Scene scene;
  for (auto _ : state) {
    build_scene(scene, *d.index, v, font(), LayoutConfig{}, Theme{}, {});
    benchmark::DoNotOptimize(scene.draw.quads().size());
  }
  state.counters["quads"] = double(scene.draw.quads().size());
}

void BM_Search(benchmark::State& state) {  // one keystroke of Ctrl+F: a scan of titles, summaries, tags
  const Data& d = data(state.range(0));
  std::size_t hits = 0;
  for (auto _ : state) benchmark::DoNotOptimize(hits = search_events(d.timeline, "kestrel").size());
  state.counters["hits"] = double(hits);
}

// One filter change: parse, bind, evaluate over every event. Arg 1 picks the expression: 0 structured
// terms only, 1 with free text (a scan of titles and tags, like search).
void BM_Filter(benchmark::State& state) {
  const Data& d = data(state.range(0));
  const char* expr = state.range(1) ? "kestrel -precision:year from:1500" : "lane:lane-01|lane-02 -precision:year from:1500 to:1900";
  std::uint64_t n = 0;
  for (auto _ : state) benchmark::DoNotOptimize(n = run_filter(d.timeline, expr).matching);
  state.counters["matching"] = double(n);
}

void BM_Facets(benchmark::State& state) {  // the filter bar's counts over a mask of everything
  const Data& d = data(state.range(0));
  const std::vector<bool> keep(d.timeline.event_count(), true);
  for (auto _ : state) benchmark::DoNotOptimize(facet_counts(d.timeline, keep).matching);
}

void BM_Density(benchmark::State& state) {  // the context bar's profile: 900 bins, per lane (arg 1) or overall
  const Data& d = data(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(build_density(*d.index, 900, state.range(1) != 0).max_count);
}

// One event with a title of arg bytes among ordinary ones: each frame must cost what the screen holds.
void BM_HugeTitle(benchmark::State& state) {
  Timeline t;
  t.lanes = {{"a", "A"}};
  t.index_names();
  Event e;
  e.id = "huge";
  e.title = std::string(std::size_t(state.range(0)), 'w');
  e.when = *parse_edtf("2015-06-01").value;
  e.lanes = {"a"};
  t.add_event(e);
  const TimelineIndex index{t};
  const LayoutConfig cfg;
  const CanvasView v = make_canvas_view(Seconds{date::sys_days{date::year{2015} / 1 / 1}},
                                        Seconds{date::sys_days{date::year{2016} / 1 / 1}}, 1920, 1080, cfg);
  Scene scene;
  for (auto _ : state) {
    build_scene(scene, index, v, font(), cfg, Theme{}, {});
    benchmark::DoNotOptimize(scene.draw.quads().size());
  }
}

void Args(benchmark::internal::Benchmark* b) {
  for (std::int64_t n : {10'000, 100'000, 1'000'000})
    for (std::int64_t zoom : {0, 1, 2}) b->Args({n, zoom});
  b->ArgNames({"events", "zoom"})->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(BM_Query)->Apply(Args);
BENCHMARK(BM_Layout)->Apply(Args);
BENCHMARK(BM_Scene)->Apply(Args);
BENCHMARK(BM_NaiveLayout)->Apply(Args);
BENCHMARK(BM_Search)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->ArgName("events")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Filter)->Args({1'000'000, 0})->Args({1'000'000, 1})->ArgNames({"events", "text"})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Facets)->Arg(1'000'000)->ArgName("events")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Density)->Args({1'000'000, 0})->Args({1'000'000, 1})->ArgNames({"events", "per_lane"})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HugeTitle)->Arg(10'000'000)->Arg(200'000'000)->ArgName("bytes")->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
