// The Markdown chronology: events in time order under a heading per year, dates as written, summaries and
// citations, and Markdown's own syntax escaped in the text.
#include "model/io/markdown.hpp"

#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

using namespace cs;

TEST(Markdown, AChronologyByYear) {
  Diagnostics d{"t.yaml"};
  const Timeline t = load_timeline_yaml(R"(title: A *small* story
lanes: [{id: r, name: Russia}]
sources:
  - {id: art, title: An article, publisher: Alwaght, published: 2016-04-13, url: "https://example.org/a"}
events:
  - id: later
    title: Later
    date: 2016-02
    lanes: [r]
  - id: visit
    title: Putin visits Tehran
    date: 2015-11-23
    summary: "Putin meets Khamenei.\nThey talk for two hours."
    sources:
      - {source: art, locator: para 9, quote: "met the Leader", claims: 2015-11-24}
  - id: bce
    title: "[Battle] of Marathon"
    date: -0489-09~
    tags: [war]
)",
                                            d);
  ASSERT_EQ(d.format_all(), "");
  Diagnostics losses{"out.md"};
  EXPECT_EQ(write_markdown(t, losses),
            "# A \\*small\\* story\n"
            "\n## 490 BCE\n\n"
            "- **\\-0489-09~**: \\[Battle\\] of Marathon\n"
            "\n## 2015\n\n"
            "- **2015-11-23**: Putin visits Tehran\n"
            "\n"
            "  Putin meets Khamenei.  \n"
            "  They talk for two hours.\n"
            "\n"
            "  - Alwaght, *An article* (2016-04-13), para 9: \xE2\x80\x9Cmet the Leader\xE2\x80\x9D (dates it 2015-11-24) "
            "<https://example.org/a>\n"
            "\n"
            "## 2016\n\n"
            "- **2016-02**: Later\n");
  EXPECT_EQ(losses.format_all(),
            "out.md: warning: Markdown cannot hold lanes; they are left out (1 event)\n"
            "out.md: warning: Markdown cannot hold tags; they are left out (1 event)\n");
}

TEST(Markdown, EscapesItsOwnSyntax) {
  EXPECT_EQ(markdown_escape("a*b_c`d[e]f<g>h|i\\j"), "a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\|i\\\\j");
  EXPECT_EQ(markdown_escape("# not a heading"), "\\# not a heading");
  EXPECT_EQ(markdown_escape("1984. A year"), "1984\\. A year");
  EXPECT_EQ(markdown_escape("In 1984. Then"), "In 1984. Then");
}

TEST(Markdown, EveryEventOfEventsYamlIsThere) {
  std::string text;
  ASSERT_TRUE(read_file(std::string{CS_SOURCE_DIR} + "/events.yaml", text));
  Diagnostics d{"events.yaml"};
  const Timeline t = load_timeline_yaml(text, d);
  Diagnostics losses{"out.md"};
  const std::string md = write_markdown(t, losses);
  for (EventIndex i = 0; i < t.event_count(); ++i)
    EXPECT_NE(md.find("**" + markdown_escape(t.store().date_text(i)) + "**: " + markdown_escape(t.store().title(i))),
              std::string::npos)
        << t.store().id(i);
}
