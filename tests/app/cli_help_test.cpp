// Command-line hygiene: `help` and unknown commands give the usage with the command list; a folder or a
// device instead of a file is said to be one; every option of every command is in its --help and in the
// README.
#include "app/cli/cli.hpp"

#include "run_binary.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

using namespace cs;
using test::run;
using test::RunResult;

namespace {

std::string fixture(const char* name) { return std::string{CS_FIXTURES} + "/" + name; }

// Every option each command's parser takes (app/cli/cli.cpp, app/cli/edit.cpp).
const std::map<std::string, std::vector<std::string>>& options() {
  static const std::map<std::string, std::vector<std::string>> o = {
      {"", {"--filter", "--calendars", "--size", "--log-ui", "--version", "--help"}},
      {"check", {}},
      {"render", {"-o", "--output", "--range", "--size", "--filter", "--calendars", "--context-bar"}},
      {"layout", {"--range", "--size", "--filter", "--calendars", "--context-bar"}},
      {"list", {"--filter", "--range", "--json"}},
      {"bench", {"--frames", "--size", "--window", "--edits", "--json"}},
      {"generate", {"--events", "--seed", "--from", "--to", "--lanes", "-o"}},
      {"convert", {"--from", "--to", "--filter"}},
      {"edit", {"--set", "--unset", "--delete", "--duplicate", "--add", "--lane", "--source", "--dry-run"}},
  };
  return o;
}

}  // namespace

TEST(CliHelp, HelpListsTheCommands) {
  for (const char* args : {"help", "--help", "-h"}) {
    const RunResult r = run(args);
    EXPECT_EQ(r.status, 0) << args;
    EXPECT_EQ(r.out.rfind("usage: chronoscope [FILE]", 0), 0u) << r.out;
    for (const auto& [cmd, opts] : options())
      if (!cmd.empty()) {
        EXPECT_NE(r.out.find("  " + cmd + " "), std::string::npos) << args << ": no " << cmd;
      }
  }
  const RunResult r = run("help list");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("usage: chronoscope list FILE", 0), 0u) << r.out;
}

TEST(CliHelp, UnknownCommandsGiveTheUsage) {
  for (const char* args : {"lsit events.yaml", "frobnicate", "help frobnicate"}) {
    const RunResult r = run(args);
    EXPECT_EQ(r.status, 2) << args;
    const std::string word = std::string{args}.find("lsit") == 0 ? "lsit" : "frobnicate";
    EXPECT_EQ(r.out.rfind("chronoscope: error: unknown command '" + word + "'\nusage: chronoscope [FILE]", 0), 0u)
        << r.out;
    EXPECT_NE(r.out.find("Commands:"), std::string::npos);
  }
  // A file name is still a file name, even one that does not exist.
  EXPECT_EQ(parse_command_line({"nothere.yaml"}).error, "");
  EXPECT_EQ(parse_command_line({"dir/file"}).error, "");
}

TEST(CliHelp, AFolderOrADeviceIsNoTimeline) {
  const std::string dir = ::testing::TempDir();
  for (const char* cmd : {"list ", "layout ", "render -o /tmp/never.png "}) {
    RunResult r = run(std::string{cmd} + dir);
    EXPECT_EQ(r.status, 1) << cmd;
    EXPECT_EQ(r.out, dir + ": error: cannot read the file: it is a folder\n") << cmd;
    r = run(std::string{cmd} + "/dev/null");
    EXPECT_EQ(r.status, 1) << cmd;
    EXPECT_EQ(r.out, "/dev/null: error: cannot read the file: it is not a regular file\n") << cmd;
  }
  // The window says so before it opens one (no display is needed to learn it).
  RunResult r = run(dir, " 2>&1 </dev/null");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, dir + ": error: cannot read the file: it is a folder\n");
  r = run("/dev/zero");
  EXPECT_EQ(r.out, "/dev/zero: error: cannot read the file: it is not a regular file\n");
  EXPECT_EQ(run(fixture("small.yaml") + " --filter 'lane:'").out, "--filter:1:6: error: missing value after 'lane:'\n");
}

TEST(CliHelp, EveryOptionIsInItsHelpAndTheReadme) {
  std::ifstream in{std::string{CS_SOURCE_DIR} + "/README.md"};
  std::stringstream readme;
  readme << in.rdbuf();
  for (const auto& [cmd, opts] : options()) {
    const RunResult r = run(cmd.empty() ? "--help" : cmd + " --help");
    EXPECT_EQ(r.status, 0) << cmd;
    for (const std::string& o : opts) {
      EXPECT_NE(r.out.find(o), std::string::npos) << cmd << " --help lacks " << o;
      if (o != "--help") {
        EXPECT_NE(readme.str().find(o), std::string::npos) << "the README lacks " << cmd << " " << o;
      }
    }
  }
}

TEST(CliHelp, CalendarsAndFiltersOnlyWhereTheyMeanSomething) {
  EXPECT_EQ(parse_command_line({"check", "f", "--filter", "x"}).error, "unknown option '--filter'");
  EXPECT_EQ(parse_command_line({"list", "f", "--calendars", "julian"}).error, "unknown option '--calendars'");
  EXPECT_EQ(parse_command_line({"layout", "f", "--calendars", "julian,mayan"}).error,
            "--calendars: unknown calendar 'mayan' (expected gregorian, solar-hijri, islamic or julian)");
  const auto p = parse_command_line({"f.yaml", "--calendars", "gregorian,islamic,julian", "--filter", "tag:x"});
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(p.options.calendars, (std::vector<Calendar>{Calendar::Islamic, Calendar::Julian}));  // Gregorian is always there
  EXPECT_EQ(*p.options.filter, "tag:x");
}
