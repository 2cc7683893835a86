// Round trips of generated data through every readable format, at the fidelity each format promises:
// YAML keeps everything; CSV ids, titles, dates, lanes and tags; vis titles, dates and lanes; TimelineJS
// (JSON and sheet) titles and dates with their precision, and the first lane as a group.
#include "app/cli/generate.hpp"
#include "model/io/formats.hpp"
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace cs;

namespace {

Timeline generated(std::uint64_t n) {
  GenerateOptions o;
  o.events = n;
  o.seed = 7;
  o.from_year = -800;  // BCE years too
  std::ostringstream out;
  generate_timeline(o, out);
  Diagnostics d{"g.yaml"};
  Timeline t = load_timeline_yaml(out.str(), d);
  EXPECT_EQ(d.format_all(), "");
  return t;
}

Timeline through(const Timeline& t, Format f) {
  Diagnostics losses{"out"};
  const std::string text = write_timeline(f, t, losses);
  Timeline back;
  Diagnostics d{"out"};
  read_timeline(f, text, back, d);
  EXPECT_EQ(d.format_all(), "") << format_name(f);
  return back;
}

}  // namespace

TEST(ConvertRoundTrip, GeneratedDataThroughEveryFormat) {
  const Timeline a = generated(3000);
  ASSERT_EQ(a.event_count(), 3000u);
  for (const Format f : all_formats()) {
    if (!can_read(f)) continue;
    SCOPED_TRACE(std::string{format_name(f)});
    const Timeline b = through(a, f);
    ASSERT_EQ(b.event_count(), a.event_count());
    const bool ids = f != Format::TimelineJsSheet, all_lanes = f == Format::Yaml || f == Format::Vis || f == Format::Csv;
    std::size_t bad = 0;
    for (EventIndex i = 0; i < a.event_count() && bad < 5; ++i) {
      const Event x = a.event(i), y = b.event(i);
      const bool same = (!ids || y.id == x.id) && y.title == x.title && y.date_text == x.date_text && y.when == x.when &&
                        (all_lanes ? y.lanes == x.lanes
                                   : y.lanes.size() == std::min<std::size_t>(1, x.lanes.size()) &&
                                         (x.lanes.empty() ||
                                          b.find_lane(y.lanes[0])->name == a.find_lane(x.lanes[0])->name)) &&
                        (f == Format::Vis || f == Format::TimelineJs || f == Format::TimelineJsSheet || y.tags == x.tags);
      if (!same) {
        ++bad;
        ADD_FAILURE() << x.id << " '" << x.date_text << "' came back as " << y.id << " '" << y.date_text << "'";
      }
    }
  }
}
