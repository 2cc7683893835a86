// The YAML writer: events.yaml and the stories fixture written fresh and loaded back unchanged, in the
// house style (flow maps for lanes and citations, folded long text, quotes only where needed), every EDTF
// form of docs/schema.md readable again in block and flow places, and stories per issue 11's contract.
#include "model/io/yaml_writer.hpp"

#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"
#include "model/io/yaml_tree.hpp"

#include <gtest/gtest.h>

using namespace cs;

namespace {

Timeline load(std::string_view text, std::string* diag = nullptr) {
  Diagnostics d{"t.yaml"};
  Timeline t = load_timeline_yaml(text, d);
  if (diag) *diag = d.format_all();
  else EXPECT_FALSE(d.has_errors()) << d.format_all();
  return t;
}

std::string file(const std::string& path) {
  std::string text;
  EXPECT_TRUE(read_file(path, text)) << path;
  return text;
}

void expect_same(const Timeline& a, const Timeline& b) {
  EXPECT_EQ(b.title, a.title);
  ASSERT_EQ(b.lanes.size(), a.lanes.size());
  for (std::size_t k = 0; k < a.lanes.size(); ++k) {
    EXPECT_EQ(b.lanes[k].id, a.lanes[k].id);
    EXPECT_EQ(b.lanes[k].name, a.lanes[k].name);
    EXPECT_EQ(b.lanes[k].color, a.lanes[k].color);
    EXPECT_EQ(b.lanes[k].order, a.lanes[k].order);
  }
  ASSERT_EQ(b.sources.size(), a.sources.size());
  for (std::size_t k = 0; k < a.sources.size(); ++k) {
    const Source &x = a.sources[k], &y = b.sources[k];
    EXPECT_EQ(std::tie(y.id, y.title, y.publisher, y.published_text, y.url, y.notes, y.archive),
              std::tie(x.id, x.title, x.publisher, x.published_text, x.url, x.notes, x.archive));
    EXPECT_EQ(y.published, x.published);
  }
  ASSERT_EQ(b.stories.size(), a.stories.size());
  for (std::size_t k = 0; k < a.stories.size(); ++k) {
    const Story &x = a.stories[k], &y = b.stories[k];
    EXPECT_EQ(std::tie(y.id, y.title), std::tie(x.id, x.title));
    ASSERT_EQ(y.steps.size(), x.steps.size());
    for (std::size_t j = 0; j < x.steps.size(); ++j) {
      const StoryStep &p = x.steps[j], &q = y.steps[j];
      EXPECT_EQ(std::tie(q.title, q.range_text, q.focus, q.lanes, q.caption, q.notes),
                std::tie(p.title, p.range_text, p.focus, p.lanes, p.caption, p.notes));
      EXPECT_EQ(q.range, p.range);
    }
  }
  ASSERT_EQ(b.event_count(), a.event_count());
  for (EventIndex i = 0; i < a.event_count(); ++i) {
    const Event x = a.event(i), y = b.event(i);
    EXPECT_EQ(std::tie(y.id, y.title, y.date_text, y.lanes, y.tags, y.summary, y.notes),
              std::tie(x.id, x.title, x.date_text, x.lanes, x.tags, x.summary, x.notes));
    EXPECT_EQ(y.when, x.when);
    ASSERT_EQ(y.sources.size(), x.sources.size()) << x.id;
    for (std::size_t k = 0; k < x.sources.size(); ++k) {
      const SourceRef &p = x.sources[k], &q = y.sources[k];
      EXPECT_EQ(std::tie(q.source, q.locator, q.quote, q.dated, q.date_note, q.claims_text),
                std::tie(p.source, p.locator, p.quote, p.dated, p.date_note, p.claims_text));
      EXPECT_EQ(q.claims, p.claims);
    }
  }
}

}  // namespace

TEST(YamlWriter, EventsYamlComesBackUnchanged) {
  const Timeline a = load(file(std::string{CS_SOURCE_DIR} + "/events.yaml"));
  Diagnostics losses{"out.yaml"};
  const std::string yaml = write_yaml(a, losses);
  EXPECT_EQ(losses.format_all(), "");
  std::string diag;
  const Timeline b = load(yaml, &diag);
  EXPECT_EQ(diag, "");
  expect_same(a, b);
}

// Its stories too, as far as the loader reads them (issue 11's loader fills Timeline::stories).
TEST(YamlWriter, TheStoriesFixtureComesBackUnchanged) {
  const Timeline a = load(file(std::string{CS_FIXTURES} + "/interop/stories.yaml"));
  ASSERT_EQ(a.event_count(), 3u);
  Diagnostics losses{"out.yaml"};
  const Timeline b = load(write_yaml(a, losses));
  expect_same(a, b);
}

TEST(YamlWriter, TheHouseStyle) {
  Timeline t = load(file(std::string{CS_FIXTURES} + "/interop/stories.yaml"));
  t.stories.clear();  // their layout is StoriesFollowTheirContract's
  Diagnostics losses;
  EXPECT_EQ(write_yaml(t, losses),
            R"(title: Stories fixture
lanes:
  - {id: russia, name: Russia, color: "#c0392b"}
  - {id: iran, name: Iran, color: "#1e8449", order: 2}

sources:
  - id: art
    title: "An article: with a colon"
    publisher: Alwaght
    published: 2016-04-13?
    url: https://example.org/a
    notes: >-
      No date is printed; it is read from the address of the repost, which dates the repost and not the
      original, hence the question mark.

events:
  - id: visit
    title: Putin visits Tehran
    date: 2015-11-23
    lanes: [russia, iran]
    tags: [diplomacy]
    summary: >-
      Putin meets Khamenei in Tehran; the two speak of Syria for two hours, and the talks are described as a
      turning point by both sides.
    sources:
      - {source: art, locator: para 9, dated: inferred, quote: Putin met Khamenei,
         date_note: "From 'on Monday': the article's date."}
  - id: "1984"
    title: "1984"
    date: "-0499"
    lanes: [iran]
    notes: |-
      First line.
      Second line.
  - id: ongoing
    title: Cooperation goes on
    date: 2016-01-15/..
    lanes: [iran]
    sources:
      - {source: art, dated: stated, claims: "2015"}
)");
}

TEST(YamlWriter, LongLinesAreFoldedWithinTheWidth) {
  const Timeline a = load(file(std::string{CS_SOURCE_DIR} + "/events.yaml"));
  Diagnostics losses;
  const std::string yaml = write_yaml(a, losses);
  std::size_t folded = 0, a_line = 0;
  bool in_block = false;
  while (a_line < yaml.size()) {
    const std::size_t nl = yaml.find('\n', a_line);
    const std::string_view line = std::string_view{yaml}.substr(a_line, nl - a_line);
    if (line.ends_with(">-")) in_block = true, ++folded;
    else if (in_block && !line.starts_with("      ")) in_block = false;
    if (in_block) {
      EXPECT_LE(line.size(), 110u) << line;
    }
    a_line = nl + 1;
  }
  EXPECT_GT(folded, 50u);
}

TEST(YamlWriter, EveryEdtfFormReadsBackInBlockAndFlowPlaces) {
  const std::vector<std::string> forms = {
      "2015", "2015-11", "2015-11-23", "2015-11-23T10:30Z", "2015-11-23T14:00+03:30", "2015-11-23T10:30:00.25Z",
      "-0500", "0000", "2015-09-30/2016-03-14", "2015/2016-03", "2014~", "2015-09?", "2015%", "201X", "19XX",
      "2004-XX", "1985-04-XX", "2001-21", "Y170000", "Y-17000", "2004-06-11/", "/2006", "2004-06-11/..", "../2006",
      "1984~/2004-06?", "2004?-06-11", "2004-06~-11", "?2004-06-~11", "?2015", "?-0500", "156X-12-25", "XXXX-12-XX",
      "2001-25", "Y-17E7", "[2018-05-28,2018-05-29]", "{1960,1961-12}", "[1667,1668,1670..1672]", "[..1760-12-03]",
      "[1760-12..]", "{..1984}", "201X/2015", "2004-06-~01/2004-06-~20"};
  Timeline a;
  a.add_source({"s", "A source"});
  for (std::size_t k = 0; k < forms.size(); ++k) {
    Event e;
    e.id = "e" + std::to_string(k);
    e.title = forms[k];
    e.date_text = forms[k];
    const auto w = parse_edtf(forms[k]);
    ASSERT_TRUE(w.value) << forms[k] << ": " << w.error.message;
    e.when = *w.value;
    SourceRef r;
    r.source = "s";
    r.claims_text = forms[k];
    r.claims = w.value;
    e.sources = {r};
    a.add_event(e);
  }
  Diagnostics losses;
  const std::string yaml = write_yaml(a, losses);
  std::string diag;
  const Timeline b = load(yaml, &diag);
  EXPECT_EQ(diag, "") << yaml;
  expect_same(a, b);
}

TEST(YamlWriter, StoriesFollowTheirContract) {
  Timeline t;
  Story s;
  s.id = "partnership";
  s.title = "How the partnership formed";
  StoryStep one;
  one.title = "Entry";
  one.range_text = "2015-09/2015-12";
  one.focus = {"russian-intervention", "putin-visits-tehran"};
  one.lanes = {"russia", "iran"};
  one.caption = "The campaign opens and Moscow courts Tehran.";
  one.notes = "Speaker notes: never shown.";
  StoryStep two;
  two.range_text = "2016/2017";
  s.steps = {one, two};
  t.stories = {s};
  Diagnostics losses;
  const std::string yaml = write_yaml(t, losses);
  EXPECT_NE(yaml.find(R"(stories:
  - id: partnership
    title: How the partnership formed
    steps:
      - title: Entry
        range: 2015-09/2015-12
        focus: [russian-intervention, putin-visits-tehran]
        lanes: [russia, iran]
        caption: The campaign opens and Moscow courts Tehran.
        notes: "Speaker notes: never shown."
      - range: 2016/2017
)"),
            std::string::npos)
      << yaml;
  // And it is YAML that holds them as written.
  Diagnostics d;
  YamlDocument doc{yaml, d};
  ASSERT_EQ(d.format_all(), "");
  const YNode* steps = doc.root()->find("stories")->items[0]->find("steps");
  ASSERT_EQ(steps->items.size(), 2u);
  EXPECT_EQ(steps->items[0]->find("focus")->items[1]->value, "putin-visits-tehran");
  EXPECT_EQ(steps->items[0]->find("notes")->value, "Speaker notes: never shown.");
  EXPECT_EQ(steps->items[1]->find("range")->value, "2016/2017");
}

TEST(YamlWriter, WhatYamlCannotHoldIsSaid) {
  Timeline t;
  t.store().add({"a", "A", "2015", "https://example.org/a", *parse_edtf("2015").value, {}, {}, 2, 1});
  Diagnostics losses{"out.yaml"};
  write_yaml(t, losses);
  EXPECT_EQ(losses.format_all(),
            "out.yaml: warning: YAML cannot hold event links (url); they are left out (1 event)\n");
}
