// TimelineJS's spreadsheet as CSV: its header told apart, the hand-written sample read row by row (title
// row, era row, BCE years, months and years alone, times, HTML, ranges), problems at their cell, and
// events.yaml written and read back with its titles and dates.
#include "model/io/timelinejs_sheet.hpp"

#include "interop_read.hpp"

#include <gtest/gtest.h>

using namespace cs;

namespace {

constexpr std::string_view kHeader =
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,"
    "Media Caption,Media Thumbnail,Type,Group,Background\n";

using test::Read;
using test::load_yaml_file;

Read read(std::string_view csv) { return test::read_with(read_timelinejs_sheet, csv, "t.csv"); }

}  // namespace

TEST(TimelineJsSheet, TellsItsHeaderApart) {
  EXPECT_TRUE(is_timelinejs_sheet_header(kHeader));
  EXPECT_TRUE(is_timelinejs_sheet_header("year , headline\n"));
  EXPECT_FALSE(is_timelinejs_sheet_header("id,title,start,end,lanes,tags,url\n"));
  EXPECT_FALSE(is_timelinejs_sheet_header("Year,Month\n"));
}

TEST(TimelineJsSheet, ReadsTheHandWrittenSample) {
  std::string text;
  ASSERT_TRUE(read_file(std::string{CS_FIXTURES} + "/interop/timelinejs_sheet.csv", text));
  const Read r = read(text);
  EXPECT_EQ(r.diag,
            "t.csv: warning: the TimelineJS sheet: media captions, credits and thumbnails are not kept (1 slide)\n"
            "t.csv:2:31: warning: the title row's text is not kept (only its headline, as the timeline's title)\n"
            "t.csv:7:37: warning: an era is not an event; skipped\n");
  const Timeline& t = r.t;
  EXPECT_EQ(t.title, "Ancient & Modern");
  ASSERT_EQ(t.event_count(), 5u);
  EXPECT_EQ(t.event(0).id, "five-hundred-bce");
  EXPECT_EQ(t.event(0).date_text, "-0499");  // the sheet's -500 is 500 BCE
  EXPECT_EQ(t.event(0).when.start.precision, Precision::Year);
  EXPECT_EQ(t.event(0).lanes, (std::vector<std::string>{"greece"}));
  EXPECT_EQ(t.event(1).date_text, "-0489-09");
  EXPECT_EQ(t.event(1).when.start.precision, Precision::Month);
  EXPECT_EQ(t.event(1).summary, "Athens defeats Persia.");
  const Event talks = t.event(2);
  EXPECT_EQ(talks.title, "Talks, at last");
  EXPECT_EQ(talks.date_text, "2015-11-23T14:30Z");
  EXPECT_EQ(talks.summary, "Meets Khamenei & Rouhani.");
  EXPECT_EQ(talks.lanes, (std::vector<std::string>{"russia"}));
  EXPECT_EQ(t.store().url(2), "https://example.org/a");
  EXPECT_EQ(t.event(3).date_text, "2015-09-30/2016-03-14");
  EXPECT_EQ(t.event(4).date_text, "1990");
  EXPECT_EQ(t.event(4).notes, "Display date in the TimelineJS sheet: Spring 1990");
}

TEST(TimelineJsSheet, ProblemsPointAtTheirCell) {
  const Read r = read(std::string{kHeader} +
                      "2015,13,,,,,,,,A,,,,,,,,\n"
                      "2015,1,2,25:00,,,,,,B,,,,,,,,\n"
                      ",3,,,,,,,,C,,,,,,,,\n"
                      "2015,,4,,,,,,,D,,,,,,,,\n"
                      "2015,,,,,,,,,,,,,,,,,\n"
                      "2016,,,,2015,,,,,F,,,,,,,,\n");
  EXPECT_EQ(r.diag,
            "t.csv:2:6: error: Month must be a whole number from 1 to 12, not '13'\n"
            "t.csv:3:10: error: Time must be a time such as 10:30 or 10:30:15, not '25:00'\n"
            "t.csv:4:1: error: the row has no Year\n"
            "t.csv:5:1: error: the row has a Day but no Month\n"
            "t.csv:6:14: error: the slide has no headline (Chronoscope needs a title)\n"
            "t.csv:7:1: error: interval '2016/2015' ends before it starts\n");
  EXPECT_EQ(r.t.event_count(), 0u);
}

TEST(TimelineJsSheet, TheHeaderNeedsYearAndHeadline) {
  EXPECT_EQ(read("Year,Text\n2015,x\n").diag, "t.csv:1:1: error: the header has no 'Headline' column\n");
}

TEST(TimelineJsSheet, TimesWithAmAndPm) {
  const Read r = read(std::string{kHeader} + "2015,1,2,9:05 PM,,,,,,A,,,,,,,,\n2015,1,2,12:00 am,,,,,,B,,,,,,,,\n");
  EXPECT_EQ(r.diag, "");
  ASSERT_EQ(r.t.event_count(), 2u);
  EXPECT_EQ(r.t.event(0).date_text, "2015-01-02T21:05Z");
  EXPECT_EQ(r.t.event(1).date_text, "2015-01-02T00:00Z");
}

TEST(TimelineJsSheet, WritesTheTemplatesColumns) {
  const Timeline t = load_yaml_file(std::string{CS_FIXTURES} + "/small.yaml");
  Diagnostics losses{"out.csv"};
  const std::string csv = write_timelinejs_sheet(t, losses);
  EXPECT_EQ(csv.substr(0, kHeader.size()), kHeader);
  const std::size_t title_row = kHeader.size();
  EXPECT_EQ(csv.substr(title_row, csv.find('\n', title_row) - title_row + 1), ",,,,,,,,,Fixture,,,,,,title,,\n");
  EXPECT_NE(csv.find("\n2015,9,30,,2016,3,14,,2015-09-30/2016-03-14,Air campaign in Syria,"), std::string::npos) << csv;
  EXPECT_NE(losses.format_all().find("out.csv: warning: the TimelineJS sheet cannot hold event ids; new ids are made "
                                     "from the headlines when it is read back (13 events)\n"),
            std::string::npos)
      << losses.format_all();
}

TEST(TimelineJsSheet, EventsYamlRoundTripKeepsTitlesAndDates) {
  const Timeline a = load_yaml_file(std::string{CS_SOURCE_DIR} + "/events.yaml");
  Diagnostics losses{"out.csv"};
  const Read r = read(write_timelinejs_sheet(a, losses));
  EXPECT_EQ(r.diag, "");
  EXPECT_EQ(r.t.title, a.title);
  ASSERT_EQ(r.t.event_count(), a.event_count());
  for (EventIndex i = 0; i < a.event_count(); ++i) {
    const Event x = a.event(i), y = r.t.event(i);
    EXPECT_EQ(y.title, x.title);
    EXPECT_EQ(y.date_text, x.date_text);
    EXPECT_EQ(y.when, x.when);
    EXPECT_EQ(y.summary, x.summary);
  }
}
