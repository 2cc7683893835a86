// Events sorted by when they start (stable, so file order breaks ties), grouped under one heading per year.
#include "model/io/markdown.hpp"

#include "model/edtf_calendar.hpp"
#include "model/io/interop_text.hpp"

#include <algorithm>
#include <numeric>

namespace cs {
namespace {

// When an event starts for sorting and grouping: its start, or its end date's start where the start is
// open or unknown.
Seconds sort_key(const When& w) { return w.start_bound == Bound::Known || !w.end ? w.start.start : w.end->start; }

// Each line of a (possibly multi-line) text, escaped, joined with Markdown's hard line break.
std::string lines(std::string_view s, std::string_view indent) {
  std::string out;
  for (std::size_t a = 0; a <= s.size();) {
    const std::size_t nl = std::min(s.find('\n', a), s.size());
    const std::string_view line = s.substr(a, nl - a);
    if (!line.empty()) {
      if (!out.empty()) out += "  \n" + std::string{indent};
      out += markdown_escape(line);
    }
    a = nl + 1;
  }
  return out;
}

}  // namespace

std::string markdown_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (std::string_view{"\\`*_[]<>|"}.find(c) != std::string_view::npos ||
        (i == 0 && std::string_view{"#+-=>"}.find(c) != std::string_view::npos)) {
      out += '\\';
    }
    out += c;
    // "1984. " at the start of a line would start a numbered list.
    if (c == '.' && i > 0 && std::all_of(s.begin(), s.begin() + std::ptrdiff_t(i), [](char d) { return d >= '0' && d <= '9'; }) &&
        (i + 1 == s.size() || s[i + 1] == ' ')) {
      out.insert(out.size() - 1, "\\");
    }
  }
  return out;
}

std::string write_markdown(const Timeline& t, Diagnostics& losses) {
  const EventStore& st = t.store();
  std::vector<EventIndex> order(st.size());
  std::iota(order.begin(), order.end(), EventIndex{0});
  std::vector<Seconds> key(st.size());
  for (EventIndex i = 0; i < st.size(); ++i) key[i] = sort_key(event_when(st, i));
  std::stable_sort(order.begin(), order.end(), [&](EventIndex a, EventIndex b) { return key[a] < key[b]; });

  std::string out = "# " + markdown_escape(t.title.empty() ? std::string{"Chronology"} : t.title) + "\n";
  bool first_year = true;
  std::int64_t year = 0;
  std::size_t tagged = 0, noted = 0, laned = 0;
  for (const EventIndex i : order) {
    const std::int64_t y = calendar::civil_of(key[i]).year;
    if (first_year || y != year) {
      out += "\n## " + year_name(y) + "\n\n";
      year = y;
      first_year = false;
    }
    out += "- **" + markdown_escape(st.date_text(i)) + "**: " + markdown_escape(st.title(i));
    if (!st.url(i).empty()) out += " (<" + std::string{st.url(i)} + ">)";
    out += "\n";
    if (const auto d = st.details(i)) {
      if (!d->summary.empty()) out += "\n  " + lines(d->summary, "  ") + "\n";
      if (!d->sources.empty()) out += "\n";
      for (const CitationView r : d->sources) {
        std::string c = "  - ";
        const Source* s = t.find_source(r.source);
        if (!s) {
          c += markdown_escape(r.source);
        } else {
          if (!s->publisher.empty()) c += markdown_escape(s->publisher) + ", ";
          c += "*" + markdown_escape(s->title) + "*";
          if (!s->published_text.empty()) c += " (" + markdown_escape(s->published_text) + ")";
        }
        if (!r.locator.empty()) c += ", " + markdown_escape(r.locator);
        if (!r.quote.empty()) c += ": \xE2\x80\x9C" + markdown_escape(r.quote) + "\xE2\x80\x9D";
        if (!r.claims_text.empty()) c += " (dates it " + markdown_escape(r.claims_text) + ")";
        if (s && !s->url.empty()) c += " <" + s->url + ">";
        out += c + "\n";
      }
      if (!d->summary.empty() || !d->sources.empty()) out += "\n";
      noted += !d->notes.empty();
    }
    tagged += st.any_tag(i, [](std::string_view) { return true; });
    laned += !st.lanes(i).empty();
  }
  // Blank lines between items make a loose list; keep at most one in a row.
  std::string tidy;
  tidy.reserve(out.size());
  for (const char c : out) {
    if (c == '\n' && tidy.size() >= 2 && tidy[tidy.size() - 1] == '\n' && tidy[tidy.size() - 2] == '\n') continue;
    tidy += c;
  }
  warn_lost(losses, "Markdown", "lanes", laned, "event");
  warn_lost(losses, "Markdown", "tags", tagged, "event");
  warn_lost(losses, "Markdown", "notes", noted, "event");
  warn_lost(losses, "Markdown", "stories", t.stories.size(), "story");
  return tidy;
}

}  // namespace cs
