// CSV in our columns: what the CSV loader reads back is what was written (ids, titles, dates, lanes, tags,
// links, quoting), dates CSV cannot hold are written as their nearest span, and what is lost is said.
#include "model/io/csv_writer.hpp"

#include "model/io/csv_loader.hpp"
#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

using namespace cs;

namespace {
Timeline load_yaml(std::string_view text) {
  Diagnostics d{"t.yaml"};
  Timeline t = load_timeline_yaml(text, d);
  EXPECT_FALSE(d.has_errors()) << d.format_all();
  return t;
}
}  // namespace

TEST(CsvWriter, TheLoaderReadsBackWhatWasWritten) {
  std::string text;
  ASSERT_TRUE(read_file(std::string{CS_SOURCE_DIR} + "/events.yaml", text));
  const Timeline a = load_yaml(text);
  Diagnostics losses{"out.csv"};
  const std::string csv = write_csv(a, losses);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), kCsvHeader);
  Timeline b;
  Diagnostics d{"out.csv"};
  load_timeline_csv(csv, b, d);
  EXPECT_EQ(d.format_all(), "");
  ASSERT_EQ(b.event_count(), a.event_count());
  for (EventIndex i = 0; i < a.event_count(); ++i) {
    const Event x = a.event(i), y = b.event(i);
    EXPECT_EQ(y.id, x.id);
    EXPECT_EQ(y.title, x.title);
    EXPECT_EQ(y.date_text, x.date_text);
    EXPECT_EQ(y.when, x.when);
    EXPECT_EQ(y.lanes, x.lanes);
    EXPECT_EQ(y.tags, x.tags);
  }
}

TEST(CsvWriter, QuotesWhatNeedsIt) {
  Timeline t = load_yaml("events:\n  - {id: a, title: \"Talks, \\\"at last\\\"\\nreally\", date: 2015}\n");
  Diagnostics losses;
  const std::string csv = write_csv(t, losses);
  EXPECT_EQ(csv, std::string{kCsvHeader} + "\na,\"Talks, \"\"at last\"\"\nreally\",2015,,,,\n");
  Timeline b;
  Diagnostics d;
  load_timeline_csv(csv, b, d);
  ASSERT_EQ(b.event_count(), 1u);
  EXPECT_EQ(b.event(0).title, "Talks, \"at last\"\nreally");
  EXPECT_EQ(csv_quote(" x"), "\" x\"");
  EXPECT_EQ(csv_quote("plain"), "plain");
}

TEST(CsvWriter, DatesItCannotHoldBecomeTheirNearestSpan) {
  Timeline t = load_yaml(R"(title: T
lanes: [{id: r}]
events:
  - {id: a, title: A, date: "[2018-05-28,2018-05-29]", lanes: [r]}
  - {id: b, title: B, date: ../2006}
  - {id: c, title: C, date: 2004-06-11/}
  - {id: d, title: D, date: 2015-09-30/.., summary: S}
)");
  Diagnostics losses{"out.csv"};
  EXPECT_EQ(write_csv(t, losses), std::string{kCsvHeader} +
                                      "\na,A,2018-05-28,2018-05-29,r,,\n"
                                      "b,B,2006,,,,\n"
                                      "c,C,2004-06-11,,,,\n"
                                      "d,D,2015-09-30,..,,,\n");
  EXPECT_EQ(losses.format_all(),
            "out.csv: warning: CSV cannot hold the timeline's title; it is left out\n"
            "out.csv: warning: CSV cannot hold lane names and colours; lanes are read back with their ids as names "
            "and new colours (1 lane)\n"
            "out.csv: warning: CSV cannot hold sets of dates, open or unknown starts and unknown ends; the nearest "
            "start and end are written (3 events)\n"
            "out.csv: warning: CSV cannot hold summaries; they are left out (1 event)\n");
}
