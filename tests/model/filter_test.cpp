// Filter language: what parses into which terms, every error with its message and column, evaluation
// against a naive re-implementation on random data, facet counts, and toggling terms in the text.
#include "model/filter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

using namespace cs;
using namespace date;

namespace {

FilterError error_of(std::string_view expr) {
  const FilterParse p = parse_filter(expr);
  EXPECT_FALSE(p.filter) << expr;
  return p.error;
}

std::string err(std::string_view expr) { return error_of(expr).format(); }

}  // namespace

TEST(FilterParse, TermsFieldsNegationAlternativesAndQuotes) {
  const FilterParse p = parse_filter(
      "lane:iran tag:military -tag:diplomacy dated:stated|inferred|external precision:day|month|year disputed "
      "source:ID from:2015 to:2016-06 \"free text\" word");
  ASSERT_TRUE(p.filter) << p.error.format();
  const auto& t = p.filter->terms;
  ASSERT_EQ(t.size(), 11u);
  EXPECT_EQ(t[0].field, FilterField::Lane);
  EXPECT_EQ(t[0].values[0].text, "iran");
  EXPECT_EQ(t[0].values[0].column, 6);
  EXPECT_TRUE(t[2].negated);
  EXPECT_EQ(t[2].field, FilterField::Tag);
  EXPECT_EQ(t[2].column, 24);
  ASSERT_EQ(t[3].values.size(), 3u);
  EXPECT_EQ(t[3].values[2].text, "external");
  EXPECT_EQ(t[5].field, FilterField::Disputed);
  EXPECT_TRUE(t[5].values.empty());
  EXPECT_EQ(t[7].field, FilterField::From);
  EXPECT_EQ(t[8].values[0].text, "2016-06");
  EXPECT_EQ(t[9].field, FilterField::Text);
  EXPECT_EQ(t[9].values[0].text, "free text");
  EXPECT_EQ(t[10].values[0].text, "word");
}

TEST(FilterParse, EmptyAndBlankExpressionsHaveNoTerms) {
  EXPECT_TRUE(parse_filter("").filter->empty());
  EXPECT_TRUE(parse_filter("  \t ").filter->empty());
}

TEST(FilterParse, QuotesKeepEscapesAndSpecialCharacters) {
  const FilterParse p = parse_filter(R"(-"say \"no\" | \\ lane:x" tag:"two words"|one)");
  ASSERT_TRUE(p.filter) << p.error.format();
  ASSERT_EQ(p.filter->terms.size(), 2u);
  EXPECT_TRUE(p.filter->terms[0].negated);
  EXPECT_EQ(p.filter->terms[0].values[0].text, R"(say "no" | \ lane:x)");
  EXPECT_EQ(p.filter->terms[1].values[0].text, "two words");
  EXPECT_EQ(p.filter->terms[1].values[1].text, "one");
}

TEST(FilterParse, WordsWithColonsAfterDigitsAreText) {
  const FilterParse p = parse_filter("10:30 al-Zahra");
  ASSERT_TRUE(p.filter);
  EXPECT_EQ(p.filter->terms[0].field, FilterField::Text);
  EXPECT_EQ(p.filter->terms[0].values[0].text, "10:30");
  EXPECT_EQ(p.filter->terms[1].values[0].text, "al-Zahra");
}

TEST(FilterParse, FieldNamesAndKeywordsIgnoreCase) {
  const FilterParse p = parse_filter("LANE:iran Precision:DAY DISPUTED");
  ASSERT_TRUE(p.filter);
  EXPECT_EQ(p.filter->terms[0].field, FilterField::Lane);
  EXPECT_EQ(p.filter->terms[1].field, FilterField::Precision);
  EXPECT_EQ(p.filter->terms[2].field, FilterField::Disputed);
}

TEST(FilterParse, UnknownFieldNamesTheFieldsAndItsColumn) {
  EXPECT_EQ(err("lane:iran lnae:x"),
            "filter:1:11: error: unknown field 'lnae' (expected lane, tag, dated, precision, source, from or to; "
            "quote text that contains ':')");
}

TEST(FilterParse, UnclosedQuotePointsAtTheQuote) {
  EXPECT_EQ(err("tag:x \"free text"), "filter:1:7: error: unclosed quote");
  EXPECT_EQ(err("lane:\"iran"), "filter:1:6: error: unclosed quote");
}

TEST(FilterParse, MissingValues) {
  EXPECT_EQ(err("lane:"), "filter:1:6: error: missing value after 'lane:'");
  EXPECT_EQ(err("tag: x"), "filter:1:5: error: missing value after 'tag:'");
  EXPECT_EQ(err("lane:iran|"), "filter:1:10: error: missing value after '|'");
  EXPECT_EQ(err("lane:iran| syria"), "filter:1:10: error: missing value after '|'");
  EXPECT_EQ(err("lane:\"\""), "filter:1:6: error: empty value");
}

TEST(FilterParse, StrayOperators) {
  EXPECT_EQ(err("tag:x - lane:y"), "filter:1:7: error: '-' needs a term right after it");
  EXPECT_EQ(err("x -"), "filter:1:3: error: '-' needs a term right after it");
  EXPECT_EQ(err("a |b"), "filter:1:3: error: '|' must stand between two values, as in lane:iran|syria");
  EXPECT_EQ(err("say\"no\""), "filter:1:4: error: a quote inside a word: put the whole value in quotes");
  EXPECT_EQ(err("\"a\"b"), "filter:1:4: error: a space or '|' must follow the closing quote");
}

TEST(FilterParse, ClosedVocabulariesAreChecked) {
  EXPECT_EQ(err("dated:stated|guessed"),
            "filter:1:14: error: unknown dating basis 'guessed' (expected stated, inferred or external)");
  EXPECT_EQ(err("precision:week"),
            "filter:1:11: error: unknown precision 'week' (expected year, month, day, minute or second)");
  EXPECT_EQ(err("disputed:yes"), "filter:1:1: error: 'disputed' takes no value: write it alone");
  EXPECT_EQ(err("disputed|x"),
            "filter:1:1: error: 'disputed' takes no alternatives (quote it to search for the word)");
}

TEST(FilterParse, DatesAreEdtfAndSingle) {
  EXPECT_EQ(err("from:2015-13"), "filter:1:6: error: invalid date '2015-13': month must be 01 to 12");
  EXPECT_EQ(err("to:2015|2016"), "filter:1:8: error: to: takes one date");
  EXPECT_TRUE(parse_filter("from:-0500 to:2015-09-30T12:00:00Z").filter);
}

TEST(FilterParse, ColumnsCountCodePoints) {
  // "Тегеран" is 7 code points and 14 bytes: what follows its space is at column 9, not 16.
  EXPECT_EQ(error_of("Тегеран \"x").column, 9);
  EXPECT_EQ(error_of("Тегеран lnae:x").column, 9);
  const FilterParse p = parse_filter("«a» lane:iran");
  ASSERT_TRUE(p.filter);
  EXPECT_EQ(p.filter->terms[1].column, 5);
  EXPECT_EQ(p.filter->terms[1].offset, 6u);
}

// --- evaluation ---------------------------------------------------------------------------------------------

namespace {

constexpr const char* kTags[] = {"military", "diplomacy", "Energy", "nuclear", "trade"};
constexpr const char* kPrecisions[] = {"year", "month", "day", "minute", "second"};
constexpr const char* kWords[] = {"Tehran", "Moscow", "strike", "deal", "summit", "Aleppo", "Caspian"};

Timeline random_timeline(unsigned seed, int n) {
  std::mt19937 rng{seed};
  Timeline t;
  t.lanes = {{"iran", "Iran"}, {"russia", "Russia"}, {"syria", "Syria"}};
  t.sources = {Source{"s1", "One", "Pub One"}, Source{"s2", "Two", "Pub Two"}, Source{"s3", "Three", ""}};
  t.index_names();
  auto pick = [&](int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); };
  for (int i = 0; i < n; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.title = std::string{kWords[pick(7)]} + " " + kWords[pick(7)] + " " + std::to_string(i);
    if (pick(3) == 0) e.summary = std::string{"About "} + kWords[pick(7)];
    std::string date = std::to_string(2010 + pick(10));
    const int prec = pick(5);
    if (prec >= 1) date += "-0" + std::to_string(1 + pick(9));
    if (prec >= 2) date += "-1" + std::to_string(pick(9));
    if (prec == 3) date += "T10:30Z";
    if (prec == 4) date += "T10:30:15Z";
    if (pick(4) == 0) date += "/" + std::to_string(2020 + pick(3));
    else if (pick(20) == 0) date += "/..";
    e.date_text = date;
    e.when = *parse_edtf(date).value;
    for (int l = 0; l < 3; ++l)
      if (pick(3) == 0) e.lanes.push_back(t.lanes[std::size_t(l)].id);
    for (int k = 0; k < 5; ++k)
      if (pick(4) == 0) e.tags.push_back(kTags[k]);
    for (int c = pick(4); c > 0; --c) {
      SourceRef r;
      r.source = "s" + std::to_string(1 + pick(3));
      r.dated = Dated(pick(3));
      if (pick(8) == 0) r.claims_text = "2009", r.claims = parse_edtf(r.claims_text).value;
      e.sources.push_back(r);
    }
    t.add_event(e);
  }
  return t;
}

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The language's meaning, written the obvious way over whole Events.
bool naive_match(const Event& e, const std::vector<std::pair<std::string, std::string>>& terms) {
  for (const auto& [key, value] : terms) {
    const bool neg = key[0] == '-';
    const std::string k = neg ? key.substr(1) : key;
    bool hit = false;
    if (k == "lane") hit = std::find(e.lanes.begin(), e.lanes.end(), value) != e.lanes.end();
    if (k == "tag")
      for (const auto& tg : e.tags) hit = hit || lower(tg) == lower(value);
    if (k == "source")
      for (const auto& r : e.sources) hit = hit || r.source == value;
    if (k == "dated")
      for (const auto& r : e.sources) hit = hit || to_string(r.dated) == value;
    if (k == "precision") hit = kPrecisions[int(e.when.start.precision)] == value;
    if (k == "disputed") hit = e.date_disputed();
    if (k == "from") hit = e.when.end_time() > parse_edtf(value).value->start.start;
    if (k == "to") hit = e.when.begin_time() < parse_edtf(value).value->start.end();
    if (k == "text") {
      const std::string v = lower(value);
      hit = lower(e.title).find(v) != std::string::npos || lower(e.summary).find(v) != std::string::npos;
      for (const auto& tg : e.tags) hit = hit || lower(tg).find(v) != std::string::npos;
    }
    if (hit == neg) return false;
  }
  return true;
}

}  // namespace

TEST(FilterEval, MatchesANaiveFilterOnRandomData) {
  const Timeline t = random_timeline(42, 3000);
  std::mt19937 rng{7};
  auto pick = [&](int k) { return std::uniform_int_distribution<int>(0, k - 1)(rng); };
  const char* fields[] = {"lane", "tag", "source", "dated", "precision", "disputed", "from", "to", "text"};
  int non_trivial = 0;
  for (int q = 0; q < 400; ++q) {
    std::vector<std::pair<std::string, std::string>> terms;
    std::string expr;
    for (int n = 1 + pick(3); n > 0; --n) {
      const std::string f = fields[pick(9)];
      std::string v;
      if (f == "lane") v = t.lanes[std::size_t(pick(3))].id;
      if (f == "tag") v = pick(2) ? kTags[pick(5)] : lower(kTags[pick(5)]);
      if (f == "source") v = "s" + std::to_string(1 + pick(3));
      if (f == "dated") v = std::string{to_string(Dated(pick(3)))};
      if (f == "precision") v = kPrecisions[pick(5)];
      if (f == "from" || f == "to") v = std::to_string(2008 + pick(16)) + (pick(2) ? "-0" + std::to_string(1 + pick(9)) : "");
      if (f == "text") v = pick(2) ? lower(kWords[pick(7)]).substr(0, 3 + std::size_t(pick(3))) : "energy";
      const bool neg = pick(4) == 0;
      terms.push_back({(neg ? "-" : "") + f, v});
      expr += (neg ? "-" : "") + (f == "text" ? "" : f == "disputed" ? "disputed" : f + ":") +
              (f == "disputed" ? "" : v) + " ";
    }
    const FilterResult r = run_filter(t, expr);
    ASSERT_FALSE(r.error) << expr << ": " << r.error->format();
    std::uint64_t n = 0;
    for (EventIndex i = 0; i < t.event_count(); ++i) {
      const bool want = naive_match(t.event(i), terms);
      ASSERT_EQ(r.keep[i], want) << expr << " event " << i << " " << t.event(i).title;
      n += want;
    }
    EXPECT_EQ(r.matching, n);
    non_trivial += n > 0 && n < t.event_count();
  }
  EXPECT_GT(non_trivial, 200);  // the queries did discriminate
}

TEST(FilterEval, AlternativesAreOrsWithinATerm) {
  const Timeline t = random_timeline(3, 800);
  const FilterResult both = run_filter(t, "lane:iran|syria -precision:year|month");
  ASSERT_FALSE(both.error);
  for (EventIndex i = 0; i < t.event_count(); ++i) {
    const Event e = t.event(i);
    const bool lane = naive_match(e, {{"lane", "iran"}}) || naive_match(e, {{"lane", "syria"}});
    const bool coarse = e.when.start.precision <= Precision::Month;
    ASSERT_EQ(both.keep[i], lane && !coarse) << i;
  }
}

TEST(FilterEval, EmptyFilterKeepsEverything) {
  const Timeline t = random_timeline(5, 100);
  const FilterResult r = run_filter(t, "  ");
  EXPECT_EQ(r.matching, 100u);
  EXPECT_EQ(r.keep, std::vector<bool>(100, true));
}

TEST(FilterEval, UnknownLanesAndSourcesAreErrorsAtTheirValue) {
  const Timeline t = random_timeline(5, 10);
  EXPECT_EQ(run_filter(t, "tag:x lane:syria|irn").error->format(), "filter:1:18: error: unknown lane 'irn'");
  EXPECT_EQ(run_filter(t, "-source:s9").error->format("--filter"), "--filter:1:9: error: unknown source 's9'");
}

TEST(FilterEval, FromAndToMeanOverlapWithTheCoveredSpan) {
  Timeline t;
  for (const char* d : {"2014", "2014-12-31", "2015-01-01", "2014-06/2015-02", "2016-06-30", "2016-07", "2013/.."}) {
    Event e;
    e.id = d;
    e.title = d;
    e.when = *parse_edtf(d).value;
    t.add_event(e);
  }
  const FilterResult r = run_filter(t, "from:2015 to:2016-06");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.keep, (std::vector<bool>{false, false, true, true, true, false, true}));
}

TEST(FilterFacets, CountsMatchANaiveCount) {
  const Timeline t = random_timeline(9, 2000);
  const FilterResult r = run_filter(t, "-tag:trade from:2012");
  ASSERT_FALSE(r.error);
  const Facets f = facet_counts(t, r.keep);
  EXPECT_EQ(f.matching, r.matching);
  std::map<std::string, std::uint64_t> lanes, tags, sources, dated, precision;
  for (EventIndex i = 0; i < t.event_count(); ++i) {
    if (!r.keep[i]) continue;
    const Event e = t.event(i);
    for (const auto& l : e.lanes) ++lanes[l];
    for (const auto& tg : e.tags) ++tags[tg];
    std::set<std::string> s, d;
    for (const auto& c : e.sources) s.insert(c.source), d.insert(std::string{to_string(c.dated)});
    for (const auto& x : s) ++sources[x];
    for (const auto& x : d) ++dated[x];
    ++precision[kPrecisions[int(e.when.start.precision)]];
  }
  ASSERT_EQ(f.lanes.size(), 3u);
  for (const auto& c : f.lanes) EXPECT_EQ(c.count, lanes[c.value]) << c.value;
  EXPECT_EQ(f.lanes[0].label, "Iran");
  for (const auto& c : f.sources) EXPECT_EQ(c.count, sources[c.value]) << c.value;
  for (const auto& c : f.dated) EXPECT_EQ(c.count, dated[c.value]) << c.value;
  for (const auto& c : f.precision) EXPECT_EQ(c.count, precision[c.value]) << c.value;
  EXPECT_EQ(f.tags.size(), tags.size());
  for (const auto& c : f.tags) EXPECT_EQ(c.count, tags[c.value]) << c.value;
  EXPECT_TRUE(std::is_sorted(f.tags.begin(), f.tags.end(),
                             [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; }));
  EXPECT_EQ(tags.count("trade"), 0u);
}

// --- toggling -----------------------------------------------------------------------------------------------

TEST(FilterToggle, AddsAndRemovesWholeTerms) {
  EXPECT_EQ(toggle_term("", FilterField::Lane, "iran"), "lane:iran");
  EXPECT_EQ(toggle_term("tag:x", FilterField::Lane, "iran"), "tag:x lane:iran");
  EXPECT_EQ(toggle_term("tag:x lane:iran  \"a b\"", FilterField::Lane, "iran"), "tag:x \"a b\"");
  EXPECT_EQ(toggle_term("tag:x lane:iran", FilterField::Lane, "iran"), "tag:x");
  EXPECT_EQ(toggle_term("lane:iran", FilterField::Lane, "iran"), "");
}

TEST(FilterToggle, SameFieldGrowsAndShrinksAlternatives) {
  EXPECT_EQ(toggle_term("lane:iran from:2015", FilterField::Lane, "syria"), "lane:iran|syria from:2015");
  EXPECT_EQ(toggle_term("lane:iran|syria|iraq", FilterField::Lane, "syria"), "lane:iran|iraq");
  EXPECT_EQ(toggle_term("lane:iran|syria", FilterField::Lane, "iran"), "lane:syria");
  EXPECT_EQ(toggle_term("precision:day", FilterField::Precision, "DAY"), "");
}

TEST(FilterToggle, NegationIsItsOwnTerm) {
  EXPECT_EQ(toggle_term("tag:military", FilterField::Tag, "diplomacy", true), "tag:military -tag:diplomacy");
  EXPECT_EQ(toggle_term("tag:military -tag:diplomacy", FilterField::Tag, "diplomacy", true), "tag:military");
  EXPECT_EQ(toggle_term("-tag:a", FilterField::Tag, "a"), "-tag:a tag:a");
}

TEST(FilterToggle, DatesAreReplacedAndFlagsFlip) {
  EXPECT_EQ(toggle_term("from:2015 lane:x", FilterField::From, "2016-03"), "from:2016-03 lane:x");
  EXPECT_EQ(toggle_term("from:2015", FilterField::From, "2015"), "");
  EXPECT_EQ(toggle_term("lane:x", FilterField::Disputed, ""), "lane:x disputed");
  EXPECT_EQ(toggle_term("disputed lane:x", FilterField::Disputed, ""), "lane:x");
  EXPECT_EQ(toggle_term("", FilterField::Disputed, "", true), "-disputed");
}

TEST(FilterToggle, ValuesAreQuotedWhenTheyNeedIt) {
  EXPECT_EQ(toggle_term("", FilterField::Tag, "two words"), "tag:\"two words\"");
  EXPECT_EQ(toggle_term("", FilterField::Text, "lane:x"), "\"lane:x\"");
  EXPECT_EQ(toggle_term("", FilterField::Text, "disputed"), "\"disputed\"");
  EXPECT_EQ(toggle_term("", FilterField::Text, "say \"hi\""), R"("say \"hi\"")");
  EXPECT_EQ(toggle_term("\"two words\"", FilterField::Text, "two words"), "");
  // Whatever toggling writes parses back to the value it was given.
  const std::string e = toggle_term("lane:a", FilterField::Source, "odd|id \"x\"");
  const FilterParse p = parse_filter(e);
  ASSERT_TRUE(p.filter) << e;
  EXPECT_EQ(p.filter->terms[1].values[0].text, "odd|id \"x\"");
}

TEST(FilterToggle, ABrokenExpressionIsLeftAlone) {
  FilterError e;
  EXPECT_EQ(toggle_term("lane:\"iran", FilterField::Lane, "syria", false, &e), "lane:\"iran");
  EXPECT_EQ(e.format(), "filter:1:6: error: unclosed quote");
}
