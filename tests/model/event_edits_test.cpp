// Edits of several events at once (one undo step), the values they share, and the YAML written for lists
// and citations.
#include "model/event_edits.hpp"

#include <gtest/gtest.h>

namespace cs {
namespace {

const char* kFile = R"(title: Several
lanes:
  - {id: russia, name: Russia}
  - {id: iran, name: Iran}
  - {id: syria, name: Syria}
sources:
  - {id: s1, title: One}
  - {id: s2, title: Two}
events:
  - id: a
    title: First   # keep me
    date: 2015-03-01
    lanes: [russia]
    tags: [military]
    sources:
      - {source: s1, locator: para 2}
  - {id: b, title: Second, date: 2015-03, lanes: [russia, iran], tags: [military, diplomacy]}
  - id: c
    title: Third
    date: "2016"
)";

std::unique_ptr<Document> doc() { return Document::from_text("t.yaml", kFile); }

std::vector<EventIndex> events(const Document& d, std::initializer_list<const char*> ids) {
  std::vector<EventIndex> out;
  for (const char* id : ids) out.push_back(*d.find_event(id));
  return out;
}

Event event(const Document& d, const char* id) { return d.timeline().event(*d.find_event(id)); }

TEST(EventEdits, FlowListsQuoteOnlyWhatYamlNeeds) {
  const std::vector<std::string> items{"russia", "a: b", "#x", "plain words"};
  EXPECT_EQ(flow_list(items), R"([russia, "a: b", "#x", plain words])");
  EXPECT_EQ(flow_list(std::vector<std::string>{}), "[]");
}

TEST(EventEdits, CitationsLeaveDefaultsOut) {
  SourceRef a, b;
  a.source = "s1";
  a.locator = "para 2";
  b.source = "s2";
  b.quote = "he said: no";
  b.dated = Dated::Inferred;
  b.date_note = "from the dateline";
  b.claims_text = "2014";
  EXPECT_EQ(flow_citations(std::vector<SourceRef>{a, b}),
            R"([{source: s1, locator: para 2}, {source: s2, quote: "he said: no", dated: inferred, date_note: from the dateline, claims: 2014}])");
}

TEST(EventEdits, SharedValuesSayWhatEveryEventHas) {
  auto d = doc();
  const SharedValues s = shared_values(d->timeline(), events(*d, {"a", "b"}));
  EXPECT_EQ(s.events, 2u);
  EXPECT_FALSE(s.title);
  EXPECT_EQ(s.summary, std::optional<std::string>{""});
  ASSERT_EQ(s.lanes.size(), 2u);
  EXPECT_EQ(s.lanes[0].value, "russia");
  EXPECT_EQ(s.lanes[0].events, 2u);
  EXPECT_EQ(s.lanes[1].value, "iran");
  EXPECT_EQ(s.lanes[1].events, 1u);
  ASSERT_EQ(s.tags.size(), 2u);
  EXPECT_EQ(s.tags[0].events, 2u);
  ASSERT_EQ(s.sources.size(), 1u);
  EXPECT_EQ(s.sources[0].events, 1u);
}

TEST(EventEdits, ATagAddedToSeveralEventsIsOneUndoStep) {
  auto d = doc();
  const std::string before = d->text();
  const auto ops = add_to_each(d->timeline(), events(*d, {"a", "b", "c"}), ListField::Tags, "diplomacy");
  EXPECT_EQ(ops.size(), 2u);  // b has it already
  ASSERT_TRUE(d->apply(ops, "Add tag").ok);
  EXPECT_EQ(event(*d, "a").tags, (std::vector<std::string>{"military", "diplomacy"}));
  EXPECT_EQ(event(*d, "b").tags, (std::vector<std::string>{"military", "diplomacy"}));
  EXPECT_EQ(event(*d, "c").tags, (std::vector<std::string>{"diplomacy"}));
  EXPECT_NE(d->text().find("    tags: [military, diplomacy]\n"), std::string::npos) << d->text();
  EXPECT_NE(d->text().find("title: First   # keep me"), std::string::npos);
  ASSERT_TRUE(d->undo());
  EXPECT_EQ(d->text(), before);
  EXPECT_FALSE(d->can_undo());
}

TEST(EventEdits, ALaneAndASourceAddedToSeveralEvents) {
  auto d = doc();
  const auto all = events(*d, {"a", "b", "c"});
  ASSERT_TRUE(d->apply(add_to_each(d->timeline(), all, ListField::Lanes, "syria")).ok);
  ASSERT_TRUE(d->apply(add_to_each(d->timeline(), all, ListField::Sources, "s2")).ok);
  EXPECT_EQ(event(*d, "b").lanes, (std::vector<std::string>{"russia", "iran", "syria"}));
  EXPECT_EQ(event(*d, "c").lanes, (std::vector<std::string>{"syria"}));
  for (const char* id : {"a", "b", "c"}) EXPECT_EQ(event(*d, id).sources.back().source, "s2") << id;
  EXPECT_EQ(event(*d, "a").sources.front().locator, "para 2");  // the first citation kept
}

TEST(EventEdits, RemovingFromSeveralEventsUnsetsEmptiedLists) {
  auto d = doc();
  const auto ab = events(*d, {"a", "b"});
  ASSERT_TRUE(d->apply(remove_from_each(d->timeline(), ab, ListField::Tags, "military")).ok);
  EXPECT_TRUE(event(*d, "a").tags.empty());
  EXPECT_EQ(event(*d, "b").tags, (std::vector<std::string>{"diplomacy"}));
  EXPECT_EQ(d->text().find("tags: []"), std::string::npos) << d->text();
  ASSERT_TRUE(d->apply(remove_from_each(d->timeline(), ab, ListField::Sources, "s1")).ok);
  EXPECT_TRUE(event(*d, "a").sources.empty());
  EXPECT_TRUE(remove_from_each(d->timeline(), ab, ListField::Sources, "s1").empty());  // nothing left to do
}

TEST(EventEdits, AFieldSetOnSeveralEventsSkipsThoseThatHaveIt) {
  auto d = doc();
  const auto all = events(*d, {"a", "b", "c"});
  const auto ops = set_on_each(d->timeline(), all, "date", "2016");
  EXPECT_EQ(ops.size(), 2u);  // c is already 2016
  ASSERT_TRUE(d->apply(ops).ok);
  for (const char* id : {"a", "b", "c"}) EXPECT_EQ(event(*d, id).date_text, "2016") << id;
  ASSERT_TRUE(d->apply(set_on_each(d->timeline(), all, "summary", "Line one\nline # two")).ok);
  EXPECT_EQ(event(*d, "b").summary, "Line one\nline # two");  // text exactly, never read as YAML
  ASSERT_TRUE(d->apply(set_on_each(d->timeline(), all, "summary", "")).ok);
  EXPECT_EQ(d->text().find("summary"), std::string::npos) << d->text();
}

TEST(EventEdits, AnInvalidValueOnOneEventRefusesTheWholeStep) {
  auto d = doc();
  const std::string before = d->text();
  std::vector<EditOp> ops = add_to_each(d->timeline(), events(*d, {"a", "c"}), ListField::Tags, "x");
  ops.push_back(EditOp::set("b", "date", "2017-02-30"));
  EXPECT_FALSE(d->apply(ops).ok);
  EXPECT_EQ(d->text(), before);
}

TEST(EventEdits, DraggingToAnotherLaneReplacesOrAddsTheLane) {
  auto d = doc();
  const EventIndex b = *d->find_event("b");
  EXPECT_EQ(change_lane(d->timeline(), b, "iran", "syria", false)->value, "[russia, syria]");
  EXPECT_EQ(change_lane(d->timeline(), b, "iran", "syria", true)->value, "[russia, iran, syria]");
  EXPECT_FALSE(change_lane(d->timeline(), b, "iran", "russia", false));  // already there
  EXPECT_FALSE(change_lane(d->timeline(), b, "iran", "iran", false));
}

TEST(EventEdits, ANewEventGetsAnIdFromItsTitle) {
  auto d = doc();
  const EditResult r = d->apply(EditOp::add(new_event_yaml("New event", "2015-04", "iran")));
  ASSERT_TRUE(r.ok) << r.problems.format_all();
  ASSERT_EQ(r.ids.size(), 1u);
  EXPECT_EQ(r.ids[0], "new-event");
  EXPECT_EQ(event(*d, "new-event").lanes, (std::vector<std::string>{"iran"}));
  EXPECT_EQ(new_event_yaml("A: b", "2015", ""), R"({title: "A: b", date: 2015})");
}

}  // namespace
}  // namespace cs
