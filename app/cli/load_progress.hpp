// Loading a file for a command-line command, with a progress line on the terminal ("loading FILE: 45%")
// when stderr is one; silent otherwise (pipes, CI logs).
#pragma once

#include "model/diagnostics.hpp"
#include "model/timeline.hpp"

#include <string>

namespace cs {

void load_with_progress(const std::string& path, Timeline& t, Diagnostics& diag);

}  // namespace cs
