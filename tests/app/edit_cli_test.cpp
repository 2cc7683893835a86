// `chronoscope edit` as a script meets it: the diff of --dry-run, a refused edit that leaves the file and its
// time alone, exit status 2 for bad arguments and unknown ids, items added from standard input.
#include "run_binary.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace cs {
namespace {

using test::run;

class EditCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cs_edit_cli_" + std::string{::testing::UnitTest::GetInstance()->current_test_info()->name()});
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "t.yaml").string();
    std::filesystem::copy_file(std::string{CS_FIXTURES} + "/small.yaml", path_);
    original_ = read();
    mtime_ = std::filesystem::last_write_time(path_);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a write now would show in the mtime
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string read() const {
    std::ifstream in{path_, std::ios::binary};
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  bool untouched() const { return read() == original_ && std::filesystem::last_write_time(path_) == mtime_; }
  std::filesystem::path dir_;
  std::string path_, original_;
  std::filesystem::file_time_type mtime_;
};

TEST_F(EditCli, DryRunPrintsTheDiffAndWritesNothing) {
  const auto r = run("edit " + path_ + " visit --set 'title=Putin in Tehran' --set 'lanes=[iran]' --dry-run", "");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "--- " + path_ + "\n+++ " + path_ +
                "\n@@ -9,9 +9,9 @@\n"
                "   - {id: paper, title: A paper without url, publisher: Vestnik Kavkaza, published: 2016-05}\n"
                " events:\n"
                "   - id: visit\n"
                "-    title: Putin visits Tehran\n"
                "+    title: Putin in Tehran\n"
                "     date: 2015-11-23\n"
                "-    lanes: [russia, iran]\n"
                "+    lanes: [iran]\n"
                "     tags: [diplomacy]\n"
                "     summary: Putin meets Khamenei in Tehran.\n"
                "     sources:\n");
  EXPECT_TRUE(untouched());
}

TEST_F(EditCli, AnEditIsSavedAndOnlyItsBytesChange) {
  const auto r = run("edit " + path_ + " visit --set 'title=Putin in Tehran'");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "edited " + path_ + " visit\n");
  std::string expected = original_;
  expected.replace(expected.find("Putin visits Tehran"), 19, "Putin in Tehran");
  EXPECT_EQ(read(), expected);
}

TEST_F(EditCli, ARefusedEditLeavesTheFileAndItsTimeAlone) {
  const auto r = run("edit " + path_ + " visit --set date=2015-02-30");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out, path_ + ":13:11: error: impossible date '2015-02-30': February 2015 has no day 30\n");
  EXPECT_TRUE(untouched());
  EXPECT_EQ(run("edit " + path_ + " visit --set lanes=[mars]").status, 1);
  EXPECT_EQ(run("edit " + path_ + " russia --lane --delete").status, 1);  // used by events
  EXPECT_TRUE(untouched());
}

TEST_F(EditCli, BadArgumentsAndUnknownIdsExitWithTwo) {
  auto r = run("edit " + path_ + " nobody --delete");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, path_ + ": error: no event has the id 'nobody'\n");
  EXPECT_EQ(run("edit " + path_ + " visit").status, 2);
  EXPECT_EQ(run("edit " + path_ + " visit --set title").status, 2);
  EXPECT_EQ(run("edit " + path_ + " visit --delete --set a=b").status, 2);
  EXPECT_EQ(run("edit " + path_ + " visit --frobnicate").status, 2);
  EXPECT_EQ(run("edit").status, 2);
  EXPECT_TRUE(untouched());
  r = run("edit --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("usage: chronoscope edit FILE ID --set KEY=VALUE"), std::string::npos);
}

TEST_F(EditCli, AddsFromStandardInputAndDeletes) {
  auto r = run("edit " + path_ + " --add - <<'EOF'\n{id: new-one, title: New, date: 2016-02, lanes: [iran]}\nEOF\n");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(read().find("\n  - {id: new-one, title: New, date: 2016-02, lanes: [iran]}\n"), std::string::npos) << read();
  r = run("edit " + path_ + " new-one --delete");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(read(), original_);
  EXPECT_EQ(run("check " + path_).status, 0);
}

}  // namespace
}  // namespace cs
