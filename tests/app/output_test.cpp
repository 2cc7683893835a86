// Command output: the JSON dump is valid UTF-8 and terminal-safe, outputs never land on an input, and
// streamed files are committed whole or reported.
#include "app/cli/output.hpp"

#include "model/io/text_scan.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace cs;
namespace fs = std::filesystem;

TEST(Output, JsonIsValidUtf8AndTerminalSafe) {
  nlohmann::ordered_json j;
  j["text"] = std::string{"a\x1B]0;x\x07 \xFF \xC2\x9B" "1m \xE2\x80\xAE" "b \x7F \xC3\xA9"};
  j["n"] = 3;
  const std::string out = terminal_safe_json(j);
  EXPECT_EQ(out, "{\"text\":\"a\\u001b]0;x\\u0007 \xEF\xBF\xBD \\u009b1m \\u202eb \\u007f \xC3\xA9\",\"n\":3}");
  EXPECT_TRUE(is_valid_utf8(out));
  EXPECT_EQ(nlohmann::json::parse(out)["text"], "a\x1B]0;x\x07 \xEF\xBF\xBD \xC2\x9B" "1m \xE2\x80\xAE" "b \x7F \xC3\xA9");
}

TEST(Output, FileLinesKeepTheirBreaksAndTabs) {
  EXPECT_EQ(escape_lines_for_terminal("- a\tb\n+ \x1B[2Jc\r\n\n"), "- a\tb\n+ \\x1B[2Jc\\r\n\n");
  EXPECT_EQ(escape_lines_for_terminal("no break"), "no break");
}

TEST(Output, RefusesToWriteOverAnInputHoweverSpelled) {
  const fs::path d = fs::path{::testing::TempDir()} / "output_refuses";
  fs::remove_all(d);
  fs::create_directories(d);
  std::ofstream{d / "in.yaml"} << "x";
  fs::create_symlink("in.yaml", d / "link.png");
  const std::string in = (d / "in.yaml").string();
  EXPECT_TRUE(output_overwrites_input(in, {in}));
  EXPECT_TRUE(output_overwrites_input((d / "link.png").string(), {in}));
  EXPECT_TRUE(output_overwrites_input((d / "." / "in.yaml").string(), {"other", in}));
  EXPECT_FALSE(output_overwrites_input((d / "out.png").string(), {in}));
}

TEST(Output, StreamedFileIsCommittedWholeOrReported) {
  const fs::path d = fs::path{::testing::TempDir()} / "output_streamed";
  fs::remove_all(d);
  fs::create_directories(d);
  OutputFile f;
  ASSERT_TRUE(f.open((d / "g.csv").string()));
  std::string expected;
  for (int i = 0; i < 300'000; ++i) {  // several 1 MB chunks
    f.stream() << "row " << i << "\n";
    expected += "row " + std::to_string(i) + "\n";
  }
  EXPECT_FALSE(fs::exists(d / "g.csv"));
  EXPECT_EQ(f.commit(), 0);
  std::ifstream in{d / "g.csv", std::ios::binary};
  const std::string got{std::istreambuf_iterator<char>{in}, {}};
  EXPECT_EQ(got, expected);
  OutputFile full;
  ASSERT_TRUE(full.open("/dev/full"));
  full.stream() << std::string(3 << 20, 'x');
  EXPECT_EQ(full.commit(), 1);
}
