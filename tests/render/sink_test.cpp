// The sink seam: text runs become the font's glyph quads, a page area translates and clips, extra font
// sizes are baked, and the scene emits through any sink what the GL list gets.
#include "render/scene.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"
#include "recording_sink.hpp"

using namespace cs;
using namespace date;

namespace {
Seconds at(int y, unsigned m = 1, unsigned d = 1) { return Seconds{sys_days{year{y} / m / d}}; }

const Font& font() {
  static const auto f = [] {
    const float more[] = {24.f};
    return Font::load(find_default_font(), 15, nullptr, more);
  }();
  return *f;
}

float glyph_height(const DrawList& dl) {
  float h = 0;
  for (const Quad& q : dl.quads()) h = std::max(h, q.y1 - q.y0);
  return h;
}
}  // namespace

TEST(Sink, ATextRunBecomesTheFontsGlyphQuads) {
  ASSERT_TRUE(&font());
  DrawList direct, through;
  font().draw(direct, 10, 40, "Putin in Tehran", Rgba{1, 2, 3, 255}, 80);
  QuadSink sink{through, font()};
  sink.text({"Putin in Tehran", 10, 40, 15, Rgba{1, 2, 3, 255}, 80});
  ASSERT_EQ(direct.quads().size(), through.quads().size());
  ASSERT_GT(direct.quads().size(), 3u);
  for (std::size_t i = 0; i < direct.quads().size(); ++i) {
    EXPECT_EQ(direct.quads()[i].x0, through.quads()[i].x0);
    EXPECT_EQ(direct.quads()[i].y1, through.quads()[i].y1);
    EXPECT_EQ(direct.quads()[i].u0, through.quads()[i].u0);
  }
  // Cut to 80 px, ending in the ellipsis: fewer glyphs than the letters, none past the width.
  EXPECT_LT(direct.quads().size(), std::string_view{"PutininTehran"}.size());
  for (const Quad& q : direct.quads()) EXPECT_LE(q.x1, 10 + 80 + 1);
}

TEST(Sink, ABakedSizeDrawsLargerGlyphsAndMeasuresWider) {
  DrawList small, large;
  QuadSink s{small, font()}, l{large, font()};
  s.text({"Hx", 0, 40, 15, Rgba{}, 0});
  l.text({"Hx", 0, 40, 24, Rgba{}, 0});
  EXPECT_NEAR(glyph_height(large) / glyph_height(small), 24.0 / 15.0, 0.2);
  EXPECT_NEAR(font().width("Caption text", 24) / font().width("Caption text"), 24.0 / 15.0, 0.1);
  EXPECT_GT(font().line_height(24), font().line_height());
  EXPECT_EQ(font().line_height(15), font().line_height());
  // A size that was not baked is scaled from the nearest: still in proportion.
  EXPECT_NEAR(font().width("Caption text", 30) / font().width("Caption text", 24), 30.0 / 24.0, 0.1);
}

TEST(Sink, AnAreaTranslatesAndClipsToItself) {
  test::RecordingSink page;
  page.set_clip({1, 2, 3, 4});
  {
    AreaSink area{page, {100, 50, 600, 450}};
    area.rect(0, 0, 10, 10, Rgba{});
    area.set_clip({-20, -20, 1000, 100});
    area.diamond(5, 5, 10, Rgba{}, true);
    area.text({"x", 7, 20, 15, Rgba{}, 0});
    EXPECT_EQ(area.clip(), (ClipRect{-20, -20, 1000, 100}));  // in the area's own pixels
  }
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].x0, 100);
  EXPECT_EQ(page.items[0].y1, 60);
  EXPECT_EQ(page.items[0].clip, (ClipRect{100, 50, 600, 450}));
  EXPECT_EQ(page.items[1].x0, 105);
  EXPECT_EQ(page.items[1].clip, (ClipRect{100, 50, 600, 150}));  // cut to the area
  EXPECT_EQ(page.items[2].x0, 107);
  EXPECT_EQ(page.items[2].y0, 70);
  EXPECT_EQ(page.clip(), (ClipRect{1, 2, 3, 4}));  // given back
}

TEST(Sink, TheSceneEmitsTheSameMarksAndLabelsIntoAnySink) {
  Timeline t;
  t.lanes = {{"r", "Russia", {200, 10, 20, 255}}, {"i", "Iran", {30, 130, 70, 255}}};
  t.index_names();
  Event a;
  a.id = "a", a.title = "Putin visits Tehran", a.when = *parse_edtf("2015-11-23").value, a.lanes = {"r", "i"};
  Event b;
  b.id = "b", b.title = "Air campaign", b.when = *parse_edtf("2015-09-30/2016-03-14").value, b.lanes = {"r"};
  test::add_events(t, {a, b});
  const TimelineIndex index{t};
  const LayoutConfig cfg;
  const CanvasView v = make_canvas_view(at(2015, 6), at(2016, 6), 1000, 300, cfg);
  Scene scene;
  build_scene(scene, index, v, font(), cfg, Theme{}, {});
  test::RecordingSink rec;
  draw_scene(rec, scene, index, v, font(), Theme{}, {});
  std::size_t quad_diamonds = 0, rec_diamonds = 0, rec_rects = 0, quad_rects = 0;
  for (const Quad& q : scene.draw.quads()) {
    quad_diamonds += q.shape == Shape::Diamond;
    quad_rects += q.shape == Shape::Rect;
  }
  for (const auto& d : rec.items) {
    rec_diamonds += d.kind == test::Drawn::Diamond;
    rec_rects += d.kind == test::Drawn::Rect;
  }
  EXPECT_EQ(rec_diamonds, 2u);  // the visit, in both lanes
  EXPECT_EQ(quad_diamonds, rec_diamonds);
  EXPECT_GE(quad_rects, 1u);
  EXPECT_LE(quad_rects, rec_rects);  // the quad list drops what its clip removes whole
  // Every label of the layout and every lane name is one text run at the canvas size.
  for (const LayoutRecord& r : scene.layout.records) {
    if (r.has_label) {
      EXPECT_TRUE(rec.has_text(r.label)) << r.label;
    }
  }
  EXPECT_TRUE(rec.has_text("Russia"));
  EXPECT_TRUE(rec.has_text("Iran"));
  for (const auto* d : rec.texts()) EXPECT_EQ(d->size, font().size());
}
