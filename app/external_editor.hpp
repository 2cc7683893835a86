// "Open in editor": the user's text editor ($VISUAL, else $EDITOR) started at FILE:LINE with an argument
// vector, never through a shell. Editors that take +LINE get it; a few others get their own form
// (code -g FILE:LINE, subl FILE:LINE); any other gets the file alone.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace cs {

// The argument vector for `editor` (the variable's value: a program and its own options, split at spaces)
// opening `file` at `line` (1-based; 0: no line). Empty when `editor` is blank.
std::vector<std::string> editor_command(std::string_view editor, const std::string& file, int line);

class ExternalEditor {
 public:
  ExternalEditor() = default;
  ExternalEditor(const ExternalEditor&) = delete;
  ExternalEditor& operator=(const ExternalEditor&) = delete;

  // Starts the editor named by $VISUAL or $EDITOR. False with `error` set when neither is set or it cannot
  // be started.
  bool open(const std::string& file, int line, std::string* error);
  // The same with the editor given (tests).
  bool open_with(std::string_view editor, const std::string& file, int line, std::string* error);
  // Collects editors that ended (call every frame); a message when one failed, else "".
  std::string poll();

 private:
  std::vector<std::pair<pid_t, std::string>> children_;  // pid, program
};

}  // namespace cs
