// File reading and dispatch by extension.
#include "model/io/load_file.hpp"

#include "model/io/csv_loader.hpp"
#include "model/io/yaml_loader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

namespace cs {

bool read_file(const std::string& path, std::string& out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return false;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  out.resize(std::size_t(size));
  const std::size_t got = size ? std::fread(out.data(), 1, out.size(), f) : 0;
  std::fclose(f);
  out.resize(got);
  return got == size;
}

bool is_csv_path(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".csv";
}

void load_timeline_file(const std::string& path, Timeline& t, Diagnostics& diag, std::atomic<float>* progress) {
  std::string text;
  if (!read_file(path, text)) {
    diag.error({}, "cannot read the file");
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
