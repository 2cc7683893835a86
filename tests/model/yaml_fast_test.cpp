// The fast item reader against yaml-cpp: wherever it reads an item, its tree must be yaml-cpp's, node for
// node (kind, style, position, value, quoting); it must read the shapes timelines are written in; and it
// must decline what it does not know. Checked on every YAML file of the repository and on items made up at
// random (fixed seed) from pieces of every style, CRLF and comments included.
#include "model/io/yaml_cut.hpp"
#include "model/io/yaml_fast.hpp"
#include "model/io/yaml_loader.hpp"
#include "model/io/load_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

using namespace cs;

namespace {

std::string dump(const YNode& n) {
  std::string out = std::to_string(int(n.kind)) + "/" + std::to_string(int(n.style)) + "@" +
                    std::to_string(n.pos.line) + ":" + std::to_string(n.pos.column) + "+" +
                    std::to_string(n.pos.offset) + (n.quoted ? "q" : "") + "#" + std::to_string(n.expanded_size);
  if (n.is_scalar()) out += "'" + n.value + "'";
  if (!n.items.empty()) {
    out += "(";
    for (const YNode* c : n.items) out += dump(*c) + ",";
    out += ")";
  }
  return out;
}

struct Outcome {
  bool fast = false;
  std::string fast_tree, cpp_tree;
  bool cpp_ok = false;
};

// One item, [begin, end) of `text`, read both ways.
Outcome both(std::string_view text, std::size_t begin, std::size_t end, int line, int dash) {
  Outcome o;
  FastItem f;
  o.fast = read_fast_item(text, begin, end, line, dash, f);
  if (o.fast) o.fast_tree = dump(*f.root);
  Diagnostics diag{"x"};
  int items = 0;
  const ItemsResult r = parse_list_items(YamlWindow{text, begin, end, line}, diag, [&](const YNode& n) {
    ++items;
    o.cpp_tree = dump(n);
  });
  o.cpp_ok = r.stop == ItemsStop::Done && items == 1 && diag.items().empty();
  return o;
}

struct Tally {
  std::size_t items = 0, fast = 0;
};

// Every item of every list of a YAML file, as the loader cuts them.
void check_file(const std::string& text, const std::string& name, Tally& tally) {
  Diagnostics diag{name};
  const YamlPrepared p = prepare_yaml(text, diag);
  const std::string_view body = p.body(text);
  SourceMap map;
  Timeline t;
  YamlLoadOptions o;
  o.map = &map;
  o.threads = 1;
  load_prepared_yaml(body, p, t, diag, o);
  for (const ListMap* l : {&map.lanes, &map.sources, &map.events, &map.stories}) {
    if (!l->block) continue;
    for (std::size_t k = 0; k < l->items.size(); ++k) {
      const Outcome out = both(body, l->items[k].begin, l->item_end(k), int(l->items[k].line), l->indent);
      ++tally.items;
      if (!out.fast) continue;
      ++tally.fast;
      ASSERT_TRUE(out.cpp_ok) << name << ": item at line " << l->items[k].line << " read fast where yaml-cpp fails";
      ASSERT_EQ(out.fast_tree, out.cpp_tree) << name << ": item at line " << l->items[k].line;
    }
  }
}

std::string item_at(const std::string& item) { return "events:\n" + item; }

}  // namespace

TEST(YamlFast, EveryYamlFileOfTheRepositoryReadsAsYamlCppReadsIt) {
  namespace fs = std::filesystem;
  Tally tally;
  std::size_t files = 0;
  for (const fs::path& dir : {fs::path{CS_SOURCE_DIR}, fs::path{CS_FIXTURES}, fs::path{CS_SOURCE_DIR} / "tests/fuzz/corpus/yaml",
                             fs::path{CS_SOURCE_DIR} / "tests/hostile", fs::path{CS_SOURCE_DIR} / "docs"}) {
    for (const auto& e : fs::directory_iterator{dir}) {
      const std::string ext = e.path().extension().string();
      if (ext != ".yaml" && ext != ".yml") continue;
      std::string text;
      if (!read_file(e.path().string(), text)) continue;
      ++files;
      check_file(text, e.path().filename().string(), tally);
      if (HasFatalFailure()) return;
    }
  }
  EXPECT_GT(files, 20u);
  // events.yaml and the fixtures are written in the subset: most items are read fast.
  EXPECT_GT(tally.fast * 10, tally.items * 7) << tally.fast << " of " << tally.items;
}

TEST(YamlFast, TheGeneratedShapesAreRead) {
  const std::string plain = item_at(
      "  - id: e0000001\n    title: \"Ceasefire in Farrow, again\"\n    date: 1491-07-04T00:39:53Z/1492\n"
      "    lanes: [lane-09, lane-02]\n    tags: [diplomacy]\n");
  const std::string prose = item_at(
      "  - id: e0000002\n    title: \"Talks open in Galen\"\n    date: 1097-05\n    lanes: [lane-05]\n"
      "    tags: [politics]\n    summary: >-\n      Talks open in Galen. Delegations from three neighbouring states\n"
      "      attended as observers.\n    notes: Dated from the report's own dateline; the second report agrees.\n"
      "    sources:\n      - source: gen-18\n        locator: para 11\n        dated: inferred\n"
      "        date_note: from the dateline\n        quote: \"the outcome was disputed\"\n"
      "      - source: gen-05\n        locator: para 14\n");
  const std::string curated = item_at(
      "  - id: visit   # a comment\n    title: Putin visits Tehran\n    date: 2015-11-23\n    lanes: [russia, iran]\n"
      "    summary: |\n      First line.\n\n      Second paragraph.\n"
      "    sources:\n    - {source: s1, locator: \"para 9\", dated: inferred, claims: \"2014\"}\n    - {source: s2}\n");
  for (const std::string& text : {plain, prose, curated}) {
    const Outcome o = both(text, 8, text.size(), 2, 2);
    ASSERT_TRUE(o.cpp_ok) << text;
    ASSERT_TRUE(o.fast) << text;
    EXPECT_EQ(o.fast_tree, o.cpp_tree) << text;
  }
}

TEST(YamlFast, WhatItDoesNotKnowIsDeclined) {
  for (const std::string& item : std::vector<std::string>{"  - id: a\n    title: &t x\n", "  - id: a\n    title: *t\n", "  - id: a\n    title: !!str x\n",
                                 "  - id: a\n    title: two\n      lines\n", "  - id: a\n    title: \"two\n      lines\"\n",
                                 "  - id: a\n    title:\n", "  - id: a\n    id: b\n", "  - id: a\n    title: \"\\q\"\n",
                                 "  - id: a\n    lanes: [a,\n      b]\n", "  - id: a\n    meta:\n      k: v\n",
                                 "  - id: a\n    summary: |+\n      x\n", "  - id: a\n\ttitle: x\n", "  - ? id\n    : a\n",
                                 "  - id: a\n    lanes: [a, ]\n", "  - id: a\n    date: {2015?}\n",
                                 "  - id: a\n    " + std::string(600, 'k') + ": v\n",  // yaml-cpp's keys end at 1024
                                 "  - {id: a, " + std::string(600, 'k') + ": v}\n"}) {
    const std::string text = item_at(item);
    FastItem f;
    EXPECT_FALSE(read_fast_item(text, 8, text.size(), 2, 2, f)) << item;
  }
}

// Items put together at random from pieces of every kind; wherever the fast reader reads one, it is
// yaml-cpp's tree, and it reads a good share of them.
TEST(YamlFast, RandomItemsReadAsYamlCppReadsThem) {
  std::mt19937 rng{20261121};
  const std::vector<std::string> scalars = {
      "plain", "two words", "a: b", "x #not", "x # comment", "null", "~", "-3000", "-", "? x", ":x", "a:b",
      "\"dq\"", "\"esc \\\" \\\\ \\n \\t \\u00e9 \\x41\"", "'sq ''x'''", "\"\"", "''", "'unterminated", "\"a\": b",
      "http://example.org/a?b=c#d", "2015-09-30/..", "2015-09?", "caf\xc3\xa9", "[a, b]", "[]", "{}",
      "[a, [b, c], {k: v}]", "{source: s1, locator: \"para 9\"}", "{a: b, a: c}", "[a,b]", "[ a , b ]",
      "{a: [1, 2], b: 'x'}", "[a: b]", "{a}", "[a, 'b', \"c\"]", "[x]  # c", "|\n      lit\n", ">-\n      fold\n      ed\n",
      ">\n      a\n\n      b\n", "|-\n      a\n        b\n", ">\n      a\n        b\n", "|\n\n      late\n"};
  const std::vector<std::string> keys = {"id", "title", "date", "lanes", "summary", "notes", "my key", "k"};
  Tally tally;
  for (int n = 0; n < 4000; ++n) {
    const int indent = int(rng() % 3) * 2;
    const std::string pad(std::size_t(indent), ' ');
    const bool crlf = rng() % 5 == 0;
    std::string item = pad + "- ";
    const int nkeys = 1 + int(rng() % 4);
    for (int k = 0; k < nkeys; ++k) {
      if (k) item += pad + "  ";
      item += keys[rng() % keys.size()] + ":";
      if (rng() % 6 == 0) {  // a block list under the key
        item += "\n";
        const std::string lpad = pad + (rng() % 2 ? "    " : "  ");
        for (int i = 0, m = 1 + int(rng() % 3); i < m; ++i) {
          const std::string& v = scalars[rng() % scalars.size()];
          if (v.find('\n') != std::string::npos) continue;
          item += lpad + "- " + (rng() % 3 ? v : "source: " + v + "\n" + lpad + "  locator: para 1") + "\n";
        }
        continue;
      }
      std::string v = scalars[rng() % scalars.size()];
      // Block scalar lines are written for the map at indent 4: move them to this item's.
      for (std::size_t at = v.find("\n      "); at != std::string::npos; at = v.find("\n      ", at + 1))
        v.replace(at, 7, "\n" + pad + "      ");
      item += " " + v + (v.back() == '\n' ? "" : "\n");
      if (rng() % 10 == 0) item += pad + "  # a comment line\n";
    }
    std::string text = "events:\n" + item;
    if (crlf) {
      std::string c;
      for (char ch : text) c += ch == '\n' ? std::string{"\r\n"} : std::string(1, ch);
      text = c;
    }
    const std::size_t begin = text.find('\n') + 1;
    const Outcome o = both(text, begin, text.size(), 2, indent);
    ++tally.items;
    if (!o.fast) continue;
    ++tally.fast;
    ASSERT_TRUE(o.cpp_ok) << text;
    ASSERT_EQ(o.fast_tree, o.cpp_tree) << text;
  }
  EXPECT_GT(tally.fast * 5, tally.items) << tally.fast << " of " << tally.items;
}
