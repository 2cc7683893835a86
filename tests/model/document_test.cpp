// The document: edits are minimal patches (every other byte stays), the model after an edit is what a fresh
// read of the edited text gives, refused edits change nothing, undo and redo restore the exact bytes, saves
// are atomic and never overwrite an outside change.
#include "model/document.hpp"

#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

namespace cs {
namespace {

const char* kFile = R"(# A file in several styles. Comments stay where they are.
title: Styles
lanes:
  - {id: russia, name: Russia, color: "#c0392b"}
  - {id: iran, name: Iran, color: "#1e8449"}
  - id: syria
    name: Syria
sources:
  - {id: s1, title: An article, publisher: Alwaght}
  - {id: s2, title: Another, publisher: VK}
events:
  # --- first section ---
  - id: visit
    title: Putin visits Tehran   # the visit
    date: 2015-11-23
    lanes: [russia, iran]
    tags: [diplomacy]
    summary: >-
      Putin meets Khamenei
      in Tehran.
    sources:
      - {source: s1, locator: "para 9", dated: inferred}

  - id: campaign
    title: 'Air campaign in Syria'
    date: "2015-09-30/2016-03-14"
    lanes:
      - russia
    notes: |
      First line.
      Second line.

  # --- second section ---
  - {id: b1, title: Burst 1, date: 2015-03-01, lanes: [syria]}
  - {id: b2, title: "Burst 2", date: 2015-03-02, lanes: [syria], tags: [x]}
stories: []
)";

std::string read(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Everything the timeline holds, as text, so two timelines can be compared in one assertion.
std::string dump(const Timeline& t) {
  std::string out = "title=" + t.title + "\n";
  for (const Lane& l : t.lanes)
    out += "lane " + l.id + "|" + l.name + "|" + std::to_string(l.color.r) + "," + std::to_string(l.color.g) + "," +
           std::to_string(l.color.b) + "|" + std::to_string(l.order) + "\n";
  for (const Source& s : t.sources) out += "source " + s.id + "|" + s.title + "|" + s.publisher + "|" + s.url + "\n";
  for (EventIndex i = 0; i < t.event_count(); ++i) {
    const Event e = t.event(i);
    out += "event " + e.id + "|" + e.title + "|" + e.date_text + "|line " + std::to_string(e.pos.line) + "|lanes";
    for (const auto& l : e.lanes) out += " " + l;
    out += "|tags";
    for (const auto& g : e.tags) out += " " + g;
    out += "|" + e.summary + "|" + e.notes + "|";
    for (const SourceRef& r : e.sources)
      out += r.source + "," + r.locator + "," + std::string{to_string(r.dated)} + "," + r.claims_text + ";";
    out += "\n";
  }
  return out;
}

// The index the document keeps up to date equals one built afresh.
std::string dump_index(const TimelineIndex& x) {
  std::string out;
  for (std::size_t s = 0; s < x.slots().size(); ++s) {
    out += std::string{x.slots()[s].id()} + ":";
    for (EventIndex e : x.order(s)) out += " " + std::string{x.store().id(e)};
    out += " /" + std::to_string(x.members(s)) + "\n";
  }
  Seconds a, b;
  if (x.extent(a, b)) out += format_iso(a) + " " + format_iso(b);
  return out;
}

// The document's incremental state matches a fresh read of its own text.
void expect_fresh(const Document& d) {
  Diagnostics diag{"fresh"};
  const Timeline fresh = load_timeline_yaml(d.text(), diag);
  EXPECT_EQ(dump(d.timeline()), dump(fresh));
  EXPECT_EQ(dump_index(d.index()), dump_index(TimelineIndex{fresh}));
  for (EventIndex i = 0; i < d.timeline().event_count(); ++i)
    EXPECT_EQ(d.find_event(d.timeline().store().id(i)), std::optional<EventIndex>{i});
}

// Applies op and checks that exactly one stretch of bytes changed.
std::string edit(Document& d, const EditOp& op) {
  const std::string before = d.text();
  const EditResult r = d.apply(op);
  EXPECT_TRUE(r.ok) << r.problems.format_all();
  const std::string& after = d.text();
  std::size_t a = 0;
  while (a < before.size() && a < after.size() && before[a] == after[a]) ++a;
  std::size_t b = 0;
  while (b < before.size() - a && b < after.size() - a && before[before.size() - 1 - b] == after[after.size() - 1 - b]) ++b;
  return after.substr(a, after.size() - a - b);  // what was written in place of the old bytes
}

std::unique_ptr<Document> doc(const std::string& text = kFile) { return Document::from_text("t.yaml", text); }

TEST(Document, LoadsWithASourceMap) {
  auto d = doc();
  EXPECT_EQ(d->diagnostics().format_all(), "");
  EXPECT_EQ(d->timeline().event_count(), 4u);
  EXPECT_EQ(d->source_map().events.items.size(), 4u);
  EXPECT_EQ(d->source_map().events.items[1].line, 24u);
  EXPECT_EQ(d->event_line(*d->find_event("b2")), 35);
  EXPECT_EQ(d->read_only_reason(), "");
}

TEST(Document, SettingATitleKeepsTheCommentAfterIt) {
  auto d = doc();
  EXPECT_EQ(edit(*d, EditOp::set("visit", "title", "Putin in Tehran")), "in");  // "visits" became "in", nothing else
  EXPECT_NE(d->text().find("    title: Putin in Tehran   # the visit\n"), std::string::npos);
  EXPECT_EQ(d->timeline().event(*d->find_event("visit")).title, "Putin in Tehran");
  expect_fresh(*d);
}

TEST(Document, ValuesKeepTheirQuotingStyle) {
  auto d = doc();
  edit(*d, EditOp::set("campaign", "title", "Air war"));
  EXPECT_NE(d->text().find("    title: 'Air war'\n"), std::string::npos);
  edit(*d, EditOp::set("campaign", "date", "2015-10"));
  EXPECT_NE(d->text().find("    date: \"2015-10\"\n"), std::string::npos);
  edit(*d, EditOp::set("visit", "title", "Tehran: the visit #2"));  // needs quotes
  EXPECT_NE(d->text().find("    title: \"Tehran: the visit #2\"   # the visit\n"), std::string::npos);
  edit(*d, EditOp::set("b2", "title", "Burst two"));
  EXPECT_NE(d->text().find("title: \"Burst two\", date: 2015-03-02"), std::string::npos);
  edit(*d, EditOp::set("b1", "date", "2015-03?"));  // a qualifier inside {...} must be quoted
  EXPECT_NE(d->text().find("{id: b1, title: Burst 1, date: \"2015-03?\", lanes: [syria]}"), std::string::npos);
  expect_fresh(*d);
}

TEST(Document, MultiLineTextBecomesALiteralBlock) {
  auto d = doc();
  edit(*d, EditOp::set("visit", "summary", "\"two\\nlines\""));
  EXPECT_NE(d->text().find("    summary: |-\n      two\n      lines\n    sources:"), std::string::npos) << d->text();
  EXPECT_EQ(d->timeline().event(*d->find_event("visit")).summary, "two\nlines");
  edit(*d, EditOp::set("campaign", "notes", "One line only."));
  EXPECT_NE(d->text().find("    notes: |-\n      One line only.\n"), std::string::npos) << d->text();
  expect_fresh(*d);
}

TEST(Document, ListsKeepTheirFlowOrBlockStyle) {
  auto d = doc();
  edit(*d, EditOp::set("visit", "lanes", "[iran]"));
  EXPECT_NE(d->text().find("    lanes: [iran]\n"), std::string::npos);
  edit(*d, EditOp::set("campaign", "lanes", "[russia, syria]"));
  EXPECT_NE(d->text().find("    lanes:\n      - russia\n      - syria\n    notes:"), std::string::npos) << d->text();
  edit(*d, EditOp::set("visit", "sources", "[{source: s2, locator: para 1}, {source: s1}]"));
  // The first citation changed in place: its locator keeps the old one's quotes.
  EXPECT_NE(d->text().find("    sources:\n      - {source: s2, locator: \"para 1\"}\n      - {source: s1}\n\n  - id: campaign"),
            std::string::npos)
      << d->text();
  expect_fresh(*d);
}

TEST(Document, ChangingOneCitationLeavesTheOthersAsWritten) {
  const std::string one = "      - {source: s1, locator: \"para 9\", dated: inferred}";
  std::string text = kFile;
  text.replace(text.find(one), one.size(), one + "  # the first\n      - {source: s2, locator: 'para 3', quote: \"a, b\"}");
  auto d = doc(text);
  ASSERT_FALSE(d->diagnostics().has_errors()) << d->diagnostics().format_all();
  // The editor sets the whole list: the second citation's locator changes, the first stays equal.
  const std::string changed = edit(*d, EditOp::set("visit", "sources",
                                                   "[{source: s1, locator: para 9, dated: inferred}, "
                                                   "{source: s2, locator: para 4, quote: \"a, b\"}]"));
  EXPECT_EQ(changed, "4");  // the first citation and its comment untouched, the second patched in its quotes
  EXPECT_NE(d->text().find("      - {source: s1, locator: \"para 9\", dated: inferred}  # the first\n"), std::string::npos) << d->text();
  // Reordered: both keep their text.
  edit(*d, EditOp::set("visit", "sources", "[{source: s2, locator: para 4, quote: \"a, b\"}, {source: s1, locator: para 9, dated: inferred}]"));
  EXPECT_NE(d->text().find("      - {source: s1, locator: \"para 9\", dated: inferred}  # the first\n"), std::string::npos) << d->text();
  expect_fresh(*d);
}

TEST(Document, ANewKeyGoesWhereTheSchemaOrdersIt) {
  auto d = doc();
  edit(*d, EditOp::set("campaign", "tags", "[military]"));
  EXPECT_NE(d->text().find("      - russia\n    tags: [military]\n    notes: |"), std::string::npos) << d->text();
  edit(*d, EditOp::set("b1", "summary", "Short."));
  EXPECT_NE(d->text().find("lanes: [syria], summary: Short.}"), std::string::npos) << d->text();
  edit(*d, EditOp::set("campaign", "sources", "[{source: s2}]"));  // written like a neighbour's sources
  EXPECT_NE(d->text().find("    tags: [military]\n    sources:\n      - {source: s2}\n    notes:"), std::string::npos) << d->text();
  expect_fresh(*d);
}

TEST(Document, UnsettingAKeyRemovesItsLines) {
  auto d = doc();
  edit(*d, EditOp::unset("visit", "summary"));
  EXPECT_EQ(d->text().find("Khamenei"), std::string::npos);
  EXPECT_NE(d->text().find("    tags: [diplomacy]\n    sources:\n"), std::string::npos);
  edit(*d, EditOp::unset("b2", "tags"));
  EXPECT_NE(d->text().find("{id: b2, title: \"Burst 2\", date: 2015-03-02, lanes: [syria]}"), std::string::npos);
  expect_fresh(*d);
}

TEST(Document, ANewEventGoesAtTheEndOfTheListInItsNeighboursStyle) {
  auto d = doc();
  edit(*d, EditOp::add("{id: b3, title: Burst 3, date: 2015-03-04, lanes: [syria]}"));
  EXPECT_NE(d->text().find("lanes: [syria], tags: [x]}\n  - {id: b3, title: \"Burst 3\", date: 2015-03-04, lanes: [syria]}\nstories: []"),
            std::string::npos)
      << d->text();
  EXPECT_EQ(d->timeline().event_count(), 5u);
  expect_fresh(*d);
}

TEST(Document, ANewEventWithoutAnIdGetsOneFromItsTitle) {
  auto d = doc();
  const EditResult r = d->apply(EditOp::add("{title: Putin visits Tehran, date: 2016}"));
  ASSERT_TRUE(r.ok) << r.problems.format_all();
  ASSERT_EQ(r.ids.size(), 1u);
  EXPECT_EQ(r.ids[0], "putin-visits-tehran");
  expect_fresh(*d);
}

TEST(Document, DeletingAnEventTakesItsLinesOnly) {
  auto d = doc();
  const std::string before = d->text();
  edit(*d, EditOp::remove("campaign"));
  EXPECT_EQ(d->text().find("campaign"), std::string::npos);
  EXPECT_NE(d->text().find("      - {source: s1, locator: \"para 9\", dated: inferred}\n\n  # --- second section ---\n"),
            std::string::npos)
      << d->text();
  EXPECT_EQ(d->timeline().event_count(), 3u);
  expect_fresh(*d);
  edit(*d, EditOp::remove("b2"));  // the last one
  EXPECT_NE(d->text().find("lanes: [syria]}\nstories: []\n"), std::string::npos) << d->text();
  expect_fresh(*d);
}

TEST(Document, DuplicatingAnEventCopiesItsTextWithANewId) {
  auto d = doc();
  const EditResult r = d->apply(EditOp::duplicate("visit"));
  ASSERT_TRUE(r.ok) << r.problems.format_all();
  EXPECT_EQ(r.ids, std::vector<std::string>{"visit-copy"});
  EXPECT_NE(d->text().find("      - {source: s1, locator: \"para 9\", dated: inferred}\n  - id: visit-copy\n    title: Putin visits Tehran   # the visit\n"),
            std::string::npos)
      << d->text();
  EXPECT_EQ(d->timeline().store().id(1), "visit-copy");  // the store keeps file order
  expect_fresh(*d);
}

TEST(Document, AddingToAFileWithoutAFinalNewline) {
  auto d = doc("title: T\nlanes: [{id: a}]\nevents:\n  - {id: a1, title: A, date: 2015}");
  edit(*d, EditOp::add("{id: a2, title: B, date: 2016}"));
  EXPECT_EQ(d->text(), "title: T\nlanes: [{id: a}]\nevents:\n  - {id: a1, title: A, date: 2015}\n  - {id: a2, title: B, date: 2016}");
  expect_fresh(*d);
  edit(*d, EditOp::remove("a2"));
  expect_fresh(*d);
}

TEST(Document, CrlfLineEndsStay) {
  std::string crlf;
  for (const char c : std::string{kFile}) crlf += c == '\n' ? std::string{"\r\n"} : std::string(1, c);
  auto d = doc(crlf);
  edit(*d, EditOp::set("campaign", "lanes", "[russia, iran]"));
  edit(*d, EditOp::set("visit", "notes", "\"a\\nb\""));
  edit(*d, EditOp::add("{id: n1, title: New, date: 2016}"));
  std::size_t lone = 0;
  for (std::size_t i = 0; i < d->text().size(); ++i) lone += d->text()[i] == '\n' && (i == 0 || d->text()[i - 1] != '\r');
  EXPECT_EQ(lone, 0u) << d->text();
  expect_fresh(*d);
}

TEST(Document, InvalidEditsAreRefusedWithCheckMessagesAndChangeNothing) {
  auto d = doc();
  const std::string before = d->text();
  const auto refused = [&](const EditOp& op) {
    const EditResult r = d->apply(op);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(d->text(), before);
    EXPECT_EQ(d->revision(), d->revision());
    expect_fresh(*d);
    return r.problems.format_all();
  };
  EXPECT_EQ(refused(EditOp::set("visit", "date", "2017-02-30")),
            "t.yaml:15:11: error: impossible date '2017-02-30': February 2017 has no day 30\n");
  EXPECT_EQ(refused(EditOp::set("visit", "lanes", "[russia, mars]")), "t.yaml:16:21: error: unknown lane 'mars'\n");
  EXPECT_EQ(refused(EditOp::set("visit", "id", "b1")), "t.yaml:13:5: error: duplicate event id 'b1'\n");
  EXPECT_EQ(refused(EditOp::set("visit", "sources", "[{source: nowhere}]")),
            "t.yaml:22:18: error: unknown source 'nowhere'\n");
  EXPECT_EQ(refused(EditOp::set("visit", "lanes", "[russia, {")),
            "t.yaml:16:12: error: the new value of 'lanes' is not valid YAML: malformed YAML: end of map flow not found\n");
  EXPECT_EQ(refused(EditOp::unset("visit", "title")), "t.yaml:13:5: error: an event is missing 'title'\n");
  EXPECT_EQ(refused(EditOp::set("nobody", "title", "x")), "t.yaml:1:1: error: no event has the id 'nobody'\n");
  EXPECT_EQ(refused(EditOp::remove("russia", ListKind::Lanes)), "t.yaml:4:5: error: lane 'russia' is used by 2 events\n");
  EXPECT_FALSE(d->can_undo());
}

TEST(Document, SeveralOperationsAreOneStepAllOrNothing) {
  auto d = doc();
  const std::string before = d->text();
  const std::vector<EditOp> bad = {EditOp::set("b1", "tags", "[a]"), EditOp::set("b2", "date", "2015-13")};
  EXPECT_FALSE(d->apply(bad).ok);
  EXPECT_EQ(d->text(), before);
  const std::vector<EditOp> good = {EditOp::set("b1", "tags", "[a]"), EditOp::set("b2", "tags", "[a]")};
  ASSERT_TRUE(d->apply(good, "Add tag a").ok);
  EXPECT_EQ(d->undo_label(), "Add tag a");
  d->undo();
  EXPECT_EQ(d->text(), before);
  expect_fresh(*d);
}

TEST(Document, UndoAndRedoRestoreTheExactBytes) {
  auto d = doc();
  std::vector<std::string> texts = {d->text()};
  edit(*d, EditOp::set("visit", "title", "A"));
  texts.push_back(d->text());
  edit(*d, EditOp::remove("campaign"));
  texts.push_back(d->text());
  edit(*d, EditOp::add("{id: z, title: Z, date: 2020, lanes: [iran]}"));
  texts.push_back(d->text());
  edit(*d, EditOp::set("iran", "color", "\"#000000\"", ListKind::Lanes));
  texts.push_back(d->text());
  for (std::size_t k = texts.size() - 1; k-- > 0;) {
    ASSERT_TRUE(d->undo());
    EXPECT_EQ(d->text(), texts[k]);
    expect_fresh(*d);
  }
  EXPECT_FALSE(d->undo());
  for (std::size_t k = 1; k < texts.size(); ++k) {
    ASSERT_TRUE(d->redo());
    EXPECT_EQ(d->text(), texts[k]);
    expect_fresh(*d);
  }
  EXPECT_FALSE(d->redo());
}

TEST(Document, LanesAndSourcesAreEditedToo) {
  auto d = doc();
  edit(*d, EditOp::set("syria", "name", "Syrian Arab Republic", ListKind::Lanes));
  EXPECT_NE(d->text().find("  - id: syria\n    name: Syrian Arab Republic\n"), std::string::npos);
  edit(*d, EditOp::set("syria", "order", "-1", ListKind::Lanes));  // first on screen now
  EXPECT_EQ(d->timeline().lanes.front().id, "syria");
  edit(*d, EditOp::add("{id: us, name: United States}", ListKind::Lanes));
  edit(*d, EditOp::set("b1", "lanes", "[us, syria]"));
  edit(*d, EditOp::set("s2", "publisher", "Vestnik Kavkaza", ListKind::Sources));
  edit(*d, EditOp::add("{id: s3, title: Third}", ListKind::Sources));
  edit(*d, EditOp::remove("s2", ListKind::Sources));  // nobody cites it
  expect_fresh(*d);
  EXPECT_FALSE(d->apply(EditOp::set("s1", "id", "s9", ListKind::Sources)).ok);  // cited by 'visit'
}

TEST(Document, StoriesAreEditedToo) {
  auto d = doc(std::string{kFile}.replace(std::string{kFile}.find("stories: []"), 11,
                                          "stories:\n  - id: s\n    title: S\n    steps:\n      - {range: 2015, focus: [visit]}"));
  ASSERT_EQ(d->timeline().stories.size(), 1u) << d->diagnostics().format_all();
  edit(*d, EditOp::set("s", "title", "Renamed", ListKind::Stories));
  edit(*d, EditOp::set("s", "steps", "[{range: 2015-03, focus: [b1, b2], caption: Burst}]", ListKind::Stories));
  EXPECT_NE(d->text().find("    steps:\n      - {range: 2015-03, focus: [b1, b2], caption: Burst}"), std::string::npos) << d->text();
  ASSERT_EQ(d->timeline().stories[0].steps.size(), 1u);
  EXPECT_EQ(d->timeline().stories[0].steps[0].caption, "Burst");
  EXPECT_FALSE(d->apply(EditOp::set("s", "steps", "[{range: 2015, focus: [nobody]}]", ListKind::Stories)).ok);
  edit(*d, EditOp::add("{id: t, steps: [{range: 2016}]}", ListKind::Stories));
  EXPECT_EQ(d->timeline().stories.size(), 2u);
  expect_fresh(*d);
}

TEST(Document, ARandomSequenceOfEditsAlwaysMatchesAFreshRead) {
  auto d = doc();
  std::mt19937 rng{20261121};
  const std::vector<std::string> titles = {"A", "B: colon", "'quoted'", "#hash", "x\\ny", "Plain words", "-dash"};
  const std::vector<std::string> dates = {"2015", "2015-06", "2015-06-01", "2015-06-01/..", "2014~", "2016-01/2016-02?"};
  const std::vector<std::string> lanes = {"[russia]", "[iran, syria]", "[]", "[syria, russia, iran]"};
  int next = 0, applied = 0;
  for (int step = 0; step < 300; ++step) {
    const EventStore& st = d->timeline().store();
    if (st.size() == 0) {
      ASSERT_TRUE(d->apply(EditOp::add("{id: seed, title: Seed, date: 2015}")).ok);
      continue;
    }
    const std::string id{st.id(EventIndex(rng() % st.size()))};
    EditOp op;
    switch (rng() % 8) {
      case 0: op = EditOp::set(id, "title", "\"" + titles[rng() % titles.size()] + "\""); break;
      case 1: op = EditOp::set(id, "date", "\"" + dates[rng() % dates.size()] + "\""); break;
      case 2: op = EditOp::set(id, "lanes", lanes[rng() % lanes.size()]); break;
      case 3: op = EditOp::set(id, "tags", rng() % 2 ? "[t1, t2]" : "[t3]"); break;
      case 4: op = rng() % 2 ? EditOp::unset(id, "tags") : EditOp::unset(id, "summary"); break;
      case 5: op = EditOp::add("{id: n" + std::to_string(next++) + ", title: New, date: 2016, lanes: [iran]}"); break;
      case 6: op = EditOp::remove(id); break;
      default: op = rng() % 3 ? EditOp::duplicate(id) : EditOp::set(id, "summary", "\"line 1\\nline 2\""); break;
    }
    const std::string before = d->text();
    const EditResult r = d->apply(op);
    applied += r.ok;
    if (!r.ok) {
      EXPECT_EQ(d->text(), before) << r.problems.format_all();
    }
    expect_fresh(*d);
    if (step % 50 == 49) {  // now and then back and forth
      d->undo();
      expect_fresh(*d);
      d->redo();
      expect_fresh(*d);
    }
    ASSERT_FALSE(HasFailure()) << "after step " << step << ": " << op.id << " " << op.key << "\n" << d->text();
  }
  EXPECT_GT(applied, 200);
}

// The same operations on files written in other styles: lists at column 0, wide indentation, everything in
// flow maps, a BOM with CRLF line ends. Each edit changes one stretch, the model always matches a fresh
// read, and undoing everything gives back the original bytes.
class DocumentStyles : public ::testing::TestWithParam<const char*> {};

TEST_P(DocumentStyles, EditsKeepEverythingElse) {
  const std::string original = read(std::string{CS_FIXTURES} + "/styles/" + GetParam());
  auto d = doc(original);
  ASSERT_FALSE(d->diagnostics().has_errors()) << d->diagnostics().format_all();
  const std::vector<EditOp> ops = {
      EditOp::set("e1", "title", "Changed: with a colon"),
      EditOp::set("e2", "lanes", "[b]"),
      EditOp::set("e1", "summary", "\"line one\\nline two\""),
      EditOp::unset("e1", "lanes"),
      EditOp::add("{id: e9, title: Added, date: 2019-07, lanes: [a]}"),
      EditOp::remove("e2"),
      EditOp::duplicate("e1"),
      EditOp::set("a", "name", "Renamed lane", ListKind::Lanes),
  };
  std::vector<std::string> texts = {d->text()};
  const bool flow_lanes = original.find("lanes: [{") != std::string::npos;
  for (const EditOp& op : ops) {
    if (op.list == ListKind::Lanes && flow_lanes) {  // refused, and saying why
      const EditResult r = d->apply(op);
      EXPECT_FALSE(r.ok);
      EXPECT_NE(r.problems.format_all().find("'lanes' is written as a flow list ([...]); only block lists can be edited"),
                std::string::npos) << r.problems.format_all();
      EXPECT_EQ(d->text(), texts.back());
      continue;
    }
    edit(*d, op);
    expect_fresh(*d);
    texts.push_back(d->text());
    ASSERT_FALSE(HasFailure()) << op.id << " " << op.key << "\n" << d->text();
  }
  EXPECT_EQ(d->text().substr(0, 3) == "\xef\xbb\xbf", original.substr(0, 3) == "\xef\xbb\xbf");
  const bool crlf = original.find("\r\n") != std::string::npos;
  for (std::size_t i = 0; i < d->text().size(); ++i) {
    if (d->text()[i] != '\n') continue;
    EXPECT_EQ(i > 0 && d->text()[i - 1] == '\r', crlf) << "line end at " << i;
  }
  while (d->undo()) {}
  EXPECT_EQ(d->text(), original);
  while (d->redo()) {}
  EXPECT_EQ(d->text(), texts.back());
  expect_fresh(*d);
}

INSTANTIATE_TEST_SUITE_P(Corpus, DocumentStyles,
                         ::testing::Values("block_indent0.yaml", "wide_indent.yaml", "flow_items.yaml", "bom_crlf.yaml"));

class DocumentFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cs_document_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "t.yaml").string();
    std::ofstream{path_, std::ios::binary} << kFile;
    std::filesystem::permissions(path_, std::filesystem::perms(0640));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(DocumentFile, SavesAtomicallyKeepingTheMode) {
  auto d = Document::load(path_);
  EXPECT_FALSE(d->modified());
  ASSERT_TRUE(d->apply(EditOp::set("visit", "title", "Saved")).ok);
  EXPECT_TRUE(d->modified());
  const SaveResult r = d->save();
  EXPECT_EQ(r.status, SaveStatus::Saved) << r.message;
  EXPECT_FALSE(d->modified());
  EXPECT_EQ(read(path_), d->text());
  EXPECT_EQ(std::filesystem::status(path_).permissions() & std::filesystem::perms::all, std::filesystem::perms(0640));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator{dir_}, {}), 1);  // no temp file left
  d->undo();
  EXPECT_TRUE(d->modified());
  d->redo();
  EXPECT_FALSE(d->modified());
}

TEST_F(DocumentFile, AnOutsideChangeIsNeverOverwritten) {
  auto d = Document::load(path_);
  ASSERT_TRUE(d->apply(EditOp::set("visit", "title", "Mine")).ok);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::ofstream{path_, std::ios::binary | std::ios::app} << "# theirs\n";
  EXPECT_TRUE(d->changed_on_disk());
  const SaveResult r = d->save();
  EXPECT_EQ(r.status, SaveStatus::Conflict);
  EXPECT_EQ(read(path_), std::string{kFile} + "# theirs\n");
  EXPECT_EQ(d->save(true).status, SaveStatus::Saved);  // the user chose to replace it
  EXPECT_EQ(read(path_), d->text());
  EXPECT_FALSE(d->changed_on_disk());
}

TEST_F(DocumentFile, TouchingTheFileWithoutChangingItIsNoChange) {
  auto d = Document::load(path_);
  std::filesystem::last_write_time(path_, std::filesystem::last_write_time(path_) + std::chrono::seconds{5});
  EXPECT_FALSE(d->changed_on_disk());
}

TEST_F(DocumentFile, CsvFilesAreReadOnly) {
  const std::string csv = (dir_ / "t.csv").string();
  std::ofstream{csv} << "id,title,start\na,A,2015\n";
  auto d = Document::load(csv);
  EXPECT_EQ(d->timeline().event_count(), 1u);
  const EditResult r = d->apply(EditOp::set("a", "title", "B"));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.problems.format_all().find("CSV files are read-only"), std::string::npos);
}

}  // namespace
}  // namespace cs
