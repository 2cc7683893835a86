// Paragraphs counted as events.yaml's header says, locators followed into them, archives found beside the
// timeline file, and the quote's place in the cited paragraph.
#include "model/passages.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace cs {
namespace {

namespace fs = std::filesystem;

const std::string kLong(130, 'w');  // a line of prose: 120 bytes or more

// Headline, byline and dateline (short lines), then the body.
std::string article() {
  return "Headline of the piece\n"
         "\n"
         "By Someone  \n"
         "   \n"
         "First paragraph, long enough to start the body: " + kLong + "\n"
         "\n"
         "- a bullet;\n"
         "- another bullet;\n"
         "Third: Putin said on 23 November 2015 that the talks went well.\r\n"
         "By Alwaght\n";
}

SourceRef cite(std::string locator, std::string quote = {}) {
  SourceRef r;
  r.source = "s";
  r.locator = std::move(locator);
  r.quote = std::move(quote);
  return r;
}

TEST(Passages, TheBodyStartsAtTheFirstLineOfProseAndEveryNonEmptyLineCounts) {
  const std::string text = article();
  const auto p = archive_paragraphs(text);
  ASSERT_EQ(p.size(), 5u);
  EXPECT_TRUE(p[0].starts_with("First paragraph"));
  EXPECT_EQ(p[1], "- a bullet;");  // bullets count one each
  EXPECT_EQ(p[3], "Third: Putin said on 23 November 2015 that the talks went well.");  // no CR
  EXPECT_EQ(p[4], "By Alwaght");  // trailing lines count too
}

TEST(Passages, ALineOfExactly120BytesStartsTheBody) {
  const std::string text = "short\n" + std::string(119, 'a') + "\n" + std::string(120, 'b') + "\nend\n";
  const auto p = archive_paragraphs(text);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0], std::string(120, 'b'));
}

TEST(Passages, LocatorsNameParagraphs) {
  EXPECT_EQ(paragraph_locator("para 9"), (ParagraphRange{9, 9}));
  EXPECT_EQ(paragraph_locator("paras 6-7"), (ParagraphRange{6, 7}));
  EXPECT_EQ(paragraph_locator("para 19-20"), (ParagraphRange{19, 20}));
  EXPECT_FALSE(paragraph_locator("para 0"));
  EXPECT_FALSE(paragraph_locator("para 7-6"));
  EXPECT_FALSE(paragraph_locator("p. 3"));
  EXPECT_FALSE(paragraph_locator("para 3b"));
  EXPECT_FALSE(paragraph_locator(""));
}

TEST(Passages, TheCitedParagraphHasTheQuoteMarked) {
  const Passage p = cited_passage(article(), cite("para 4", "23 November 2015"));
  EXPECT_EQ(p.status, Passage::Status::Found);
  EXPECT_EQ(p.paragraphs, 5);
  EXPECT_EQ(p.text.substr(p.quote_begin, p.quote_end - p.quote_begin), "23 November 2015");
  EXPECT_EQ(p.quote_begin, p.text.find("23 November"));
}

TEST(Passages, AQuoteNotInTheParagraphIsNotMarked) {
  const Passage p = cited_passage(article(), cite("para 2", "23 November 2015"));
  EXPECT_EQ(p.status, Passage::Status::Found);
  EXPECT_EQ(p.text, "- a bullet;");
  EXPECT_EQ(p.quote_begin, std::string::npos);
}

TEST(Passages, SeveralParagraphsAreJoinedByLines) {
  const Passage p = cited_passage(article(), cite("paras 2-3"));
  EXPECT_EQ(p.text, "- a bullet;\n- another bullet;");
}

TEST(Passages, LocatorsOutsideTheArticleOrNamingNoParagraphSaySo) {
  Passage p = cited_passage(article(), cite("para 6"));
  EXPECT_EQ(p.status, Passage::Status::OutOfRange);
  p.path = "a.txt";
  EXPECT_EQ(p.describe(), "a.txt has 5 paragraphs, not 6");
  EXPECT_EQ(cited_passage(article(), cite("section 2")).status, Passage::Status::NoLocator);
}

TEST(Passages, ArchivesAreLookedForBesideTheTimelineFile) {
  EXPECT_EQ(archive_candidates("/data/t/events.yaml", "000_abc"),
            (std::vector<std::string>{"/data/t/000_abc", "/data/t/000_abc.txt", "/data/shared/seeds/000_abc.txt"}));
  EXPECT_EQ(archive_candidates("/data/t/events.yaml", "texts/a.txt"),
            (std::vector<std::string>{"/data/t/texts/a.txt", "/data/t/texts/a.txt.txt"}));
  EXPECT_EQ(archive_candidates("/data/t/events.yaml", "/abs/a.txt"), (std::vector<std::string>{"/abs/a.txt"}));
  EXPECT_TRUE(archive_candidates("/data/t/events.yaml", "").empty());
}

TEST(Passages, FindPassageReadsTheArchiveOrSaysWhereItLooked) {
  const fs::path dir = fs::temp_directory_path() / ("cs_passages_" + std::to_string(::getpid()));
  fs::create_directories(dir / "texts");
  std::ofstream{dir / "texts" / "one.txt"} << article();
  Source s;
  s.id = "s";
  s.archive = "texts/one";
  const std::string timeline = (dir / "t.yaml").string();
  const Passage found = find_passage(timeline, s, cite("para 4", "talks went well"));
  EXPECT_EQ(found.status, Passage::Status::Found);
  EXPECT_EQ(found.path, (dir / "texts" / "one.txt").string());
  EXPECT_EQ(found.describe(), "paragraph 4 of 5, " + found.path);
  s.archive = "texts/two";
  const Passage missing = find_passage(timeline, s, cite("para 4"));
  EXPECT_EQ(missing.status, Passage::Status::Missing);
  EXPECT_NE(missing.describe().find((dir / "texts" / "two.txt").string()), std::string::npos) << missing.describe();
  s.archive.clear();
  EXPECT_EQ(find_passage(timeline, s, cite("para 4")).status, Passage::Status::NoArchive);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cs
