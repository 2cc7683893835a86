// HTML to text and back, ids from titles, EDTF years and dates: the small pieces every interop format uses.
#include "model/io/interop_text.hpp"

#include <gtest/gtest.h>

using namespace cs;

TEST(HtmlToText, DropsTagsAndDecodesEntities) {
  EXPECT_EQ(html_to_text("Putin <b>visits</b> Tehran &amp; Baku &mdash; &quot;twice&quot; &#233;t&#xE9;"),
            "Putin visits Tehran & Baku \xE2\x80\x94 \"twice\" \xC3\xA9t\xC3\xA9");
  EXPECT_EQ(html_to_text("a &unknown; b & c < d"), "a &unknown; b & c < d");
}

TEST(HtmlToText, BlockTagsEndLinesAndWhiteSpaceCollapses) {
  EXPECT_EQ(html_to_text("<p>One\n  two</p>\n<p>Three<br/>four</p><ul><li>x</li><li>y</li></ul>"),
            "One two\nThree\nfour\n- x\n- y");
  EXPECT_EQ(html_to_text("  <div>  </div>  "), "");
}

TEST(HtmlToText, CommentsScriptsAndOurCitationListAreDropped) {
  EXPECT_EQ(html_to_text("<p>Kept</p><!-- <p>no</p> --><script>alert('<p>')</script><STYLE>p{}</STYLE>"
                         "<ul class=\"chronoscope-citations\"><li>Alwaght</li></ul><p>Also kept</p>"),
            "Kept\nAlso kept");
}

TEST(HtmlToText, AttributesWithAngleBracketsDoNotEndTags) {
  EXPECT_EQ(html_to_text("<a title=\"x > y\" href='z'>link</a>"), "link");
}

TEST(HtmlEscape, EscapesWhatHtmlReads) {
  EXPECT_EQ(html_escape("a < b & \"c\" > d"), "a &lt; b &amp; &quot;c&quot; &gt; d");
  EXPECT_EQ(html_to_text(html_escape("<p>&amp; \"x\"</p>")), "<p>&amp; \"x\"</p>");
}

TEST(IdFromTitle, LowerCaseWordsJoinedByDashes) {
  EXPECT_EQ(id_from_title("Putin visits Tehran, again!"), "putin-visits-tehran-again");
  EXPECT_EQ(id_from_title("Путин в Тегеране"), "Путин-в-Тегеране");  // only ASCII is lower-cased
  EXPECT_EQ(id_from_title("!!!"), "event");
  EXPECT_EQ(id_from_title(std::string(100, 'a')).size(), 60u);
  EXPECT_EQ(id_from_title(std::string(59, 'a') + "\xC3\xA9\xC3\xA9"), std::string(59, 'a'));  // never half a character
}

TEST(IdMaker, NumbersTakenIds) {
  IdMaker ids;
  EXPECT_TRUE(ids.take("a"));
  EXPECT_FALSE(ids.take("a"));
  EXPECT_EQ(ids.unique("a"), "a-2");
  EXPECT_EQ(ids.unique("a"), "a-3");
  EXPECT_EQ(ids.unique("b"), "b");
}

TEST(EdtfYear, AstronomicalYearsAsEdtfWritesThem) {
  EXPECT_EQ(edtf_year(2015), "2015");
  EXPECT_EQ(edtf_year(0), "0000");
  EXPECT_EQ(edtf_year(-499), "-0499");
  EXPECT_EQ(edtf_year(170000), "Y170000");
  EXPECT_EQ(edtf_year(-17000), "Y-17000");
}

TEST(EdtfAt, InstantsAtEachPrecision) {
  const Seconds t = parse_edtf_date("2015-11-23T10:30:15Z")->start;
  EXPECT_EQ(edtf_at(t, Precision::Year), "2015");
  EXPECT_EQ(edtf_at(t, Precision::Month), "2015-11");
  EXPECT_EQ(edtf_at(t, Precision::Day), "2015-11-23");
  EXPECT_EQ(edtf_at(t, Precision::Minute), "2015-11-23T10:30Z");
  EXPECT_EQ(edtf_at(t, Precision::Second), "2015-11-23T10:30:15Z");
  EXPECT_EQ(edtf_at(parse_edtf_date("-0499-03-01")->start, Precision::Day), "-0499-03-01");
}

TEST(WithCount, SingularAndPlural) {
  EXPECT_EQ(with_count(1, "event"), "1 event");
  EXPECT_EQ(with_count(0, "event"), "0 events");
  EXPECT_EQ(with_count(2, "story"), "2 stories");
}

TEST(WarnLost, OneWarningWithACount) {
  Diagnostics d{"out.json"};
  warn_lost(d, "TimelineJS", "tags", 3, "event");
  warn_lost(d, "TimelineJS", "stories", 1, "story");
  warn_lost(d, "TimelineJS", "notes", 0, "event");
  EXPECT_EQ(d.format_all(),
            "out.json: warning: TimelineJS cannot hold tags; they are left out (3 events)\n"
            "out.json: warning: TimelineJS cannot hold stories; they are left out (1 story)\n");
}
