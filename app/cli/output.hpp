// Where the commands put what they make: never over one of their inputs, always whole (through an
// atomic write), every write and close checked; and text for the terminal escaped.
#pragma once

#include "model/io/atomic_file.hpp"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// True (with "chronoscope: error: ..." on stderr) when `out` is one of `inputs`: the same file by device
// and inode, however it is spelled (another path, a symlink, a hard link).
bool output_overwrites_input(const std::string& out, const std::vector<std::string>& inputs);

// Writes `bytes` to `path` atomically. 0, or 1 with "chronoscope: error: ..." on stderr.
int write_output(const std::string& path, std::string_view bytes);

// A file written through a stream (for output too large to build in memory first), committed whole.
class OutputFile {
 public:
  OutputFile();
  ~OutputFile();
  // False with a message on stderr when the file cannot be created.
  bool open(const std::string& path);
  std::ostream& stream();
  // 0 when every byte was written and the file replaced; else 1 with a message on stderr.
  int commit();

 private:
  class Buffer;
  std::unique_ptr<Buffer> buf_;
  std::unique_ptr<std::ostream> stream_;
  std::string path_;
};

// Flushes stdout; 0, or 1 with a message when a write failed (a full disk, a closed pipe).
int finish_stdout();

// JSON text that is valid UTF-8 (invalid bytes as U+FFFD) and safe on a terminal: control characters, DEL,
// C1 controls and bidirectional formatting characters inside strings as \uXXXX escapes.
std::string terminal_safe_json(const nlohmann::ordered_json& j);

// A file's lines (a diff) for the terminal: each line escaped (escape_for_terminal), tabs and the line
// breaks between lines kept.
std::string escape_lines_for_terminal(std::string_view text);

// `s` escaped for the terminal (escape_for_terminal) and quoted: 'events.yaml'.
std::string quoted_name(std::string_view s);

}  // namespace cs
