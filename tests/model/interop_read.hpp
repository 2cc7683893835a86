// Helpers of the interop readers' tests: text read by one reader into a timeline with what it said, and a
// YAML file of the repository loaded cleanly to compare against.
#pragma once

#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace cs::test {

struct Read {
  Timeline t;
  std::string diag;  // every diagnostic, formatted
};

// `reader` is one of the interop readers: (text, timeline, diagnostics).
template <class Reader>
Read read_with(Reader reader, std::string_view text, const char* name) {
  Read r;
  Diagnostics d{name};
  reader(text, r.t, d);
  r.diag = d.format_all();
  return r;
}

inline Timeline load_yaml_file(const std::string& path) {
  std::string text;
  EXPECT_TRUE(read_file(path, text)) << path;
  Diagnostics d{path};
  Timeline t = load_timeline_yaml(text, d);
  EXPECT_FALSE(d.has_errors()) << d.format_all();
  return t;
}

}  // namespace cs::test
