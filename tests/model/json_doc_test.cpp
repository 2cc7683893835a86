// The JSON tree: values with exact positions, nlohmann's syntax errors at their line and column, nesting
// and encodings refused with a clear message, and the top-level shape read without reading a file whole.
#include "model/io/json_doc.hpp"

#include <gtest/gtest.h>

using namespace cs;

TEST(JsonDoc, EveryValueKnowsWhereItStarts) {
  Diagnostics d{"t.json"};
  JsonDoc doc{"{\n  \"a\": [1, -2.50e1, \"x\"],\n  \"b\" :{\"c\":null, \"d\": true}\n}", d};
  ASSERT_EQ(d.format_all(), "");
  const JNode* root = doc.root();
  ASSERT_TRUE(root && root->is_object());
  EXPECT_EQ(root->pos.line, 1);
  const JNode* a = root->find("a");
  ASSERT_TRUE(a && a->is_array());
  EXPECT_EQ(a->pos.line, 2);
  EXPECT_EQ(a->pos.column, 8);
  ASSERT_EQ(a->items.size(), 3u);
  EXPECT_EQ(a->items[0].text, "1");
  EXPECT_EQ(a->items[0].pos.column, 9);
  EXPECT_EQ(a->items[1].text, "-2.50e1");
  EXPECT_EQ(a->items[1].pos.column, 12);
  EXPECT_EQ(a->items[2].text, "x");
  EXPECT_EQ(a->items[2].pos.column, 21);
  const JNode* c = root->find("b")->find("c");
  ASSERT_TRUE(c && c->is_null());
  EXPECT_EQ(c->pos.line, 3);
  EXPECT_EQ(c->pos.column, 13);
  EXPECT_EQ(root->find("b")->find("d")->pos.column, 24);
  EXPECT_TRUE(root->find("b")->find("d")->boolean);
  EXPECT_EQ(root->find("zz"), nullptr);
}

TEST(JsonDoc, SyntaxErrorsPointAtTheirLineAndColumn) {
  Diagnostics d{"t.json"};
  JsonDoc doc{"{\n  \"a\": 1,\n  \"b\": tru\n}", d};
  EXPECT_EQ(doc.root(), nullptr);
  EXPECT_EQ(d.format_all(),
            "t.json:3:11: error: invalid JSON: syntax error while parsing value - invalid literal; last read: "
            "'\"b\": tru<U+000A>'\n");
}

TEST(JsonDoc, ATruncatedFileIsAnError) {
  Diagnostics d{"t.json"};
  JsonDoc doc{"{\"a\": [1, 2", d};
  EXPECT_EQ(doc.root(), nullptr);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_EQ(d.items()[0].pos.line, 1);
  EXPECT_NE(d.items()[0].message.find("unexpected end of input"), std::string::npos) << d.format_all();
}

TEST(JsonDoc, DeepNestingIsRefused) {
  Diagnostics d{"t.json"};
  JsonDoc doc{std::string(100000, '[') + std::string(100000, ']'), d};
  EXPECT_EQ(doc.root(), nullptr);
  EXPECT_EQ(d.format_all(), "t.json:1:65: error: JSON nested deeper than 64 levels\n");
}

TEST(JsonDoc, Utf16IsNamedNotMisread) {
  Diagnostics d{"t.json"};
  JsonDoc doc{std::string_view{"\xFF\xFE{\0}\0", 6}, d};
  EXPECT_EQ(doc.root(), nullptr);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_NE(d.items()[0].message.find("UTF-16"), std::string::npos) << d.format_all();
}

TEST(JsonDoc, ABomIsSkipped) {
  Diagnostics d{"t.json"};
  JsonDoc doc{"\xEF\xBB\xBF{\"a\": 1}", d};
  ASSERT_NE(doc.root(), nullptr);
  EXPECT_EQ(doc.root()->find("a")->pos.column, 7);
}

TEST(JsonShape, StopsAtTheFirstWantedKey) {
  const JsonShape s = json_shape("{\"scale\": \"human\", \"events\": [ this is never read", {"events", "items"});
  EXPECT_TRUE(s.object);
  EXPECT_EQ(s.keys, (std::vector<std::string>{"scale", "events"}));
  EXPECT_TRUE(json_shape("  [{\"id\": 1}]", {}).array);
  EXPECT_FALSE(json_shape("title: x", {}).object);
}
