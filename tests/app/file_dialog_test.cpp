// What the built-in file browser lists: folders first, then timelines (every file when asked), by name,
// hidden ones left out.
#include "app/file_dialog.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include <unistd.h>

namespace cs {
namespace {

namespace fs = std::filesystem;

TEST(FileDialog, ListsFoldersThenTimelines) {
  const fs::path dir = fs::temp_directory_path() / ("cs_dialog_" + std::to_string(::getpid()));
  fs::create_directories(dir / "zfolder");
  fs::create_directories(dir / "afolder");
  fs::create_directories(dir / ".hidden");
  for (const char* f : {"b.yaml", "a.CSV", "notes.txt", "c.yml", ".secret.yaml"}) std::ofstream{dir / f} << "x";
  const auto names = [](const std::vector<fs::directory_entry>& v) {
    std::vector<std::string> out;
    for (const auto& e : v) out.push_back(e.path().filename().string());
    return out;
  };
  EXPECT_EQ(names(FileDialog::entries(dir, false)),
            (std::vector<std::string>{"afolder", "zfolder", "a.CSV", "b.yaml", "c.yml"}));
  EXPECT_EQ(names(FileDialog::entries(dir, true)),
            (std::vector<std::string>{"afolder", "zfolder", "a.CSV", "b.yaml", "c.yml", "notes.txt"}));
  EXPECT_TRUE(FileDialog::entries(dir / "missing", false).empty());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cs
