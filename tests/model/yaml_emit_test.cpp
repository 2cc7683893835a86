// Writing values: plain only when it reads back the same, each style when asked, and a round trip through
// yaml-cpp for strings of every awkward kind, in block and in flow context.
#include "model/io/yaml_emit.hpp"

#include <gtest/gtest.h>

#include <random>

namespace cs {
namespace {

// Parses "k: <text>" (or "{k: <text>}") and returns the value yaml-cpp reads.
std::optional<std::string> read_back(const std::string& value, bool flow) {
  Diagnostics d;
  const std::string doc = flow ? "{k: " + value + "}\n" : "k: " + value + "\n";
  YamlDocument y{doc, d};
  if (!y.root() || d.has_errors()) return std::nullopt;
  const YNode* v = y.root()->find("k");
  if (!v || !v->is_scalar()) return std::nullopt;
  return v->value;
}

TEST(YamlEmit, PlainOnlyWhenItReadsBackTheSame) {
  for (const char* s : {"Putin visits Tehran", "2015-11-23", "-0500", "c. 1990", "a:b", "http://x.org/a#b"})
    EXPECT_TRUE(plain_ok(s, false)) << s;
  for (const char* s : {"", "null", "~", "key: value", "a #b", "- dash", "#tag", "'q'", "\"q\"", "[a]", "{a}",
                        " lead", "trail ", "colon:", "*alias", "&anchor", "!tag", "|", ">", "%p", "@at", "`b`"})
    EXPECT_FALSE(plain_ok(s, false)) << s;
  EXPECT_TRUE(plain_ok("2015-09", true));
  for (const char* s : {"2015-09?", "a, b", "x]", "2014~"}) EXPECT_FALSE(plain_ok(s, true)) << s;
}

TEST(YamlEmit, EachStyle) {
  EmitContext c;
  c.parent = 4;
  c.indent = 6;
  EXPECT_EQ(emit_scalar("it's", YStyle::Single, c), "'it''s'");
  EXPECT_EQ(emit_scalar("tab\there", YStyle::Double, c), "\"tab\\there\"");
  EXPECT_EQ(emit_scalar("plain", YStyle::Folded, c), ">-\n      plain");
  EXPECT_EQ(emit_scalar("a\nb", YStyle::Plain, c), "|-\n      a\n      b");
  EXPECT_EQ(emit_scalar("a\n\nb\n", YStyle::Plain, c), "|\n      a\n\n      b");
  EXPECT_EQ(emit_scalar("a\n\n", YStyle::Plain, c), "|+\n      a\n");
  EXPECT_EQ(emit_scalar("  indented\nnext", YStyle::Plain, c), "|2-\n        indented\n      next");
  c.flow = true;
  EXPECT_EQ(emit_scalar("a\nb", YStyle::Plain, c), "\"a\\nb\"");
  c.newline = "\r\n";
  c.flow = false;
  EXPECT_EQ(emit_scalar("a\nb", YStyle::Plain, c), "|-\r\n      a\r\n      b");
}

TEST(YamlEmit, AnythingWrittenReadsBackAsTheSameText) {
  std::mt19937 rng{7};
  const std::string alphabet = "ab :#-?,[]{}'\"\\\t\n&*!|>%@`~.é";
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    const int len = 1 + int(rng() % 12);
    for (int i = 0; i < len; ++i) {
      const std::size_t k = rng() % (alphabet.size() - 1);
      s += alphabet[k] == '\xc3' ? std::string{"\xc3\xa9"} : std::string(1, alphabet[k]);
    }
    for (const bool flow : {false, true})
      for (const YStyle st : {YStyle::Plain, YStyle::Single, YStyle::Double, YStyle::Literal, YStyle::Folded}) {
        EmitContext c;
        c.flow = flow;
        c.parent = 0;
        c.indent = 2;
        const std::string written = emit_scalar(s, st, c);
        EXPECT_EQ(read_back(written, flow), std::optional<std::string>{s}) << "[" << s << "] as [" << written << "]";
      }
  }
}

TEST(YamlEmit, ListsAndMaps) {
  Diagnostics d;
  YamlDocument y{"[russia, \"a, b\", {source: s1, locator: para 2}]", d};
  ASSERT_TRUE(y.root());
  EmitContext c;
  c.parent = 4;
  c.indent = 6;
  StyleHint flow;
  EXPECT_EQ(emit_value(*y.root(), flow, c), "[russia, \"a, b\", {source: s1, locator: para 2}]");
  StyleHint block;
  block.list = YStyle::Block;
  bool own_line = false;
  EXPECT_EQ(emit_value(*y.root(), block, c, &own_line),
            "\n      - russia\n      - a, b\n      - {source: s1, locator: para 2}");
  EXPECT_TRUE(own_line);
  block.item = YStyle::Block;
  EXPECT_EQ(emit_value(*y.root(), block, c), "\n      - russia\n      - a, b\n      - source: s1\n        locator: para 2");
}

}  // namespace
}  // namespace cs
