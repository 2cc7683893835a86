// `chronoscope layout` beyond the records: the axis rows of every calendar (Gregorian included), the ghosts
// of disputed dates, label boxes inside the canvas, and --filter and --calendars (also on render).
#include "run_binary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using cs::test::run;
using cs::test::RunResult;
using json = nlohmann::json;

namespace {

std::string fixture(const char* name) { return std::string{CS_FIXTURES} + "/" + name; }
std::string events_yaml() { return std::string{CS_SOURCE_DIR} + "/events.yaml"; }

json layout(const std::string& args) {
  const RunResult r = run("layout " + args, " 2>/dev/null");
  EXPECT_EQ(r.status, 0) << r.out.substr(0, 300);
  return r.status == 0 ? json::parse(r.out) : json::object();
}

}  // namespace

TEST(LayoutCli, AxisRowsForEveryCalendarShown) {
  const json plain = layout(fixture("small.yaml") + " --size 800x300 --range 2015-01/2016-06");
  ASSERT_EQ(plain["axis"].size(), 1u);
  EXPECT_EQ(plain["axis"][0]["calendar"], "gregorian");
  EXPECT_FALSE(plain["axis"][0]["ticks"].empty());
  EXPECT_EQ(plain["axis"][0]["ticks"][0]["label"], "Jan");
  EXPECT_EQ(plain["axis"][0]["ticks"][0]["x"], 160);  // 1 January 2015, where the plot begins
  const json cal = layout(fixture("small.yaml") + " --size 800x300 --range 2015-01/2016-06 --calendars solar-hijri,islamic,julian");
  ASSERT_EQ(cal["axis"].size(), 4u);
  EXPECT_EQ(cal["axis"][1]["calendar"], "solar-hijri");
  EXPECT_EQ(cal["axis"][2]["calendar"], "islamic");
  EXPECT_EQ(cal["axis"][3]["calendar"], "julian");
  bool farvardin = false;  // 1 Farvardin 1394 SH is 21 March 2015: a year tick there
  for (const json& t : cal["axis"][1]["ticks"]) farvardin = farvardin || t["label"] == "1394 SH";
  EXPECT_TRUE(farvardin) << cal["axis"][1];
  // The calendar rows move the lanes down, a row each.
  EXPECT_EQ(cal["lanes"][0]["y0"].get<float>() - plain["lanes"][0]["y0"].get<float>(), 3 * 23);
}

TEST(LayoutCli, GhostsOfDisputedDates) {
  const json l = layout(events_yaml() + " --size 1920x1080");
  ASSERT_FALSE(l["ghosts"].empty());
  for (const json& g : l["ghosts"]) {
    EXPECT_FALSE(g["id"].get<std::string>().empty());
    EXPECT_FALSE(g["source"].get<std::string>().empty()) << g;
    EXPECT_LT(g["x0"].get<float>(), g["x1"].get<float>());
  }
}

TEST(LayoutCli, LabelBoxesStayInsideTheCanvas) {
  for (const char* args : {" --size 640x480", " --size 900x600 --range 2017-03/2017-04", " --size 300x900 --range 2010/2020",
                           " --size 1200x400 --range 2015-06/2016-02"}) {
    const json l = layout(events_yaml() + args);
    const float w = l["size"][0], h = l["size"][1];
    int labels = 0;
    for (const json& group : {l["records"], l["ghosts"]})
      for (const json& r : group) {
        if (!r.contains("label")) continue;
        ++labels;
        const json& b = r["label"]["box"];
        EXPECT_GE(b[0].get<float>(), 160) << args << r;  // right of the lane headers
        EXPECT_LE(b[2].get<float>(), w) << args << r;
        EXPECT_GE(b[1].get<float>(), 0) << args << r;
        EXPECT_LE(b[3].get<float>(), h) << args << r;
      }
    EXPECT_GT(labels, 3) << args;
  }
}

TEST(LayoutCli, FoldsListTheirFirstEvents) {
  const json l = layout(fixture("small.yaml") + " --size 800x300");
  bool any = false;
  for (const json& r : l["records"])
    if (r["kind"] == "fold") {
      any = true;
      // The burst's last four, in date order (its first four have rows of their own).
      EXPECT_EQ(r["count"], 4);
      EXPECT_EQ(r["first"], json::parse(R"(["b5", "b6", "b7", "b8"])"));
    }
  EXPECT_TRUE(any);
}

TEST(LayoutCli, FilterShowsOnlyTheMatchesAndFitsThem) {
  const json all = layout(fixture("small.yaml") + " --size 1000x600");
  const json f = layout(fixture("small.yaml") + " --size 1000x600 --filter 'lane:syria -precision:year'");
  std::size_t events = 0;
  for (const json& r : f["records"]) {
    EXPECT_EQ(r["lane"], "syria") << r;
    if (r.contains("ids")) {
      EXPECT_NE(r["ids"][0], "year-event");
    }
    events += r.contains("count") ? r["count"].get<std::size_t>() : 1;
  }
  EXPECT_EQ(events, 8u);  // the burst, counted exactly whether shown or folded
  // What matches is fitted: the burst of four days with a twentieth on each side, not the whole file.
  EXPECT_NE(f["range"], all["range"]);
  EXPECT_EQ(f["range"], json::parse(R"(["2015-02-28T19:12:00Z", "2015-03-05T04:48:00Z"])"));
}

TEST(LayoutCli, RenderTakesFilterAndCalendars) {
  const std::string out = ::testing::TempDir() + "/layout_cli_render.png";
  std::filesystem::remove(out);
  const RunResult r = run("render " + fixture("small.yaml") + " -o " + out +
                          " --size 640x360 --filter 'lane:iran' --calendars islamic,julian");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(std::filesystem::exists(out));
  EXPECT_EQ(run("render " + fixture("small.yaml") + " -o " + out + " --calendars mayan").status, 2);
}
