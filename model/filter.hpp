// The filter language shared by the window and every command (docs/filters.md):
//   lane:iran tag:military -tag:diplomacy dated:stated|inferred precision:day disputed source:ID
//   from:2015 to:2016-06 "free text"
// Terms are ANDed, '-' negates a term, '|' separates alternatives, quotes group words. Parsing points at
// the text (1-based columns); evaluation gives a mask over the store; facets count what matches.
#pragma once

#include "model/timeline.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

enum class FilterField : std::uint8_t { Text, Lane, Tag, Dated, Precision, Disputed, Source, From, To };

// "lane", "tag", ...; "" for free text.
std::string_view filter_field_name(FilterField f);

struct FilterValue {
  std::string text;        // unquoted
  int column = 0;          // 1-based, in code points, where the value starts (its quote if quoted)
  std::size_t offset = 0;  // byte offset of the same
  std::size_t length = 0;  // bytes in the expression, quotes included
};

struct FilterTerm {
  FilterField field = FilterField::Text;
  bool negated = false;
  std::vector<FilterValue> values;  // alternatives; empty for `disputed`
  int column = 0;                   // 1-based, in code points: the '-' or the term's first character
  std::size_t offset = 0, length = 0;  // bytes, the whole term
};

struct Filter {
  std::vector<FilterTerm> terms;
  bool empty() const { return terms.empty(); }
};

struct FilterError {
  int column = 0;  // 1-based, in code points
  std::string message;
  // "filter:1:COL: error: MESSAGE", the house form for a one-line text named `origin`.
  std::string format(std::string_view origin = "filter") const;
};

struct FilterParse {
  std::optional<Filter> filter;
  FilterError error;  // set when !filter
};

FilterParse parse_filter(std::string_view expr);

// A parsed filter checked against a timeline (lane and source ids exist, dates and names are valid),
// ready to test events. Built once per filter change.
class FilterMatcher {
 public:
  // Null with `error` set when a value does not fit the timeline (unknown lane, bad date, ...).
  static std::optional<FilterMatcher> bind(const Timeline& t, const Filter& f, FilterError& error);

  bool matches(EventIndex i) const;
  // matches() for every event of the store.
  std::vector<bool> evaluate() const;

  ~FilterMatcher();
  FilterMatcher(FilterMatcher&&) noexcept;
  FilterMatcher& operator=(FilterMatcher&&) noexcept;

 private:
  struct Term;  // one term, resolved
  FilterMatcher(const Timeline& t, std::vector<Term> terms);

  const Timeline* timeline_;
  std::vector<Term> terms_;
};

// Parse, bind and evaluate in one call: the mask (all true for an empty expression), or the error.
struct FilterResult {
  std::vector<bool> keep;
  std::uint64_t matching = 0;
  std::optional<FilterError> error;
};
FilterResult run_filter(const Timeline& t, std::string_view expr);

// How many matching events have each value of a facet, for the filter bar. `value` is what a term takes
// (lane id, tag, source id, "stated", "day"). An event counts once per value it has (an event in two lanes
// counts in both).
struct FacetCount {
  std::string value;
  std::string label;  // lane or source name where there is one, else the value
  std::uint64_t count = 0;
};
struct Facets {
  std::uint64_t matching = 0;
  std::vector<FacetCount> lanes;      // the timeline's lanes, in display order (zero counts included)
  std::vector<FacetCount> tags;       // tags with a match, most frequent first, then by name
  std::vector<FacetCount> sources;    // the timeline's sources, in file order (zero counts included)
  std::vector<FacetCount> dated;      // stated, inferred, external
  std::vector<FacetCount> precision;  // year, month, day, minute, second
};
Facets facet_counts(const Timeline& t, const std::vector<bool>& keep);

// The expression with `field:value` toggled, for a filter bar whose entries switch terms on and off:
// - present (as a term of that sign, or as one of its alternatives) -> removed;
// - else, for lane/tag/source/dated/precision with a term of the same field and sign -> added as an
//   alternative (lane:iran -> lane:iran|syria); for from/to with another date -> the date replaced;
// - else appended as a new term.
// `disputed` takes no value; free text (FilterField::Text) is quoted as needed. The rest of the text is
// kept as the user wrote it. An expression that does not parse is returned unchanged, with `error` set.
std::string toggle_term(std::string_view expr, FilterField field, std::string_view value, bool negated = false,
                        FilterError* error = nullptr);

}  // namespace cs
