// The list view's rows (app/list_rows): date order, the range, sorting by a column, and the rows of a
// filter checked against a naive filter written out term by term, on random timelines.
#include "app/cli/generate.hpp"
#include "app/list_rows.hpp"
#include "model/filter.hpp"
#include "model/io/csv_loader.hpp"

#include "../test_util.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

using namespace cs;

namespace {

Event ev(std::string id, std::string date, std::vector<std::string> lanes = {}, std::string title = {}) {
  Event e;
  e.id = std::move(id);
  e.title = title.empty() ? e.id : std::move(title);
  e.date_text = date;
  e.when = *parse_edtf(date).value;
  e.lanes = std::move(lanes);
  return e;
}

std::vector<std::string> ids(const Timeline& t, const std::vector<EventIndex>& rows) {
  std::vector<std::string> out;
  for (EventIndex e : rows) out.emplace_back(t.store().id(e));
  return out;
}

std::int64_t at(const char* date) { return parse_edtf(date).value->begin_time().time_since_epoch().count(); }

Timeline small() {
  Timeline t;
  t.lanes = {{"r", "Russia"}, {"i", "Iran"}};
  t.sources = {Source{"s", "Article", "Alwaght"}};
  t.index_names();
  Event cited = ev("cited", "2015-06-01", {"i"}, "beta");
  cited.sources = {SourceRef{"s", "para 1"}, SourceRef{"s", "para 2"}};
  Event disputed = ev("disputed", "2014", {"r"}, "Alpha");
  SourceRef claim{"s", "para 3"};
  claim.claims = parse_edtf("2013").value;
  claim.claims_text = "2013";
  disputed.sources = {claim};
  test::add_events(t, {ev("late", "2016-01-01", {"r"}, "gamma"), cited, ev("same-a", "2015-06-01", {}, "delta"),
                       disputed, ev("span", "2010/2020", {"i", "r"}, "epsilon")});
  return t;
}

}  // namespace

TEST(ListRows, DateOrderThenFileOrder) {
  const Timeline t = small();
  EXPECT_EQ(ids(t, list_rows(t.store(), {})),
            (std::vector<std::string>{"span", "disputed", "cited", "same-a", "late"}));
}

TEST(ListRows, OnlyTheMaskedEventsWhoseSpanMeetsTheRange) {
  const Timeline t = small();
  const std::vector<bool> keep{true, true, false, true, true};  // not same-a
  EXPECT_EQ(ids(t, list_rows(t.store(), keep)), (std::vector<std::string>{"span", "disputed", "cited", "late"}));
  // [2015-01-01, 2015-12-31): the year 2014 ends as it begins; 2016 starts after it.
  EXPECT_EQ(ids(t, list_rows(t.store(), keep, at("2015"), at("2015-12-31"))),
            (std::vector<std::string>{"span", "cited"}));
}

TEST(ListRows, SortsByEachColumnKeepingDateOrderForTies) {
  const Timeline t = small();
  std::vector<EventIndex> rows = list_rows(t.store(), {});
  sort_rows(rows, t, ListColumn::Title, false);  // ASCII case folded
  EXPECT_EQ(ids(t, rows), (std::vector<std::string>{"disputed", "cited", "same-a", "span", "late"}));
  sort_rows(rows, t, ListColumn::Date, true);
  EXPECT_EQ(ids(t, rows), (std::vector<std::string>{"late", "cited", "same-a", "disputed", "span"}));
  sort_rows(rows, t, ListColumn::Citations, true);
  EXPECT_EQ(ids(t, rows), (std::vector<std::string>{"cited", "disputed", "span", "same-a", "late"}));
  sort_rows(rows, t, ListColumn::Disputed, false);
  EXPECT_EQ(ids(t, rows).front(), "disputed");
  sort_rows(rows, t, ListColumn::Lanes, false);  // by the first lane's place; no lane last
  EXPECT_EQ(ids(t, rows), (std::vector<std::string>{"disputed", "late", "span", "cited", "same-a"}));
}

TEST(ListRows, ColumnText) {
  const Timeline t = small();
  EXPECT_EQ(lanes_text(t, 4), "i, r");
  EXPECT_EQ(lanes_text(t, 4, true), "Iran, Russia");
  EXPECT_EQ(lanes_text(t, 2), "");
  EXPECT_EQ(citation_count(t.store(), 1), 2u);
  EXPECT_EQ(citation_count(t.store(), 0), 0u);
}

// The filter's rows against the same terms written out by hand over the store: lanes, precision, tags
// and the covered span against from/to.
TEST(ListRows, FilteredRowsMatchANaiveFilterOnRandomData) {
  for (std::uint64_t seed : {1u, 7u, 42u}) {
    GenerateOptions g;
    g.events = 3000;
    g.seed = seed;
    g.lanes = 6;
    g.csv = true;
    std::ostringstream csv;
    generate_timeline(g, csv);
    Timeline t;
    Diagnostics d{"gen.csv"};
    load_timeline_csv(csv.str(), t, d);
    ASSERT_FALSE(d.has_errors());
    const EventStore& st = t.store();
    const FilterResult f = run_filter(t, "lane:lane-02|lane-05 -precision:year tag:trade|law from:1500 to:1900-06");
    ASSERT_FALSE(f.error) << f.error->format();
    const LaneId l2 = t.lane_index("lane-02", false), l5 = t.lane_index("lane-05", false);
    const std::int64_t from = at("1500"), to = at("1900-07");
    std::vector<EventIndex> naive;
    for (EventIndex e = 0; e < st.size(); ++e) {
      const auto lanes = st.lanes(e);
      const bool lane = std::find(lanes.begin(), lanes.end(), l2) != lanes.end() ||
                        std::find(lanes.begin(), lanes.end(), l5) != lanes.end();
      const auto tags = st.tags(e);
      const bool tag = std::find(tags.begin(), tags.end(), "trade") != tags.end() ||
                       std::find(tags.begin(), tags.end(), "law") != tags.end();
      if (lane && tag && st.precision(e) != Precision::Year && st.end(e) > from && st.start(e) < to) naive.push_back(e);
    }
    std::stable_sort(naive.begin(), naive.end(), [&](EventIndex a, EventIndex b) { return st.start(a) < st.start(b); });
    const std::vector<EventIndex> rows = list_rows(st, f.keep);
    EXPECT_GT(rows.size(), 10u) << seed;  // the filter keeps something, so the comparison means something
    EXPECT_EQ(rows, naive) << seed;
  }
}
