// The loader reading list items one by one: a slip costs one item, all cores read what one reads, aliases
// between items fall back to reading whole, merge keys, capped reports of unknown lanes, and stories.
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <random>

namespace cs {
namespace {

std::string events_text(int n, const std::function<std::string(int)>& item) {
  std::string t = "title: T\nlanes:\n  - {id: a}\nevents:\n";
  for (int i = 0; i < n; ++i) t += item(i);
  return t;
}

TEST(YamlLoaderItems, ASlipInOneEventKeepsAllOthers) {
  const std::string t = events_text(10, [](int i) {
    return "  - id: e" + std::to_string(i) + "\n" + (i == 3 ? "   title: E\n" : "    title: E\n") + "    date: 2015\n";
  });
  Diagnostics d{"t.yaml"};
  Timeline tl;
  const YamlLoadStats stats = load_timeline_yaml(t, tl, d, YamlLoadOptions{});
  EXPECT_EQ(tl.event_count(), 9u);
  EXPECT_EQ(stats.events_listed, 10u);
  EXPECT_EQ(stats.events_skipped, 1u);
  EXPECT_EQ(d.format_all(),  // yaml-cpp ends the item's map where the slip is
            "t.yaml:14:5: error: an event is missing 'title'\nt.yaml:14:5: error: an event is missing 'date'\n");
}

TEST(YamlLoaderItems, AnUnclosedQuoteCostsItsEventOnly) {
  const std::string t = events_text(6, [](int i) {
    return "  - {id: e" + std::to_string(i) + ", title: " + (i == 2 ? "\"open" : "E") + ", date: 2015}\n";
  });
  Diagnostics d{"t.yaml"};
  const Timeline tl = load_timeline_yaml(t, d);
  EXPECT_EQ(tl.event_count(), 5u);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_NE(d.items()[0].message.find("the event at line 7 is skipped"), std::string::npos) << d.format_all();
  EXPECT_EQ(d.items()[0].pos.line, 7);  // where the event's own text ends, the quote still open
  EXPECT_EQ(d.items()[0].pos.column, 39);
}

// A quoted title that goes on over a line the cutter took for the next item is read as YAML reads it:
// the title takes that line, which is then reported, and the items around it are read as they are (the
// fast reader declines the first item, and yaml-cpp reads on past it).
TEST(YamlLoaderItems, AQuoteRunningOverACutLineIsReadAsYamlReadsIt) {
  for (const char* quote : {"\"", "'"}) {
    const std::string q = quote;
    // "- id: z'" would read well alone: only the open quote says it is not an item.
    const std::string t = "title: T\nlanes:\n  - {id: a}\nevents:\n  - id: x\n    date: 2015\n    title: " + q +
                          "two\n  - id: z" + q + "\n  - id: y\n    title: Y\n    date: 2016\n";
    Diagnostics d{"t.yaml"};
    Timeline tl;
    load_timeline_yaml(t, tl, d, YamlLoadOptions{});
    ASSERT_EQ(tl.event_count(), 2u) << d.format_all();
    EXPECT_EQ(tl.store().id(0), "x");
    EXPECT_EQ(tl.store().title(0), "two - id: z");
    EXPECT_EQ(tl.store().id(1), "y");
    EXPECT_EQ(d.format_all(), "t.yaml:8:3: error: this line is not the start of the event (check its indentation); it is skipped\n");
  }
}

TEST(YamlLoaderItems, AllCoresReadWhatOneReads) {
  std::mt19937 rng{5};
  const std::string t = events_text(4000, [&](int i) {
    const int kind = int(rng() % 40);
    const std::string id = "e" + std::to_string(kind == 1 ? i - 1 : i);  // now and then a duplicate id
    if (kind == 2) return "  - {id: " + id + ", title: [bad, date: 2015}\n";
    if (kind == 3) return "  - id: " + id + "\n    title: T\n    date: 2015-13\n";
    return "  - id: " + id + "\n    title: Event " + std::to_string(i) + "\n    date: " + std::to_string(1900 + i % 120) +
           "\n    lanes: [a]\n    tags: [t" + std::to_string(i % 7) + "]\n";
  });
  auto read = [&](int threads) {
    Diagnostics d{"t.yaml"};
    Timeline tl;
    YamlLoadOptions o;
    o.threads = threads;
    load_timeline_yaml(t, tl, d, o);
    std::string out = d.format_all();
    for (EventIndex i = 0; i < tl.event_count(); ++i) {
      const Event e = tl.event(i);
      out += e.id + "|" + e.title + "|" + e.date_text + "|" + std::to_string(e.pos.line);
      for (const auto& g : e.tags) out += "|" + g;
      out += "\n";
    }
    return std::make_pair(out, tl.event_count());
  };
  const auto one = read(1), four = read(4);
  EXPECT_EQ(one.first, four.first);
  EXPECT_GT(one.second, 3500u);
  EXPECT_LT(one.second, 4000u);
}

TEST(YamlLoaderItems, AliasesBetweenItemsAreReadWhole) {
  const std::string t = events_text(1, [](int) { return "  - {id: x, title: X, date: 2015, lanes: &both [a]}\n"; }) +
                        "  - {id: y, title: Y, date: 2016, lanes: *both}\n";
  Diagnostics d{"t.yaml"};
  SourceMap map;
  Timeline tl;
  YamlLoadOptions o;
  o.map = &map;
  load_timeline_yaml(t, tl, d, o);
  EXPECT_EQ(d.format_all(), "");
  ASSERT_EQ(tl.event_count(), 2u);
  EXPECT_EQ(tl.event(1).lanes, std::vector<std::string>{"a"});
  EXPECT_TRUE(map.whole);
  ASSERT_EQ(map.events.items.size(), 2u);
  EXPECT_EQ(map.events.items[1].index, 1);
}

TEST(YamlLoaderItems, MergeKeysAreHonoured) {
  const std::string t = "title: T\nlanes: [{id: a}]\nbase: &base {lanes: [a], tags: [t]}\nevents:\n"
                        "  - {<<: *base, id: x, title: X, date: 2015}\n"
                        "  - {<<: *base, id: y, title: Y, date: 2016, tags: [own]}\n";
  Diagnostics d{"t.yaml"};
  const Timeline tl = load_timeline_yaml(t, d);
  EXPECT_EQ(d.format_all(), "t.yaml:3:1: warning: unknown key 'base' in the file (ignored)\n");
  ASSERT_EQ(tl.event_count(), 2u);
  EXPECT_EQ(tl.event(0).tags, std::vector<std::string>{"t"});
  EXPECT_EQ(tl.event(1).tags, std::vector<std::string>{"own"});
  EXPECT_EQ(tl.event(1).lanes, std::vector<std::string>{"a"});
}

TEST(YamlLoaderItems, ManyUnknownLanesAreReportedOnceEachWithACap) {
  std::string lanes;
  for (int i = 0; i < 30000; ++i) lanes += (i ? ", l" : "l") + std::to_string(i % 20000);
  const std::string t = "title: T\nlanes: [{id: a}]\nevents:\n  - {id: x, title: X, date: 2015, lanes: [" + lanes + "]}\n";
  Diagnostics d{"t.yaml"};
  const auto start = std::chrono::steady_clock::now();
  const Timeline tl = load_timeline_yaml(t, d);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds{20});  // a hang guard, not a timing
  EXPECT_EQ(d.error_count(), 11);
  EXPECT_NE(d.format_all().find("error: ... and 19990 more unknown lanes in this event"), std::string::npos);
  EXPECT_EQ(tl.event_count(), 0u);
}

TEST(YamlLoaderItems, StoriesAreReadAndChecked) {
  const std::string t =
      events_text(2, [](int i) { return "  - {id: e" + std::to_string(i) + ", title: E, date: 2015}\n"; }) +
      "stories:\n"
      "  - id: s\n"
      "    title: A story\n"
      "    steps:\n"
      "      - {range: 2015-01/2015-06, focus: [e0, e1], lanes: [a], caption: First}\n"
      "      - {range: \"2015\", caption: Second, notes: For the speaker}\n"
      "  - id: bad\n"
      "    steps:\n"
      "      - {range: 2016/2015, focus: [nobody], lanes: [mars]}\n"
      "      - {range: ../2015}\n"
      "  - {id: s, steps: []}\n";
  Diagnostics d{"t.yaml"};
  const Timeline tl = load_timeline_yaml(t, d);
  EXPECT_EQ(d.format_all(),
            "t.yaml:15:17: error: interval '2016/2015' ends before it starts\n"
            "t.yaml:15:36: error: unknown event 'nobody'\n"
            "t.yaml:15:53: error: unknown lane 'mars'\n"
            "t.yaml:16:17: error: a step's range needs a known start and end, such as 2015-09/2015-12, not '../2015'\n"
            "t.yaml:17:5: error: duplicate story id 's' (first at line 8)\n");
  ASSERT_EQ(tl.stories.size(), 1u);
  const Story& s = tl.stories[0];
  EXPECT_EQ(s.title, "A story");
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].focus, (std::vector<std::string>{"e0", "e1"}));
  EXPECT_EQ(s.steps[1].notes, "For the speaker");
  ASSERT_TRUE(s.steps[1].range);
  EXPECT_EQ(s.steps[1].range->start.precision, Precision::Year);
}

}  // namespace
}  // namespace cs
