// File > Export and File > Import without the window: the story's deck, PNGs and handout are what
// `chronoscope export` writes (the same pages, read back with poppler and compared pixel for pixel), the view
// is what `chronoscope render` draws, timelines go out in the interop formats and come back in as a new
// unsaved YAML document.
#include <gtest/gtest.h>

#include "app/export_menu.hpp"
#include "app/exports.hpp"
#include "render/gl/headless_context.hpp"

#include "../vector/tools.hpp"

#include <date/date.h>

#include <regex>

using namespace cs;
using namespace cs::test;

namespace {

std::string story_fixture() { return std::string{CS_FIXTURES} + "/story.yaml"; }

std::filesystem::path scratch(const std::string& name) {
  const auto d = std::filesystem::path{::testing::TempDir()} / ("exports_" + name);
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

ToolRun chronoscope(const std::string& args) { return tool(std::string{CS_BINARY} + " " + args + " 2>&1"); }

// Page `page` of a PDF as pdftoppm draws it at 24 dpi (grey).
std::string page_pixels(const std::filesystem::path& pdf, int page) {
  return tool(std::string{CS_PDFTOPPM} + " -r 24 -gray -f " + std::to_string(page) + " -l " + std::to_string(page) +
              " " + quote(pdf.string()))
      .out;
}

void expect_same_pages(const std::filesystem::path& a, const std::filesystem::path& b) {
  const int pages = pdf_pages(a);
  ASSERT_GT(pages, 0);
  ASSERT_EQ(pdf_pages(b), pages);
  for (int p = 1; p <= pages; ++p) {
    EXPECT_EQ(pdf_text(a, p), pdf_text(b, p)) << "page " << p;
    const std::string pa = page_pixels(a, p);
    EXPECT_FALSE(pa.empty());
    EXPECT_TRUE(pa == page_pixels(b, p)) << "page " << p << " differs in its pixels";
  }
}

struct StoryDoc {
  std::unique_ptr<Document> doc = Document::load(story_fixture());
  const Story& briefing() const { return doc->timeline().stories.at(0); }
};

}  // namespace

TEST(Exports, TheWindowsDeckHasTheExportCommandsPages) {
  const auto d = scratch("deck");
  const ToolRun r = chronoscope("export " + quote(story_fixture()) + " --story briefing -o " + quote((d / "cli.pdf").string()));
  ASSERT_EQ(r.status, 0) << r.out;
  const StoryDoc s;
  const ExportResult w = export_story(s.doc->index(), s.briefing(), StoryExport::Deck, (d / "window.pdf").string());
  ASSERT_TRUE(w.ok) << w.message;
  EXPECT_EQ(pdf_pages(d / "window.pdf"), 5);
  expect_same_pages(d / "cli.pdf", d / "window.pdf");
  // Speaker notes stay out of this one too.
  for (int p = 1; p <= 5; ++p) EXPECT_EQ(pdf_text(d / "window.pdf", p).find("SECRET-NOTE"), std::string::npos);
}

TEST(Exports, TheWindowsHandoutIsTheExportCommands) {
  const auto d = scratch("handout");
  ASSERT_EQ(chronoscope("export " + quote(story_fixture()) + " --story briefing -o " + quote((d / "cli.md").string())).status, 0);
  const StoryDoc s;
  ASSERT_TRUE(export_story(s.doc->index(), s.briefing(), StoryExport::Handout, (d / "window.md").string()).ok);
  EXPECT_EQ(read_bytes(d / "window.md"), read_bytes(d / "cli.md"));
}

TEST(Exports, TheWindowsStepPngsAreTheExportCommands) {
  std::string err;
  const auto gl = gl::HeadlessContext::create(&err);
  if (!gl) GTEST_SKIP() << "no GL: " << err;
  const auto d = scratch("pngs");
  ASSERT_EQ(chronoscope("export " + quote(story_fixture()) + " --story briefing -o " + quote((d / "cli/").string())).status, 0);
  const StoryDoc s;
  const ExportResult w = export_story(s.doc->index(), s.briefing(), StoryExport::Pngs, (d / "window").string());
  ASSERT_TRUE(w.ok) << w.message;
  for (const char* name : {"step-01.png", "step-02.png", "step-03.png"}) {
    const std::string png = read_bytes(d / "window" / name);
    EXPECT_GT(png.size(), 1000u) << name;
    EXPECT_TRUE(png == read_bytes(d / "cli" / name)) << name << " differs";
  }
}

TEST(Exports, TheViewIsWhatRenderDrawsForItsRange) {
  const auto d = scratch("view");
  const StoryDoc s;
  using namespace date;
  ViewExport v{Seconds{sys_days{2015_y / 1 / 1}}, Seconds{sys_days{2016_y / 1 / 1}}, 1200, 700};
  v.annotate = true;
  ASSERT_TRUE(export_view(s.doc->index(), v, OutputFormat::Pdf, (d / "window.pdf").string()).ok);
  ASSERT_TRUE(export_view(s.doc->index(), v, OutputFormat::Svg, (d / "window.svg").string()).ok);
  const std::string args = " --range 2015/2015 --size 1200x700 --title Fixture --legend --credits";
  ASSERT_EQ(chronoscope("render " + quote(story_fixture()) + args + " -o " + quote((d / "cli.pdf").string())).status, 0);
  ASSERT_EQ(chronoscope("render " + quote(story_fixture()) + args + " -o " + quote((d / "cli.svg").string())).status, 0);
  expect_same_pages(d / "cli.pdf", d / "window.pdf");
  EXPECT_NE(pdf_text(d / "window.pdf", 1).find("Putin visits Tehran"), std::string::npos);
  // The same SVG, but for the number cairo gives each surface it makes in a process.
  const auto svg = [](const std::filesystem::path& p) {
    return std::regex_replace(read_bytes(p), std::regex{"id=\"surface[0-9]+\""}, "id=\"surface\"");
  };
  EXPECT_TRUE(svg(d / "window.svg") == svg(d / "cli.svg"));
  EXPECT_NE(read_bytes(d / "window.svg").find("<svg"), std::string::npos);
  std::string err;
  if (const auto gl = gl::HeadlessContext::create(&err)) {
    ASSERT_TRUE(export_view(s.doc->index(), v, OutputFormat::Png, (d / "window.png").string()).ok);
    ASSERT_EQ(chronoscope("render " + quote(story_fixture()) + args + " -o " + quote((d / "cli.png").string())).status, 0);
    EXPECT_TRUE(read_bytes(d / "window.png") == read_bytes(d / "cli.png"));
  }
}

TEST(Exports, ATimelineGoesOutInAnInteropFormatAndComesBackAsANewUnsavedDocument) {
  const auto d = scratch("interop");
  const StoryDoc s;
  const ExportResult out = export_timeline(s.doc->timeline(), Format::Vis, (d / "tl-vis.json").string());
  ASSERT_TRUE(out.ok) << out.message;
  // Every kind of loss `convert` would print is listed for the dialog, not only the first.
  Diagnostics printed{"x"};
  (void)write_timeline(Format::Vis, s.doc->timeline(), printed);
  ASSERT_GT(printed.items().size(), 1u);
  ASSERT_EQ(out.losses.size(), printed.items().size());
  for (std::size_t k = 0; k < out.losses.size(); ++k) EXPECT_EQ(out.losses[k], printed.items()[k].message);
  EXPECT_NE(out.message.find(std::to_string(out.losses.size()) + " kinds of data left out"), std::string::npos) << out.message;
  ExportResult in;
  const auto doc = import_timeline((d / "tl-vis.json").string(), in);
  ASSERT_TRUE(doc) << in.message;
  EXPECT_NE(in.message.find("vis"), std::string::npos) << in.message;
  EXPECT_TRUE(doc->modified());  // nothing of it is on disk yet
  EXPECT_EQ(doc->path(), (d / "tl-vis.yaml").string());
  EXPECT_FALSE(doc->diagnostics().has_errors()) << doc->diagnostics().format_all();
  EXPECT_EQ(doc->timeline().event_count(), s.doc->timeline().event_count());
  ASSERT_TRUE(doc->find_event("visit"));
  EXPECT_EQ(doc->timeline().store().title(*doc->find_event("visit")), "Putin visits Tehran");
  // Save As writes it as YAML that opens like any other file.
  ASSERT_EQ(doc->save_as((d / "saved.yaml").string()).status, SaveStatus::Saved);
  const auto again = Document::load((d / "saved.yaml").string());
  EXPECT_FALSE(again->diagnostics().has_errors()) << again->diagnostics().format_all();
  EXPECT_EQ(again->timeline().event_count(), s.doc->timeline().event_count());
}

TEST(Exports, AnImportIsNamedAfterItsFileWithoutTakingAnExistingName) {
  const auto d = scratch("names");
  std::filesystem::copy_file(std::string{CS_FIXTURES} + "/interop/timelinejs.json", d / "t.json");
  std::ofstream{d / "t.yaml"} << "title: already here\n";
  ExportResult r;
  const auto doc = import_timeline((d / "t.json").string(), r);
  ASSERT_TRUE(doc) << r.message;
  EXPECT_EQ(doc->path(), (d / "t-imported.yaml").string());
  EXPECT_NE(r.message.find("timelinejs"), std::string::npos) << r.message;
  EXPECT_FALSE(import_timeline((d / "missing.json").string(), r));
  EXPECT_EQ(r.message, "cannot read " + (d / "missing.json").string());
}

TEST(Exports, PathsAreSuggestedBesideTheDocument) {
  EXPECT_EQ(suggested_path({PortAction::ViewPng}, "/data/events.yaml", "briefing"), "/data/events.png");
  EXPECT_EQ(suggested_path({PortAction::StoryDeck}, "/data/events.yaml", "briefing"), "/data/events-briefing.pdf");
  EXPECT_EQ(suggested_path({PortAction::StoryPngs}, "/data/events.yaml", "briefing"), "/data/events-briefing/");
  EXPECT_EQ(suggested_path({PortAction::Timeline, Format::TimelineJs}, "/data/events.yaml", ""), "/data/events.json");
  EXPECT_EQ(suggested_path({PortAction::Import}, "/data/events.yaml", ""), "/data/");
}
