// Pages around the canvas: wrapping, the credits of what is shown, the bands above and below the canvas,
// and labels that never run past the image's edge.
#include "render/page.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"
#include "recording_sink.hpp"

using namespace cs;
using namespace date;

namespace {
Seconds at(int y, unsigned m = 1, unsigned d = 1) { return Seconds{sys_days{year{y} / m / d}}; }

const Font& font() {
  static const auto f = [] {
    const TypeScale ts = TypeScale::at(1);
    const auto sizes = ts.extra_sizes();
    return Font::load(find_default_font(), ts.body, nullptr, sizes);
  }();
  return *f;
}

Timeline sample() {
  Timeline t;
  t.title = "Sample";
  t.lanes = {{"russia", "Russia", {192, 57, 43, 255}}, {"iran", "Iran", {30, 132, 73, 255}}, {"syria", "Syria"}};
  t.sources = {Source{"s1", "First article", "Alwaght", {}, "2016-04-13"}, Source{"s2", "Second", "South Front"},
               Source{"s3", "Unused", "Nobody"}};
  t.index_names();
  Event a;
  a.id = "visit", a.title = "Putin visits Tehran", a.when = *parse_edtf("2015-11-23").value, a.lanes = {"russia", "iran"};
  a.sources = {SourceRef{"s2"}, SourceRef{"s1"}};
  Event b;
  b.id = "late", b.title = "Later", b.when = *parse_edtf("2018-05-10").value, b.lanes = {"syria"};
  b.sources = {SourceRef{"s3"}};
  test::add_events(t, {a, b});
  return t;
}
}  // namespace

TEST(Page, WrapBreaksAtSpacesAndInsideWordsOnlyWhenTheyAreTooLong) {
  const float w = font().width("The campaign opens and");
  const auto lines = wrap_text(font(), "The campaign opens and Moscow courts Tehran.", w, font().size());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "The campaign opens and");
  EXPECT_EQ(lines[1], "Moscow courts Tehran.");
  const std::string url = "https://example.org/a/very/long/path/that/cannot/fit/on/one/line";
  const auto broken = wrap_text(font(), "see " + url, 150, font().size());
  ASSERT_GE(broken.size(), 3u);
  std::string joined;
  for (std::size_t i = 1; i < broken.size(); ++i) joined += broken[i];
  EXPECT_EQ(broken[0], "see");
  EXPECT_EQ(joined, url);  // every character kept, in order
  for (const auto& l : broken) EXPECT_LE(font().width(l), 150);
  // At most two lines: the second ends in an ellipsis.
  const auto capped = wrap_text(font(), "one two three four five six seven eight nine ten", 60, font().size(), 2);
  ASSERT_EQ(capped.size(), 2u);
  EXPECT_EQ(capped[1].substr(capped[1].size() - 3), "\u2026");
  EXPECT_LE(font().width(capped[1]), 60);
  // A line break in the text is kept.
  EXPECT_EQ(wrap_text(font(), "a\nb", 500, font().size()), (std::vector<std::string>{"a", "b"}));
}

TEST(Page, CreditsAreTheSourcesOfTheEventsShownInTheTimelinesOrder) {
  const Timeline t = sample();
  const TimelineIndex index{t};
  const CanvasView v = make_canvas_view(at(2015), at(2016), 1000, 600, LayoutConfig{});
  const auto shown = events_in_view(index, v);
  EXPECT_EQ(shown, (std::vector<EventIndex>{0}));  // once, though in two lanes
  const auto cited = sources_cited(t, shown);
  ASSERT_EQ(cited.size(), 2u);
  EXPECT_EQ(cited[0]->id, "s1");
  EXPECT_EQ(cited[1]->id, "s2");
  EXPECT_EQ(credit_text(*cited[0]), "Alwaght, \u201CFirst article\u201D (2016-04-13)");
  EXPECT_EQ(credit_text(*cited[1]), "South Front, \u201CSecond\u201D");
  const std::uint32_t syria[] = {2};
  EXPECT_TRUE(events_in_view(index, v, syria).empty());
}

TEST(Page, TitleAboveLegendAndCreditsBelowAndTheCanvasBetween) {
  const Timeline t = sample();
  const TimelineIndex index{t};
  const TypeScale ts = TypeScale::at(1);
  Annotations a;
  a.title = "How the partnership formed";
  a.legend = true;
  a.credits = {"Alwaght, \u201CFirst article\u201D (2016-04-13)", "South Front, \u201CSecond\u201D"};
  const AnnotatedPage p = lay_out_annotations(a, index, font(), ts, 1000, 600);
  EXPECT_EQ(p.title.y0, 0);
  EXPECT_EQ(p.canvas.y0, p.title.y1);
  EXPECT_EQ(p.legend.y0, p.canvas.y1);
  EXPECT_EQ(p.credits.y0, p.legend.y1);
  EXPECT_EQ(p.credits.y1, 600);
  EXPECT_GT(p.canvas.y1 - p.canvas.y0, 400);
  ASSERT_EQ(p.legend_items.size(), 3u);
  ASSERT_EQ(p.credit_lines.size(), 1u);
  EXPECT_EQ(p.credit_lines[0].rfind("Sources: Alwaght", 0), 0u);
  test::RecordingSink sink;
  draw_annotations(sink, p, index, font(), ts, Theme{});
  EXPECT_TRUE(sink.has_text("How the partnership formed"));
  for (const char* lane : {"Russia", "Iran", "Syria"}) EXPECT_TRUE(sink.has_text(lane)) << lane;
  EXPECT_TRUE(sink.has_text(p.credit_lines[0]));
  for (const auto* d : sink.texts()) {  // nothing runs past the page's right edge
    const float w = d->max_width > 0 ? std::min(d->max_width, font().width(d->text, d->size)) : font().width(d->text, d->size);
    EXPECT_LE(d->x0 + w, 1000) << d->text;
  }
  // No annotations: the canvas is the whole page.
  const AnnotatedPage none = lay_out_annotations({}, index, font(), ts, 1000, 600);
  EXPECT_EQ(none.canvas, (ClipRect{0, 0, 1000, 600}));
}

TEST(Page, ManyCreditsTakeAtMostAQuarterOfThePage) {
  const Timeline t = sample();
  const TimelineIndex index{t};
  Annotations a;
  for (int i = 0; i < 400; ++i) a.credits.push_back("Publisher " + std::to_string(i) + ", \u201CA title\u201D");
  const AnnotatedPage p = lay_out_annotations(a, index, font(), TypeScale::at(1), 800, 600);
  EXPECT_LE(p.credits.y1 - p.credits.y0, 600 / 4 + TypeScale::at(1).margin());
  EXPECT_EQ(p.credit_lines.back().substr(p.credit_lines.back().size() - 3), "\u2026");
}

TEST(Page, TheTypeScaleGrowsWithTheImage) {
  const TypeScale one = TypeScale::at(1), two = TypeScale::at(2);
  EXPECT_EQ(one.body, kCanvasFontPx);
  EXPECT_EQ(two.body, 2 * kCanvasFontPx);
  EXPECT_GT(one.title, one.caption);
  EXPECT_GT(one.caption, one.body);
  EXPECT_GT(one.headline, one.title);
}

TEST(Page, AxisLabelsNeverRunPastTheImagesEdge) {
  // Many widths: wherever the last tick falls, its label is whole inside the image, shortened with "…", or
  // left out; never cut by the edge.
  const Timeline t = sample();
  const TimelineIndex index{t};
  const LayoutConfig cfg;
  for (float w = 700; w < 760; w += 3) {
    const CanvasView v = make_canvas_view(at(2010), at(2020), w, 300, cfg);
    Scene scene;
    layout_scene(scene, index, v, font(), cfg, {});
    test::RecordingSink sink;
    draw_scene(sink, scene, index, v, font(), Theme{}, {});
    for (const auto* d : sink.texts()) {
      const std::string shown = d->max_width > 0 ? font().fit(d->text, d->max_width) : d->text;
      EXPECT_LE(d->x0 + font().width(shown), w) << d->text << " at width " << w;
    }
  }
}

TEST(Page, LabelsTheBottomEdgeWouldCutAreLeftOutOfImages) {
  // Twenty lanes of one event each in 300 pixels: the lanes run past the bottom. In an image no label is
  // cut there: those that would be are left out (the window, which scrolls, keeps them).
  Timeline t;
  for (int i = 0; i < 20; ++i) t.lanes.push_back({"l" + std::to_string(i), "Lane " + std::to_string(i)});
  t.index_names();
  for (int i = 0; i < 20; ++i) {
    Event e;
    e.id = "e" + std::to_string(i), e.title = "Event " + std::to_string(i);
    e.when = *parse_edtf("2015-06-01").value, e.lanes = {"l" + std::to_string(i)};
    t.add_event(e);
  }
  const TimelineIndex index{t};
  const LayoutConfig cfg;
  const CanvasView v = make_canvas_view(at(2015), at(2016), 800, 300, cfg);
  const auto cut = [&](bool whole) {
    SceneState state;
    state.whole_labels = whole;
    Scene scene;
    layout_scene(scene, index, v, font(), cfg, state);
    test::RecordingSink sink;
    draw_scene(sink, scene, index, v, font(), Theme{}, state);
    int n = 0, shown = 0;
    for (const auto* d : sink.texts()) {
      n += d->y0 + (font().line_height() - font().ascent(0)) > 300;
      shown += d->text.rfind("Event ", 0) == 0;
    }
    EXPECT_GT(shown, 3);
    return n;
  };
  EXPECT_GT(cut(false), 0);
  EXPECT_EQ(cut(true), 0);
}
