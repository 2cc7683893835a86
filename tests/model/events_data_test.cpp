// The shipped data set: loads cleanly, every claim is sourced and locatable, every date says how it is
// known (issue 12's standards), and where the archived articles are at hand (../shared/seeds), quotes are
// verbatim from the cited paragraph and summaries are in our own words.
#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"
#include "model/passages.hpp"

#include <gtest/gtest.h>

#include "../test_util.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <span>
#include <string_view>
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

// The article body as paragraphs, counted as the model counts them for "para N" locators (the rule of
// events.yaml's header: model/passages.hpp).
std::vector<std::string> body_paragraphs(const std::string& archive) {
  std::ifstream in{kSeeds / (archive + ".txt")};
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  std::vector<std::string> out;
  for (const std::string_view p : archive_paragraphs(all)) out.emplace_back(p);
  return out;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> w;
  std::istringstream in{s};
  for (std::string x; in >> x;) w.push_back(x);
  return w;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in{path};
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

int year_of(Seconds t) { return int(date::year_month_day{date::floor<date::days>(t)}.year()); }

// The year a citation dates its event to: its own claim where it has one, else the event's start.
int cited_year(const Event& e, const SourceRef& r) {
  return year_of(r.claims ? r.claims->start.start : e.when.start.start);
}

// Words that make a date relative to when the text was written: a quotation holding one of them cannot
// be a `stated` date.
constexpr std::string_view kRelativeWords[] = {
    "last ",   "this year",   "this month", "this week", "next year", "next month", "earlier",  "later",
    "recent",  "mid-",        " ago",       "past ",     "previous",  "yesterday",  "today",    "tomorrow",
    "shortly", "immediately", "soon",       "monday",    "tuesday",   "wednesday",  "thursday", "friday",
    "saturday", "sunday"};
// The house words of a date_note that resolves a date against the article's own date.
constexpr std::string_view kResolvedAgainstPublication[] = {"against", "publication", "dateline", "the article's",
                                                            "no year"};

bool holds_any(const std::string& text, std::span<const std::string_view> phrases) {
  const std::string t = " " + lower(text) + " ";
  return std::any_of(phrases.begin(), phrases.end(), [&](std::string_view p) { return contains(t, std::string{p}); });
}

// The ways an article may print a date at the given precision ("28 March 2017", "March 28, 2017",
// "2017/03/28", "2017-03-28").
std::vector<std::string> printed_forms(const Date& d) {
  constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
  const date::year_month_day ymd{date::floor<date::days>(d.start)};
  const std::string y = std::to_string(int(ymd.year()));
  const unsigned m = unsigned(ymd.month()), day = unsigned(ymd.day());
  const std::string mm = (m < 10 ? "0" : "") + std::to_string(m), dd = (day < 10 ? "0" : "") + std::to_string(day);
  const std::string month = kMonths[m - 1];
  switch (d.precision) {
    case Precision::Year: return {y};
    case Precision::Month: return {month + " " + y, y + "/" + mm, y + "-" + mm};
    default:
      return {std::to_string(day) + " " + month + " " + y, month + " " + std::to_string(day) + ", " + y,
              y + "/" + mm + "/" + dd, y + "-" + mm + "-" + dd};
  }
}

const std::set<std::string> kCommentaryTags = {"analysis", "forecast", "media"};

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
    EXPECT_TRUE(contains(read_text(kSeeds / (s.archive + ".txt")), s.url)) << s.id << ": a url the article does not print";
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

TEST(ShippedEvents, TheKnownDisputesKeepTheRecordsDateAndTheClaim) {
  struct Dispute {
    const char* event;
    const char* date;   // the record's start
    const char* claim;  // what the dissenting source says
  };
  for (const Dispute& d : {Dispute{"russian-intervention", "2015-09-30", "2014"},
                           Dispute{"lavrov-foreign-forces", "2018-05-28", "2018-05-29"},
                           Dispute{"israel-pullout-demand", "2015", "2014/.."}}) {
    const auto i = shipped().t.find_event(d.event);
    ASSERT_TRUE(i) << d.event;
    const Event e = shipped().t.event(*i);
    EXPECT_TRUE(e.date_disputed()) << d.event;
    EXPECT_EQ(e.when.start.start, parse_edtf_date(d.date)->start) << d.event;
    bool has_claim = false;
    for (const SourceRef& r : e.sources) has_claim = has_claim || r.claims_text == d.claim;
    EXPECT_TRUE(has_claim) << d.event << " lost the claim " << d.claim;
  }
}

TEST(ShippedEvents, EveryClaimDisagreesAndMakesItsEventDisputed) {
  int claims = 0;
  for (const Event& e : test::all_events(shipped().t)) {
    for (const SourceRef& r : e.sources) {
      if (!r.claims) continue;
      ++claims;
      EXPECT_TRUE(e.date_disputed()) << e.id;
      EXPECT_NE(*r.claims, e.when) << e.id << ": a claim equal to the event's date disputes nothing";
      EXPECT_FALSE(r.date_note.empty()) << e.id << ": say where " << r.source << " differs";
    }
  }
  EXPECT_GE(claims, 3);
}

TEST(ShippedEvents, InferredAndExternalDatesSayHowInADateNote) {
  for (const Event& e : test::all_events(shipped().t)) {
    for (const SourceRef& r : e.sources) {
      if (r.dated == Dated::Stated) continue;
      EXPECT_FALSE(r.date_note.empty()) << e.id << ": " << r.source << " " << r.locator << " is "
                                        << to_string(r.dated) << " without saying how";
    }
  }
}

// A `stated` citation quotes the words that state the date, year included; a month or day printed without
// its year is resolved against the article's date, so it is `inferred`.
TEST(ShippedEvents, StatedDatesQuoteTheirYear) {
  int stated = 0;
  for (const Event& e : test::all_events(shipped().t)) {
    for (const SourceRef& r : e.sources) {
      if (r.dated != Dated::Stated) continue;
      ++stated;
      EXPECT_TRUE(contains(r.quote, std::to_string(cited_year(e, r))))
          << e.id << ": " << r.source << " " << r.locator << " is stated but its quote '" << r.quote
          << "' does not show the year " << cited_year(e, r);
    }
  }
  EXPECT_GT(stated, 0);
}

TEST(ShippedEvents, RelativeExpressionsAreNeverStated) {
  for (const Event& e : test::all_events(shipped().t)) {
    for (const SourceRef& r : e.sources) {
      if (r.dated != Dated::Stated) continue;
      EXPECT_FALSE(holds_any(r.quote, kRelativeWords))
          << e.id << ": '" << r.quote << "' is a relative expression: inferred, not stated";
      EXPECT_FALSE(holds_any(r.date_note, kResolvedAgainstPublication))
          << e.id << ": the note '" << r.date_note << "' resolves the date against the article: inferred";
    }
  }
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

TEST(ShippedEvents, EveryLocatorIsWithinItsArticle) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "archived articles not found at " << kSeeds;
  for (const Event& e : test::all_events(shipped().t)) {
    for (const SourceRef& r : e.sources) {
      const auto paras = body_paragraphs(shipped().t.find_source(r.source)->archive);
      const int n = paragraph_number(r.locator);
      EXPECT_TRUE(n >= 1 && n <= int(paras.size())) << e.id << ": " << r.source << " has no " << r.locator;
    }
  }
}

// A publication date given without `?` is one the reader can find in the article.
TEST(ShippedEvents, CertainPublicationDatesArePrintedInTheArticle) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "archived articles not found at " << kSeeds;
  for (const Source& s : shipped().t.sources) {
    if (!s.published || s.published->uncertain || s.published->approximate) continue;
    const std::string text = read_text(kSeeds / (s.archive + ".txt"));
    const auto forms = printed_forms(*s.published);
    EXPECT_TRUE(std::any_of(forms.begin(), forms.end(), [&](const std::string& f) { return contains(text, f); }))
        << s.id << ": " << s.published_text << " is not printed in " << s.archive << "; mark it '?' and explain";
  }
}

// Attribution names who says it: "Alwaght says", not "the article says" (five articles, several outlets).
TEST(ShippedEvents, SummariesNameTheOutletNotTheArticle) {
  for (const Event& e : test::all_events(shipped().t))
    EXPECT_FALSE(contains(lower(e.title + " " + e.summary), "the article")) << e.id;
}

// Analysts, outlets' forecasts and media reports sit in the commentary lane, never in a state's lane.
TEST(ShippedEvents, CommentaryHasItsOwnLaneAndOnlyIt) {
  int commentary = 0;
  for (const Event& e : test::all_events(shipped().t)) {
    const bool tagged = std::any_of(e.tags.begin(), e.tags.end(), [](const std::string& t) {
      return kCommentaryTags.count(t) > 0;
    });
    const bool in_lane = std::find(e.lanes.begin(), e.lanes.end(), "commentary") != e.lanes.end();
    EXPECT_EQ(tagged, in_lane) << e.id << ": tagged analysis, forecast or media exactly when in `commentary`";
    if (in_lane) {
      EXPECT_EQ(e.lanes.size(), 1u) << e.id << ": commentary is filed under no state";
      ++commentary;
    }
  }
  EXPECT_GT(commentary, 0);
}

TEST(ShippedEvents, TheHeaderSaysHowParagraphsAreCounted) {
  std::istringstream in{read_text(kEvents)};
  std::string header;
  for (std::string line; std::getline(in, line) && line.rfind("#", 0) == 0;) header += line + "\n";
  EXPECT_TRUE(contains(header, std::to_string(kProseLineBytes) + " bytes")) << header;
  EXPECT_TRUE(contains(header, "bullets")) << header;
}
