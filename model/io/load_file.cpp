// File reading and dispatch by extension.
#include "model/io/load_file.hpp"

#include "model/io/csv_loader.hpp"
#include "model/io/yaml_loader.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace cs {

bool read_file(const std::string& path, std::string& out, std::string* why) {
  const auto fail = [&](std::string reason) {
    if (why) *why = std::move(reason);
    return false;
  };
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec) return fail(ec.message());
  if (std::filesystem::is_directory(status)) return fail("it is a folder");
  if (!std::filesystem::is_regular_file(status)) return fail("it is not a regular file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail(ec.message());
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return fail(std::strerror(errno));
  out.resize(std::size_t(size));
  const std::size_t got = size ? std::fread(out.data(), 1, out.size(), f) : 0;
  const bool failed = std::ferror(f);
  std::fclose(f);
  out.resize(got);
  if (failed) return fail("a read failed");
  return got == size || fail("it changed while being read");
}

bool is_csv_path(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".csv";
}

void load_timeline_file(const std::string& path, Timeline& t, Diagnostics& diag, std::atomic<float>* progress) {
  std::string text, why;
  if (!read_file(path, text, &why)) {
    diag.error({}, "cannot read the file: " + why);
    return;
  }
  if (is_csv_path(path)) load_timeline_csv(text, t, diag, progress);
  else load_timeline_yaml(text, t, diag, progress);
}

Timeline load_timeline_file(const std::string& path, Diagnostics& diag) {
  Timeline t;
  load_timeline_file(path, t, diag);
  return t;
}

}  // namespace cs
