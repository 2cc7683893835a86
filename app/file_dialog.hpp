// Choosing a file to open or a name to save as. Debian has no native dialog for ImGui: `zenity
// --file-selection` is used when it is installed (started with an argument vector, read without blocking
// the window), else a small built-in browser: the folder's timelines (.yaml, .yml, .csv) and folders, a name
// field that takes a name or a whole path, Up/Down to move, Enter to choose, Escape to cancel.
#pragma once

#include "app/ui_log.hpp"

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cs {

class FileDialog {
 public:
  enum class Mode { Open, Save };

  explicit FileDialog(const UiLog& log) : log_(log) {}
  ~FileDialog();
  FileDialog(const FileDialog&) = delete;
  FileDialog& operator=(const FileDialog&) = delete;

  // Starts choosing; `start` is a file or folder to begin at. `use_zenity`: when zenity is on the PATH.
  void open(Mode mode, const std::string& start, bool use_zenity = true);
  bool active() const { return mode_.has_value(); }
  // Once a frame: draws the browser or checks on zenity. The chosen path, once, when the user chose one.
  std::optional<std::string> draw();

  // The folder's entries the browser lists: folders first, then timeline files (every file with `all`),
  // each sorted by name; hidden ones left out.
  static std::vector<std::filesystem::directory_entry> entries(const std::filesystem::path& dir, bool all);

 private:
  std::optional<std::string> draw_builtin();
  std::optional<std::string> poll_zenity();
  bool start_zenity(const std::string& start);
  void go_to(const std::filesystem::path& dir);
  std::optional<std::string> accept(const std::string& typed);
  void finish();

  const UiLog& log_;
  std::optional<Mode> mode_;
  bool just_opened_ = false;
  std::filesystem::path dir_;
  std::string name_;  // the name field
  bool show_all_ = false;
  int current_ = -1;  // the highlighted entry
  std::vector<std::filesystem::directory_entry> list_;
  std::string error_;
  std::string confirm_;  // a file that exists, waiting for "replace?" (Save)
  // zenity
  pid_t child_ = -1;
  int out_fd_ = -1;
  std::string out_;
};

}  // namespace cs
