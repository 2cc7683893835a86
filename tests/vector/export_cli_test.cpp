// `chronoscope export`: the deck read back with poppler (pages, each page's text, fonts, no images, notes
// nowhere), PNG steps of the asked size that differ from each other, the handout, and the mistakes a user
// can make. Runs the real binary on the story fixture.
#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"
#include "render/deck.hpp"

#include <gtest/gtest.h>

#include "tools.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include <stb_image.h>

using namespace cs::test;

namespace {
std::string binary() { return CS_BINARY; }
std::string story_fixture() { return std::string{CS_FIXTURES} + "/story.yaml"; }

ToolRun export_to(const std::filesystem::path& out, const std::string& more = "") {
  return tool(binary() + " export " + quote(story_fixture()) + " --story briefing -o " + quote(out.string()) + more +
              " 2>&1");
}
}  // namespace

TEST(ExportCli, TheDeckIsATitlePageAPagePerStepAndTheSources) {
  const auto d = scratch_dir();
  const ToolRun r = export_to(d / "deck.pdf");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "wrote " + (d / "deck.pdf").string() + " (5 pages: a title page, 3 steps, 1 of sources)\n");
  ASSERT_EQ(pdf_pages(d / "deck.pdf"), 5);
  const std::string title = pdf_text(d / "deck.pdf", 1);
  EXPECT_EQ(title, "How the fixture unfolds Fixture 20 February 2015 \u2013 June 2016");
  // Each step: its heading, its caption in full, its focused events' titles in full.
  const std::string p2 = pdf_text(d / "deck.pdf", 2), p3 = pdf_text(d / "deck.pdf", 3), p4 = pdf_text(d / "deck.pdf", 4);
  EXPECT_EQ(p2.rfind("Entry", 0), 0u) << p2;
  EXPECT_NE(p2.find("The campaign opens and Moscow courts Tehran."), std::string::npos) << p2;
  EXPECT_NE(p2.find("Air campaign in Syria"), std::string::npos) << p2;
  EXPECT_NE(p2.find("Putin visits Tehran"), std::string::npos) << p2;
  std::string squeezed;  // pdftotext may drop the spaces of "1 / 3"
  for (char c : p2) if (c != ' ') squeezed += c;
  EXPECT_NE(squeezed.find("1/3"), std::string::npos) << p2;
  EXPECT_EQ(p2.find("Syria Year-precise"), std::string::npos);  // the step shows only Russia and Iran
  EXPECT_EQ(p3.rfind("Step 2", 0), 0u) << p3;
  EXPECT_NE(p3.find("Burst 3"), std::string::npos) << p3;
  EXPECT_NE(p3.find("A burst of activity in Syria, of which one event is singled out."), std::string::npos) << p3;
  EXPECT_NE(p4.find("Cooperation goes on after the air campaign ends, and this caption is long enough to be wrapped "
                    "over more than one line on a page of ordinary width, so that a reader of the deck sees all of it."),
            std::string::npos)
      << p4;
  EXPECT_NE(p4.find("Cooperation goes on"), std::string::npos);
  const std::string sources = pdf_text(d / "deck.pdf", 5);
  EXPECT_EQ(sources,
            "Sources cited by the events this story focuses on "
            "Alwaght, \u201CAn article\u201D Published 2016-04-13 https://example.org/a Cited at para 9 "
            "Vestnik Kavkaza, \u201CA paper without url\u201D Published 2016-05 Cited at para 3");
}

TEST(ExportCli, SpeakerNotesAreNowhereInTheDeckOrTheHandout) {
  const auto d = scratch_dir();
  ASSERT_EQ(export_to(d / "deck.pdf").status, 0);
  ASSERT_EQ(export_to(d / "handout.md").status, 0);
  for (int page = 1; page <= 5; ++page) EXPECT_EQ(pdf_text(d / "deck.pdf", page).find("SECRET-NOTE"), std::string::npos);
  EXPECT_EQ(read_bytes(d / "handout.md").find("SECRET-NOTE"), std::string::npos);
  const ToolRun raw = tool(std::string{CS_PDFTOTEXT} + " -raw " + quote((d / "deck.pdf").string()) + " -");
  EXPECT_EQ(raw.out.find("SECRET"), std::string::npos);
}

TEST(ExportCli, TheDecksFontsAreEmbeddedAndItHoldsNoImages) {
  const auto d = scratch_dir();
  ASSERT_EQ(export_to(d / "deck.pdf").status, 0);
  const ToolRun fonts = tool(std::string{CS_PDFFONTS} + " " + quote((d / "deck.pdf").string()));
  ASSERT_EQ(fonts.status, 0);
  std::size_t rows = 0;
  std::size_t at = fonts.out.find('\n', fonts.out.find("---")) + 1;
  while (at < fonts.out.size()) {
    const std::string line = fonts.out.substr(at, fonts.out.find('\n', at) - at);
    at += line.size() + 1;
    if (line.empty()) continue;
    ++rows;
    EXPECT_NE(line.find("DejaVuSans"), std::string::npos) << line;
    EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << line;
  }
  EXPECT_GE(rows, 1u);
  const ToolRun images = tool(std::string{CS_PDFIMAGES} + " -list " + quote((d / "deck.pdf").string()));
  EXPECT_EQ(std::count(images.out.begin(), images.out.end(), '\n'), 2) << images.out;
}

TEST(ExportCli, PngStepsHaveTheAskedSizeAndDifferFromEachOther) {
  const auto d = scratch_dir();
  const ToolRun r = export_to(d / "steps/", " --size 960x540");
  ASSERT_EQ(r.status, 0) << r.out;
  std::set<std::string> seen;
  for (const char* name : {"step-01.png", "step-02.png", "step-03.png"}) {
    const std::string png = read_bytes(d / "steps" / name);
    EXPECT_EQ(png_size(png), (std::pair<int, int>{960, 540})) << name;
    EXPECT_TRUE(seen.insert(png).second) << name << " is the same image as an earlier step";
  }
  EXPECT_FALSE(std::filesystem::exists(d / "steps" / "step-04.png"));
  EXPECT_FALSE(std::filesystem::exists(d / "steps" / "step-00.png"));
}

TEST(ExportCli, AStepPngIsTheDecksPageInPixels) {
  // The same page drawn twice, through the GL quad list and through cairo, rasterised by poppler: all but
  // the edges of shapes and glyphs are the same colour. (Glyphs differ a little: GL snaps each glyph to a
  // whole pixel and samples the atlas, cairo places and antialiases outlines; a caption line's glyphs drift
  // by up to half a pixel between the two.)
  const auto d = scratch_dir();
  ASSERT_EQ(export_to(d / "steps/", " --size 960x540").status, 0);
  ASSERT_EQ(export_to(d / "deck.pdf", " --size 960x540").status, 0);
  for (int step = 1; step <= 3; ++step) {
    const Raster pdf = pdf_raster(d / "deck.pdf", step + 1);
    const std::string png = read_bytes(d / "steps" / ("step-0" + std::to_string(step) + ".png"));
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(png.data()), int(png.size()), &w, &h,
                                              &n, 3);
    ASSERT_TRUE(px);
    ASSERT_EQ(pdf.width, w);
    ASSERT_EQ(pdf.height, h);
    std::size_t same = 0;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        const unsigned char* p = px + (std::size_t(y) * std::size_t(w) + std::size_t(x)) * 3;
        const std::uint32_t q = pdf.pixel(x, y);
        const int dist = std::max({std::abs(p[0] - int(q >> 16)), std::abs(p[1] - int((q >> 8) & 255)),
                                   std::abs(p[2] - int(q & 255))});
        same += dist <= 24;
      }
    stbi_image_free(px);
    EXPECT_GT(double(same) / (double(w) * h), 0.95) << "step " << step;
  }
}

TEST(ExportCli, TheHandoutIsWritten) {
  const auto d = scratch_dir();
  const ToolRun r = export_to(d / "handout.md");
  ASSERT_EQ(r.status, 0) << r.out;
  const std::string md = read_bytes(d / "handout.md");
  EXPECT_EQ(md.rfind("# How the fixture unfolds\n", 0), 0u);
  EXPECT_NE(md.find("  - Alwaght, \u201CAn article\u201D (2016-04-13), para 9: <https://example.org/a>\n"), std::string::npos);
}

TEST(ExportCli, MistakesAreReportedAndNothingIsWritten) {
  const auto d = scratch_dir();
  ToolRun r = tool(binary() + " export " + quote(story_fixture()) + " --story nope -o " + quote((d / "x.pdf").string()) + " 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "chronoscope: error: '" + story_fixture() + "' has no story 'nope' (its stories: briefing, empty)\n");
  r = export_to(d / "deck.pptx");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "chronoscope: error: cannot tell what to export to '" + (d / "deck.pptx").string() +
                       "': -o must be a .pdf deck, a .md handout or a folder (ending in /) for PNGs\n");
  r = tool(binary() + " export " + quote(story_fixture()) + " -o " + quote((d / "x.pdf").string()) + " 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("missing --story ID"), std::string::npos) << r.out;
  r = tool(binary() + " export " + quote(story_fixture()) + " --story briefing -o " + quote(story_fixture()) + " 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("refusing to write over the input"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::is_empty(d));
}

TEST(ExportCli, AStoryWithoutStepsIsATitlePageAndItsSources) {
  const auto d = scratch_dir();
  const ToolRun r = tool(binary() + " export " + quote(story_fixture()) + " --story empty -o " +
                         quote((d / "e.pdf").string()) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(pdf_pages(d / "e.pdf"), 2);
  EXPECT_EQ(pdf_text(d / "e.pdf", 1), "A story without steps Fixture");
  EXPECT_EQ(pdf_text(d / "e.pdf", 2), "Sources cited by the events this story focuses on None.");
}

TEST(ExportCli, TheShippedStoryExportsWithEveryCaptionAndFocusInFullAndNoNotes) {
  // events.yaml's own story, read back page by page: every step's caption and the title of every event it
  // focuses on, whole; no speaker note, not even in part.
  const std::string file = std::string{CS_SOURCE_DIR} + "/events.yaml";
  cs::Diagnostics diag{file};
  const cs::Timeline t = cs::load_timeline_file(file, diag);
  ASSERT_FALSE(diag.has_errors()) << diag.format_all();
  const cs::Story* story = nullptr;
  for (const cs::Story& s : t.stories)
    if (s.id == "partnership") story = &s;
  ASSERT_TRUE(story);
  ASSERT_GE(story->steps.size(), 5u);
  const auto d = scratch_dir();
  const ToolRun r = tool(binary() + " export " + quote(file) + " --story partnership -o " + quote((d / "deck.pdf").string()) + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  const int pages = pdf_pages(d / "deck.pdf");
  ASSERT_GE(pages, int(story->steps.size()) + 2);
  const auto folded = [](const std::string& s) {  // whitespace runs as one space, as pdf_text gives them
    std::string out;
    for (char c : s) {
      const bool space = c == ' ' || c == '\n';
      if (space && (out.empty() || out.back() == ' ')) continue;
      out += space ? ' ' : c;
    }
    return out;
  };
  EXPECT_NE(pdf_text(d / "deck.pdf", 1).find(story->title), std::string::npos);
  for (std::size_t k = 0; k < story->steps.size(); ++k) {
    const cs::StoryStep& step = story->steps[k];
    const std::string text = pdf_text(d / "deck.pdf", int(k) + 2);
    EXPECT_EQ(text.rfind(step.title, 0), 0u) << "step " << k + 1 << ": " << text.substr(0, 80);
    EXPECT_NE(text.find(folded(step.caption)), std::string::npos) << "step " << k + 1 << ": " << text;
    for (const std::string& id : step.focus) {
      const auto e = t.find_event(id);
      ASSERT_TRUE(e) << id;
      EXPECT_NE(text.find(std::string{t.store().title(*e)}), std::string::npos) << "step " << k + 1 << ": " << id;
    }
  }
  std::string all;
  for (int p = 1; p <= pages; ++p) all += pdf_text(d / "deck.pdf", p) + " ";
  for (const cs::StoryStep& step : story->steps) {
    const std::string notes = folded(step.notes);
    ASSERT_GE(notes.size(), 40u);
    for (std::size_t at = 0; at + 30 <= notes.size(); at += 15)  // no 30-character stretch of any note
      EXPECT_EQ(all.find(notes.substr(at, 30)), std::string::npos) << notes.substr(at, 30);
  }
  // Every source the focused events cite is on the sources pages, with its url where it has one.
  std::string sources;
  for (int p = int(story->steps.size()) + 2; p <= pages; ++p) sources += pdf_text(d / "deck.pdf", p) + " ";
  const auto cited = cs::story_sources(t, *story);
  EXPECT_GE(cited.size(), 3u);
  for (const cs::CitedSource& c : cited) {
    EXPECT_NE(sources.find(c.source->title), std::string::npos) << c.source->id;
    if (!c.source->url.empty()) {
      EXPECT_NE(sources.find(c.source->url), std::string::npos) << c.source->id;
    }
  }
}

TEST(ExportCli, TheShippedStorysPngStepsDifferAndHaveTheAskedSize) {
  const std::string file = std::string{CS_SOURCE_DIR} + "/events.yaml";
  const auto d = scratch_dir();
  const ToolRun r = tool(binary() + " export " + quote(file) + " --story partnership --size 1280x720 -o " +
                         quote((d / "steps").string() + "/") + " 2>&1");
  ASSERT_EQ(r.status, 0) << r.out;
  std::set<std::string> seen;
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(d / "steps")) {
    const std::string png = read_bytes(entry.path());
    EXPECT_EQ(png_size(png), (std::pair<int, int>{1280, 720})) << entry.path();
    EXPECT_TRUE(seen.insert(png).second) << entry.path();
    ++n;
  }
  EXPECT_GE(n, 5);
}
