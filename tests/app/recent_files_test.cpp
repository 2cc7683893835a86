// The recent-files list: newest first, no duplicates, at most ten, kept on disk between runs.
#include "app/recent_files.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include <unistd.h>

namespace cs {
namespace {

namespace fs = std::filesystem;

struct RecentFilesTest : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("cs_recent_" + std::to_string(::getpid()));
  std::string path = (dir / "chronoscope" / "recent").string();
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(RecentFilesTest, NewestFirstWithoutDuplicatesAndKeptOnDisk) {
  {
    RecentFiles r{path};
    EXPECT_TRUE(r.files().empty());
    ASSERT_TRUE(r.add("/data/a.yaml"));
    ASSERT_TRUE(r.add("/data/b.yaml"));
    ASSERT_TRUE(r.add("/data/a.yaml"));
    EXPECT_EQ(r.files(), (std::vector<std::string>{"/data/a.yaml", "/data/b.yaml"}));
  }
  RecentFiles again{path};
  EXPECT_EQ(again.files(), (std::vector<std::string>{"/data/a.yaml", "/data/b.yaml"}));
}

TEST_F(RecentFilesTest, RelativePathsAreMadeAbsolute) {
  RecentFiles r{path};
  r.add("x/../t.yaml");
  EXPECT_EQ(r.files().front(), (fs::current_path() / "t.yaml").string());
}

TEST_F(RecentFilesTest, AtMostTenAreKept) {
  RecentFiles r{path};
  for (int i = 0; i < 14; ++i) r.add("/data/" + std::to_string(i) + ".yaml");
  ASSERT_EQ(r.files().size(), RecentFiles::kMax);
  EXPECT_EQ(r.files().front(), "/data/13.yaml");
  EXPECT_EQ(r.files().back(), "/data/4.yaml");
}

TEST_F(RecentFilesTest, TheStateFolderComesFromXdgStateHome) {
  const char* old = std::getenv("XDG_STATE_HOME");
  const std::string keep = old ? old : "";
  ::setenv("XDG_STATE_HOME", dir.c_str(), 1);
  EXPECT_EQ(RecentFiles::default_path(), path);
  if (old) ::setenv("XDG_STATE_HOME", keep.c_str(), 1);
  else ::unsetenv("XDG_STATE_HOME");
}

}  // namespace
}  // namespace cs
