// vis-timeline DataSets as JSON: the hand-written sample (groups with order and colour, one event's items
// merged, date-only ends, milliseconds, BCE years, background items), chronoscope_date read back first,
// EVENT#LANE ids in what we write, and events.yaml round trips keeping titles, dates and lanes.
#include "model/io/vis_json.hpp"

#include "interop_read.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace cs;

namespace {

using test::Read;
using test::load_yaml_file;

Read read(std::string_view json) { return test::read_with(read_vis_json, json, "t.json"); }

}  // namespace

TEST(VisTimestamp, FullTimestampsWithExpandedYears) {
  EXPECT_EQ(vis_timestamp(parse_edtf_date("2015-11-23T10:30Z")->start), "2015-11-23T10:30:00Z");
  EXPECT_EQ(vis_timestamp(parse_edtf_date("-0499-03")->start), "-000499-03-01T00:00:00Z");
  EXPECT_EQ(vis_timestamp(parse_edtf_date("Y170000")->start), "+170000-01-01T00:00:00Z");
}

TEST(VisReader, ReadsTheHandWrittenSample) {
  std::string text;
  ASSERT_TRUE(read_file(std::string{CS_FIXTURES} + "/interop/vis.json", text));
  const Read r = read(text);
  EXPECT_EQ(r.diag, "t.json:18:5: warning: a background item is not an event; skipped\n");
  const Timeline& t = r.t;
  EXPECT_EQ(t.title, "A vis sample");
  ASSERT_EQ(t.lanes.size(), 2u);  // by their "order"
  EXPECT_EQ(t.lanes[0].id, "russia");
  EXPECT_EQ(t.lanes[0].name, "Russia");
  EXPECT_EQ(t.lanes[0].color, (Rgba{0xc0, 0x39, 0x2b, 255}));
  EXPECT_EQ(t.lanes[1].id, "iran");
  EXPECT_EQ(t.lanes[1].color, (Rgba{0x1e, 0x84, 0x49, 255}));
  ASSERT_EQ(t.event_count(), 6u);
  const Event visit = t.event(0);
  EXPECT_EQ(visit.id, "visit");  // visit#russia and visit#iran are one event
  EXPECT_EQ(visit.lanes, (std::vector<std::string>{"russia", "iran"}));
  EXPECT_EQ(visit.date_text, "2015-11-23");
  EXPECT_EQ(visit.summary, "Meets Khamenei & Rouhani");
  EXPECT_EQ(t.event(1).date_text, "2015-09-30/2016-03-14");  // vis ends ranges at the first day not covered
  EXPECT_EQ(t.event(2).id, "7");
  EXPECT_EQ(t.event(2).date_text, "2015-07-15");
  EXPECT_EQ(t.event(3).date_text, "2016-02-01T09:30Z");
  EXPECT_EQ(t.event(4).date_text, "-0489-09-01T00:00:00Z");
  EXPECT_TRUE(t.event(4).lanes.empty());
  EXPECT_EQ(t.event(5).date_text, "2016-01-15/..");
  EXPECT_TRUE(t.event(5).when.open_end);
}

TEST(VisReader, ProblemsPointAtTheirPlace) {
  const Read r = read(R"({"items": [
  {"id": "a", "start": "2015-01-01"},
  {"id": "b", "content": "B", "start": "yesterday"},
  {"id": "c", "content": "C"},
  {"id": "d", "content": "D", "start": "2015-02-30"},
  {"id": "e", "content": "E", "start": "2015-03-01", "end": "2015-02-01"},
  {"id": "f", "content": "F", "start": "2015-03-01", "chronoscope_date": "2015-13"},
  {"id": "g", "content": "G", "start": "2016-03-01", "chronoscope_date": "2015"},
  {"id": "g", "content": "G again", "start": "2016-03-01"},
  7
]})");
  EXPECT_EQ(r.diag,
            "t.json:2:3: error: the item has no content (Chronoscope needs a title)\n"
            "t.json:3:40: error: start 'yesterday' is not an ISO 8601 date (2015-11-23 or 2015-11-23T10:30:00Z)\n"
            "t.json:4:3: error: the item has no start\n"
            "t.json:5:40: error: start '2015-02-30': impossible date '2015-02-30': February 2015 has no day 30\n"
            "t.json:6:61: error: end '2015-02-01' comes before the start\n"
            "t.json:7:74: warning: chronoscope_date '2015-13': invalid date '2015-13': month must be 01 to 12; start "
            "and end are used\n"
            "t.json:8:40: warning: start (2016-03-01) disagrees with chronoscope_date '2015'; chronoscope_date is "
            "used\n"
            "t.json:9:10: warning: duplicate item id 'g': read as 'g-2'\n"
            "t.json:10:3: error: an item must be an object, not a number\n");
  ASSERT_EQ(r.t.event_count(), 3u);
  EXPECT_EQ(r.t.event(0).date_text, "2015-03-01");
  EXPECT_EQ(r.t.event(1).date_text, "2015");
}

TEST(VisReader, AListOfItemsAlone) {
  const Read r = read(R"([{"id": 1, "content": "A", "start": "2015-06", "group": "x"}])");
  EXPECT_EQ(r.diag, "");
  ASSERT_EQ(r.t.event_count(), 1u);
  EXPECT_EQ(r.t.event(0).date_text, "2015-06");
  EXPECT_EQ(r.t.event(0).lanes, (std::vector<std::string>{"x"}));
}

TEST(VisWriter, OneItemPerLaneWithOurDate) {
  const Timeline t = load_yaml_file(std::string{CS_FIXTURES} + "/small.yaml");
  Diagnostics losses{"out.json"};
  const auto j = nlohmann::json::parse(write_vis_json(t, losses));
  EXPECT_EQ(j["title"], "Fixture");
  EXPECT_EQ(j["groups"][0], (nlohmann::json{{"id", "russia"}, {"content", "Russia"}, {"style", "color: #c0392b"},
                                            {"order", 0}}));
  const auto& items = j["items"];
  ASSERT_EQ(items.size(), t.event_count() + 1);  // the visit is in two lanes
  EXPECT_EQ(items[0]["id"], "visit#russia");
  EXPECT_EQ(items[0]["group"], "russia");
  EXPECT_EQ(items[1]["id"], "visit#iran");
  EXPECT_EQ(items[0]["start"], "2015-11-23T00:00:00Z");
  EXPECT_EQ(items[0]["chronoscope_date"], "2015-11-23");
  EXPECT_EQ(items[0]["title"], "Putin meets Khamenei in Tehran.");
  EXPECT_EQ(items[2]["id"], "campaign");
  EXPECT_EQ(items[2]["type"], "range");
  EXPECT_EQ(items[2]["end"], "2016-03-15T00:00:00Z");
  EXPECT_EQ(losses.format_all(),
            "out.json: warning: vis-timeline JSON cannot hold tags; they are left out (2 events)\n"
            "out.json: warning: vis-timeline JSON cannot hold citations; they are left out (2 events)\n"
            "out.json: warning: vis-timeline JSON cannot hold sources; they are left out (2 sources)\n");
}

TEST(VisWriter, AnIdThatLooksLikeEventHashLaneStaysWhole) {
  Timeline t;
  t.add_lane({"russia", "Russia"});
  Event e;
  e.id = "talks#russia";
  e.title = "Talks";
  e.date_text = "2015";
  e.when = *parse_edtf("2015").value;
  e.lanes = {"russia"};
  t.add_event(e);
  Diagnostics losses;
  const Read r = read(write_vis_json(t, losses));
  EXPECT_EQ(r.diag, "");
  ASSERT_EQ(r.t.event_count(), 1u);
  EXPECT_EQ(r.t.event(0).id, "talks#russia");
}

TEST(VisRoundTrip, EventsYamlKeepsTitlesDatesAndLanes) {
  const Timeline a = load_yaml_file(std::string{CS_SOURCE_DIR} + "/events.yaml");
  Diagnostics losses{"out.json"};
  const Read r = read(write_vis_json(a, losses));
  EXPECT_EQ(r.diag, "");
  const Timeline& b = r.t;
  EXPECT_EQ(b.title, a.title);
  ASSERT_EQ(b.lanes.size(), a.lanes.size());
  for (std::size_t k = 0; k < a.lanes.size(); ++k) {
    EXPECT_EQ(b.lanes[k].id, a.lanes[k].id);
    EXPECT_EQ(b.lanes[k].name, a.lanes[k].name);
    EXPECT_EQ(b.lanes[k].color, a.lanes[k].color);
  }
  ASSERT_EQ(b.event_count(), a.event_count());
  for (EventIndex i = 0; i < a.event_count(); ++i) {
    const Event x = a.event(i), y = b.event(i);
    EXPECT_EQ(y.id, x.id);
    EXPECT_EQ(y.title, x.title);
    EXPECT_EQ(y.date_text, x.date_text);
    EXPECT_EQ(y.when, x.when);
    EXPECT_EQ(y.lanes, x.lanes);
    EXPECT_EQ(y.summary, x.summary);
  }
}

TEST(VisWriter, StoriesAreSaidToBeLost) {
  Timeline t;
  t.stories.push_back({"s", "A story", {}, {}});
  Diagnostics losses{"out.json"};
  EXPECT_EQ(write_vis_json(t, losses), "{\n  \"items\": []\n}\n");  // no lanes: no "groups" at all
  EXPECT_EQ(losses.format_all(), "out.json: warning: vis-timeline JSON cannot hold stories; they are left out (1 story)\n");
}
