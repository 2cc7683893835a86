// The line scanner: root keys, block lists and where their items begin, and what it refuses to guess.
#include "model/io/yaml_cut.hpp"

#include <gtest/gtest.h>

namespace cs {
namespace {

std::vector<std::uint32_t> item_lines(const CutEntry& e) {
  std::vector<std::uint32_t> out;
  for (const CutItem& i : e.items) out.push_back(i.line);
  return out;
}

TEST(YamlCut, FindsRootKeysAndListItems) {
  const std::string t =
      "# comment\n"
      "title: T   # trailing\n"
      "lanes: [a, b]\n"
      "events:\n"
      "  # a section\n"
      "  - id: a\n"
      "    summary: |\n"
      "      - not an item\n"
      "  - {id: b}\n"
      "\n"
      "\"quoted key\": 1\n";
  const Cut c = cut_yaml(t);
  ASSERT_TRUE(c.ok) << c.why;
  ASSERT_EQ(c.entries.size(), 4u);
  EXPECT_EQ(c.entries[0].key, "title");
  EXPECT_FALSE(c.entries[0].list);
  EXPECT_FALSE(c.entries[1].list);  // a flow list on the key's line
  EXPECT_EQ(c.entries[2].key, "events");
  ASSERT_TRUE(c.entries[2].list);
  EXPECT_EQ(c.entries[2].indent, 2);
  EXPECT_EQ(item_lines(c.entries[2]), (std::vector<std::uint32_t>{6, 9}));
  EXPECT_EQ(c.entries[2].end, t.find("\"quoted"));
  EXPECT_EQ(c.entries[3].key, "quoted key");
}

TEST(YamlCut, ListsAtColumnZeroAndCompactValues) {
  const std::string t = "events:\n- id: a\n  lanes:\n  - x\n- id: b\nsources: []\n";
  const Cut c = cut_yaml(t);
  ASSERT_TRUE(c.ok);
  EXPECT_EQ(c.entries[0].indent, 0);
  EXPECT_EQ(item_lines(c.entries[0]), (std::vector<std::uint32_t>{2, 5}));
  EXPECT_EQ(c.entries[1].key, "sources");
}

TEST(YamlCut, ASlipOfIndentationStillBeginsAnItem) {
  const std::string t = "events:\n  - id: a\n    title: A\n   - id: b\n  - id: c\n";
  const Cut c = cut_yaml(t);
  ASSERT_TRUE(c.ok);
  EXPECT_EQ(item_lines(c.entries[0]), (std::vector<std::uint32_t>{2, 4, 5}));
}

TEST(YamlCut, DocumentMarkers) {
  Cut c = cut_yaml("---\ntitle: A\n...\nignored: 1\n");
  ASSERT_TRUE(c.ok);
  EXPECT_EQ(c.entries.size(), 1u);
  EXPECT_EQ(c.body_begin, 4u);
  EXPECT_EQ(c.body_end, 13u);
  c = cut_yaml("title: A\n---\ntitle: B\n");
  ASSERT_TRUE(c.ok);
  EXPECT_EQ(c.body_end, 9u);
}

TEST(YamlCut, WhatItLeavesToTheFullParser) {
  EXPECT_FALSE(cut_yaml("- a\n- b\n").ok);                      // the root is a list
  EXPECT_FALSE(cut_yaml("{title: A}\n").ok);                    // a flow map
  EXPECT_FALSE(cut_yaml("%YAML 1.2\n---\ntitle: A\n").ok);      // a directive
  EXPECT_FALSE(cut_yaml("  title: A\n").ok);                    // an indented root
  EXPECT_FALSE(cut_yaml("").ok);
  EXPECT_FALSE(cut_yaml("? complex\n: key\n").ok);
}

TEST(YamlCut, ItemContentEndsBeforeTrailingCommentsAndBlankLines) {
  const std::string t = "  - id: a\n    # own comment\n    title: A  \n\n  # next section\n";
  EXPECT_EQ(item_content_end(t, 0, t.size(), 2), t.find("A  \n") + 1);
  const std::string u = "  - id: a\n    title: A\n    # a comment of its own\n\n";
  EXPECT_EQ(item_content_end(u, 0, u.size(), 2), u.find("own\n") + 3);
}

}  // namespace
}  // namespace cs
