// Format names, and formats told by extension, by a CSV's header and by a JSON file's content.
#include "model/io/formats.hpp"

#include <gtest/gtest.h>

using namespace cs;

namespace {
std::optional<Format> in(std::string_view path, std::string_view text) {
  std::string why;
  return detect_input_format(path, text, &why);
}
}  // namespace

TEST(Formats, NamesBothWays) {
  for (const Format f : all_formats()) EXPECT_EQ(format_from_name(format_name(f)), f);
  EXPECT_EQ(format_from_name("timelinejs-sheet"), Format::TimelineJsSheet);
  EXPECT_FALSE(format_from_name("json"));
  EXPECT_FALSE(can_read(Format::Markdown));
  EXPECT_TRUE(can_read(Format::Vis));
}

TEST(Formats, InputsByExtension) {
  EXPECT_EQ(in("a/events.yaml", "{}"), Format::Yaml);
  EXPECT_EQ(in("x.YML", ""), Format::Yaml);
  EXPECT_EQ(in("notes.md", ""), Format::Markdown);
}

TEST(Formats, CsvByItsHeader) {
  EXPECT_EQ(in("a.csv", "id,title,start,end\n"), Format::Csv);
  EXPECT_EQ(in("a.csv", "\xEF\xBB\xBF\"start\",\"title\",\"id\"\r\n"), Format::Csv);
  EXPECT_EQ(in("a.csv", "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text\n"),
            Format::TimelineJsSheet);
  std::string why;
  EXPECT_FALSE(detect_input_format("a.csv", "name,when\n", &why));
  EXPECT_NE(why.find("--from csv or --from timelinejs-sheet"), std::string::npos);
}

TEST(Formats, JsonByItsContent) {
  EXPECT_EQ(in("t.json", "{\"title\": {}, \"events\": []}"), Format::TimelineJs);
  EXPECT_EQ(in("t.json", "{\"scale\": \"human\", \"events\": []}"), Format::TimelineJs);
  EXPECT_EQ(in("v.json", " {\"items\": [], \"groups\": []}"), Format::Vis);
  EXPECT_EQ(in("v.json", "{\"title\": \"T\", \"items\": []}"), Format::Vis);
  EXPECT_EQ(in("v.json", "[{\"id\": 1}]"), Format::Vis);
  EXPECT_EQ(in("noext", "{\"groups\": []}"), Format::Vis);
  std::string why;
  EXPECT_FALSE(detect_input_format("v.json", "{\"something\": 1}", &why));
  EXPECT_NE(why.find("--from timelinejs or --from vis"), std::string::npos);
  EXPECT_FALSE(detect_input_format("v.json", "title: x", &why));
}

TEST(Formats, OtherFilesAreYamlOrCsvByContent) {
  EXPECT_EQ(in("events.txt", "title: x\nevents: []\n"), Format::Yaml);
  EXPECT_EQ(in("export", "id,title,start\n"), Format::Csv);
}

TEST(Formats, OutputsByExtension) {
  std::string why;
  EXPECT_EQ(detect_output_format("o.yaml", &why), Format::Yaml);
  EXPECT_EQ(detect_output_format("o.md", &why), Format::Markdown);
  EXPECT_EQ(detect_output_format("o.csv", &why), Format::Csv);
  EXPECT_FALSE(detect_output_format("o.json", &why));
  EXPECT_EQ(why, "a .json file can be TimelineJS or vis-timeline JSON: say --to timelinejs or --to vis");
  EXPECT_FALSE(detect_output_format("o.txt", &why));
}

TEST(Formats, ReadAndWriteDispatch) {
  Timeline t;
  Diagnostics d{"t.json"};
  read_timeline(Format::Vis, R"({"items": [{"id": "a", "content": "A", "start": "2015"}]})", t, d);
  ASSERT_EQ(d.format_all(), "");
  ASSERT_EQ(t.event_count(), 1u);
  Diagnostics losses;
  EXPECT_NE(write_timeline(Format::Csv, t, losses).find("a,A,2015,,,,"), std::string::npos);
  EXPECT_NE(write_timeline(Format::Markdown, t, losses).find("**2015**: A"), std::string::npos);
  Diagnostics md{"x.md"};
  read_timeline(Format::Markdown, "# x", t, md);
  EXPECT_TRUE(md.has_errors());
}
