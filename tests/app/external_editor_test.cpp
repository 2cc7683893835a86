// The editor command: $VISUAL/$EDITOR split into a program and its options, the line in each editor's form,
// started without a shell.
#include "app/external_editor.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

namespace cs {
namespace {

using Args = std::vector<std::string>;

TEST(ExternalEditor, EditorsThatTakePlusLineGetIt) {
  EXPECT_EQ(editor_command("vim", "events.yaml", 12), (Args{"vim", "+12", "events.yaml"}));
  EXPECT_EQ(editor_command("/usr/bin/nano", "e.yaml", 3), (Args{"/usr/bin/nano", "+3", "e.yaml"}));
  EXPECT_EQ(editor_command("emacsclient -n", "e.yaml", 7), (Args{"emacsclient", "-n", "+7", "e.yaml"}));
}

TEST(ExternalEditor, OthersGetTheirOwnFormOrTheFileAlone) {
  EXPECT_EQ(editor_command("code --wait", "e.yaml", 9), (Args{"code", "--wait", "-g", "e.yaml:9"}));
  EXPECT_EQ(editor_command("subl", "e.yaml", 9), (Args{"subl", "e.yaml:9"}));
  EXPECT_EQ(editor_command("kate", "e.yaml", 9), (Args{"kate", "-l", "9", "e.yaml"}));
  EXPECT_EQ(editor_command("ed", "e.yaml", 9), (Args{"ed", "e.yaml"}));
  EXPECT_EQ(editor_command("vim", "e.yaml", 0), (Args{"vim", "e.yaml"}));
  EXPECT_TRUE(editor_command("  ", "e.yaml", 1).empty());
}

TEST(ExternalEditor, AFileNameIsOneArgumentNeverAShellWord) {
  EXPECT_EQ(editor_command("vi", "my file; rm -rf x.yaml", 2), (Args{"vi", "+2", "my file; rm -rf x.yaml"}));
}

// A stand-in editor (a script) records its arguments: they arrive exactly as built.
TEST(ExternalEditor, StartsTheEditorWithTheArguments) {
  const auto dir = std::filesystem::temp_directory_path() / ("cs_editor_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto script = dir / "vi";
  const auto out = dir / "args";
  std::ofstream{script} << "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" << out.string() << "'\n";
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);
  ExternalEditor e;
  std::string error;
  ASSERT_TRUE(e.open_with(script.string(), "a b.yaml", 4, &error)) << error;
  std::string args;
  for (int i = 0; i < 200 && args.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::ifstream in{out};
    args.assign(std::istreambuf_iterator<char>{in}, {});
  }
  EXPECT_EQ(args, "+4\na b.yaml\n");
  for (int i = 0; i < 100 && !e.poll().empty(); ++i) {
  }
  EXPECT_FALSE(e.open_with((dir / "missing").string(), "x.yaml", 1, &error));
  EXPECT_NE(error.find("cannot start"), std::string::npos) << error;
  std::filesystem::remove_all(dir);
}

TEST(ExternalEditor, SaysWhenNoEditorIsSet) {
  const char* visual = std::getenv("VISUAL");
  const char* editor = std::getenv("EDITOR");
  const std::string v = visual ? visual : "", ed = editor ? editor : "";
  ::unsetenv("VISUAL");
  ::unsetenv("EDITOR");
  ExternalEditor e;
  std::string error;
  EXPECT_FALSE(e.open("x.yaml", 1, &error));
  EXPECT_NE(error.find("$VISUAL or $EDITOR"), std::string::npos) << error;
  if (visual) ::setenv("VISUAL", v.c_str(), 1);
  if (editor) ::setenv("EDITOR", ed.c_str(), 1);
}

}  // namespace
}  // namespace cs
