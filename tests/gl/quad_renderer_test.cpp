// Renders the small fixture offscreen (EGL, no display) and checks pixels where marks must and must not be.
#include "render/gl/headless_context.hpp"
#include "render/gl/offscreen.hpp"
#include "render/gl/quad_renderer.hpp"
#include "render/scene.hpp"
#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace cs;

namespace {

struct Rendered {
  Timeline timeline;
  std::unique_ptr<TimelineIndex> index;
  Scene scene;
  gl::Image image;
  int draw_calls = 0;
};

int channel_distance(std::uint32_t a, std::uint32_t b) {
  int d = 0;
  for (int s = 0; s < 24; s += 8) d = std::max(d, std::abs(int((a >> s) & 255) - int((b >> s) & 255)));
  return d;
}

std::uint32_t rgb(Rgba c) { return std::uint32_t(c.r) << 16 | std::uint32_t(c.g) << 8 | c.b; }

class GlRender : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string err;
    ctx_ = gl::HeadlessContext::create(&err).release();
    if (!ctx_) error_ = err;
    font_ = Font::load(find_default_font(), 15, &err).release();
    if (!font_) error_ += err;
  }
  void SetUp() override { ASSERT_TRUE(ctx_ && font_) << error_; }

  Rendered render(const std::string& range_from, const std::string& range_to, int w, int h) {
    Rendered r;
    Diagnostics d{"small.yaml"};
    r.timeline = load_timeline_file(std::string{CS_FIXTURES} + "/small.yaml", d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    r.index = std::make_unique<TimelineIndex>(r.timeline);
    const LayoutConfig cfg;
    const CanvasView view = make_canvas_view(parse_edtf(range_from).value->begin_time(),
                                             parse_edtf(range_to).value->begin_time(), float(w), float(h), cfg);
    build_scene(r.scene, *r.index, view, *font_, cfg, Theme{}, {});
    gl::QuadRenderer qr;
    std::string err;
    EXPECT_TRUE(qr.init(*font_, &err)) << err;
    gl::Offscreen off;
    EXPECT_TRUE(off.init(w, h, &err)) << err;
    off.bind();
    glClearColor(1, 0, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    qr.draw(r.scene.draw, 0, 0, w, h, h, Theme{}.background);
    r.draw_calls = qr.draw_calls_last_frame();
    r.image = off.read();
    if (const char* dir = std::getenv("CS_TEST_PNG_DIR"))
      gl::write_png(r.image, std::string{dir} + "/" + ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".png");
    return r;
  }

  static gl::HeadlessContext* ctx_;
  static Font* font_;
  static std::string error_;
};
gl::HeadlessContext* GlRender::ctx_ = nullptr;
Font* GlRender::font_ = nullptr;
std::string GlRender::error_;

const LayoutRecord* find(const Layout& l, RecordKind kind, std::string_view id, const Timeline& t, std::uint32_t slot) {
  for (const auto& r : l.records)
    if (r.kind == kind && r.slot == slot && (kind == RecordKind::Fold || t.event(r.event).id == id)) return &r;
  return nullptr;
}

}  // namespace

TEST_F(GlRender, MarksAreDrawnWhereTheLayoutPutsThem) {
  const Rendered r = render("2015-01-01", "2016-07-01", 1000, 300);
  const Theme th;
  const Layout& l = r.scene.layout;
  const auto& img = r.image;
  // The diamond of the Tehran visit, in Russia's lane (slot 0), filled with Russia's colour at its centre.
  const LayoutRecord* visit = find(l, RecordKind::Point, "visit", r.timeline, 0);
  ASSERT_TRUE(visit);
  const int cx = int((visit->box.x0 + visit->box.x1) / 2), cy = int((visit->box.y0 + visit->box.y1) / 2);
  EXPECT_LE(channel_distance(img.pixel(cx, cy), 0xc0392b), 8);
  // The diamond's bounding-box corner is background (it is a diamond, not a square).
  EXPECT_NE(channel_distance(img.pixel(int(visit->box.x0) + 1, int(visit->box.y0) + 1), 0xc0392b), 0);
  // The air campaign bar is solid Russia red along its middle.
  const LayoutRecord* bar = find(l, RecordKind::Interval, "campaign", r.timeline, 0);
  ASSERT_TRUE(bar);
  EXPECT_LE(channel_distance(img.pixel(int(bar->box.x0 + 20), int((bar->box.y0 + bar->box.y1) / 2)), 0xc5443a), 30);
  // The burst of eight on the first days of March 2015: the rows the canvas has show four of them, the
  // other four fold into one block with its count (rows before folds).
  const LayoutRecord* fold = find(l, RecordKind::Fold, "", r.timeline, 2);
  ASSERT_TRUE(fold);
  EXPECT_EQ(fold->count, 4u);
  EXPECT_LE(channel_distance(img.pixel(int(fold->box.x0) + 3, int(fold->box.y0) + 2), rgb(th.fold_bg)), 4);
  // Before any event, in Russia's lane, there is only the lane's background.
  const float lane_mid = (l.lanes[0].y0 + l.lanes[0].y1) / 2;
  EXPECT_EQ(img.pixel(int(LayoutConfig{}.header_width) + 5, int(lane_mid)), rgb(th.lane_even));
  // Nothing was left unpainted (the clear colour was magenta).
  for (int y = 0; y < img.height; y += 7)
    for (int x = 0; x < img.width; x += 7) ASSERT_NE(img.pixel(x, y), 0xff00ffu) << x << "," << y;
  EXPECT_EQ(r.draw_calls, 1);
}

TEST_F(GlRender, YearPreciseEventCoversItsYear) {
  const Rendered r = render("2014-01-01", "2017-01-01", 1200, 400);
  const LayoutRecord* year = find(r.scene.layout, RecordKind::Point, "year-event", r.timeline, 2);
  ASSERT_TRUE(year);
  ASSERT_EQ(year->style, MarkStyle::Span);
  const int y = int((year->box.y0 + year->box.y1) / 2);
  // Tinted in Syria blue across the middle of 2015, and not before it.
  const std::uint32_t inside = r.image.pixel(int((year->box.x0 + year->box.x1) / 2), y - 3);
  const std::uint32_t before = r.image.pixel(int(year->box.x0) - 30, y);
  EXPECT_NE(inside, before);
  EXPECT_LT(int(inside & 255), 250);  // some blue tint vs. the lane background
  EXPECT_GT(int(inside & 255), int((inside >> 16) & 255));
}

TEST_F(GlRender, TextIsDrawn) {
  const Rendered r = render("2015-01-01", "2016-07-01", 1000, 400);
  // Lane header "Russia": dark text pixels appear in the header's first row.
  const auto& lane = r.scene.layout.lanes[0];
  int dark = 0;
  for (int y = int(lane.y0); y < int(lane.y0 + 30); ++y)
    for (int x = 10; x < 80; ++x) dark += ((r.image.pixel(x, y) >> 16) & 255) < 100;
  EXPECT_GT(dark, 20);
}
