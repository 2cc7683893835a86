// The command line as a user meets it: argument errors, check's exit status and messages, layout JSON,
// and render's PNG. Runs the real binary.
#include "app/cli/cli.hpp"
#include "model/io/text_scan.hpp"

#include "run_binary.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sys/wait.h>

using namespace cs;

namespace {

using test::run;
using test::RunResult;

std::string fixture(const char* name) { return std::string{CS_FIXTURES} + "/" + name; }

}  // namespace

TEST(Cli, ParsesCommands) {
  auto p = parse_command_line({"render", "f.yaml", "-o", "x.png", "--range", "2015/2016", "--size", "800x600"});
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(p.options.mode, Mode::Render);
  EXPECT_EQ(p.options.file, "f.yaml");
  EXPECT_EQ(p.options.out, "x.png");
  EXPECT_EQ(*p.options.range, "2015/2016");
  EXPECT_EQ(p.options.width, 800);
  EXPECT_EQ(p.options.height, 600);
  EXPECT_EQ(parse_command_line({}).options.file, "events.yaml");
  EXPECT_EQ(parse_command_line({}).options.mode, Mode::Open);
}

TEST(Cli, ParsesRenderAndExportOptions) {
  auto p = parse_command_line({"render", "f.yaml", "-o", "x.svg", "--title", "A title", "--legend", "--credits",
                               "--scale", "1.5", "--hide-empty-lanes"});
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(p.options.title, "A title");
  EXPECT_TRUE(p.options.legend);
  EXPECT_TRUE(p.options.credits);
  EXPECT_EQ(p.options.scale, 1.5f);
  EXPECT_TRUE(p.options.hide_empty_lanes);
  p = parse_command_line({"export", "f.yaml", "--story", "partnership", "-o", "deck.pdf", "--size", "1280x720"});
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(p.options.mode, Mode::Export);
  EXPECT_EQ(p.options.story, "partnership");
  EXPECT_EQ(p.options.out, "deck.pdf");
  EXPECT_EQ(p.options.width, 1280);
}

TEST(Cli, ARangeNeedsTwoKnownEnds) {
  for (const char* range : {"../2015", "2015/..", "/2015", "2015/", "[2015,2016]"}) {
    const auto r = run("layout " + fixture("small.yaml") + " --range '" + range + "'");
    EXPECT_EQ(r.status, 2) << range;
    EXPECT_NE(r.out.find("--range must be a closed EDTF interval"), std::string::npos) << range << ": " << r.out;
  }
}

TEST(Cli, RejectsBadArguments) {
  EXPECT_EQ(parse_command_line({"render", "f.yaml"}).error, "missing -o OUT.png, OUT.svg or OUT.pdf");
  EXPECT_EQ(parse_command_line({"render", "f", "-o", "x.pdf", "--scale", "0.2"}).error,
            "--scale needs a number from 0.5 to 10, not '0.2'");
  EXPECT_EQ(parse_command_line({"render", "f", "-o", "x.pdf", "--scale", "2x"}).error,
            "--scale needs a number from 0.5 to 10, not '2x'");
  EXPECT_EQ(parse_command_line({"layout", "f", "--legend"}).error, "unknown option '--legend'");
  EXPECT_EQ(parse_command_line({"export", "f.yaml", "-o", "deck.pdf"}).error, "missing --story ID");
  EXPECT_EQ(parse_command_line({"export", "f.yaml", "--story", "s"}).error, "missing -o DECK.pdf, DIR/ or HANDOUT.md");
  EXPECT_EQ(parse_command_line({"export", "f.yaml", "--story", "s", "-o", "d.pdf", "--title", "x"}).error,
            "unknown option '--title'");
  EXPECT_EQ(parse_command_line({"check"}).error, "missing FILE");
  EXPECT_EQ(parse_command_line({"layout", "f", "--size", "12"}).error,
            "--size must be WIDTHxHEIGHT with each between 64 and 16384, not '12'");
  EXPECT_EQ(parse_command_line({"layout", "f", "--frobnicate"}).error, "unknown option '--frobnicate'");
  EXPECT_EQ(parse_command_line({"check", "a", "b"}).error, "unexpected argument 'b'");
  EXPECT_EQ(parse_command_line({"render", "f", "-o"}).error, "option '-o' needs a value");
}

TEST(Cli, HelpAndVersion) {
  for (const char* cmd : {"--help", "check --help", "render --help", "export --help", "layout --help"}) {
    const RunResult r = run(cmd);
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_EQ(r.out.rfind("usage: chronoscope", 0), 0u) << cmd << ": " << r.out;
  }
  const RunResult v = run("--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_EQ(v.out.rfind("chronoscope ", 0), 0u);
}

TEST(Cli, BadArgumentsExitTwoWithUsage) {
  const RunResult r = run("render " + fixture("small.yaml"));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("chronoscope: error: missing -o OUT.png"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("usage: chronoscope render"), std::string::npos);
}

TEST(Cli, CheckAGoodFile) {
  const RunResult r = run("check " + fixture("small.yaml"));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("13 events, 0 errors, 0 warnings"), std::string::npos) << r.out;
}

TEST(Cli, CheckReportsEveryProblemAndExitsOne) {
  const std::string f = fixture("bad.yaml");
  const RunResult r = run("check " + f);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, f + ":10:5: error: duplicate event id 'ok' (first at line 6)\n" +
                       f + ":12:11: error: impossible date '2017-02-30': February 2017 has no day 30\n" +
                       f + ":13:13: error: unknown lane 'mars'\n" +
                       f + ":14:5: warning: unknown key 'colour' in an event (ignored)\n" +
                       f + ": 1 event (1 of 2 skipped), 3 errors, 1 warning\n");
}

TEST(Cli, CheckAMissingFile) {
  const RunResult r = run("check /nonexistent.yaml");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.rfind("/nonexistent.yaml: error: cannot read the file", 0), 0u) << r.out;
  EXPECT_EQ(run("check /tmp").status, 1);
}

TEST(Cli, LayoutPrintsRecordsAsJson) {
  const RunResult r = run("layout " + fixture("small.yaml") + " --size 800x300 --range 2015-01/2016-06");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out.rfind("{\"size\":[800,300]", 0), 0u) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("\"range\":[\"2015-01-01T00:00:00Z\",\"2016-07-01T00:00:00Z\"]"), std::string::npos);
  EXPECT_NE(r.out.find("{\"kind\":\"point\",\"lane\":\"russia\",\"ids\":[\"visit\"]"), std::string::npos);
  EXPECT_NE(r.out.find("{\"kind\":\"fold\",\"lane\":\"syria\",\"count\":4"), std::string::npos);  // 4 shown, 4 folded
  EXPECT_NE(r.out.find("\"label\":{\"text\":\"Putin visits Tehran\",\"box\":["), std::string::npos);
}

TEST(Cli, LayoutRejectsABadRange) {
  const RunResult r = run("layout " + fixture("small.yaml") + " --range 2015");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--range must be a closed EDTF interval"), std::string::npos) << r.out;
}

TEST(Cli, RenderWritesAPngOfTheRequestedSize) {
  const std::string out = ::testing::TempDir() + "/cli_render.png";
  std::remove(out.c_str());
  const RunResult r = run("render " + fixture("small.yaml") + " -o " + out + " --size 640x360");
  ASSERT_EQ(r.status, 0) << r.out;
  std::ifstream png{out, std::ios::binary};
  std::array<unsigned char, 24> h{};
  png.read(reinterpret_cast<char*>(h.data()), h.size());
  ASSERT_TRUE(png) << "no PNG at " << out;
  EXPECT_EQ(std::string(reinterpret_cast<char*>(h.data()) + 1, 3), "PNG");
  const auto be32 = [&](int o) { return h[o] << 24 | h[o + 1] << 16 | h[o + 2] << 8 | h[o + 3]; };
  EXPECT_EQ(be32(16), 640);
  EXPECT_EQ(be32(20), 360);
}

TEST(Cli, RenderRefusesAFileWithErrors) {
  const RunResult r = run("render " + fixture("bad.yaml") + " -o /tmp/never.png");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("error: impossible date"), std::string::npos);
}

namespace {
// A fresh folder for one test, with a copy of a fixture in it.
std::filesystem::path scratch(const char* fixture_name = nullptr) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::filesystem::path d = std::filesystem::path{::testing::TempDir()} / (std::string{"cli_"} + info->name());
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  if (fixture_name) std::filesystem::copy_file(fixture(fixture_name), d / fixture_name);
  return d;
}

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in{p, std::ios::binary};
  return {std::istreambuf_iterator<char>{in}, {}};
}
}  // namespace

TEST(Cli, RenderRefusesToWriteOverItsInput) {
  const auto d = scratch("small.yaml");
  const std::string in = (d / "small.yaml").string(), before = read_all(in);
  std::filesystem::create_symlink("small.yaml", d / "link.png");
  RunResult r = run("render " + in + " -o " + in);
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "chronoscope: error: refusing to write over the input '" + in + "'\n");
  r = run("render " + in + " -o " + (d / "link.png").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "chronoscope: error: refusing to write over the input '" + in + "' ('" + (d / "link.png").string() +
                       "' is the same file)\n");
  r = run("render " + in + " -o " + (d / "." / "small.yaml").string());
  EXPECT_EQ(r.status, 2) << r.out;
  EXPECT_EQ(read_all(in), before);
}

TEST(Cli, AFailedWriteIsAnError) {
  // render needs an image extension: a link with one, to a device that is always full.
  const auto d = scratch();
  std::filesystem::create_symlink("/dev/full", d / "full.png");
  RunResult r = run("render " + fixture("small.yaml") + " -o " + (d / "full.png").string() + " --size 320x200");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "chronoscope: error: writing '" + (d / "full.png").string() + "' failed: No space left on device\n");
  r = run("layout " + fixture("small.yaml"), " 2>&1 >/dev/full");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "chronoscope: error: writing to standard output failed\n");
  r = run("generate --events 100000 -o /dev/full");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "chronoscope: error: writing '/dev/full' failed: No space left on device\n");
  r = run("render " + fixture("small.yaml") + " -o /nonexistent/dir/out.png --size 320x200");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, "chronoscope: error: cannot create a temporary file in '/nonexistent/dir': No such file or directory\n");
}

TEST(Cli, CheckNeverEchoesControlCharacters) {
  const auto d = scratch();
  const std::filesystem::path f = d / "evil\x1B[2J.csv";
  std::ofstream{f, std::ios::binary} << "id,title,start\n"
                                        "a\xC2\x9B" "31m,A,2015\n"
                                        "a\xC2\x9B" "31m,B,2016\n"
                                        "b,\x1B]0;pwned\x07,2016\n";
  const RunResult r = run("check '" + f.string() + "'");
  EXPECT_EQ(r.status, 1);
  const std::string shown = (d / "evil\\x1B[2J.csv").string();
  EXPECT_EQ(r.out, shown + ":3:1: error: duplicate event id 'a\\u009B31m' (first at line 2)\n" +
                       shown + ":4:3: error: control character U+001B (ESC) is not allowed in the text\n" +
                       shown + ":4:12: error: control character U+0007 (BEL) is not allowed in the text\n" +
                       shown + ": 2 events, 3 errors, 0 warnings\n");
  EXPECT_EQ(r.out.find('\x1B'), std::string::npos);
  EXPECT_EQ(r.out.find("\xC2\x9B"), std::string::npos);
}

TEST(Cli, ArgumentsAreEscapedInMessages) {
  EXPECT_EQ(parse_command_line({"layout", "f", "--\x1B[2J"}).error, "unknown option '--\\x1B[2J'");
}

TEST(Cli, LayoutJsonIsValidUtf8WithControlsEscaped) {
  const auto d = scratch();
  std::ofstream{d / "t.csv", std::ios::binary} << "id,title,start,lanes\n"
                                                 "a,x\xC2\x9By\xE2\x80\xAEz\xFF,2015-06-01,l\n";
  const RunResult r = run("layout " + (d / "t.csv").string() + " --size 1600x300 --range 2015/2016 2>/dev/null");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(is_valid_utf8(r.out));
  EXPECT_NE(r.out.find("\"label\":{\"text\":\"x\\u009by\\u202ez\xEF\xBF\xBD\""), std::string::npos) << r.out;
}

TEST(Cli, ParsesConvert) {
  auto p = parse_command_line({"convert", "in.json", "out.yaml", "--from", "vis", "--to", "yaml"});
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(p.options.mode, Mode::Convert);
  EXPECT_EQ(p.options.file, "in.json");
  EXPECT_EQ(p.options.out, "out.yaml");
  EXPECT_EQ(p.options.from, "vis");
  EXPECT_EQ(p.options.to, "yaml");
  EXPECT_EQ(parse_command_line({"convert", "in.yaml"}).error, "missing OUT");
  EXPECT_EQ(parse_command_line({"convert"}).error, "missing FILE");
  EXPECT_EQ(parse_command_line({"convert", "a", "b", "--to", "json"}).error,
            "option '--to' needs a format: yaml, csv, timelinejs, timelinejs-sheet, vis or markdown, not 'json'");
  EXPECT_EQ(parse_command_line({"convert", "a", "b", "c"}).error, "unexpected argument 'c'");
  EXPECT_EQ(parse_command_line({"convert", "a", "b", "--size", "100x100"}).error, "unknown option '--size'");
}

TEST(Cli, ConvertHelpNamesEveryFormat) {
  const RunResult r = run("convert --help");
  EXPECT_EQ(r.status, 0);
  for (const char* f : {"yaml", "csv", "timelinejs", "timelinejs-sheet", "vis", "markdown"})
    EXPECT_NE(r.out.find("\n  " + std::string{f} + " "), std::string::npos) << f;
}

TEST(Cli, ConvertThroughEveryFormatAndBack) {
  const auto d = scratch("small.yaml");
  const std::string in = (d / "small.yaml").string();
  for (const char* to : {"timelinejs", "timelinejs-sheet", "vis", "csv", "yaml"}) {
    const std::string mid = (d / (std::string{"mid-"} + to)).string(), back = mid + ".yaml";
    RunResult r = run("convert " + in + " " + mid + " --to " + to + " 2>&1");
    ASSERT_EQ(r.status, 0) << to << ": " << r.out;
    EXPECT_NE(r.out.find("wrote " + mid + " (13 events, " + to + ")\n"), std::string::npos) << r.out;
    r = run("convert " + mid + " " + back);  // the format of `mid` told by its content
    ASSERT_EQ(r.status, 0) << to << ": " << r.out;
    r = run("check " + back);
    EXPECT_EQ(r.status, 0) << to << ": " << r.out;
    EXPECT_NE(r.out.find(": 13 events, 0 errors, 0 warnings\n"), std::string::npos) << to << ": " << r.out;
  }
  const RunResult md = run("convert " + in + " " + (d / "out.md").string());
  EXPECT_EQ(md.status, 0) << md.out;
  EXPECT_EQ(read_all(d / "out.md").rfind("# Fixture\n", 0), 0u);
}

TEST(Cli, ConvertSaysWhatIsLostOncePerKind) {
  const auto d = scratch();
  const RunResult r =
      run("convert " + std::string{CS_SOURCE_DIR} + "/events.yaml " + (d / "o.json").string() + " --to vis");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto count = [&](const std::string& s) {
    std::size_t n = 0;
    for (std::size_t k = r.out.find(s); k != std::string::npos; k = r.out.find(s, k + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("cannot hold tags"), 1u) << r.out;
  EXPECT_EQ(count("cannot hold citations"), 1u) << r.out;
  EXPECT_EQ(count("cannot hold sources"), 1u) << r.out;
  EXPECT_EQ(count("cannot hold stories"), 1u) << r.out;  // events.yaml's briefing story
  EXPECT_EQ(count("warning"), 5u) << r.out;
}

TEST(Cli, ConvertReportsInputErrorsAndWritesNothing) {
  const auto d = scratch();
  std::ofstream{d / "t.json"} << "{\"events\": [\n  {\"start_date\": {\"year\": 2015, \"month\": 13},\n"
                                 "   \"text\": {\"headline\": \"A\"}}\n]}\n";
  const std::string in = (d / "t.json").string(), out = (d / "t.yaml").string();
  const RunResult r = run("convert " + in + " " + out);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, in + ":2:42: error: start_date.month must be a whole number from 1 to 12, not '13'\n"
                        "chronoscope: error: '" + in + "' has 1 error; nothing written\n");
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Cli, ConvertRefusesToWriteOverItsInput) {
  const auto d = scratch("small.yaml");
  const std::string in = (d / "small.yaml").string(), before = read_all(in);
  std::filesystem::create_symlink("small.yaml", d / "link.yaml");
  RunResult r = run("convert " + in + " " + (d / "link.yaml").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "chronoscope: error: refusing to write over the input '" + in + "' ('" + (d / "link.yaml").string() +
                       "' is the same file)\n");
  EXPECT_EQ(read_all(in), before);
}

TEST(Cli, ConvertNeedsFormatsItCanTell) {
  const auto d = scratch("small.yaml");
  const std::string in = (d / "small.yaml").string();
  RunResult r = run("convert " + in + " " + (d / "o.json").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "chronoscope: error: cannot tell which format to write '" + (d / "o.json").string() +
                       "' in: a .json file can be TimelineJS or vis-timeline JSON: say --to timelinejs or --to vis\n");
  std::ofstream{d / "notes.md"} << "# Notes\n";
  r = run("convert " + (d / "notes.md").string() + " " + (d / "o.yaml").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "chronoscope: error: markdown is written only; it cannot be read\n");
  std::ofstream{d / "odd.csv"} << "name,when\nx,2015\n";
  r = run("convert " + (d / "odd.csv").string() + " " + (d / "o.yaml").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("say --from csv or --from timelinejs-sheet"), std::string::npos) << r.out;
  r = run("convert " + (d / "odd.csv").string() + " " + (d / "o.yaml").string() + " --from timelinejs-sheet");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("the header has no 'Year' column"), std::string::npos) << r.out;
}

TEST(Cli, ConvertKeepsOnlyWhatTheFilterKeeps) {
  const auto d = scratch("small.yaml");
  const std::string in = (d / "small.yaml").string(), out = (d / "o.csv").string();
  RunResult r = run("convert " + in + " " + out + " --filter 'lane:iran -tag:diplomacy'");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(read_all(out), "id,title,start,end,lanes,tags,url\n"
                           "month-event,Month-precise event,2015-06,,iran,,\n"
                           "ongoing,Cooperation goes on,2016-01-15,..,iran,,\n");
  EXPECT_NE(r.out.find("wrote " + out + " (2 events, csv)\n"), std::string::npos) << r.out;
  r = run("convert " + in + " " + out + " --filter 'lane:mars'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("--filter:1:6: error: "), std::string::npos) << r.out;
  EXPECT_EQ(parse_command_line({"convert", "a", "b", "--filter", "tag:x"}).options.filter, "tag:x");
}

// `present` with a story or step the file lacks says so (exit 2), even where no window can open.
TEST(Cli, PresentNamesAMissingStoryBeforeTheMissingDisplay) {
  const char* display = std::getenv("DISPLAY");
  const std::string saved = display ? display : "";
  unsetenv("DISPLAY");
  unsetenv("WAYLAND_DISPLAY");
  const RunResult story = run("present " + fixture("story.yaml") + " --story nope");
  const RunResult step = run("present " + fixture("story.yaml") + " --story briefing --step 9");
  const RunResult fine = run("present " + fixture("story.yaml") + " --story briefing");
  if (display) setenv("DISPLAY", saved.c_str(), 1);
  EXPECT_EQ(story.status, 2) << story.out;
  EXPECT_NE(story.out.find("story.yaml: error: no story 'nope' (its stories: briefing, empty)"), std::string::npos) << story.out;
  EXPECT_EQ(step.status, 2) << step.out;
  EXPECT_NE(step.out.find("story 'briefing' has 3 steps, not 9"), std::string::npos) << step.out;
  EXPECT_EQ(fine.status, 1) << fine.out;  // nothing wrong but the display
  EXPECT_NE(fine.out.find("cannot open a window"), std::string::npos) << fine.out;
}
