// `chronoscope list` as a user runs it: the rows as text and JSON, --range and --filter (against a naive
// filter on random data), and the errors.
#include "model/io/load_file.hpp"

#include "run_binary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

using namespace cs;
using test::run;
using test::RunResult;

namespace {

std::string fixture(const char* name) { return std::string{CS_FIXTURES} + "/" + name; }

std::vector<std::string> json_ids(const std::string& out) {
  std::vector<std::string> ids;
  for (const auto& row : nlohmann::json::parse(out)) ids.push_back(row["id"]);
  return ids;
}

}  // namespace

TEST(ListCli, PrintsTheRowsInDateOrder) {
  const RunResult r = run("list " + fixture("small.yaml") + " --range 2015-06/2015-12", " 2>/dev/null");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out,
            "id\tdate\ttitle\tlanes\tcitations\tdisputed\n"
            "year-event\t2015\tYear-precise event\tsyria\t0\t\n"
            "month-event\t2015-06\tMonth-precise event\tiran\t0\t\n"
            "campaign\t2015-09-30/2016-03-14\tAir campaign in Syria\trussia\t1\t\n"
            "visit\t2015-11-23\tPutin visits Tehran\trussia, iran\t1\t\n");
}

TEST(ListCli, JsonHasIdDateAsWrittenTitleAndLanes) {
  const RunResult r = run("list " + fixture("small.yaml") + " --json --filter 'lane:iran'", " 2>/dev/null");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], nlohmann::json::parse(R"({"id": "month-event", "date": "2015-06", "title": "Month-precise event",
                                              "lanes": ["iran"], "citations": 0, "disputed": false})"));
  EXPECT_EQ(rows[1]["id"], "visit");
  EXPECT_EQ(rows[1]["lanes"], nlohmann::json::parse(R"(["russia", "iran"])"));
  EXPECT_EQ(rows[2]["date"], "2016-01-15/..");
  EXPECT_EQ(run("list " + fixture("small.yaml") + " --json --filter nothing-matches", " 2>/dev/null").out, "[]\n");
}

TEST(ListCli, DisputedEventsSayIt) {
  const RunResult r = run("list " + std::string{CS_SOURCE_DIR} + "/events.yaml --filter disputed --json", " 2>/dev/null");
  ASSERT_EQ(r.status, 0) << r.out;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) EXPECT_TRUE(row["disputed"].get<bool>()) << row;
}

// The binary's rows against a filter written out by hand over the same file, read by the model.
TEST(ListCli, MatchesANaiveFilterOnRandomData) {
  const std::string dir = ::testing::TempDir() + "/list_naive";
  std::filesystem::create_directories(dir);
  for (const char* seed : {"3", "11"}) {
    const std::string file = dir + "/gen" + seed + ".csv";
    ASSERT_EQ(run("generate --events 5000 --lanes 5 --seed " + std::string{seed} + " -o " + file).status, 0);
    const RunResult r = run("list " + file + " --json --filter 'lane:lane-03 -tag:military precision:day|month' "
                                             "--range 1200/1950",
                            " 2>/dev/null");
    ASSERT_EQ(r.status, 0) << r.out.substr(0, 300);
    Diagnostics d{file};
    Timeline t = load_timeline_file(file, d);
    const EventStore& st = t.store();
    const LaneId lane = t.lane_index("lane-03", false);
    const auto from = parse_edtf("1200").value->begin_time().time_since_epoch().count();
    const auto to = parse_edtf("1950").value->end_time().time_since_epoch().count();
    std::vector<EventIndex> naive;
    for (EventIndex e = 0; e < st.size(); ++e) {
      const auto lanes = st.lanes(e);
      const auto tags = st.tags(e);
      if (std::find(lanes.begin(), lanes.end(), lane) == lanes.end()) continue;
      if (std::find(tags.begin(), tags.end(), "military") != tags.end()) continue;
      if (st.precision(e) != Precision::Day && st.precision(e) != Precision::Month) continue;
      if (st.end(e) <= from || st.start(e) >= to) continue;
      naive.push_back(e);
    }
    std::stable_sort(naive.begin(), naive.end(), [&](EventIndex a, EventIndex b) { return st.start(a) < st.start(b); });
    std::vector<std::string> expected;
    for (EventIndex e : naive) expected.emplace_back(st.id(e));
    EXPECT_GT(expected.size(), 20u) << seed;
    EXPECT_EQ(json_ids(r.out), expected) << seed;
  }
}

TEST(ListCli, FilterMistakesPointAtTheColumn) {
  RunResult r = run("list " + fixture("small.yaml") + " --filter 'lane:iran lnae:x'");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "--filter:1:11: error: unknown field 'lnae' (expected lane, tag, dated, precision, source, from or to; "
                   "quote text that contains ':')\n");
  r = run("list " + fixture("small.yaml") + " --filter 'tag:x lane:irn'");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "--filter:1:12: error: unknown lane 'irn'\n");
}

TEST(ListCli, ABadRangeIsRefused) {
  const RunResult r = run("list " + fixture("small.yaml") + " --range 2015-13/2016");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("chronoscope: error: --range must be an EDTF interval"), std::string::npos) << r.out;
  EXPECT_EQ(run("list " + fixture("small.yaml") + " --range 2015").status, 2);
}
