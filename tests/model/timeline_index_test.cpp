// Range queries return exactly the events a naive scan finds, in start order; search matches text and tags.
#include "model/timeline_index.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"

#include <algorithm>
#include <random>

using namespace cs;
using namespace date;

namespace {
Timeline random_timeline(unsigned seed, int n) {
  std::mt19937 rng{seed};
  Timeline t;
  t.lanes = {{"a", "A"}, {"b", "B"}};
  t.index_names();
  const auto base = sys_days{year{1900} / 1 / 1};
  for (int i = 0; i < n; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.title = e.id;
    std::uniform_int_distribution<int> day(0, 365 * 100), len(0, 4000), kind(0, 9);
    const auto start = base + days{day(rng)};
    e.when.start = Date{Seconds{start}, Precision::Day};
    const int k = kind(rng);
    if (k < 3) e.when.end = Date{Seconds{start + days{len(rng)}}, Precision::Day};
    if (k == 3) e.when.open_end = true;
    if (k == 4) e.when.start.precision = Precision::Year;
    if (k != 5) e.lanes.push_back(k % 2 ? "a" : "b");
    t.add_event(e);
  }
  return t;
}
}  // namespace

TEST(TimelineIndex, VisibleMatchesNaiveScanOnRandomData) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    const Timeline t = random_timeline(seed, 300);
    const TimelineIndex idx{t};
    ASSERT_EQ(idx.slots().size(), 3u);  // a, b, and the catch-all
    std::mt19937 rng{seed * 7};
    for (int q = 0; q < 50; ++q) {
      std::uniform_int_distribution<int> day(-1000, 365 * 110);
      auto t0 = Seconds{sys_days{year{1900} / 1 / 1} + days{day(rng)}};
      auto t1 = t0 + days{std::uniform_int_distribution<int>(1, 20000)(rng)};
      for (std::size_t s = 0; s < idx.slots().size(); ++s) {
        std::vector<EventIndex> got, want;
        idx.visible(s, t0, t1, got);
        for (EventIndex i = 0; i < t.event_count(); ++i) {
          const Event& e = t.event(i);
          const bool in_lane = idx.slots()[s].lane
                                   ? std::find(e.lanes.begin(), e.lanes.end(), idx.slots()[s].lane->id) != e.lanes.end()
                                   : e.lanes.empty();
          if (in_lane && e.when.begin_time() < t1 && e.when.end_time() > t0) want.push_back(i);
        }
        std::stable_sort(want.begin(), want.end(), [&](EventIndex a, EventIndex b) {
          return t.store().start(a) < t.store().start(b);
        });
        auto sorted_got = got;
        std::sort(sorted_got.begin(), sorted_got.end());
        auto sorted_want = want;
        std::sort(sorted_want.begin(), sorted_want.end());
        ASSERT_EQ(sorted_got, sorted_want) << "seed " << seed << " slot " << s;
        for (std::size_t i = 1; i < got.size(); ++i)
          ASSERT_LE(t.store().start(got[i - 1]), t.store().start(got[i]));
      }
    }
  }
}

TEST(TimelineIndex, ExtentCoversAllEvents) {
  Timeline t = random_timeline(3, 50);
  TimelineIndex idx{t};
  Seconds a, b;
  ASSERT_TRUE(idx.extent(a, b));
  for (const Event& e : test::all_events(t)) {
    EXPECT_LE(a, e.when.begin_time());
    if (!e.when.open_end) {
      EXPECT_GE(b, e.when.end_time());
    }
  }
}

TEST(TimelineIndex, SearchFindsTitleSummaryAndTagsCaseInsensitively) {
  Timeline t;
  Event a;
  a.id = "a";
  a.title = "Putin visits Tehran";
  a.when.start = *parse_edtf_date("2015-11-23");
  Event b = a;
  b.id = "b";
  b.title = "Missiles";
  b.summary = "Syria fires at the Golan";
  b.tags = {"military"};
  b.when.start = *parse_edtf_date("2015-01-01");
  test::add_events(t, {a, b});
  EXPECT_EQ(search_events(t, "TEHRAN"), std::vector<EventIndex>{0});
  EXPECT_EQ(search_events(t, "golan"), std::vector<EventIndex>{1});
  EXPECT_EQ(search_events(t, "milit"), std::vector<EventIndex>{1});
  EXPECT_EQ(search_events(t, "s"), (std::vector<EventIndex>{1, 0}));  // date order
  EXPECT_TRUE(search_events(t, "").empty());
  EXPECT_TRUE(search_events(t, "zzz").empty());
}
