// The story as a Markdown handout: the whole text for the fixture's story, and markup in the data escaped.
#include "model/io/handout.hpp"

#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

using namespace cs;

TEST(Handout, EveryStepWithItsCaptionFocusDatesSummariesAndCitations) {
  Diagnostics d{"story.yaml"};
  const Timeline t = load_timeline_file(std::string{CS_FIXTURES} + "/story.yaml", d);
  ASSERT_FALSE(d.has_errors()) << d.format_all();
  ASSERT_GE(t.stories.size(), 1u);
  EXPECT_EQ(story_handout(t, t.stories[0]),
            "# How the fixture unfolds\n"
            "\n"
            "*Fixture*\n"
            "\n"
            "## 1. Entry\n"
            "\n"
            "*September 2015 \u2013 December 2015*\n"
            "\n"
            "The campaign opens and Moscow courts Tehran.\n"
            "\n"
            "- **Air campaign in Syria** (2015-09-30/2016-03-14)\n"
            "  - Vestnik Kavkaza, \u201CA paper without url\u201D (2016-05), para 3\n"
            "- **Putin visits Tehran** (2015-11-23)  \n"
            "  Putin meets Khamenei in Tehran.\n"
            "  - Alwaght, \u201CAn article\u201D (2016-04-13), para 9: <https://example.org/a>\n"
            "\n"
            "## 2. Step 2\n"
            "\n"
            "*20 February 2015 \u2013 10 March 2015*\n"
            "\n"
            "A burst of activity in Syria, of which one event is singled out.\n"
            "\n"
            "- **Burst 3** (2015-03-02)\n"
            "\n"
            "## 3. What goes on\n"
            "\n"
            "*October 2015 \u2013 June 2016*\n"
            "\n"
            "Cooperation goes on after the air campaign ends, and this caption is long enough to be wrapped over "
            "more than one line on a page of ordinary width, so that a reader of the deck sees all of it.\n"
            "\n"
            "- **Cooperation goes on** (2016-01-15/..)\n"
            "- **Air campaign in Syria** (2015-09-30/2016-03-14)\n"
            "  - Vestnik Kavkaza, \u201CA paper without url\u201D (2016-05), para 3\n");
  // Speaker notes are not in it.
  EXPECT_EQ(story_handout(t, t.stories[0]).find("SECRET-NOTE"), std::string::npos);
}

TEST(Handout, MarkupInTheDataIsEscaped) {
  EXPECT_EQ(markdown_text("a *b* _c_ [d](e) <f> `g` ~h~ x|y \\"), "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\` \\~h\\~ x\\|y \\\\");
  EXPECT_EQ(markdown_text("# not a heading"), "\\# not a heading");
  EXPECT_EQ(markdown_text("1. not a list"), "1\\. not a list");
  EXPECT_EQ(markdown_text("- not a list\n+ nor this\n> nor a quote"), "\\- not a list\n\\+ nor this\n\\> nor a quote");
  EXPECT_EQ(markdown_text("2015-09-30/.. and 1979"), "2015-09-30/.. and 1979");
}

TEST(Handout, AUrlThatCannotBeAnAutolinkIsText) {
  Timeline t;
  t.sources = {Source{"s", "T", "P", {}, "", "https://example.org/a b"}};
  t.lanes = {{"a", "A"}};
  t.index_names();
  Event e;
  e.id = "e", e.title = "E", e.date_text = "2015", e.when = *parse_edtf("2015").value, e.lanes = {"a"};
  SourceRef ref;
  ref.source = "s";
  e.sources = {ref};
  t.add_event(e);
  Story s;
  s.id = "x";
  StoryStep step;
  step.focus = {"e"};
  s.steps = {step};
  const std::string md = story_handout(t, s);
  EXPECT_NE(md.find("  - P, \u201CT\u201D: https://example.org/a b\n"), std::string::npos) << md;
}
