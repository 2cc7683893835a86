// The filter language: a hand-written scanner (one term at a time, every error at its column), binding to
// a timeline, evaluation over the column store, facet counts, and term toggling by splicing the text.
#include "model/filter.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_map>

namespace cs {
namespace {

constexpr std::array<FilterField, 7> kNamedFields = {FilterField::Lane,   FilterField::Tag,  FilterField::Dated,
                                                      FilterField::Precision, FilterField::Source,
                                                      FilterField::From, FilterField::To};
constexpr std::array<std::string_view, 3> kDated = {"stated", "inferred", "external"};
constexpr std::array<std::string_view, 5> kPrecision = {"year", "month", "day", "minute", "second"};

char fold(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }
std::string folded(std::string_view s) {
  std::string out{s};
  for (char& c : out) c = fold(c);
  return out;
}
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (fold(a[i]) != fold(b[i])) return false;
  return true;
}
// ASCII case-insensitive substring test; `needle` is already folded.
bool contains_folded(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (hay.size() < needle.size()) return false;
  const char lo = needle[0], hi = lo >= 'a' && lo <= 'z' ? char(lo & ~0x20) : lo;
  for (std::size_t i = 0, last = hay.size() - needle.size(); i <= last; ++i) {
    if (hay[i] != lo && hay[i] != hi) continue;
    std::size_t k = 1;
    while (k < needle.size() && fold(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

template <std::size_t N>
int keyword_index(const std::array<std::string_view, N>& words, std::string_view v) {
  for (std::size_t k = 0; k < N; ++k)
    if (iequals(words[k], v)) return int(k);
  return -1;
}
template <std::size_t N>
std::string word_list(const std::array<std::string_view, N>& words) {  // "a, b or c"
  std::string s;
  for (std::size_t k = 0; k < N; ++k) s += (k == 0 ? "" : k + 1 == N ? " or " : ", ") + std::string{words[k]};
  return s;
}

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  FilterParse run() {
    Filter f;
    for (;;) {
      while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
      if (pos_ >= s_.size()) break;
      FilterTerm t;
      if (!term(t)) return {std::nullopt, error_};
      f.terms.push_back(std::move(t));
    }
    return {std::move(f), {}};
  }

 private:
  int column(std::size_t offset) const {
    int col = 1;
    for (std::size_t i = 0; i < offset && i < s_.size(); ++i) col += (static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80;
    return col;
  }
  bool fail(std::size_t offset, std::string message) {
    error_ = {column(offset), std::move(message)};
    return false;
  }
  bool at_end_of_value() const { return pos_ >= s_.size() || is_space(s_[pos_]) || s_[pos_] == '|'; }

  bool term(FilterTerm& t) {
    t.offset = pos_;
    t.column = column(pos_);
    if (s_[pos_] == '-') {
      t.negated = true;
      ++pos_;
      if (pos_ >= s_.size() || is_space(s_[pos_])) return fail(t.offset, "'-' needs a term right after it");
    }
    if (s_[pos_] == '|') return fail(pos_, "'|' must stand between two values, as in lane:iran|syria");
    // A field is a name of letters followed by ':'.
    std::size_t k = pos_;
    while (k < s_.size() && is_alpha(s_[k])) ++k;
    if (k > pos_ && k < s_.size() && s_[k] == ':') {
      const std::string_view name = s_.substr(pos_, k - pos_);
      const auto field = std::find_if(kNamedFields.begin(), kNamedFields.end(),
                                      [&](FilterField f) { return iequals(filter_field_name(f), name); });
      if (iequals(name, "disputed")) return fail(pos_, "'disputed' takes no value: write it alone");
      if (field == kNamedFields.end())
        return fail(pos_, "unknown field '" + std::string{name} +
                              "' (expected lane, tag, dated, precision, source, from or to; quote text that "
                              "contains ':')");
      t.field = *field;
      pos_ = k + 1;
      if (!values(t, std::string{filter_field_name(t.field)} + ":")) return false;
    } else {
      const std::size_t start = pos_;
      if (!values(t, "")) return false;
      if (t.values.size() == 1 && s_[start] != '"' && iequals(t.values[0].text, "disputed")) {
        t.field = FilterField::Disputed;
        t.values.clear();
      } else if (s_[start] != '"' && iequals(t.values[0].text, "disputed")) {
        return fail(start, "'disputed' takes no alternatives (quote it to search for the word)");
      }
    }
    t.length = pos_ - t.offset;
    return check(t);
  }

  // value ('|' value)*
  bool values(FilterTerm& t, const std::string& after) {
    for (;;) {
      FilterValue v;
      v.offset = pos_;
      v.column = column(pos_);
      if (at_end_of_value()) {
        return fail(pos_, "missing value after '" + (after.empty() ? std::string{"|"} : after) + "'");
      }
      if (s_[pos_] == '"') {
        ++pos_;
        bool closed = false;
        while (pos_ < s_.size()) {
          const char c = s_[pos_++];
          if (c == '"') {
            closed = true;
            break;
          }
          if (c == '\\' && pos_ < s_.size() && (s_[pos_] == '"' || s_[pos_] == '\\')) v.text += s_[pos_++];
          else v.text += c;
        }
        if (!closed) return fail(v.offset, "unclosed quote");
        if (!at_end_of_value()) return fail(pos_, "a space or '|' must follow the closing quote");
      } else {
        while (!at_end_of_value()) {
          if (s_[pos_] == '"') return fail(pos_, "a quote inside a word: put the whole value in quotes");
          v.text += s_[pos_++];
        }
      }
      v.length = pos_ - v.offset;
      t.values.push_back(std::move(v));
      if (pos_ >= s_.size() || s_[pos_] != '|') return true;
      ++pos_;
      if (at_end_of_value()) return fail(pos_ - 1, "missing value after '|'");
    }
  }

  // Closed vocabularies and dates are checked here; lane and source ids when bound to a timeline.
  bool check(const FilterTerm& t) {
    for (const FilterValue& v : t.values) {
      if (t.field == FilterField::Dated && keyword_index(kDated, v.text) < 0)
        return fail(v.offset, "unknown dating basis '" + v.text + "' (expected " + word_list(kDated) + ")");
      if (t.field == FilterField::Precision && keyword_index(kPrecision, v.text) < 0)
        return fail(v.offset, "unknown precision '" + v.text + "' (expected " + word_list(kPrecision) + ")");
      if (t.field == FilterField::From || t.field == FilterField::To) {
        if (t.values.size() > 1)
          return fail(t.values[1].offset - 1, std::string{filter_field_name(t.field)} + ": takes one date");
        std::string why;
        if (!parse_edtf_date(v.text, &why)) return fail(v.offset, why.empty() ? "bad date '" + v.text + "'" : why);
      }
      if (v.text.empty() && t.field != FilterField::Text) return fail(v.offset, "empty value");
    }
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  FilterError error_;
};

}  // namespace

std::string_view filter_field_name(FilterField f) {
  switch (f) {
    case FilterField::Text: return "";
    case FilterField::Lane: return "lane";
    case FilterField::Tag: return "tag";
    case FilterField::Dated: return "dated";
    case FilterField::Precision: return "precision";
    case FilterField::Disputed: return "disputed";
    case FilterField::Source: return "source";
    case FilterField::From: return "from";
    case FilterField::To: return "to";
  }
  return "";
}

std::string FilterError::format(std::string_view origin) const {
  return std::string{origin} + ":1:" + std::to_string(column) + ": error: " + message;
}

FilterParse parse_filter(std::string_view expr) { return Scanner{expr}.run(); }

// --- binding and evaluation -----------------------------------------------------------------------------

struct FilterMatcher::Term {
  FilterField field;
  bool negated;
  std::vector<bool> lanes;            // Lane: by LaneId
  std::vector<std::string> words;     // Text, Tag: folded; Source: ids
  std::uint8_t mask = 0;              // Dated, Precision: bit per value
  std::int64_t time = 0;              // From: the date's first second; To: one past its last
  int cost() const {                  // cheap tests first: AND short-circuits
    switch (field) {
      case FilterField::Text: return 4;
      case FilterField::Dated:
      case FilterField::Source: return 3;
      case FilterField::Tag: return 2;
      default: return 1;
    }
  }
};

FilterMatcher::FilterMatcher(const Timeline& t, std::vector<Term> terms) : timeline_(&t), terms_(std::move(terms)) {}
FilterMatcher::~FilterMatcher() = default;
FilterMatcher::FilterMatcher(FilterMatcher&&) noexcept = default;
FilterMatcher& FilterMatcher::operator=(FilterMatcher&&) noexcept = default;

std::optional<FilterMatcher> FilterMatcher::bind(const Timeline& t, const Filter& f, FilterError& error) {
  std::vector<Term> terms;
  for (const FilterTerm& ft : f.terms) {
    Term term{ft.field, ft.negated, {}, {}, 0, 0};
    for (const FilterValue& v : ft.values) {
      switch (ft.field) {
        case FilterField::Lane: {
          const Lane* l = t.find_lane(v.text);
          if (!l) {
            error = {v.column, "unknown lane '" + v.text + "'"};
            return std::nullopt;
          }
          term.lanes.resize(t.lanes.size(), false);
          term.lanes[std::size_t(l - t.lanes.data())] = true;
          break;
        }
        case FilterField::Source:
          if (!t.find_source(v.text)) {
            error = {v.column, "unknown source '" + v.text + "'"};
            return std::nullopt;
          }
          term.words.push_back(v.text);
          break;
        case FilterField::Text:
        case FilterField::Tag: term.words.push_back(folded(v.text)); break;
        case FilterField::Dated: term.mask |= std::uint8_t(1u << keyword_index(kDated, v.text)); break;
        case FilterField::Precision: term.mask |= std::uint8_t(1u << keyword_index(kPrecision, v.text)); break;
        case FilterField::From: term.time = parse_edtf_date(v.text)->start.time_since_epoch().count(); break;
        case FilterField::To: term.time = parse_edtf_date(v.text)->end().time_since_epoch().count(); break;
        case FilterField::Disputed: break;
      }
    }
    terms.push_back(std::move(term));
  }
  std::stable_sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) { return a.cost() < b.cost(); });
  return FilterMatcher{t, std::move(terms)};
}

bool FilterMatcher::matches(EventIndex i) const {
  const EventStore& st = timeline_->store();
  for (const Term& t : terms_) {
    bool hit = false;
    switch (t.field) {
      case FilterField::Lane:
        for (LaneId l : st.lanes(i)) hit = hit || (l < t.lanes.size() && t.lanes[l]);
        break;
      case FilterField::Tag:
        hit = st.any_tag(i, [&](std::string_view tag) {
          for (const std::string& w : t.words)
            if (iequals(tag, w)) return true;
          return false;
        });
        break;
      case FilterField::Precision: hit = t.mask & (1u << unsigned(st.precision(i))); break;
      case FilterField::Disputed: hit = st.disputed(i); break;
      case FilterField::From: hit = st.end(i) > t.time; break;
      case FilterField::To: hit = st.start(i) < t.time; break;
      case FilterField::Dated:
      case FilterField::Source:
        if (const auto d = st.details(i))
          for (const CitationView r : d->sources)
            hit = hit || (t.field == FilterField::Dated
                              ? (t.mask & (1u << unsigned(r.dated))) != 0
                              : std::find(t.words.begin(), t.words.end(), r.source) != t.words.end());
        break;
      case FilterField::Text: {
        const auto d = st.details(i);
        for (const std::string& w : t.words) {
          hit = contains_folded(st.title(i), w) || (d && contains_folded(d->summary, w)) ||
                st.any_tag(i, [&](std::string_view tag) { return contains_folded(tag, w); });
          if (hit) break;
        }
        break;
      }
    }
    if (hit == t.negated) return false;
  }
  return true;
}

std::vector<bool> FilterMatcher::evaluate() const {
  const std::size_t n = timeline_->store().size();
  std::vector<bool> keep(n, true);
  if (terms_.empty()) return keep;
  for (EventIndex i = 0; i < n; ++i) keep[i] = matches(i);
  return keep;
}

FilterResult run_filter(const Timeline& t, std::string_view expr) {
  FilterResult r;
  FilterParse p = parse_filter(expr);
  if (!p.filter) {
    r.error = p.error;
    return r;
  }
  FilterError err;
  const auto m = FilterMatcher::bind(t, *p.filter, err);
  if (!m) {
    r.error = err;
    return r;
  }
  r.keep = m->evaluate();
  r.matching = std::uint64_t(std::count(r.keep.begin(), r.keep.end(), true));
  return r;
}

Facets facet_counts(const Timeline& t, const std::vector<bool>& keep) {
  const EventStore& st = t.store();
  Facets f;
  std::vector<std::uint64_t> lanes(t.lanes.size()), sources(t.sources.size()), dated(3), precision(5);
  std::unordered_map<std::string_view, std::uint64_t> tags;
  // Tags are interned by the store, so one tag is usually one pointer: a cheap first lookup.
  std::unordered_map<const char*, std::uint64_t*> by_pointer;
  std::vector<std::size_t> cited;
  for (EventIndex i = 0; i < st.size() && i < keep.size(); ++i) {
    if (!keep[i]) continue;
    ++f.matching;
    for (LaneId l : st.lanes(i)) ++lanes[l];
    ++precision[std::size_t(st.precision(i))];
    st.any_tag(i, [&](std::string_view tag) {
      auto p = by_pointer.find(tag.data());
      if (p == by_pointer.end() || p->second == nullptr) {
        std::uint64_t* slot = &tags[tag];
        p = by_pointer.insert_or_assign(tag.data(), slot).first;
      }
      ++*p->second;
      return false;
    });
    if (const auto d = st.details(i)) {
      unsigned bases = 0;
      cited.clear();
      for (const CitationView r : d->sources) {
        bases |= 1u << unsigned(r.dated);
        if (const Source* s = t.find_source(r.source)) cited.push_back(std::size_t(s - t.sources.data()));
      }
      std::sort(cited.begin(), cited.end());
      cited.erase(std::unique(cited.begin(), cited.end()), cited.end());
      for (std::size_t s : cited) ++sources[s];
      for (unsigned b = 0; b < 3; ++b) dated[b] += (bases >> b) & 1u;
    }
  }
  for (std::size_t l = 0; l < t.lanes.size(); ++l) f.lanes.push_back({t.lanes[l].id, t.lanes[l].name, lanes[l]});
  for (std::size_t s = 0; s < t.sources.size(); ++s)
    f.sources.push_back({t.sources[s].id, t.sources[s].title.empty() ? t.sources[s].id : t.sources[s].title, sources[s]});
  for (const auto& [tag, n] : tags) f.tags.push_back({std::string{tag}, std::string{tag}, n});
  std::sort(f.tags.begin(), f.tags.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  for (std::size_t b = 0; b < 3; ++b) f.dated.push_back({std::string{kDated[b]}, std::string{kDated[b]}, dated[b]});
  for (std::size_t p = 0; p < 5; ++p)
    f.precision.push_back({std::string{kPrecision[p]}, std::string{kPrecision[p]}, precision[p]});
  return f;
}

// --- toggling ---------------------------------------------------------------------------------------------

namespace {
std::string quoted_if_needed(std::string_view v, FilterField field) {
  bool plain = !v.empty() && v[0] != '-';
  for (char c : v) plain = plain && !is_space(c) && c != '|' && c != '"' && c != '\\';
  if (field == FilterField::Text && plain) {  // a word that would read as a field or the keyword
    std::size_t k = 0;
    while (k < v.size() && is_alpha(v[k])) ++k;
    plain = !(k > 0 && k < v.size() && v[k] == ':') && !iequals(v, "disputed");
  }
  if (plain) return std::string{v};
  std::string q = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

bool same_value(FilterField f, std::string_view a, std::string_view b) {
  return f == FilterField::Lane || f == FilterField::Source ? a == b : iequals(a, b);
}

// Removes [a, b) and the spaces after it (or, at the end, before it).
std::string splice_out(std::string_view s, std::size_t a, std::size_t b) {
  std::size_t e = b;
  while (e < s.size() && is_space(s[e])) ++e;
  if (e == s.size())
    while (a > 0 && is_space(s[a - 1])) --a;
  return std::string{s.substr(0, a)} + std::string{s.substr(e)};
}
}  // namespace

std::string toggle_term(std::string_view expr, FilterField field, std::string_view value, bool negated,
                        FilterError* error) {
  FilterParse p = parse_filter(expr);
  if (!p.filter) {
    if (error) *error = p.error;
    return std::string{expr};
  }
  const FilterTerm* same_field = nullptr;
  for (const FilterTerm& t : p.filter->terms) {
    if (t.field != field || t.negated != negated) continue;
    if (field == FilterField::Disputed) return splice_out(expr, t.offset, t.offset + t.length);
    for (std::size_t k = 0; k < t.values.size(); ++k) {
      const FilterValue& v = t.values[k];
      if (!same_value(field, v.text, value)) continue;
      if (t.values.size() == 1) return splice_out(expr, t.offset, t.offset + t.length);
      // One alternative of several: drop it with the '|' beside it.
      const std::size_t a = k == 0 ? v.offset : t.values[k - 1].offset + t.values[k - 1].length;
      const std::size_t b = k == 0 ? t.values[1].offset : v.offset + v.length;
      return std::string{expr.substr(0, a)} + std::string{expr.substr(b)};
    }
    if (!same_field) same_field = &t;
  }
  const std::string v = quoted_if_needed(value, field);
  if (same_field && field != FilterField::Text) {
    if (field == FilterField::From || field == FilterField::To) {
      const FilterValue& old = same_field->values[0];
      return std::string{expr.substr(0, old.offset)} + v + std::string{expr.substr(old.offset + old.length)};
    }
    const FilterValue& last = same_field->values.back();
    const std::size_t at = last.offset + last.length;
    return std::string{expr.substr(0, at)} + "|" + v + std::string{expr.substr(at)};
  }
  std::string out{expr};
  while (!out.empty() && is_space(out.back())) out.pop_back();
  if (!out.empty()) out += ' ';
  if (negated) out += '-';
  if (field == FilterField::Disputed) return out + "disputed";
  if (field != FilterField::Text) out += std::string{filter_field_name(field)} + ":";
  return out + v;
}

}  // namespace cs
