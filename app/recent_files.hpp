// The files opened lately, newest first, for File > Open Recent: kept one path a line in
// $XDG_STATE_HOME/chronoscope/recent (~/.local/state/chronoscope/recent without it), written atomically.
#pragma once

#include <string>
#include <vector>

namespace cs {

class RecentFiles {
 public:
  static constexpr std::size_t kMax = 10;

  // Reads the list from `path` (default_path() when empty; nothing is kept when that is empty too).
  explicit RecentFiles(std::string path = default_path());
  // $XDG_STATE_HOME/chronoscope/recent, else $HOME/.local/state/chronoscope/recent, else "".
  static std::string default_path();

  const std::vector<std::string>& files() const { return files_; }
  // Puts `file` (made absolute) first, drops older entries beyond kMax, and writes the list. False with
  // `error` set when it cannot be written (the list in memory is still updated).
  bool add(const std::string& file, std::string* error = nullptr);
  bool remove(const std::string& file, std::string* error = nullptr);

 private:
  bool write(std::string* error) const;
  std::string path_;
  std::vector<std::string> files_;
};

}  // namespace cs
