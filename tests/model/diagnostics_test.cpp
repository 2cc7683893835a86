// Diagnostics: the FILE:LINE:COL format, file order, and escaping so a hostile file cannot drive the
// terminal it is checked in.
#include "model/diagnostics.hpp"

#include <gtest/gtest.h>

using namespace cs;
using namespace std::string_literals;

TEST(Diagnostics, FormatsAndSortsByPosition) {
  Diagnostics d{"e.yaml"};
  d.warning({3, 1, -1}, "later");
  d.error({1, 9, -1}, "first");
  d.error({}, "no position");
  d.sort();
  EXPECT_EQ(d.format_all(), "e.yaml: error: no position\ne.yaml:1:9: error: first\ne.yaml:3:1: warning: later\n");
  EXPECT_EQ(d.error_count(), 2);
  EXPECT_EQ(d.warning_count(), 1);
}

TEST(Diagnostics, EscapesControlsAndInvalidUtf8) {
  EXPECT_EQ(escape_for_terminal("plain text, \xC3\xA9t\xC3\xA9 \xE2\x80\x94 ok\\"), "plain text, \xC3\xA9t\xC3\xA9 \xE2\x80\x94 ok\\");
  EXPECT_EQ(escape_for_terminal("\x1B]0;owned\x07\x1B[2J"), "\\x1B]0;owned\\x07\\x1B[2J");
  EXPECT_EQ(escape_for_terminal("a\nb\rc\td\0e\x7F"s), "a\\nb\\rc\\td\\x00e\\x7F");
  EXPECT_EQ(escape_for_terminal("\xFF\xE2\x82x"), "\\xFF\\xE2\\x82x");
}

TEST(Diagnostics, EscapesC1AndBidiControls) {
  EXPECT_EQ(escape_for_terminal("\xC2\x9B" "31m"), "\\u009B31m");  // CSI as a C1 control
  EXPECT_EQ(escape_for_terminal("abc\xE2\x80\xAE" "fdp.exe"), "abc\\u202Efdp.exe");
  EXPECT_EQ(escape_for_terminal("\xE2\x81\xA6x\xE2\x81\xA9\xE2\x80\x8F"), "\\u2066x\\u2069\\u200F");
  EXPECT_EQ(escape_for_terminal("\xE2\x80\xA8"), "\\u2028");
}

TEST(Diagnostics, FormatEscapesTheFileNameAndTheMessage) {
  Diagnostics d{"evil\x1B[2J.yaml"};
  d.error({2, 5, -1}, "unknown lane 'x\x1B]0;pwned\x07'");
  EXPECT_EQ(d.format_all(), "evil\\x1B[2J.yaml:2:5: error: unknown lane 'x\\x1B]0;pwned\\x07'\n");
}
