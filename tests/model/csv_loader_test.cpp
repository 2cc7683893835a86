// CSV loader: RFC 4180 quoting, lanes and tags split on ';', the same EDTF dates, and every problem
// reported with its exact line and column.
#include "model/io/csv_loader.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

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
            "t.csv:4:16: error: interval '2016-03-14/2015-09-30' ends before it starts\n"
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

TEST(CsvLoader, UnterminatedQuoteInTheHeaderIsOneError) {
  EXPECT_EQ(load("id,\"title,start\na,A,2015\nb,B,2016\n").out, "t.csv:1:4: error: quoted field is not closed\n");
}

TEST(CsvLoader, ExtraFieldsWarnOncePerRowCapped) {
  std::string text = "id,title,start\n";
  text += "a,A,2015," + std::string(10'000, ',') + "\n";
  EXPECT_EQ(load(text).out, "t.csv:2:10: warning: the row has 10,004 fields; the header names 3 (the rest are ignored)\n");
  for (int i = 0; i < 14; ++i) text += "r" + std::to_string(i) + ",R,2015,x\n";
  const auto l = load(text);
  EXPECT_EQ(l.t.event_count(), 15u);
  EXPECT_NE(l.out.find("t.csv:11:11: warning: the row has 4 fields; the header names 3 (the rest are ignored)\n"
                       "t.csv:12:11: warning: ... and 5 more rows with more fields than the header names\n"),
            std::string::npos)
      << l.out.substr(l.out.size() > 400 ? l.out.size() - 400 : 0);
}

TEST(CsvLoader, Utf16WithoutABomIsNamed) {
  std::string text;
  for (const char c : std::string{"id,title,start\na,A,2015\n"}) text += std::string{c} + '\0';
  EXPECT_EQ(load(text).out,
            "t.csv:1:1: error: the file is encoded as UTF-16 (little-endian); chronoscope reads UTF-8: save it as UTF-8\n");
}

TEST(CsvLoader, ControlBytesAreErrorsAndInvalidUtf8IsReplaced) {
  using namespace std::string_literals;
  const auto l = load("id,title,start\na,Caf\xE9 \x1B[2J,2015\nb,B\0b,2016\n"s);
  EXPECT_EQ(l.out,
            "t.csv:2:6: warning: invalid UTF-8 byte 0xE9 (read as U+FFFD)\n"
            "t.csv:2:8: error: control character U+001B (ESC) is not allowed in the text\n"
            "t.csv:3:4: error: control character U+0000 (NUL) is not allowed in the text\n");
  ASSERT_EQ(l.t.event_count(), 2u);
  EXPECT_EQ(l.t.event(0).title, "Caf\xEF\xBF\xBD  [2J");  // the ESC read as a space, the bad byte as U+FFFD
  EXPECT_EQ(l.t.event(1).title, "B b");
}

TEST(CsvLoader, OldMacLineEnds) {
  const auto l = load("id,title,start\ra,A,2015\rb,B,2016\r");
  EXPECT_EQ(l.out, "");
  ASSERT_EQ(l.t.event_count(), 2u);
  EXPECT_EQ(l.t.event(1).pos.line, 3);
}

TEST(CsvLoader, UrlsAreValidatedWhole) {
  const auto l = load(
      "id,title,start,url\n"
      "a,A,2015,\"http://a/\nfile:///etc/passwd\"\n"
      "b,B,2015,https://a b\n"
      "c,C,2015,http://\n"
      "d,D,2015,https://example.org/" + std::string(5000, 'x') + "\n");
  EXPECT_EQ(l.out,
            "t.csv:2:10: error: url 'http://a/\\nfile:///etc/passwd' contains a line break at position 10\n"
            "t.csv:4:10: error: url 'https://a b' contains a space at position 10\n"
            "t.csv:5:10: error: url 'http://' has no host\n"
            "t.csv:6:10: error: url 'https://example.org/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is longer than "
            "4,096 characters (5,020)\n");
}

// A row naming 60,000 lanes, each twice: linear (hash lookups, dedupe by a per-lane row mark).
TEST(CsvLoader, SixtyThousandLanesInOneRow) {
  std::string lanes;
  for (int pass = 0; pass < 2; ++pass)
    for (int i = 0; i < 60'000; ++i) lanes += "l" + std::to_string(i) + ";";
  const auto l = load("id,title,start,lanes\na,A,2015," + lanes + "\nb,B,2016,l59999;l7\n");
  EXPECT_EQ(l.out, "");
  EXPECT_EQ(l.t.lanes.size(), 60'000u);
  EXPECT_EQ(l.t.store().lanes(0).size(), 60'000u);
  ASSERT_EQ(l.t.store().lanes(1).size(), 2u);
  EXPECT_EQ(l.t.store().lanes(1)[0], 59'999u);  // 32-bit lane ids: past 65,535 nothing is mis-filed
  EXPECT_EQ(l.t.lanes[l.t.store().lanes(1)[0]].id, "l59999");
}

TEST(CsvLoader, ManyBadRowsAreCapped) {
  std::string text = "id,title,start\n";
  for (int i = 0; i < 10'005; ++i) text += "x\n";
  Timeline t;
  Diagnostics d{"t.csv"};
  load_timeline_csv(text, t, d);
  ASSERT_EQ(d.items().size(), 10'001u);
  EXPECT_EQ(d.format(d.items().back()), "t.csv:10002:1: error: ... and 5 more problems in rows (not listed)");
}

// 20 MB of blank lines under a 256 MB address-space limit: memory follows what is kept, not the newline
// count (sizing by newlines reserved over a gigabyte here). Not under ASan, whose shadow needs the space.
#if !defined(__SANITIZE_ADDRESS__) && !defined(__has_feature)
#define CS_NO_ASAN 1
#elif defined(__has_feature)
#if !__has_feature(address_sanitizer) && !defined(__SANITIZE_ADDRESS__)
#define CS_NO_ASAN 1
#endif
#endif
#ifdef CS_NO_ASAN
TEST(CsvLoader, BlankLinesReserveNothing) {
  const std::string text = "id,title,start\n" + std::string(20 << 20, '\n') + "a,A,2015\n";
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::size_t pages = 0;
    std::ifstream{"/proc/self/statm"} >> pages;
    const rlim_t limit = rlim_t(pages) * rlim_t(sysconf(_SC_PAGESIZE)) + (256u << 20);
    const rlimit r{limit, limit};
    setrlimit(RLIMIT_AS, &r);
    Timeline t;
    Diagnostics d{"t.csv"};
    load_timeline_csv(text, t, d);
    _exit(t.event_count() == 1 && d.items().empty() ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
}
#endif

TEST(CsvLoader, TheDateColumnsTakeEveryEdtfForm) {
  // A start alone is any form; with an end, the interval of the two, as YAML's "start/end".
  auto l = load("id,title,start,end\n"
                "a,A,201X,\n"
                "b,B,\"[2018-05-28,2018-05-29]\",\n"
                "c,C,2004-06-11,\n"
                "d,D,..,2006\n"
                "e,E,2004-06-11,..\n"
                "f,F,,2006\n"
                "g,G,Y170000,\n");
  EXPECT_EQ(l.out, "");
  ASSERT_EQ(l.t.event_count(), 7u);
  EXPECT_EQ(l.t.event(0).when.end_time(), parse_edtf_date("2020-01-01")->start);
  EXPECT_TRUE(l.t.event(1).when.is_set());
  EXPECT_EQ(l.t.event(3).when.start_bound, Bound::Open);
  EXPECT_EQ(l.t.event(3).date_text, "../2006");
  EXPECT_TRUE(l.t.event(4).when.open_end);
  EXPECT_EQ(l.t.event(5).when.start_bound, Bound::Unknown);
  EXPECT_EQ(l.t.store().start(6), l.t.event(6).when.begin_time().time_since_epoch().count());
}
