// `chronoscope render` to SVG and PDF: the format by extension, the title, legend and credits as real text,
// the type scaled with the image, and an unknown extension refused. Runs the real binary.
#include <gtest/gtest.h>

#include "tools.hpp"

#include <cstring>

using namespace cs::test;

namespace {
std::string binary() { return CS_BINARY; }
std::string fixture(const char* name) { return std::string{CS_FIXTURES} + "/" + name; }
}  // namespace

TEST(RenderCli, APdfCarriesTheTitleLegendAndCreditsAsText) {
  const auto d = scratch_dir();
  const ToolRun r = tool(binary() + " render " + fixture("small.yaml") +
                         " --range 2015-01/2016-06 --title 'Fixture: a briefing view' --legend --credits -o " +
                         quote((d / "out.pdf").string()) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(pdf_pages(d / "out.pdf"), 1);
  const std::string text = pdf_text(d / "out.pdf", 1);
  EXPECT_NE(text.find("Fixture: a briefing view"), std::string::npos) << text;
  for (const char* lane : {"Russia", "Iran", "Syria"}) EXPECT_NE(text.find(lane), std::string::npos) << lane;
  // Both sources are cited by events in the range, in the file's order.
  EXPECT_NE(text.find("Sources: Alwaght, \u201CAn article\u201D (2016-04-13); Vestnik Kavkaza, \u201CA paper without url\u201D"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Putin visits Tehran"), std::string::npos);
}

TEST(RenderCli, CreditsNameOnlyTheSourcesOfWhatIsShown) {
  const auto d = scratch_dir();
  // Only 2015-03: the burst, which cites nothing.
  const ToolRun r = tool(binary() + " render " + fixture("small.yaml") + " --range 2015-02-20/2015-03-10 --credits -o " +
                         quote((d / "out.pdf").string()) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string text = pdf_text(d / "out.pdf", 1);
  EXPECT_EQ(text.find("Alwaght"), std::string::npos) << text;
  EXPECT_NE(text.find("Sources: none cited by the events shown"), std::string::npos) << text;
}

TEST(RenderCli, AnSvgOfTheAskedSizeRendersWithRsvg) {
  const auto d = scratch_dir();
  const ToolRun r = tool(binary() + " render " + fixture("small.yaml") + " --size 800x500 -o " +
                         quote((d / "out.SVG").string()) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(well_formed_xml(d / "out.SVG"));
  const ToolRun png = tool(std::string{CS_RSVG_CONVERT} + " " + quote((d / "out.SVG").string()) + " -o " +
                           quote((d / "out.png").string()) + " 2>&1");
  ASSERT_EQ(png.status, 0) << png.out;
  EXPECT_EQ(png_size(read_bytes(d / "out.png")), (std::pair<int, int>{800, 500}));
}

TEST(RenderCli, AnUnknownExtensionIsAnErrorNotAPngUnderAnotherName) {
  const auto d = scratch_dir();
  const ToolRun r = tool(binary() + " render " + fixture("small.yaml") + " -o " + quote((d / "out.jpg").string()) + " 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "chronoscope: error: cannot tell the image format of '" + (d / "out.jpg").string() +
                       "': -o must end in .png, .svg or .pdf\n");
  EXPECT_FALSE(std::filesystem::exists(d / "out.jpg"));
}

TEST(RenderCli, TypeAndMarksScaleWithTheImage) {
  // At 3840x2160 the default scale is 2: the PDF is twice the size and its text twice as large, so the same
  // labels are laid out (the same words appear) and each takes twice the room.
  const auto d = scratch_dir();
  for (const char* size : {"1920x1080", "3840x2160"}) {
    const ToolRun r = tool(binary() + " render " + fixture("small.yaml") + " --range 2015-01/2016-06 --size " + size +
                           " -o " + quote((d / (std::string{size} + ".pdf")).string()) + " 2>&1");
    ASSERT_EQ(r.status, 0) << r.out;
  }
  EXPECT_EQ(pdf_text(d / "1920x1080.pdf", 1), pdf_text(d / "3840x2160.pdf", 1));
  const auto bbox = [&](const char* name) {
    const ToolRun r = tool(std::string{CS_PDFTOTEXT} + " -bbox " + quote((d / name).string()) + " - 2>&1");
    const auto at = r.out.find(">Russia<");  // the lane header's word
    const auto open = r.out.rfind("<word", at);
    const std::string tag = r.out.substr(open, at - open);
    const auto num = [&](const char* key) { return std::stod(tag.substr(tag.find(key) + std::strlen(key) + 2)); };
    return num("xMax") - num("xMin");
  };
  EXPECT_NEAR(bbox("3840x2160.pdf") / bbox("1920x1080.pdf"), 2.0, 0.05);
  // An explicit --scale overrides the default.
  const ToolRun r = tool(binary() + " render " + fixture("small.yaml") + " --range 2015-01/2016-06 --size 3840x2160 --scale 1 -o " +
                         quote((d / "scale1.pdf").string()) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NEAR(bbox("scale1.pdf") / bbox("1920x1080.pdf"), 1.0, 0.05);
}
