// TimelineJS 3 JSON: the year count without a year 0, precision from the parts given, display_date read
// before the numbers, the hand-written sample read field by field, problems at their place, the fields
// TimelineJS requires in what we write, and the round trip of events.yaml.
#include "model/io/timelinejs.hpp"

#include "interop_read.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace cs;

namespace {

using test::Read;
using test::load_yaml_file;

Read read(std::string_view json) { return test::read_with(read_timelinejs, json, "t.json"); }

TimelineJsSpan span(std::string_view edtf) { return timelinejs_span(*parse_edtf(edtf).value); }
TimelineJsDate ymd(std::int64_t y, int m = 0, int d = 0) { return {y, m, d}; }

}  // namespace

TEST(TimelineJsYears, NoYearZeroSoBceYearsShiftByOne) {
  EXPECT_EQ(timelinejs_year(-499), -500);  // EDTF -0499 is 500 BCE
  EXPECT_EQ(timelinejs_year(0), -1);       // 1 BCE
  EXPECT_EQ(timelinejs_year(1), 1);
  EXPECT_EQ(astronomical_year(-500), -499);
  EXPECT_EQ(astronomical_year(-1), 0);
  EXPECT_EQ(astronomical_year(2015), 2015);
  EXPECT_EQ(edtf_from_timelinejs({-500}), "-0499");
  EXPECT_EQ(edtf_from_timelinejs({-1, 3}), "0000-03");
}

TEST(TimelineJsSpan, PartsFollowThePrecision) {
  EXPECT_EQ(span("2015").start, ymd(2015));
  EXPECT_FALSE(span("2015").end);
  EXPECT_EQ(span("2015-11").start, ymd(2015, 11));
  EXPECT_EQ(span("2015-11-23").start, ymd(2015, 11, 23));
  EXPECT_EQ(span("2015-11-23T10:30Z").start, (TimelineJsDate{2015, 11, 23, 10, 30, -1}));
  EXPECT_EQ(span("2015-11-23T10:30:15+01:00").start, (TimelineJsDate{2015, 11, 23, 9, 30, 15}));
  EXPECT_EQ(span("-0499").start, ymd(-500));
}

TEST(TimelineJsSpan, DatesWiderThanTheirUnitGetAnEnd) {
  EXPECT_EQ(span("201X").start, ymd(2010));
  EXPECT_EQ(span("201X").end, ymd(2019));
  EXPECT_EQ(span("2001-24").start, ymd(2001, 12));
  EXPECT_EQ(span("2001-24").end, ymd(2002, 2));
  EXPECT_EQ(span("2015/2016-03").start, ymd(2015));
  EXPECT_EQ(span("2015/2016-03").end, ymd(2016, 3));
  EXPECT_EQ(span("[2018-05-28,2018-05-29]").start, ymd(2018, 5, 28));
  EXPECT_EQ(span("[2018-05-28,2018-05-29]").end, ymd(2018, 5, 29));
}

TEST(TimelineJsSpan, OpenAndUnknownEndsAreLeftOut) {
  EXPECT_EQ(span("2015-09-30/..").start, ymd(2015, 9, 30));
  EXPECT_FALSE(span("2015-09-30/..").end);
  EXPECT_FALSE(span("2004-06-11/").end);
  EXPECT_EQ(span("../2006").start, ymd(2006));
  EXPECT_FALSE(span("../2006").end);
}

TEST(TimelineJsReader, ReadsTheHandWrittenSample) {
  std::string text;
  ASSERT_TRUE(read_file(std::string{CS_FIXTURES} + "/interop/timelinejs.json", text));
  const Read r = read(text);
  EXPECT_EQ(r.diag,
            "t.json: warning: TimelineJS: media captions, credits and thumbnails are not kept (1 slide)\n"
            "t.json:48:5: warning: an era is not an event; skipped\n");
  const Timeline& t = r.t;
  EXPECT_EQ(t.title, "Ancient & Modern");
  ASSERT_EQ(t.event_count(), 6u);
  const Event marathon = t.event(0);
  EXPECT_EQ(marathon.id, "marathon");
  EXPECT_EQ(marathon.date_text, "-0489-09");  // TimelineJS -490 is 490 BCE
  EXPECT_EQ(marathon.when.start.precision, Precision::Month);
  EXPECT_EQ(marathon.lanes, (std::vector<std::string>{"greece"}));
  EXPECT_EQ(marathon.summary, "Athens defeats Persia.");
  EXPECT_EQ(t.event(1).date_text, "-0479");
  EXPECT_EQ(t.event(1).when.start.precision, Precision::Year);
  const Event visit = t.event(2);
  EXPECT_EQ(visit.id, "putin-visits-tehran");  // no unique_id: made from the headline
  EXPECT_EQ(visit.title, "Putin visits Tehran");
  EXPECT_EQ(visit.date_text, "2015-11-23T10:30Z");
  EXPECT_EQ(visit.summary, "Meets Khamenei \xE2\x80\x94 \"a turning point\".\nSee the report.");
  EXPECT_EQ(visit.lanes, (std::vector<std::string>{"russia"}));
  EXPECT_EQ(t.store().url(2), "https://example.org/photo.jpg");
  EXPECT_EQ(t.event(3).date_text, "2015-09-30/2016-03-14");
  EXPECT_TRUE(t.event(3).when.end);
  const Event spring = t.event(4);
  EXPECT_EQ(spring.date_text, "1990");
  EXPECT_EQ(spring.notes, "Display date in TimelineJS: Spring 1990");
  EXPECT_EQ(t.event(5).date_text, "2016-01~");
  EXPECT_TRUE(t.event(5).when.start.approximate);
  ASSERT_EQ(t.lanes.size(), 2u);
  EXPECT_EQ(t.lanes[0].name, "Greece");
  EXPECT_EQ(t.lanes[1].id, "russia");
}

TEST(TimelineJsReader, ProblemsPointAtTheirPlace) {
  const Read r = read(R"({"events": [
  {"start_date": {"year": 2015}, "text": {"text": "no headline"}},
  {"start_date": {"year": 2015, "month": 13}, "text": {"headline": "A"}},
  {"start_date": {"year": "MMXV"}, "text": {"headline": "B"}},
  {"start_date": {"year": 2015, "day": 3}, "text": {"headline": "C"}},
  {"text": {"headline": "D"}},
  {"start_date": {"year": 2016}, "end_date": {"year": 2015}, "text": {"headline": "E"}},
  {"start_date": {"year": 2015, "month": 2, "day": 30}, "text": {"headline": "F"}},
  "G"
]})");
  EXPECT_EQ(r.diag,
            "t.json:2:3: error: the slide has no headline (Chronoscope needs a title)\n"
            "t.json:3:42: error: start_date.month must be a whole number from 1 to 12, not '13'\n"
            "t.json:4:27: error: start_date.year must be a whole number from -99999999999 to 99999999999, not 'MMXV'\n"
            "t.json:5:18: error: start_date has a day but no month\n"
            "t.json:6:3: error: the slide has no start date\n"
            "t.json:7:18: error: interval '2016/2015' ends before it starts\n"
            "t.json:8:18: error: impossible date '2015-02-30': February 2015 has no day 30\n"
            "t.json:9:3: error: a slide must be an object, not a string\n");
  EXPECT_EQ(r.t.event_count(), 0u);
}

TEST(TimelineJsReader, NotATimelineJsFile) {
  EXPECT_EQ(read("[1, 2]").diag, "t.json:1:1: error: a TimelineJS file is an object with an \"events\" list\n");
  EXPECT_EQ(read("{\"events\": {}}").diag, "t.json:1:12: error: \"events\" must be an array, not an object\n");
}

TEST(TimelineJsReader, DisplayDateWinsOverNumbersThatDisagree) {
  const Read r = read(R"({"events": [
  {"start_date": {"year": 2016}, "display_date": "2015-11?", "text": {"headline": "A"}}]})");
  EXPECT_EQ(r.diag, "t.json:2:18: warning: the start date (2016) disagrees with display_date '2015-11?'; the "
                    "display date is used\n");
  ASSERT_EQ(r.t.event_count(), 1u);
  EXPECT_EQ(r.t.event(0).date_text, "2015-11?");
}

TEST(TimelineJsReader, DuplicateIdsAreRenamed) {
  const Read r = read(R"({"events": [
  {"unique_id": "a", "start_date": {"year": 2015}, "text": {"headline": "A"}},
  {"unique_id": "a", "start_date": {"year": 2016}, "text": {"headline": "A again"}}]})");
  EXPECT_EQ(r.diag, "t.json:3:17: warning: duplicate unique_id 'a': read as 'a-2'\n");
  ASSERT_EQ(r.t.event_count(), 2u);
  EXPECT_EQ(r.t.event(1).id, "a-2");
}

TEST(TimelineJsWriter, WritesWhatTimelineJsRequires) {
  const Timeline t = load_yaml_file(std::string{CS_FIXTURES} + "/small.yaml");
  Diagnostics losses{"out.json"};
  const auto j = nlohmann::json::parse(write_timelinejs(t, losses));
  EXPECT_EQ(j["title"]["text"]["headline"], "Fixture");
  ASSERT_EQ(j["events"].size(), t.event_count());
  for (const auto& slide : j["events"]) {
    ASSERT_TRUE(slide["start_date"]["year"].is_number_integer()) << slide.dump();
    ASSERT_TRUE(slide["text"]["headline"].is_string()) << slide.dump();
    EXPECT_FALSE(slide["text"]["headline"].get<std::string>().empty());
  }
  const auto& visit = j["events"][0];
  EXPECT_EQ(visit["unique_id"], "visit");
  EXPECT_EQ(visit["start_date"], (nlohmann::json{{"year", 2015}, {"month", 11}, {"day", 23}}));
  EXPECT_EQ(visit["display_date"], "2015-11-23");
  EXPECT_EQ(visit["group"], "Russia");
  EXPECT_EQ(visit["text"]["text"],
            "<p>Putin meets Khamenei in Tehran.</p><ul class=\"chronoscope-citations\"><li>Alwaght, <cite>An "
            "article</cite> (2016-04-13), para 9 <a href=\"https://example.org/a\">https://example.org/a</a></li></ul>");
  const auto& campaign = j["events"][1];
  EXPECT_EQ(campaign["end_date"], (nlohmann::json{{"year", 2016}, {"month", 3}, {"day", 14}}));
  EXPECT_EQ(j["events"][2]["start_date"], (nlohmann::json{{"year", 2015}}));
  EXPECT_EQ(losses.format_all(),
            "out.json: warning: TimelineJS cannot hold more than one group per slide; only the first lane is kept, "
            "as the group (1 event)\n"
            "out.json: warning: TimelineJS cannot hold lane ids and colours; groups are named by the lane's name (3 "
            "lanes)\n"
            "out.json: warning: TimelineJS cannot hold tags; they are left out (2 events)\n"
            "out.json: warning: TimelineJS cannot hold citations as data; they are written as text in each slide (2 "
            "events)\n"
            "out.json: warning: TimelineJS cannot hold open or unknown ends and sets of dates; the nearest span is "
            "drawn, and display_date keeps the date as written (1 event)\n");
}

TEST(TimelineJsRoundTrip, EventsYamlKeepsTitlesDatesPrecisionAndSummaries) {
  const Timeline a = load_yaml_file(std::string{CS_SOURCE_DIR} + "/events.yaml");
  ASSERT_GT(a.event_count(), 30u);
  Diagnostics losses{"out.json"};
  const std::string json = write_timelinejs(a, losses);
  const Read r = read(json);
  EXPECT_EQ(r.diag, "");
  const Timeline& b = r.t;
  EXPECT_EQ(b.title, a.title);
  ASSERT_EQ(b.event_count(), a.event_count());
  for (EventIndex i = 0; i < a.event_count(); ++i) {
    const Event x = a.event(i), y = b.event(i);
    EXPECT_EQ(y.id, x.id);
    EXPECT_EQ(y.title, x.title);
    EXPECT_EQ(y.date_text, x.date_text);
    EXPECT_EQ(y.when, x.when) << x.date_text;
    EXPECT_EQ(y.when.start.precision, x.when.start.precision);
    EXPECT_EQ(y.summary, x.summary) << x.id;  // the citation list is not read back as text
    ASSERT_EQ(y.lanes.size(), x.lanes.empty() ? 0u : 1u);
    if (!x.lanes.empty()) {
      EXPECT_EQ(b.find_lane(y.lanes[0])->name, a.find_lane(x.lanes[0])->name);
    }
  }
}

TEST(TimelineJsRoundTrip, WithoutDisplayDatesTheNumbersKeepThePrecision) {
  Timeline a;
  for (const char* d : {"2015", "2015-11", "2015-11-23", "2015-11-23T10:30Z", "2015-11-23T10:30:15Z", "-0499",
                        "0000-03", "2015-09-30/2016-03-14", "2015/2016-03"}) {
    Event e;
    e.id = d;
    e.title = d;
    e.date_text = d;
    e.when = *parse_edtf(d).value;
    a.add_event(e);
  }
  Diagnostics losses{"out.json"};
  auto j = nlohmann::json::parse(write_timelinejs(a, losses));
  for (auto& slide : j["events"]) slide.erase("display_date");
  const Read r = read(j.dump());
  EXPECT_EQ(r.diag, "");
  ASSERT_EQ(r.t.event_count(), a.event_count());
  for (EventIndex i = 0; i < a.event_count(); ++i) EXPECT_EQ(r.t.event(i).date_text, a.event(i).date_text);
}

TEST(TimelineJsReader, WhatIsNotKeptIsSaidOnce) {
  const Read r = read(R"({"events": [
  {"start_date": {"year": 2015}, "text": {"headline": "A"}, "media": {"url": "<blockquote>a tweet</blockquote>"},
   "background": {"color": "#000"}},
  {"start_date": {"year": 2016}, "text": {"headline": "B"}, "media": {"url": "photo.jpg", "credit": "AP"},
   "background": {"url": "https://example.org/b.jpg"}}]})");
  EXPECT_EQ(r.diag,
            "t.json: warning: TimelineJS: media that are not http(s) links (embedded HTML, files) are not kept (2 "
            "slides)\n"
            "t.json: warning: TimelineJS: media captions, credits and thumbnails are not kept (1 slide)\n"
            "t.json: warning: TimelineJS: slide backgrounds are not kept (2 slides)\n");
  ASSERT_EQ(r.t.event_count(), 2u);
  EXPECT_EQ(r.t.store().url(0), "");
}
