// The event store's records and columns: every string of an event comes back as it went in (short and
// long, so lengths take one varint byte and several), details and citations included, through replace,
// erase, move and append; lanes and tags held in their column when there is one and in lists when more.
#include "model/event_store.hpp"

#include "model/timeline.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cs {
namespace {

When when(const char* text) {
  EdtfResult r = parse_edtf(text);
  EXPECT_TRUE(r.value) << text;
  return r.value.value_or(When{});
}

// Parts that own their strings, so a test can build several and keep them.
struct Owned {
  std::string id, title, date, url, summary, notes;
  std::vector<LaneId> lanes;
  std::vector<std::string_view> tags;
  std::vector<SourceRef> sources;
  EventParts parts() const {
    return {id, title, date, url, when(date.c_str()), lanes, tags, 3, 5, summary, notes, sources};
  }
};

SourceRef citation(std::string source, std::string locator, Dated dated, std::string claims = {}) {
  SourceRef r;
  r.source = std::move(source), r.locator = std::move(locator), r.dated = dated, r.claims_text = std::move(claims);
  if (!r.claims_text.empty()) r.claims = when(r.claims_text.c_str());
  r.quote = "quoted \"words\"";
  r.date_note = "from the dateline";
  return r;
}

void expect_same(const EventStore& st, EventIndex i, const Owned& o) {
  EXPECT_EQ(st.id(i), o.id);
  EXPECT_EQ(st.title(i), o.title);
  EXPECT_EQ(st.date_text(i), o.date);
  EXPECT_EQ(st.url(i), o.url);
  const auto lanes = st.lanes(i);
  EXPECT_EQ(std::vector<LaneId>(lanes.begin(), lanes.end()), o.lanes);
  EXPECT_EQ(st.tags(i), o.tags);
  const auto d = st.details(i);
  const bool rich = !o.summary.empty() || !o.notes.empty() || !o.sources.empty();
  ASSERT_EQ(d.has_value(), rich);
  EXPECT_EQ(st.has_details(i), rich);
  if (!d) return;
  EXPECT_EQ(d->summary, o.summary);
  EXPECT_EQ(d->notes, o.notes);
  ASSERT_EQ(d->sources.size(), o.sources.size());
  std::size_t k = 0;
  for (const CitationView c : d->sources) {
    const SourceRef& want = o.sources[k];
    EXPECT_EQ(c.source, want.source) << k;
    EXPECT_EQ(c.locator, want.locator) << k;
    EXPECT_EQ(c.quote, want.quote) << k;
    EXPECT_EQ(c.date_note, want.date_note) << k;
    EXPECT_EQ(c.claims_text, want.claims_text) << k;
    EXPECT_EQ(c.dated, want.dated) << k;
    EXPECT_EQ(d->sources[k].locator, want.locator) << k;
    ++k;
  }
  EXPECT_EQ(k, o.sources.size());
}

Owned plain(std::string id) { return {id, "Title of " + id, "2015-09-30", "", "", "", {0}, {"war"}, {}}; }

Owned rich() {
  Owned o;
  o.id = "rich";
  o.title = std::string(9000, 't');  // two varint bytes, the second with all its bits in use (9000 >> 7 = 70)
  o.date = "2015-09-30/2016-03-14";
  o.url = "https://example.org/" + std::string(20000, 'u');  // three
  o.summary = "First line.\nSecond line, " + std::string(200, 's');
  o.notes = std::string(130, 'n');
  o.lanes = {2, 0, 1};
  o.tags = {"war", "syria", "war-2"};
  o.sources = {citation("tass", "para 2", Dated::Stated), citation("reuters", std::string(140, 'l'), Dated::Inferred, "2015-10"),
               citation("bbc", "", Dated::External)};
  return o;
}

TEST(EventStore, EveryStringComesBackAsItWentIn) {
  EventStore st;
  const Owned a = plain("a"), r = rich(), b = plain("b");
  st.add(a.parts()), st.add(r.parts()), st.add(b.parts());
  expect_same(st, 0, a);
  expect_same(st, 1, r);
  expect_same(st, 2, b);
  EXPECT_EQ(st.line(1), 3);
  EXPECT_TRUE(st.disputed(1));  // the second citation claims another date
  EXPECT_FALSE(st.disputed(0));
}

TEST(EventStore, ACitationReadsItsClaimedDateAndCopiesWhole) {
  EventStore st;
  const Owned r = rich();
  st.add(r.parts());
  const auto d = st.details(0);
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->sources[0].claims());
  const auto claims = d->sources[1].claims();
  ASSERT_TRUE(claims);
  EXPECT_EQ(claims->start.precision, Precision::Month);
  const SourceRef copy = d->sources[1].ref();
  EXPECT_EQ(copy.source, "reuters");
  EXPECT_EQ(copy.claims_text, "2015-10");
  EXPECT_TRUE(copy.claims);
  EXPECT_EQ(copy.dated, Dated::Inferred);
}

TEST(EventStore, ReplacingAnEventChangesOnlyThatEvent) {
  EventStore st;
  Owned a = plain("a"), r = rich(), b = plain("b");
  st.add(a.parts()), st.add(r.parts()), st.add(b.parts());
  // Fewer lanes (the old list is reused), then one (held in the column), then more (a new list).
  Owned r2 = r;
  r2.lanes = {1, 2};
  r2.tags = {"one"};
  r2.summary.clear(), r2.notes.clear(), r2.sources.clear();
  st.replace(1, r2.parts());
  expect_same(st, 1, r2);
  r2.lanes = {2};
  st.replace(1, r2.parts());
  expect_same(st, 1, r2);
  Owned a2 = a;
  a2.lanes = {0, 1, 2, 3};
  a2.tags = {};
  a2.sources = {citation("tass", "para 9", Dated::External)};
  st.replace(0, a2.parts());
  expect_same(st, 0, a2);
  expect_same(st, 1, r2);
  expect_same(st, 2, b);
}

TEST(EventStore, EraseAndMoveKeepEachEventWhole) {
  EventStore st;
  const Owned a = plain("a"), r = rich(), b = plain("b");
  st.add(a.parts()), st.add(r.parts()), st.add(b.parts());
  st.erase(0);
  ASSERT_EQ(st.size(), 2u);
  expect_same(st, 0, r);
  expect_same(st, 1, b);
  st.add(a.parts());
  st.move_last_to(0);
  expect_same(st, 0, a);
  expect_same(st, 1, r);
  expect_same(st, 2, b);
}

TEST(EventStore, AppendingFromAnotherStoreTranslatesTagsAndCarriesDetails) {
  EventStore chunk;
  Owned x = plain("x"), r = rich(), y = plain("y");
  x.tags = {"only-in-chunk"};
  y.tags = {"syria", "only-in-chunk"};
  chunk.add(x.parts()), chunk.add(r.parts()), chunk.add(y.parts());
  EventStore st;
  const Owned a = plain("a");  // interns "war" first, so the chunk's tag numbers differ from ours
  st.add(a.parts());
  std::vector<std::uint32_t> tag_map;
  for (EventIndex j = 0; j < chunk.size(); ++j) st.append(chunk, j, tag_map);
  ASSERT_EQ(st.size(), 4u);
  expect_same(st, 0, a);
  expect_same(st, 1, x);
  expect_same(st, 2, r);
  expect_same(st, 3, y);
}

TEST(EventStore, RemappedLanesDropTheGoneOnesWhetherOneOrMany) {
  EventStore st;
  Owned one = plain("one"), many = plain("many"), to_one = plain("to-one");
  one.lanes = {1};
  many.lanes = {0, 1, 2};
  to_one.lanes = {0, 2};
  st.add(one.parts()), st.add(many.parts()), st.add(to_one.parts());
  const std::vector<LaneId> map = {kNoLane, 0, 1};  // lane 0 goes, the others move down
  st.remap_lanes(map);
  auto lanes = [&](EventIndex i) {
    const auto l = st.lanes(i);
    return std::vector<LaneId>(l.begin(), l.end());
  };
  EXPECT_EQ(lanes(0), std::vector<LaneId>({0}));
  EXPECT_EQ(lanes(1), std::vector<LaneId>({0, 1}));
  EXPECT_EQ(lanes(2), std::vector<LaneId>({1}));
  // A later replace of the event now holding one lane with more lanes gets a list of its own.
  to_one.lanes = {0, 1, 2};
  st.replace(2, to_one.parts());
  EXPECT_EQ(lanes(2), std::vector<LaneId>({0, 1, 2}));
  EXPECT_EQ(lanes(1), std::vector<LaneId>({0, 1}));
}

TEST(EventStore, ACopyIsIndependentOfItsOriginal) {
  EventStore st;
  const Owned r = rich();
  st.add(r.parts());
  EventStore copy = st;
  Owned other = plain("other");
  st.replace(0, other.parts());
  expect_same(copy, 0, r);
  expect_same(st, 0, other);
}

}  // namespace
}  // namespace cs
