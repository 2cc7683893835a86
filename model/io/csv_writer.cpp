// Dates CSV cannot hold (sets, open or unknown starts, unknown ends) are written as the nearest start and
// end it can, and counted in the warnings.
#include "model/io/csv_writer.hpp"

#include "model/io/interop_text.hpp"
#include "model/io/timelinejs.hpp"

namespace cs {

std::string csv_quote(std::string_view s) {
  const bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t'));
  if (!quote) return std::string{s};
  std::string q = "\"";
  for (const char c : s) q += c == '"' ? std::string{"\"\""} : std::string(1, c);
  return q + "\"";
}

std::string write_csv(const Timeline& t, Diagnostics& losses) {
  const EventStore& st = t.store();
  std::string out{kCsvHeader};
  out += "\n";
  std::size_t approximated = 0, summarised = 0, cited = 0, noted = 0, odd_names = 0;
  for (EventIndex i = 0; i < st.size(); ++i) {
    const When w = event_when(st, i);
    const std::string_view text = st.date_text(i);
    std::string start, end;
    const bool simple = !w.is_set() && w.start_bound == Bound::Known && w.end_bound != Bound::Unknown;
    if (simple) {
      const std::size_t slash = text.find('/');
      start = std::string{text.substr(0, slash)};
      if (slash != std::string_view::npos) end = std::string{text.substr(slash + 1)};
    } else {
      const TimelineJsSpan span = timelinejs_span(w);
      start = edtf_from_timelinejs(span.start);
      if (span.end) end = edtf_from_timelinejs(*span.end);
      ++approximated;
    }
    std::string lanes, tags;
    for (const LaneId l : st.lanes(i)) {
      lanes += (lanes.empty() ? "" : ";") + t.lanes[l].id;
      odd_names += t.lanes[l].id.find(';') != std::string::npos;
    }
    for (const auto tag : st.tags(i)) {
      tags += (tags.empty() ? "" : ";") + std::string{tag};
      odd_names += tag.find(';') != std::string_view::npos;
    }
    out += csv_quote(st.id(i)) + "," + csv_quote(st.title(i)) + "," + csv_quote(start) + "," + csv_quote(end) + "," +
           csv_quote(lanes) + "," + csv_quote(tags) + "," + csv_quote(st.url(i)) + "\n";
    if (const auto d = st.details(i)) {
      summarised += !d->summary.empty();
      cited += !d->sources.empty();
      noted += !d->notes.empty();
    }
  }
  const std::string_view f = "CSV";
  if (!t.title.empty()) losses.warning({}, "CSV cannot hold the timeline's title; it is left out");
  warn_lost(losses, f, "lane names and colours", t.lanes.empty() ? 0 : t.lanes.size(), "lane",
            "lanes are read back with their ids as names and new colours");
  warn_lost(losses, f, "sets of dates, open or unknown starts and unknown ends", approximated, "event",
            "the nearest start and end are written");
  warn_lost(losses, f, "summaries", summarised, "event");
  warn_lost(losses, f, "citations", cited, "event");
  warn_lost(losses, f, "notes", noted, "event");
  warn_lost(losses, f, "lane ids and tags with ';' in them", odd_names, "name", "they are split when read back");
  warn_lost(losses, f, "sources", t.sources.size(), "source");
  warn_lost(losses, f, "stories", t.stories.size(), "story");
  return out;
}

}  // namespace cs
