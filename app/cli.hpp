// Command line: `chronoscope [FILE]`, `check FILE`, `render FILE -o OUT.png`, `layout FILE`, `--version`.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cs {

enum class Mode { Open, Check, Render, Layout, Version, Help };

struct Options {
  Mode mode = Mode::Open;
  Mode help_for = Mode::Open;  // with Mode::Help
  std::string file = "events.yaml";
  std::string out;                   // render: PNG path
  std::optional<std::string> range;  // EDTF interval
  int width = 0, height = 0;         // 0: the command's default
  bool log_ui = false;               // window: print UI state changes on stderr (for tests and debugging)
};

struct ParsedArgs {
  Options options;
  std::string error;  // set when the arguments are wrong; print with the usage, exit 2
};

ParsedArgs parse_command_line(const std::vector<std::string>& args);
std::string usage(Mode mode);
std::string version_text();

}  // namespace cs
