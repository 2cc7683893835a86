// CSV loader: RFC 4180 quoting, lanes and tags split on ';', the same EDTF dates, and every problem
// reported with its exact line and column.
#include "model/io/csv_loader.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"

using namespace cs;

namespace {
struct Loaded {
  Timeline t;
  std::string out;
};
Loaded load(std::string_view text) {
  Loaded l;
  Diagnostics d{"t.csv"};
  load_timeline_csv(text, l.t, d);
  l.out = d.format_all();
  return l;
}
}  // namespace

TEST(CsvLoader, LoadsRowsWithQuotingLanesAndTags) {
  const auto l = load(
      "id,title,start,end,lanes,tags,url\n"
      "a,\"Talks, at last\",2015-11-23,,russia;iran,diplomacy;visit,https://example.org/a\n"
      "b,\"She said \"\"no\"\"\",2015-09-30,..,russia,,\n"
      "c,\"Two\nlines\",2015,2016-03,,military,\n");
  EXPECT_EQ(l.out, "");
  ASSERT_EQ(l.t.event_count(), 3u);
  const Event a = l.t.event(0), b = l.t.event(1), c = l.t.event(2);
  EXPECT_EQ(a.title, "Talks, at last");
  EXPECT_EQ(a.lanes, (std::vector<std::string>{"russia", "iran"}));
  EXPECT_EQ(a.tags, (std::vector<std::string>{"diplomacy", "visit"}));
  EXPECT_EQ(l.t.store().url(0), "https://example.org/a");
  EXPECT_EQ(b.title, "She said \"no\"");
  EXPECT_TRUE(b.when.open_end);
  EXPECT_EQ(b.date_text, "2015-09-30/..");
  EXPECT_EQ(c.title, "Two\nlines");
  ASSERT_TRUE(c.when.end);
  EXPECT_EQ(c.when.end_time(), parse_edtf_date("2016-04-01")->start);
  EXPECT_TRUE(c.lanes.empty());
  ASSERT_EQ(l.t.lanes.size(), 2u);  // created as they appear
  EXPECT_EQ(l.t.lanes[0].id, "russia");
  EXPECT_EQ(l.t.lanes[1].id, "iran");
}

TEST(CsvLoader, ColumnsInAnyOrderAndCrlf) {
  const auto l = load("start,title,id\r\n2015-11-23,A,a\r\n2016,B,b\r\n");
  EXPECT_EQ(l.out, "");
  ASSERT_EQ(l.t.event_count(), 2u);
  EXPECT_EQ(l.t.event(1).id, "b");
  EXPECT_EQ(l.t.event(1).when.start.precision, Precision::Year);
}

TEST(CsvLoader, HeaderProblems) {
  EXPECT_EQ(load("").out, "t.csv:1:1: error: the file is empty\n");
  EXPECT_EQ(load("id,name,start\n").out,
            "t.csv:1:4: warning: unknown column 'name' (ignored)\n"
            "t.csv:1:1: error: the header has no 'title' column\n");
  EXPECT_EQ(load("id,title,start,id\n").out, "t.csv:1:16: error: column 'id' appears twice\n");
}

TEST(CsvLoader, RowProblemsWithPositions) {
  const auto l = load(
      "id,title,start,end,lanes,tags,url\n"
      "a,A,2017-02-30,,,,\n"
      "b,,2015,,,,\n"
      "c,C,2016-03-14,2015-09-30,,,\n"
      "d,D,2015,,,,ftp://x\n"
      "a,Again,2015,,,,\n"
      "e,E\n"
      "f,\"F,2015,,,,\n");
  EXPECT_EQ(l.out,
            "t.csv:2:5: error: impossible date '2017-02-30': February 2017 has no day 30\n"
            "t.csv:3:3: error: empty title\n"
            "t.csv:4:16: error: the end comes before the start\n"
            "t.csv:5:13: error: url 'ftp://x' must start with http:// or https://\n"
            "t.csv:7:1: error: the row has 2 fields; the header names more\n"
            "t.csv:8:1: error: the row has 2 fields; the header names more\n"
            "t.csv:8:3: error: quoted field is not closed\n");
  // 'a' on line 6 is not a duplicate: the first 'a' was left out for its error.
  EXPECT_EQ(l.t.event_count(), 2u);
}

TEST(CsvLoader, DuplicateIdsPointAtTheFirst) {
  const auto l = load("id,title,start\na,A,2015\nb,B,2016\na,A again,2017\n");
  EXPECT_EQ(l.out, "t.csv:4:1: error: duplicate event id 'a' (first at line 2)\n");
  EXPECT_EQ(l.t.event_count(), 2u);
}

TEST(CsvLoader, GarbageNeverHangsOrCrashes) {
  for (const char* in : {"\"", "\"\"\"", ",,,,\n,,,", "id,title,start\n\"a\"x,b,2015\n", "\xEF\xBB\xBFid,title,start\n",
                         "id,title,start\n\n\n", "id\ttitle\tstart\n"}) {
    Timeline t;
    Diagnostics d{"g.csv"};
    load_timeline_csv(in, t, d);
    SUCCEED() << in;
  }
}
