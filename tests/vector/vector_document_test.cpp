// The cairo backend: real, embedded text in PDF pages of the asked size; shapes, clips and ellipses where
// the canvas puts them; SVG that is well-formed and renders with rsvg-convert.
#include "render/font.hpp"
#include "render/vector/vector_document.hpp"

#include <gtest/gtest.h>

#include "tools.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

using namespace cs;
using namespace cs::test;

namespace {
std::string make(vec::Format f, float w, float h, const std::function<void(vec::Document&)>& draw) {
  std::string err;
  auto doc = vec::Document::create(f, w, h, find_default_font(), {"Test document"}, &err);
  EXPECT_TRUE(doc) << err;
  if (!doc) return {};
  draw(*doc);
  std::string bytes = doc->finish(&err);
  EXPECT_FALSE(bytes.empty()) << err;
  return bytes;
}

int distance(std::uint32_t a, std::uint32_t b) {
  int d = 0;
  for (int s = 0; s < 24; s += 8) d = std::max(d, std::abs(int((a >> s) & 255) - int((b >> s) & 255)));
  return d;
}
}  // namespace

TEST(VectorPdf, TextIsRealTextInTheEmbeddedCanvasFont) {
  const auto d = scratch_dir();
  write_bytes(d / "t.pdf", make(vec::Format::Pdf, 800, 600, [](vec::Document& doc) {
                doc.page().text({"Putin visits Tehran and meets Khamenei", 20, 40, 15, Rgba{34, 34, 38, 255}, 0});
                doc.page().text({"\u041C\u043E\u0441\u043A\u0432\u0430 \u2013 Tehran", 20, 80, 24, Rgba{0, 0, 0, 255}, 0});
              }));
  EXPECT_EQ(pdf_text(d / "t.pdf", 1), "Putin visits Tehran and meets Khamenei \u041C\u043E\u0441\u043A\u0432\u0430 \u2013 Tehran");
  const ToolRun fonts = tool(std::string{CS_PDFFONTS} + " " + quote((d / "t.pdf").string()));
  ASSERT_EQ(fonts.status, 0);
  EXPECT_NE(fonts.out.find("DejaVuSans"), std::string::npos) << fonts.out;
  // Every font row says "yes" under emb (the fourth column from the right end is emb, sub, uni, object).
  std::size_t rows = 0, line_start = fonts.out.find("---");
  line_start = fonts.out.find('\n', line_start) + 1;
  while (line_start < fonts.out.size()) {
    const std::string line = fonts.out.substr(line_start, fonts.out.find('\n', line_start) - line_start);
    line_start += line.size() + 1;
    if (line.empty()) continue;
    ++rows;
    EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << line;  // embedded, subset, with a ToUnicode map
  }
  EXPECT_GE(rows, 1u);
  // No image anywhere: the text is not rasterised.
  const ToolRun images = tool(std::string{CS_PDFIMAGES} + " -list " + quote((d / "t.pdf").string()));
  EXPECT_EQ(std::count(images.out.begin(), images.out.end(), '\n'), 2) << images.out;  // the two header lines
}

TEST(VectorPdf, PagesHaveTheAskedSizeAt96PixelsPerInch) {
  const auto d = scratch_dir();
  write_bytes(d / "p.pdf", make(vec::Format::Pdf, 800, 600, [](vec::Document& doc) {
                for (int i = 1; i <= 3; ++i) {
                  doc.page().text({"page " + std::to_string(i), 20, 40, 15, Rgba{0, 0, 0, 255}, 0});
                  if (i < 3) doc.next_page();
                }
              }));
  EXPECT_EQ(pdf_pages(d / "p.pdf"), 3);
  EXPECT_EQ(pdf_text(d / "p.pdf", 2), "page 2");
  const ToolRun info = tool(std::string{CS_PDFINFO} + " " + quote((d / "p.pdf").string()));
  const auto field = [&](const std::string& key) {  // pdfinfo's "Key:    value" lines
    const auto at = info.out.find(key + ":");
    if (at == std::string::npos) return std::string{};
    const auto v = info.out.find_first_not_of(' ', at + key.size() + 1);
    return info.out.substr(v, info.out.find('\n', v) - v);
  };
  EXPECT_EQ(field("Page size"), "600 x 450 pts") << info.out;
  EXPECT_EQ(field("Title"), "Test document") << info.out;
}

TEST(VectorPdf, TextTooWideForItsRoomEndsInAnEllipsis) {
  const auto d = scratch_dir();
  const auto f = Font::load(find_default_font(), 15);
  ASSERT_TRUE(f);
  write_bytes(d / "e.pdf", make(vec::Format::Pdf, 800, 600, [&](vec::Document& doc) {
                doc.page().text({"Russia and Iran fight side by side in Syria", 20, 40, 15, Rgba{0, 0, 0, 255}, 120});
              }));
  const std::string text = pdf_text(d / "e.pdf", 1);
  ASSERT_GE(text.size(), 4u);
  EXPECT_EQ(text.substr(text.size() - 3), "\u2026");
  EXPECT_EQ(std::string{"Russia and Iran fight side by side in Syria"}.rfind(text.substr(0, text.size() - 3), 0), 0u);
  EXPECT_LE(f->width(text), 120 + 2);  // as the canvas font measures it
}

TEST(VectorPdf, ShapesAndClipsLandWhereTheCanvasPutsThem) {
  const auto d = scratch_dir();
  const Rgba red{200, 10, 20, 255}, blue{20, 60, 200, 255};
  write_bytes(d / "s.pdf", make(vec::Format::Pdf, 400, 300, [&](vec::Document& doc) {
                Sink& s = doc.page();
                s.set_clip({0, 0, 200, 300});
                s.rect(0, 0, 400, 100, red);  // clipped at x = 200
                s.set_clip(kNoClip);
                s.diamond(100, 200, 60, blue, true);
                s.diamond(300, 200, 60, blue, false);
              }));
  const Raster r = pdf_raster(d / "s.pdf");
  ASSERT_EQ(r.width, 400);
  ASSERT_EQ(r.height, 300);
  EXPECT_LE(distance(r.pixel(100, 50), 0xc80a14), 4);
  EXPECT_EQ(r.pixel(300, 50), 0xffffffu);  // beyond the clip
  EXPECT_LE(distance(r.pixel(100, 200), 0x143cc8), 4);  // a filled diamond's centre
  EXPECT_EQ(r.pixel(75, 175), 0xffffffu);               // its bounding box's corner
  EXPECT_EQ(r.pixel(300, 200), 0xffffffu);              // a hollow one's centre
  EXPECT_LE(distance(r.pixel(300 - 22, 200), 0x143cc8), 4);  // its ring
}

TEST(VectorSvg, IsWellFormedAndRendersWithRsvgAtItsSize) {
  const auto d = scratch_dir();
  write_bytes(d / "v.svg", make(vec::Format::Svg, 640, 360, [](vec::Document& doc) {
                doc.page().rect(0, 0, 640, 360, Rgba{250, 250, 247, 255});
                doc.page().text({"Putin visits Tehran & \"friends\" <here>", 20, 40, 15, Rgba{0, 0, 0, 255}, 0});
                doc.page().diamond(100, 100, 20, Rgba{200, 10, 20, 255}, true);
                doc.next_page();  // ignored: an SVG has one page
              }));
  EXPECT_TRUE(well_formed_xml(d / "v.svg"));
  const std::string svg = read_bytes(d / "v.svg");
  EXPECT_NE(svg.find("width=\"640px\""), std::string::npos) << svg.substr(0, 300);
  const ToolRun r = tool(std::string{CS_RSVG_CONVERT} + " " + quote((d / "v.svg").string()) + " -o " +
                         quote((d / "v.png").string()) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(png_size(read_bytes(d / "v.png")), (std::pair<int, int>{640, 360}));
}

TEST(VectorDocument, AFontThatCannotBeReadIsAnError) {
  std::string err;
  EXPECT_FALSE(vec::Document::create(vec::Format::Pdf, 100, 100, "/nonexistent/font.ttf", {}, &err));
  EXPECT_EQ(err, "cannot read font '/nonexistent/font.ttf'");
  EXPECT_FALSE(vec::Document::create(vec::Format::Pdf, 0, 100, find_default_font(), {}, &err));
  const auto d = scratch_dir();
  write_bytes(d / "not-a-font.ttf", "hello");
  EXPECT_FALSE(vec::Document::create(vec::Format::Pdf, 100, 100, (d / "not-a-font.ttf").string(), {}, &err));
  EXPECT_NE(err.find("as a font"), std::string::npos) << err;
}
