// The unified diff matches what diff -u prints for the same two files.
#include "model/text_diff.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>

namespace cs {
namespace {

std::string diff_u(const std::string& a, const std::string& b) {
  std::ofstream{"/tmp/cs_diff_a"} << a;
  std::ofstream{"/tmp/cs_diff_b"} << b;
  FILE* p = popen("diff -u /tmp/cs_diff_a /tmp/cs_diff_b | tail -n +3", "r");
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

TEST(TextDiff, EqualTextsHaveNoDiff) { EXPECT_EQ(unified_diff("a\n", "a\n", "x"), ""); }

TEST(TextDiff, NamesAndTheLastLineWithoutANewline) {
  EXPECT_EQ(unified_diff("a\nb", "a\nc", "f.yaml"),
            "--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  EXPECT_EQ(unified_diff("a\n", "b\n", "/abs/f").substr(0, 22), "--- /abs/f\n+++ /abs/f\n");
}

TEST(TextDiff, HunksAreWhatDiffUPrints) {
  std::mt19937 rng{3};
  for (int n = 0; n < 200; ++n) {
    std::string a, b;
    const int lines = 5 + int(rng() % 40);
    for (int i = 0; i < lines; ++i) {
      const std::string line = "line " + std::to_string(i) + "\n";
      a += line;
      switch (rng() % 12) {
        case 0: break;                                      // removed
        case 1: b += "new " + std::to_string(i) + "\n"; break;  // changed
        case 2: b += line + "added\n"; break;                // added after
        default: b += line;
      }
    }
    const std::string mine = unified_diff(a, b, "x");
    const std::string theirs = diff_u(a, b);
    EXPECT_EQ(mine.empty() ? "" : mine.substr(mine.find("@@")), theirs) << a << "---\n" << b;
  }
}

}  // namespace
}  // namespace cs
