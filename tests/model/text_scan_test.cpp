// The byte-level scan: encodings, control bytes and invalid UTF-8 at their true line and column, lone CR
// line ends, the capped repeats, and the copy a parser reads.
#include "model/io/text_scan.hpp"

#include <gtest/gtest.h>

using namespace cs;
using namespace std::string_literals;

namespace {
struct Scanned {
  TextFacts facts;
  std::string out;
};
Scanned scan(std::string_view text) {
  Diagnostics d{"f"};
  Scanned s;
  s.facts = scan_text(text, d);
  s.out = d.format_all();
  return s;
}
}  // namespace

TEST(TextScan, CleanUtf8SaysNothing) {
  const auto s = scan("title: Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80\r\n\tx: 1\n");
  EXPECT_EQ(s.out, "");
  EXPECT_EQ(s.facts.encoding, Encoding::Utf8);
  EXPECT_FALSE(s.facts.lone_cr || s.facts.bad_bytes || s.facts.invalid_utf8);
}

TEST(TextScan, NulAndControlsAreErrorsAtTheirTruePosition) {
  std::string text;
  for (int i = 1; i <= 10; ++i) text += "line " + std::to_string(i) + "\n";
  text += "ab\0c \x1B]0;owned\x07\n"s;  // line 11
  const auto s = scan(text);
  EXPECT_EQ(s.out,
            "f:11:3: error: control character U+0000 (NUL) is not allowed in the text\n"
            "f:11:6: error: control character U+001B (ESC) is not allowed in the text\n"
            "f:11:15: error: control character U+0007 (BEL) is not allowed in the text\n");
  EXPECT_TRUE(s.facts.bad_bytes);
}

TEST(TextScan, InvalidUtf8IsAWarningPerMaximalSubpart) {
  const auto s = scan("a\xFF\n\xE2\x82x \xC0\xAF \xED\xA0\x80\n");
  EXPECT_EQ(s.out,
            "f:1:2: warning: invalid UTF-8 byte 0xFF (read as U+FFFD)\n"
            "f:2:1: warning: invalid UTF-8 bytes 0xE2 0x82 (read as U+FFFD)\n"
            "f:2:5: warning: invalid UTF-8 byte 0xC0 (read as U+FFFD)\n"
            "f:2:6: warning: invalid UTF-8 byte 0xAF (read as U+FFFD)\n"
            "f:2:8: warning: invalid UTF-8 byte 0xED (read as U+FFFD)\n"
            "f:2:9: warning: invalid UTF-8 byte 0xA0 (read as U+FFFD)\n"
            "f:2:10: warning: invalid UTF-8 byte 0x80 (read as U+FFFD)\n");
  EXPECT_TRUE(s.facts.invalid_utf8);
  EXPECT_FALSE(s.facts.bad_bytes);
}

TEST(TextScan, LoneCrEndsALine) {
  const auto s = scan("a\rb\r\nc\r\rd\0"s);
  EXPECT_TRUE(s.facts.lone_cr);
  EXPECT_EQ(s.out, "f:5:2: error: control character U+0000 (NUL) is not allowed in the text\n");
}

TEST(TextScan, ColumnsCountFromAfterABomLikeYamlCpp) {
  const auto s = scan("\xEF\xBB\xBFk\x01\n"s);
  EXPECT_EQ(s.facts.encoding, Encoding::Utf8Bom);
  EXPECT_EQ(s.facts.bom_bytes, 3u);
  EXPECT_EQ(s.out, "f:1:2: error: control character U+0001 (SOH) is not allowed in the text\n");
}

TEST(TextScan, RepeatsAreCapped) {
  Diagnostics d{"f"};
  scan_text(std::string(1234, '\0') + std::string(15, '\xFF'), d);
  ASSERT_EQ(d.items().size(), std::size_t(2 * kMaxByteReports + 2));
  EXPECT_EQ(d.format(d.items()[kMaxByteReports * 2]),
            "f:1:11: error: ... and 1,224 more control characters");
  EXPECT_EQ(d.format(d.items().back()), "f:1:1245: warning: ... and 5 more invalid UTF-8 sequences");
}

TEST(TextScan, Utf16And32AreNamedByBomOrNulPattern) {
  const auto one = [](std::string text) { return scan(text).out; };
  EXPECT_EQ(one("\xFF\xFEi\0d\0"s),
            "f:1:1: error: the file is encoded as UTF-16 (little-endian); chronoscope reads UTF-8: save it as UTF-8\n");
  EXPECT_EQ(one("i\0d\0,\0t\0i\0t\0l\0e\0"s),
            "f:1:1: error: the file is encoded as UTF-16 (little-endian); chronoscope reads UTF-8: save it as UTF-8\n");
  EXPECT_EQ(one("\0i\0d\0,\0t"s),
            "f:1:1: error: the file is encoded as UTF-16 (big-endian); chronoscope reads UTF-8: save it as UTF-8\n");
  EXPECT_EQ(one("i\0\0\0d\0\0\0"s),
            "f:1:1: error: the file is encoded as UTF-32 (little-endian); chronoscope reads UTF-8: save it as UTF-8\n");
  EXPECT_EQ(one("\0\0\xFE\xFF\0\0\0i"s),
            "f:1:1: error: the file is encoded as UTF-32 (big-endian); chronoscope reads UTF-8: save it as UTF-8\n");
  Diagnostics d{"f"};
  EXPECT_FALSE(scan_text("\xFE\xFF\0i"s, d).readable());
  // A stray NUL in UTF-8 text is a control character, not an encoding.
  EXPECT_EQ(one("id,title\0,start\n"s), "f:1:9: error: control character U+0000 (NUL) is not allowed in the text\n");
}

TEST(TextScan, ParserCopyKeepsOffsetsAndLines) {
  const std::string text = "a\rb\r\nc\0d\te\x1F\n"s;
  Diagnostics d;
  const TextFacts f = scan_text(text, d);
  EXPECT_EQ(parser_copy(text, f), "a\nb\r\nc d\te \n");
  Diagnostics clean;
  const std::string ok = "a\r\nb";
  EXPECT_EQ(parser_copy(ok, scan_text(ok, clean)), ok);
}

TEST(TextScan, ValidUtf8ReplacesEachInvalidSubpart) {
  EXPECT_EQ(valid_utf8("ok \xC3\xA9"), "ok \xC3\xA9");
  EXPECT_EQ(valid_utf8("a\xFF" "b\xE2\x82" "c"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // > U+10FFFF
  EXPECT_EQ(valid_utf8("\xF0\x9F\x98"), "\xEF\xBF\xBD");  // truncated at the end
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));  // a surrogate
}

TEST(TextScan, LargeInputIsLinear) {
  // 2 MB of blank lines and 2 MB of NULs: one pass each, capped output.
  Diagnostics d;
  const TextFacts f = scan_text(std::string(2 << 20, '\n'), d);
  EXPECT_EQ(d.items().size(), 0u);
  EXPECT_FALSE(f.bad_bytes);
  scan_text(std::string(2 << 20, '\0'), d);
  EXPECT_EQ(d.items().size(), std::size_t(kMaxByteReports + 1));
}
