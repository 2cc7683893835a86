// Output files through AtomicFileWriter, an ostream adaptor for streamed output, and the JSON dump.
#include "app/cli/output.hpp"

#include "model/diagnostics.hpp"
#include "model/io/atomic_file.hpp"
#include "model/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <streambuf>

namespace cs {

bool output_overwrites_input(const std::string& out, const std::vector<std::string>& inputs) {
  for (const std::string& in : inputs) {
    if (!same_file(out, in)) continue;
    std::cerr << "chronoscope: error: refusing to write over the input " << quoted_name(in)
              << (out == in ? "" : " (" + quoted_name(out) + " is the same file)") << "\n";
    return true;
  }
  return false;
}

int write_output(const std::string& path, std::string_view bytes) {
  std::string error;
  if (write_file_atomic(path, bytes, &error)) return 0;
  std::cerr << "chronoscope: error: " << escape_for_terminal(error) << "\n";
  return 1;
}

// Collects bytes in 1 MB pieces and hands them to the writer; remembers the first failure.
class OutputFile::Buffer : public std::streambuf {
 public:
  bool open(const std::string& path) { return writer_.open(path, &error_); }
  int sync() override { return flush_pending() ? 0 : -1; }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) pending_ += traits_type::to_char_type(c);
    if (pending_.size() >= kChunk && !flush_pending()) return traits_type::eof();
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    pending_.append(s, std::size_t(n));
    if (pending_.size() >= kChunk && !flush_pending()) return 0;
    return n;
  }
  bool commit() { return flush_pending() && writer_.commit(&error_); }
  const std::string& error() const { return error_; }

 private:
  static constexpr std::size_t kChunk = 1 << 20;
  bool flush_pending() {
    if (!error_.empty()) return false;
    const bool ok = pending_.empty() || writer_.write(pending_, &error_);
    pending_.clear();
    return ok;
  }
  AtomicFileWriter writer_;
  std::string pending_, error_;
};

OutputFile::OutputFile() = default;
OutputFile::~OutputFile() = default;

bool OutputFile::open(const std::string& path) {
  path_ = path;
  buf_ = std::make_unique<Buffer>();
  if (!buf_->open(path)) {
    std::cerr << "chronoscope: error: " << escape_for_terminal(buf_->error()) << "\n";
    return false;
  }
  stream_ = std::make_unique<std::ostream>(buf_.get());
  return true;
}

std::ostream& OutputFile::stream() { return *stream_; }

int OutputFile::commit() {
  if (buf_ && stream_ && *stream_ && buf_->commit()) return 0;
  const std::string error = buf_ && !buf_->error().empty() ? buf_->error() : "writing '" + path_ + "' failed";
  std::cerr << "chronoscope: error: " << escape_for_terminal(error) << "\n";
  return 1;
}

int finish_stdout() {
  std::cout.flush();
  if (std::cout && std::fflush(stdout) == 0 && !std::ferror(stdout)) return 0;
  std::cerr << "chronoscope: error: writing to standard output failed\n";
  return 1;
}

std::string terminal_safe_json(const nlohmann::ordered_json& j) {
  const std::string text = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x7F) {
      out += char(b);
      ++i;
      continue;
    }
    const Utf8Step step = decode_utf8(text, i);  // always valid: dump replaced what was not
    const char32_t c = step.code;
    if (c == 0x7F || escaped_on_terminal(c)) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\u%04x", unsigned(c));
      out += esc;  // these appear only inside strings, where the escape means the same character
    } else {
      out.append(text, i, step.length);
    }
    i += step.length;
  }
  return out;
}

std::string escape_lines_for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t end = std::min(text.find_first_of("\n\t"), text.size());
    out += escape_for_terminal(text.substr(0, end));
    if (end < text.size()) out += text[end];
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return out;
}

std::string quoted_name(std::string_view s) { return "'" + escape_for_terminal(s) + "'"; }

}  // namespace cs
