// Loader: a good file loads completely; every kind of mistake is reported with its exact message and position.
#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>
#include <sched.h>

#include <chrono>
#include <string>
#include <thread>

using namespace cs;

namespace {

struct Loaded {
  Timeline t;
  std::string out;  // all diagnostics, formatted
};

Loaded load(std::string_view text) {
  Diagnostics d{"t.yaml"};
  Loaded l;
  l.t = load_timeline_yaml(text, d);
  l.out = d.format_all();
  return l;
}

const char* kHead = R"(title: T
lanes:
  - {id: russia, name: Russia, color: "#c0392b"}
  - {id: iran, name: Iran, color: "#27ae60"}
sources:
  - {id: a1, title: Article, publisher: Alwaght, published: 2016-04-13, url: "http://example.org/a"}
events:
)";

Loaded with_events(const std::string& events) { return load(std::string{kHead} + events); }

}  // namespace

TEST(YamlLoader, LoadsAGoodFile) {
  auto l = with_events(R"(  - id: visit
    title: Putin visits Tehran
    date: 2015-11-23
    lanes: [russia, iran]
    tags: [diplomacy]
    summary: Met the Leader.
    sources:
      - {source: a1, locator: "para 9", dated: inferred, quote: "a gift"}
    notes: n
  - id: war
    title: Intervention
    date: 2015-09-30/..
    lanes: russia
)");
  EXPECT_EQ(l.out, "");
  ASSERT_EQ(l.t.event_count(), 2u);
  const Event& e = l.t.event(0);
  EXPECT_EQ(l.t.title, "T");
  EXPECT_EQ(e.id, "visit");
  EXPECT_EQ(e.date_text, "2015-11-23");
  EXPECT_EQ(e.lanes, (std::vector<std::string>{"russia", "iran"}));
  EXPECT_EQ(e.tags, (std::vector<std::string>{"diplomacy"}));
  ASSERT_EQ(e.sources.size(), 1u);
  EXPECT_EQ(e.sources[0].locator, "para 9");
  EXPECT_EQ(e.sources[0].dated, Dated::Inferred);
  EXPECT_EQ(e.sources[0].quote, "a gift");
  EXPECT_EQ(e.pos.line, 8);
  EXPECT_EQ(e.pos.column, 5);
  EXPECT_TRUE(l.t.event(1).when.open_end);
  EXPECT_EQ(l.t.event(1).lanes, std::vector<std::string>{"russia"});
  ASSERT_EQ(l.t.lanes.size(), 2u);
  EXPECT_EQ(l.t.lanes[0].color, (Rgba{0xc0, 0x39, 0x2b, 255}));
  ASSERT_EQ(l.t.sources.size(), 1u);
  EXPECT_EQ(l.t.sources[0].url, "http://example.org/a");
  EXPECT_EQ(l.t.sources[0].publisher, "Alwaght");
  EXPECT_TRUE(l.t.sources[0].published);
}

TEST(YamlLoader, ADisputedDateKeepsEveryClaim) {
  auto l = with_events(R"(  - id: intervention
    title: Intervention
    date: 2015-09-30/..
    sources:
      - {source: a1, locator: "para 1", dated: external}
      - {source: a1, locator: "para 10", claims: "2014"}
)");
  EXPECT_EQ(l.out, "");
  ASSERT_EQ(l.t.event_count(), 1u);
  const Event& e = l.t.event(0);
  ASSERT_EQ(e.sources.size(), 2u);
  EXPECT_FALSE(e.sources[0].claims);
  ASSERT_TRUE(e.sources[1].claims);
  EXPECT_EQ(e.sources[1].claims_text, "2014");
  EXPECT_EQ(e.sources[1].claims->start.precision, Precision::Year);
  EXPECT_TRUE(e.date_disputed());
}

TEST(YamlLoader, AnEventWithAnErrorAnywhereIsLeftOut) {
  auto l = with_events(R"(  - id: intervention
    title: Intervention
    date: 2015-09-30/..
    sources:
      - {source: a1, locator: "para 11", claims: "2014-13"}
  - {id: b, title: B, date: 2016}
)");
  EXPECT_EQ(l.out, "t.yaml:12:50: error: invalid date '2014-13': month must be 01 to 12\n");
  ASSERT_EQ(l.t.event_count(), 1u);
  EXPECT_EQ(l.t.event(0).id, "b");
}

TEST(YamlLoader, MalformedYaml) {
  auto l = load("title: [unclosed\nevents: []\n");
  // The title's entry is read on its own: the flow list is found unclosed where the next root key begins.
  EXPECT_EQ(l.out, "t.yaml:2:1: error: malformed YAML: end of sequence flow not found\n");
  EXPECT_TRUE((l.t.event_count() == 0));
}

TEST(YamlLoader, QualifiedDatesInFlowMapsGetAHint) {
  auto l = with_events("  - {id: a, title: A, date: 2015-09?, lanes: [russia]}\n");
  EXPECT_EQ(l.out,
            "t.yaml:8:36: error: malformed YAML: unknown token (inside {...} or [...], quote a date with a "
            "qualifier: \"2015-09?\"); the event at line 8 is skipped\n");
  EXPECT_EQ(with_events("  - {id: a, title: A, date: \"2015-09?\", lanes: [russia]}\n").out, "");
}

TEST(YamlLoader, EmptyFile) { EXPECT_EQ(load("").out, "t.yaml:1:1: error: the file is empty\n"); }

TEST(YamlLoader, RootMustBeAMap) {
  EXPECT_EQ(load("- a\n- b\n").out,
            "t.yaml:1:1: error: the file must be a map with 'title', 'lanes', 'sources' and 'events', not a list\n");
}

TEST(YamlLoader, WrongTypes) {
  auto l = with_events(R"(  - id: [x]
    title: {a: b}
    date: 2015
  - just text
)");
  EXPECT_EQ(l.out,
            "t.yaml:8:9: error: 'id' must be text, not a list\n"
            "t.yaml:9:12: error: 'title' must be text, not a map\n"
            "t.yaml:11:5: error: an event must be a map, not text\n");
}

TEST(YamlLoader, MissingRequiredKeys) {
  auto l = with_events(R"(  - title: No id
    date: 2015
  - id: no-title
    date: 2015
  - id: no-date
    title: Undated
)");
  EXPECT_EQ(l.out,
            "t.yaml:8:5: error: an event is missing 'id'\n"
            "t.yaml:10:5: error: an event is missing 'title'\n"
            "t.yaml:12:5: error: an event is missing 'date'\n");
  EXPECT_TRUE((l.t.event_count() == 0));
}

TEST(YamlLoader, InvalidAndImpossibleDates) {
  auto l = with_events(R"(  - {id: a, title: A, date: 2017-02-30}
  - {id: b, title: B, date: 2015-13}
  - {id: c, title: C, date: "next week"}
  - {id: d, title: D, date: 2016-03-14/2015-09-30}
)");
  EXPECT_EQ(l.out,
            "t.yaml:8:29: error: impossible date '2017-02-30': February 2017 has no day 30\n"
            "t.yaml:9:29: error: invalid date '2015-13': month must be 01 to 12\n"
            "t.yaml:10:29: error: malformed date 'next week': expected a four-digit year such as 2015 or -0500\n"
            "t.yaml:11:29: error: interval '2016-03-14/2015-09-30' ends before it starts\n");
}

TEST(YamlLoader, DuplicateEventIds) {
  auto l = with_events(R"(  - {id: a, title: A, date: 2015}
  - {id: a, title: A again, date: 2016}
)");
  EXPECT_EQ(l.out, "t.yaml:9:5: error: duplicate event id 'a' (first at line 8)\n");
  ASSERT_EQ(l.t.event_count(), 1u);
  EXPECT_EQ(l.t.event(0).title, "A");
}

TEST(YamlLoader, DuplicateIdIsReportedEvenWhenTheEventHasOtherErrors) {
  auto l = with_events(R"(  - {id: a, title: A, date: 2015}
  - {id: a, title: A again, date: 2017-02-30}
)");
  EXPECT_EQ(l.out,
            "t.yaml:9:5: error: duplicate event id 'a' (first at line 8)\n"
            "t.yaml:9:35: error: impossible date '2017-02-30': February 2017 has no day 30\n");
}

TEST(YamlLoader, DuplicateKeysInOneMap) {
  auto l = with_events(R"(  - id: a
    title: First
    title: Second
    date: 2015
)");
  EXPECT_EQ(l.out, "t.yaml:10:5: error: duplicate key 'title' (first at line 9)\n");
}

TEST(YamlLoader, UnknownLanesAndSources) {
  auto l = with_events(R"(  - id: a
    title: A
    date: 2015
    lanes: [russia, mars]
    sources:
      - {source: nowhere, locator: "para 1"}
)");
  EXPECT_EQ(l.out,
            "t.yaml:11:21: error: unknown lane 'mars'\n"
            "t.yaml:13:18: error: unknown source 'nowhere'\n");
  EXPECT_EQ(l.t.event_count(), 0u);  // an event with an error is left out
}

TEST(YamlLoader, UnknownKeysWarn) {
  auto l = with_events(R"(  - {id: a, title: A, date: 2015, colour: red}
)");
  EXPECT_EQ(l.out, "t.yaml:8:35: warning: unknown key 'colour' in an event (ignored)\n");
  EXPECT_EQ(l.t.event_count(), 1u);
}

TEST(YamlLoader, BadFieldValues) {
  auto l = load(R"(lanes:
  - {id: x, color: red, order: first}
sources:
  - {id: s, title: S, url: "ftp://example.org", published: 2016-02-30}
events:
  - id: e
    title: E
    date: 2015
    sources: [{source: s, dated: guessed}]
)");
  EXPECT_EQ(l.out,
            "t.yaml:2:20: error: color 'red' must be written #rrggbb\n"
            "t.yaml:2:32: error: 'order' must be a whole number, not 'first'\n"
            "t.yaml:4:28: error: url 'ftp://example.org' must start with http:// or https://\n"
            "t.yaml:4:60: error: impossible date '2016-02-30': February 2016 has no day 30\n"
            "t.yaml:9:34: error: 'dated' must be stated, inferred or external, not 'guessed'\n");
}

TEST(YamlLoader, ReportsAllProblemsNotJustTheFirst) {
  auto l = with_events(R"(  - {id: a, title: A, date: 2017-02-30}
  - {id: b, title: B, date: 2015, lanes: [pluto]}
  - {id: b, title: B, date: 2015, extra: 1}
)");
  EXPECT_EQ(l.out,
            "t.yaml:8:29: error: impossible date '2017-02-30': February 2017 has no day 30\n"
            "t.yaml:9:43: error: unknown lane 'pluto'\n"
            "t.yaml:10:5: error: duplicate event id 'b' (first at line 9)\n"
            "t.yaml:10:35: warning: unknown key 'extra' in an event (ignored)\n");
}

TEST(YamlLoader, SelfReferencingAliasIsAnError) {
  auto l = load("title: &a [x, *a]\n");
  EXPECT_EQ(l.out, "t.yaml:1:15: error: alias refers to a node that contains it\n");
}

TEST(YamlLoader, AliasBombIsStopped) {
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  auto l = load(bomb);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds{20});  // a hang guard, not a timing
  EXPECT_NE(l.out.find("error: aliases expand to more than 1000000 nodes"), std::string::npos) << l.out;
}

TEST(YamlLoader, PlainAliasesStillWork) {
  auto l = load(std::string{kHead} + R"(  - {id: a, title: A, date: 2015, lanes: &both [russia, iran]}
  - {id: b, title: B, date: 2016, lanes: *both}
)");
  EXPECT_EQ(l.out, "");
  ASSERT_EQ(l.t.event_count(), 2u);
  EXPECT_EQ(l.t.event(1).lanes.size(), 2u);
}

TEST(YamlLoader, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "title: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
  auto l = load(deep);
  EXPECT_NE(l.out.find("t.yaml:1:"), std::string::npos);
  EXPECT_NE(l.out.find("error: nesting deeper than 64 levels"), std::string::npos) << l.out;
}

TEST(YamlLoader, SecondDocumentIsReported) {
  auto l = load("title: A\n---\ntitle: B\n");
  EXPECT_EQ(l.out, "t.yaml:3:1: error: a file holds one YAML document; this second one is not read\n");
  EXPECT_EQ(l.t.title, "A");
}

TEST(YamlLoader, GarbageNeverHangsOrCrashes) {
  // Inputs known to trouble yaml-cpp (LoadAll loops on some); each must end with a diagnostic or a result.
  const char* inputs[] = {"{", "[", "]", "}", ":", "- - - -", "&a", "*a", "!!binary", "%YAML 1.2\n---\n",
                          "? [a]\n: b\n", "\t\tx", "a: b: c", "'unterminated", "\"\\x\"", "---\n...\n---\n- [",
                          "\xff\xfe\x00", "a: !<!> b", "{a: 1, a: 2}", "<<: *x"};
  for (const char* in : inputs) {
    Diagnostics d{"g.yaml"};
    (void)load_timeline_yaml(in, d);
    SUCCEED() << in;
  }
}

TEST(YamlLoader, UnreadableFile) {
  Diagnostics d{"/nonexistent/x.yaml"};
  load_timeline_file("/nonexistent/x.yaml", d);
  EXPECT_EQ(d.format_all(), "/nonexistent/x.yaml: error: cannot read the file: No such file or directory\n");
}

TEST(YamlLoader, MutatedFilesNeverCrashOrHang) {
  // Seeded byte mutations of the fixtures: deletions, duplications and replacements by YAML's own
  // punctuation. Every one must end with a result or diagnostics.
  std::string base;
  ASSERT_TRUE(read_file(std::string{CS_FIXTURES} + "/small.yaml", base));
  const std::string punctuation = "{}[]:-,&*!|>'\"%@`#?~/\n\t .0";
  std::uint64_t s = 12345;
  auto next = [&] { return (s = s * 6364136223846793005ull + 1442695040888963407ull) >> 33; };
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 400; ++i) {
    std::string text = base;
    for (int m = 0, n = 1 + int(next() % 6); m < n && !text.empty(); ++m) {
      const std::size_t at = next() % text.size();
      switch (next() % 3) {
        case 0: text.erase(at, 1 + next() % 8); break;
        case 1: text.insert(at, text.substr(at, 1 + next() % 40)); break;
        default: text[at] = punctuation[next() % punctuation.size()];
      }
    }
    Diagnostics d{"m.yaml"};
    (void)load_timeline_yaml(text, d);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds{60});  // a hang guard
}

// The loader uses the cores the process may run on, not every core the machine has: pinned to one core
// (as `taskset -c 0` does), it counts one.
TEST(YamlLoader, UsableCoresFollowTheAffinity) {
  cpu_set_t before;
  CPU_ZERO(&before);
  ASSERT_EQ(sched_getaffinity(0, sizeof before, &before), 0);
  EXPECT_EQ(usable_cores(), unsigned(CPU_COUNT(&before)));
  int first = 0;
  while (!CPU_ISSET(first, &before)) ++first;
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(first, &one);
  ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
  EXPECT_EQ(usable_cores(), 1u);
  ASSERT_EQ(sched_setaffinity(0, sizeof before, &before), 0);
}
