// One pass over the text (after text_scan's byte check): fields are string_views into it (quoted ones
// unescaped into a scratch buffer), each row validated and appended to the column store.
#include "model/io/csv_loader.hpp"

#include "model/id_set.hpp"
#include "model/io/csv_reader.hpp"
#include "model/io/text_scan.hpp"
#include "model/url.hpp"

#include <algorithm>
#include <array>
#include <deque>

namespace cs {
namespace {

enum Column { kId, kTitle, kStart, kEnd, kLanes, kTags, kUrl, kColumns };
constexpr std::array<std::string_view, kColumns> kNames = {"id", "title", "start", "end", "lanes", "tags", "url"};

using Field = CsvField;
using RowReports = CsvReports;
using Reader = CsvReader;

constexpr std::size_t kMaxExtraFieldReports = 10;

std::string_view trim(std::string_view s) { return trim_blanks(s); }

template <class F>
void split(std::string_view s, F&& each) {
  while (!s.empty()) {
    const auto semi = s.find(';');
    const auto part = trim(s.substr(0, semi));
    if (!part.empty()) each(part);
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
}

}  // namespace

void load_timeline_csv(std::string_view file_text, Timeline& t, Diagnostics& diag, std::atomic<float>* progress) {
  const TextFacts facts = scan_text(file_text, diag);
  if (!facts.readable()) return;
  std::string copy;  // only when some bytes must change for the reader (lone CRs, control bytes)
  if (facts.lone_cr || facts.bad_bytes) copy = parser_copy(file_text, facts);
  std::string_view text = copy.empty() ? file_text : std::string_view{copy};
  text.remove_prefix(facts.bom_bytes);
  // Values from a file with invalid UTF-8 are stored with U+FFFD in its place (reported by scan_text);
  // the cleaned strings live until the row is stored.
  std::deque<std::string> cleaned;
  const auto clean = [&](std::string_view v) -> std::string_view {
    if (!facts.invalid_utf8 || is_valid_utf8(v)) return v;
    return cleaned.emplace_back(valid_utf8(v));
  };

  RowReports report{diag};
  Reader reader{text, report};
  std::vector<Field> fields;
  std::string scratch;
  int line = 1;
  if (!reader.next(fields, scratch, line)) {
    if (!diag.has_errors()) diag.error({1, 1, 0}, "the file is empty");
    return;
  }
  if (reader.unclosed()) {
    diag.sort();
    return;  // the header's quote swallowed the file: that one error says it
  }
  const int errors_before_header = diag.error_count();
  std::array<int, kColumns> where;
  where.fill(-1);
  for (std::size_t c = 0; c < fields.size(); ++c) {
    const auto name = trim(fields[c].text);
    const auto k = std::find(kNames.begin(), kNames.end(), name);
    if (k == kNames.end()) {
      diag.warning({fields[c].line, fields[c].column, -1}, "unknown column '" + shown(name) + "' (ignored)");
    } else if (where[std::size_t(k - kNames.begin())] >= 0) {
      diag.error({fields[c].line, fields[c].column, -1}, "column '" + std::string{name} + "' appears twice");
    } else {
      where[std::size_t(k - kNames.begin())] = int(c);
    }
  }
  for (Column c : {kId, kTitle, kStart})
    if (where[c] < 0) diag.error({1, 1, 0}, "the header has no '" + std::string{kNames[c]} + "' column");
  if (diag.error_count() > errors_before_header) return;
  const std::size_t header_fields = fields.size();

  // No reserve by a count of lines: memory follows what is kept (a file of blank lines keeps nothing).
  EventStore& st = t.store();
  IdSet ids{st};
  std::size_t extra_field_rows = 0;
  TextPos first_extra_unshown;
  std::vector<LaneId> lanes;
  std::vector<std::uint32_t> lane_row;  // per lane: the last row that named it (dedupe without a search)
  std::uint32_t row = 0;
  std::vector<std::string_view> tags;
  std::size_t next_report = 0;
  while (reader.next(fields, scratch, line)) {
    if (fields.size() == 1 && fields[0].text.empty()) continue;  // a blank line
    ++row;
    cleaned.clear();
    if (progress && reader.position() >= next_report) {
      progress->store(float(double(reader.position()) / double(text.size())), std::memory_order_relaxed);
      next_report = reader.position() + (1 << 20);
    }
    const auto get = [&](Column c) -> const Field* {
      return where[c] >= 0 && std::size_t(where[c]) < fields.size() ? &fields[std::size_t(where[c])] : nullptr;
    };
    const auto at = [](const Field* f) { return TextPos{f->line, f->column, -1}; };
    if (fields.size() > header_fields && extra_field_rows++ == kMaxExtraFieldReports) {
      first_extra_unshown = at(&fields[header_fields]);
    } else if (fields.size() > header_fields && extra_field_rows <= kMaxExtraFieldReports) {
      report.warning(at(&fields[header_fields]), "the row has " + with_thousands(fields.size()) +
                                                     " fields; the header names " + std::to_string(header_fields) +
                                                     " (the rest are ignored)");
    }
    bool ok = true;
    const Field* id = get(kId);
    const Field* title = get(kTitle);
    const Field* start = get(kStart);
    if (!id || !title || !start) {
      report.error({line, 1, -1}, "the row has " + std::to_string(fields.size()) + " fields; the header names more");
      continue;
    }
    if (trim(id->text).empty()) report.error(at(id), "empty id"), ok = false;
    if (trim(title->text).empty()) report.error(at(title), "empty title"), ok = false;
    // The date columns as EDTF: a start alone is any form (a set too); with an end, the interval of the two
    // ("" an unknown end, ".." an open one), exactly as YAML's "start/end".
    const std::string_view start_text = trim(start->text);
    const Field* end = get(kEnd);
    const std::string_view end_text = end ? trim(end->text) : std::string_view{};
    When w;
    if (start_text.empty() && end_text.empty()) {
      report.error(at(start), "empty start date"), ok = false;
    } else {
      const EdtfResult r = end_text.empty() ? parse_edtf(start_text) : parse_edtf_interval(start_text, end_text);
      if (!r.value) report.error(at(end_text.empty() || start_text.empty() ? start : end), r.error.message), ok = false;
      else w = *r.value;
    }
    const Field* url = get(kUrl);
    std::string_view url_text = url ? trim(url->text) : std::string_view{};
    if (std::string why; !url_text.empty() && !is_valid_url(url_text, &why)) {
      report.error(at(url), "url '" + shown(url_text) + "' " + why);
      url_text = {};
    }
    const std::string_view id_text = clean(trim(id->text));
    if (const auto first = ids.find(id_text)) {
      report.error(at(id), "duplicate event id '" + shown(id_text) + "' (first at line " +
                               std::to_string(st.pos(*first).line) + ")");
      ok = false;
    }
    if (!ok) continue;
    lanes.clear();
    if (const Field* l = get(kLanes))
      split(l->text, [&](std::string_view name) {
        const LaneId k = t.lane_index(clean(name), true);
        if (k == kNoLane) return;
        if (k >= lane_row.size()) lane_row.resize(std::size_t(k) + 1, 0);
        if (lane_row[k] == row) return;  // named twice in this row
        lane_row[k] = row;
        lanes.push_back(k);
      });
    tags.clear();
    if (const Field* g = get(kTags)) split(g->text, [&](std::string_view tag) { tags.push_back(clean(tag)); });
    std::string date_text{start_text};
    if (!end_text.empty()) date_text += "/" + std::string{end_text};
    ids.insert(st.add({id_text, clean(trim(title->text)), clean(date_text), url_text, w, lanes, tags, id->line,
                       id->column}));
  }
  if (extra_field_rows > kMaxExtraFieldReports)
    report.warning(first_extra_unshown, "... and " + with_thousands(extra_field_rows - kMaxExtraFieldReports) +
                                      " more rows with more fields than the header names");
  report.finish();
  st.shrink_to_fit();
  if (progress) progress->store(1.f);
  diag.sort();
}

}  // namespace cs
