// The generator: deterministic for a seed, different across seeds, and its output loads cleanly in both
// formats with the shape it promises (lanes, ranges, ongoing events, dates in range).
#include "model/io/csv_loader.hpp"
#include "app/cli/generate.hpp"
#include "model/timeline_index.hpp"
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace cs;

namespace {
std::string generate(std::uint64_t n, std::uint64_t seed, bool csv, int from = 1000, int to = 2100) {
  GenerateOptions o;
  o.events = n;
  o.seed = seed;
  o.csv = csv;
  o.from_year = from;
  o.to_year = to;
  std::ostringstream out;
  generate_timeline(o, out);
  return out.str();
}
}  // namespace

TEST(Generate, SameSeedSameBytes) {
  EXPECT_EQ(generate(2000, 42, true), generate(2000, 42, true));
  EXPECT_EQ(generate(2000, 42, false), generate(2000, 42, false));
  EXPECT_NE(generate(2000, 42, true), generate(2000, 43, true));
}

TEST(Generate, CsvLoadsCleanlyWithTheRightShape) {
  Timeline t;
  Diagnostics d{"g.csv"};
  load_timeline_csv(generate(20000, 7, true), t, d);
  EXPECT_EQ(d.format_all(), "");
  ASSERT_EQ(t.event_count(), 20000u);
  EXPECT_EQ(t.lanes.size(), 8u);
  std::size_t intervals = 0, open = 0, year = 0;
  const EventStore& st = t.store();
  for (EventIndex i = 0; i < st.size(); ++i) {
    intervals += st.is_interval(i);
    open += st.open_end(i);
    year += st.precision(i) == Precision::Year;
    EXPECT_GE(st.start(i), parse_edtf_date("1000")->start.time_since_epoch().count());
    EXPECT_LT(st.start(i), parse_edtf_date("2100")->start.time_since_epoch().count());
  }
  EXPECT_GT(intervals, 3000u);
  EXPECT_GT(open, 10u);
  EXPECT_GT(year, 1500u);
}

TEST(Generate, YamlLoadsCleanlyAndSpansTheEras) {
  Diagnostics d{"g.yaml"};
  const Timeline t = load_timeline_yaml(generate(3000, 9, false, -3000, 2100), d);
  EXPECT_EQ(d.format_all(), "");
  ASSERT_EQ(t.event_count(), 3000u);
  const TimelineIndex index{t};
  Seconds a, b;
  ASSERT_TRUE(index.extent(a, b));
  EXPECT_LT(a, parse_edtf_date("-2000")->start);  // well before the common era
  EXPECT_GT(b, parse_edtf_date("1900")->start);
}

// --prose: the same events as without it, each with a summary and at least one citation of a source the
// file lists, loading cleanly; the file is more than twice as large.
TEST(Generate, ProseAddsSummariesAndCitationsToTheSameEvents) {
  GenerateOptions o;
  o.events = 2000;
  o.seed = 5;
  std::ostringstream plain_out, prose_out;
  generate_timeline(o, plain_out);
  o.prose = true;
  generate_timeline(o, prose_out);
  Diagnostics d1{"plain.yaml"}, d2{"prose.yaml"};
  const Timeline plain = load_timeline_yaml(plain_out.str(), d1);
  const Timeline prose = load_timeline_yaml(prose_out.str(), d2);
  EXPECT_EQ(d2.format_all(), "");
  ASSERT_EQ(prose.event_count(), plain.event_count());
  EXPECT_GT(prose_out.str().size(), 2 * plain_out.str().size());
  const EventStore &a = plain.store(), &b = prose.store();
  std::size_t quoted = 0;
  for (EventIndex i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a.id(i), b.id(i));
    EXPECT_EQ(a.start(i), b.start(i));
    EXPECT_EQ(a.end(i), b.end(i));
    EXPECT_EQ(a.title(i), b.title(i));
    EXPECT_FALSE(a.details(i).has_value());
    const auto det = b.details(i);
    ASSERT_TRUE(det.has_value());
    EXPECT_GT(det->summary.size(), b.title(i).size());
    ASSERT_FALSE(det->sources.empty());
    for (const CitationView c : det->sources) {
      EXPECT_TRUE(prose.find_source(c.source) != nullptr) << c.source;
      quoted += !c.quote.empty();
    }
  }
  EXPECT_GT(quoted, 100u);
}
