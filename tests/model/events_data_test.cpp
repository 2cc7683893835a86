// The shipped data set: loads cleanly, every claim is sourced and locatable, and where the archived
// articles are at hand (../shared/seeds), quotes are verbatim from the cited paragraph and summaries
// are in our own words.
#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace cs;

namespace {

const std::string kEvents = std::string{CS_SOURCE_DIR} + "/events.yaml";
const std::filesystem::path kSeeds = std::filesystem::path{CS_SOURCE_DIR} / ".." / "shared" / "seeds";

struct Loaded {
  Timeline t;
  std::string diagnostics;
};

const Loaded& shipped() {
  static const Loaded l = [] {
    Loaded r;
    Diagnostics d{kEvents};
    r.t = load_timeline_file(kEvents, d);
    r.diagnostics = d.format_all();
    return r;
  }();
  return l;
}

// The article body as paragraphs: non-empty lines, starting at the first line of prose (120+ bytes);
// this is the counting that "para N" locators use.
std::vector<std::string> body_paragraphs(const std::string& archive) {
  std::ifstream in{kSeeds / (archive + ".txt")};
  std::vector<std::string> out;
  std::string line;
  bool started = false;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    started = started || line.size() >= 120;
    if (started) out.push_back(line);
  }
  return out;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> w;
  std::istringstream in{s};
  for (std::string x; in >> x;) w.push_back(x);
  return w;
}

int paragraph_number(const std::string& locator) {
  if (locator.rfind("para ", 0) != 0) return -1;
  try {
    return std::stoi(locator.substr(5));
  } catch (...) {
    return -1;
  }
}

}  // namespace

TEST(ShippedEvents, LoadWithoutErrorsOrWarnings) {
  EXPECT_EQ(shipped().diagnostics, "");
  EXPECT_GE(shipped().t.event_count(), 36u);  // several dozen, across all five articles
  EXPECT_EQ(shipped().t.sources.size(), 5u);
}

TEST(ShippedEvents, IdsAreUnique) {
  std::set<std::string> ids;
  for (const Event& e : test::all_events(shipped().t)) EXPECT_TRUE(ids.insert(e.id).second) << e.id;
}

TEST(ShippedEvents, EveryEventCitesASourceWithAParagraph) {
  for (const Event& e : test::all_events(shipped().t)) {
    EXPECT_FALSE(e.sources.empty()) << e.id;
    EXPECT_FALSE(e.summary.empty()) << e.id;
    for (const SourceRef& r : e.sources) EXPECT_GT(paragraph_number(r.locator), 0) << e.id << ": " << r.locator;
  }
}

TEST(ShippedEvents, EveryDeclaredSourceAndLaneIsUsed) {
  std::set<std::string> sources, lanes;
  for (const Event& e : test::all_events(shipped().t)) {
    for (const SourceRef& r : e.sources) sources.insert(r.source);
    lanes.insert(e.lanes.begin(), e.lanes.end());
  }
  for (const Source& s : shipped().t.sources) EXPECT_TRUE(sources.count(s.id)) << s.id;
  for (const Lane& l : shipped().t.lanes) EXPECT_TRUE(lanes.count(l.id)) << l.id;
}

TEST(ShippedEvents, UrlsAreHttpAndPrintedInTheirArticle) {
  for (const Source& s : shipped().t.sources) {
    if (s.url.empty()) continue;
    EXPECT_TRUE(s.url.rfind("http://", 0) == 0 || s.url.rfind("https://", 0) == 0) << s.url;
    if (!std::filesystem::exists(kSeeds)) continue;
    std::ifstream in{kSeeds / (s.archive + ".txt")};
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find(s.url), std::string::npos) << s.id << ": a url the article does not print";
  }
}

TEST(ShippedEvents, SourcesHaveTitlePublisherDateAndArchive) {
  for (const Source& s : shipped().t.sources) {
    EXPECT_FALSE(s.title.empty()) << s.id;
    EXPECT_FALSE(s.publisher.empty()) << s.id;
    EXPECT_TRUE(s.published) << s.id;
    EXPECT_FALSE(s.archive.empty()) << s.id;
    // A date the article does not print is marked uncertain or explained.
    if (s.published && s.published->uncertain) {
      EXPECT_FALSE(s.notes.empty()) << s.id;
    }
  }
}

TEST(ShippedEvents, TheDisputedInterventionKeepsBothClaims) {
  const auto i = shipped().t.find_event("russian-intervention");
  ASSERT_TRUE(i);
  const Event found = shipped().t.event(*i);
  const Event* e = &found;
  EXPECT_TRUE(e->date_disputed());
  EXPECT_EQ(e->when.start.start, parse_edtf_date("2015-09-30")->start);
  bool has_2014 = false;
  for (const SourceRef& r : e->sources) has_2014 = has_2014 || r.claims_text == "2014";
  EXPECT_TRUE(has_2014);
}

TEST(ShippedEvents, QuotesAreShortAndVerbatimFromTheCitedParagraph) {
  const bool have_seeds = std::filesystem::exists(kSeeds);
  int checked = 0;
  for (const Event& e : test::all_events(shipped().t)) {
    for (const SourceRef& r : e.sources) {
      if (r.quote.empty()) continue;
      EXPECT_LE(words(r.quote).size(), 15u) << e.id;
      if (!have_seeds) continue;
      const Source* s = shipped().t.find_source(r.source);
      const auto paras = body_paragraphs(s->archive);
      const int n = paragraph_number(r.locator);
      ASSERT_TRUE(n >= 1 && n <= int(paras.size())) << e.id << ": " << r.locator;
      EXPECT_NE(paras[std::size_t(n - 1)].find(r.quote), std::string::npos)
          << e.id << ": '" << r.quote << "' is not in " << s->archive << " " << r.locator;
      ++checked;
    }
  }
  if (!have_seeds) GTEST_SKIP() << "archived articles not found at " << kSeeds << "; quote positions not checked";
  EXPECT_GT(checked, 20);
}

TEST(ShippedEvents, SummariesAreInOurOwnWords) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "archived articles not found at " << kSeeds;
  std::string all;
  for (const Source& s : shipped().t.sources)
    for (const std::string& p : body_paragraphs(s.archive)) all += " " + p;
  const auto text = words(all);
  std::set<std::string> shingles;  // every run of 8 words in the articles
  for (std::size_t i = 0; i + 8 <= text.size(); ++i) {
    std::string k;
    for (std::size_t j = i; j < i + 8; ++j) k += text[j] + " ";
    shingles.insert(k);
  }
  for (const Event& e : test::all_events(shipped().t)) {
    const auto w = words(e.summary + " " + e.title);
    for (std::size_t i = 0; i + 8 <= w.size(); ++i) {
      std::string k;
      for (std::size_t j = i; j < i + 8; ++j) k += w[j] + " ";
      EXPECT_FALSE(shingles.count(k)) << e.id << " copies eight words of an article: " << k;
    }
  }
}
