// Splitting $VISUAL/$EDITOR into a program and its options, adding the line in the editor's own form, and
// posix_spawnp with non-blocking reaping.
#include "app/external_editor.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

extern char** environ;

namespace cs {
namespace {

// Editors that open a file at +LINE given before it.
constexpr std::array<std::string_view, 18> kPlusLine = {"vi",   "vim",  "nvim", "gvim", "view",  "ex",
                                                        "nano", "pico", "emacs", "emacsclient", "micro", "kak",
                                                        "joe",  "jed",  "mg",   "ne",   "gedit", "mousepad"};
// Editors that take FILE:LINE (code and codium after -g).
constexpr std::array<std::string_view, 4> kColonLine = {"subl", "sublime_text", "hx", "helix"};

}  // namespace

std::vector<std::string> editor_command(std::string_view editor, const std::string& file, int line) {
  std::vector<std::string> argv;
  std::istringstream in{std::string{editor}};
  for (std::string word; in >> word;) argv.push_back(word);
  if (argv.empty()) return argv;
  const std::string name = std::filesystem::path{argv[0]}.filename().string();
  const auto in_list = [&](const auto& list) { return std::find(list.begin(), list.end(), name) != list.end(); };
  const std::string at = file + ":" + std::to_string(line);
  if (line <= 0) argv.push_back(file);
  else if (in_list(kPlusLine)) argv.push_back("+" + std::to_string(line)), argv.push_back(file);
  else if (name == "code" || name == "codium") argv.push_back("-g"), argv.push_back(at);
  else if (in_list(kColonLine)) argv.push_back(at);
  else if (name == "kate") argv.push_back("-l"), argv.push_back(std::to_string(line)), argv.push_back(file);
  else argv.push_back(file);
  return argv;
}

bool ExternalEditor::open(const std::string& file, int line, std::string* error) {
  const char* visual = std::getenv("VISUAL");
  const char* editor = std::getenv("EDITOR");
  const char* chosen = visual && *visual ? visual : editor && *editor ? editor : nullptr;
  if (!chosen) {
    if (error) *error = "no editor to open it in: set $VISUAL or $EDITOR (e.g. VISUAL=gedit)";
    return false;
  }
  return open_with(chosen, file, line, error);
}

bool ExternalEditor::open_with(std::string_view editor, const std::string& file, int line, std::string* error) {
  std::vector<std::string> args = editor_command(editor, file, line);
  if (args.empty()) {
    if (error) *error = "the editor variable is empty";
    return false;
  }
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ);
  if (rc != 0) {
    if (error) *error = "cannot start " + args[0] + ": " + std::strerror(rc);
    return false;
  }
  children_.emplace_back(pid, args[0]);
  return true;
}

std::string ExternalEditor::poll() {
  std::string message;
  std::erase_if(children_, [&](const std::pair<pid_t, std::string>& c) {
    int status = 0;
    const pid_t r = waitpid(c.first, &status, WNOHANG);
    if (r == 0) return false;
    if (r == c.first && WIFEXITED(status) && WEXITSTATUS(status) != 0)
      message = c.second + " ended with exit status " + std::to_string(WEXITSTATUS(status));
    return true;
  });
  return message;
}

}  // namespace cs
