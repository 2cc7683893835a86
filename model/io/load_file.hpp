// Opening a timeline file of either kind: FILE.csv through the CSV loader, anything else as YAML.
#pragma once

#include "model/diagnostics.hpp"
#include "model/timeline.hpp"

#include <atomic>
#include <string>

namespace cs {

// Reads FILE (the name in diagnostics is diag.file()) into `t`. `progress` (optional) rises from 0 to 1.
void load_timeline_file(const std::string& path, Timeline& t, Diagnostics& diag, std::atomic<float>* progress = nullptr);
Timeline load_timeline_file(const std::string& path, Diagnostics& diag);

// False with `why` (when given) set: "No such file or directory", "it is a folder", ...
bool read_file(const std::string& path, std::string& out, std::string* why = nullptr);
bool is_csv_path(const std::string& path);

}  // namespace cs
