// Reading and writing the recent-files list.
#include "app/recent_files.hpp"

#include "model/io/atomic_file.hpp"
#include "model/io/load_file.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace cs {
namespace fs = std::filesystem;

std::string RecentFiles::default_path() {
  fs::path dir;
  if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x) dir = x;
  else if (const char* h = std::getenv("HOME"); h && *h) dir = fs::path{h} / ".local" / "state";
  else return {};
  return (dir / "chronoscope" / "recent").string();
}

RecentFiles::RecentFiles(std::string path) : path_(std::move(path)) {
  std::string text;
  if (path_.empty() || !read_file(path_, text)) return;
  std::istringstream in{text};
  for (std::string line; std::getline(in, line) && files_.size() < kMax;)
    if (!line.empty() && std::find(files_.begin(), files_.end(), line) == files_.end()) files_.push_back(line);
}

bool RecentFiles::add(const std::string& file, std::string* error) {
  std::error_code ec;
  fs::path p = fs::absolute(file, ec);
  const std::string abs = ec ? file : p.lexically_normal().string();
  std::erase(files_, abs);
  files_.insert(files_.begin(), abs);
  if (files_.size() > kMax) files_.resize(kMax);
  return write(error);
}

bool RecentFiles::remove(const std::string& file, std::string* error) {
  std::erase(files_, file);
  return write(error);
}

bool RecentFiles::write(std::string* error) const {
  if (path_.empty()) return true;
  std::error_code ec;
  fs::create_directories(fs::path{path_}.parent_path(), ec);
  std::string text;
  for (const std::string& f : files_) text += f + "\n";
  return write_file_atomic(path_, text, error);
}

}  // namespace cs
