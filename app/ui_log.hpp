// `--log-ui`: one line on stderr per UI state change (canvas placement, settled view, inspected event),
// so tests that drive the real window can see what it shows. Silent unless enabled.
#pragma once

#include <cstdio>
#include <string>

namespace cs {

struct UiLog {
  bool enabled = false;
  void line(const std::string& s) const {
    if (!enabled) return;
    std::fprintf(stderr, "ui: %s\n", s.c_str());
    std::fflush(stderr);
  }
};

}  // namespace cs
