// The watcher sees writes, saves by rename and removal of the file (and nothing for other files in the
// folder), with inotify and with the stat poll.
#include "model/io/file_watcher.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace cs {
namespace {

// Asks until it says yes, for at most two seconds.
bool sees(FileWatcher& w) {
  for (int i = 0; i < 200; ++i) {
    if (w.changed()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

bool quiet(FileWatcher& w) {
  for (int i = 0; i < 40; ++i) {
    if (w.changed()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

class FileWatcherTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("cs_watch_" + std::to_string(GetParam()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "t.yaml").string();
    std::ofstream{path_} << "title: A\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string path_;
};

TEST_P(FileWatcherTest, SeesWritesRenamesAndRemoval) {
  FileWatcher w{path_, GetParam()};
  EXPECT_EQ(w.using_inotify(), !GetParam());
  EXPECT_TRUE(quiet(w));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::ofstream{path_, std::ios::app} << "# more\n";
  EXPECT_TRUE(sees(w));
  EXPECT_TRUE(quiet(w));  // reported once
  std::ofstream{(dir_ / "other.yaml").string()} << "x\n";
  EXPECT_TRUE(quiet(w));
  std::ofstream{(dir_ / ".t.yaml.tmp").string()} << "title: B\n";
  std::filesystem::rename(dir_ / ".t.yaml.tmp", path_);  // how editors (and our saves) write
  EXPECT_TRUE(sees(w));
  std::filesystem::remove(path_);
  EXPECT_TRUE(sees(w));
}

INSTANTIATE_TEST_SUITE_P(InotifyAndPoll, FileWatcherTest, ::testing::Values(false, true));

}  // namespace
}  // namespace cs
