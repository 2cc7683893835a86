// Rows through the shared RFC 4180 reader into SlideIn, the same path as TimelineJS JSON's slides.
#include "model/io/timelinejs_sheet.hpp"

#include "model/io/csv_reader.hpp"
#include "model/io/csv_writer.hpp"
#include "model/io/text_scan.hpp"
#include "model/io/timelinejs.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>

namespace cs {
namespace {

enum Col {
  kYear, kMonth, kDay, kTime, kEndYear, kEndMonth, kEndDay, kEndTime, kDisplay, kHeadline, kText, kMedia,
  kMediaCredit, kMediaCaption, kMediaThumbnail, kType, kGroup, kBackground, kCols
};
constexpr std::array<std::string_view, kCols> kHeader = {
    "Year",       "Month",       "Day",         "Time",         "End Year",        "End Month",
    "End Day",    "End Time",    "Display Date", "Headline",    "Text",            "Media",
    "Media Credit", "Media Caption", "Media Thumbnail", "Type",  "Group",           "Background"};

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

int column_of(std::string_view name) {
  for (int c = 0; c < kCols; ++c)
    if (same_name(trim_blanks(name), kHeader[std::size_t(c)])) return c;
  return -1;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

class SheetRows {
 public:
  explicit SheetRows(CsvReports& report) : report_(report) {}

  bool number(const CsvField* f, std::string_view name, std::int64_t lo, std::int64_t hi,
              std::optional<std::int64_t>& out) {
    if (!f) return true;
    std::string_view s = trim_blanks(f->text);
    if (s.empty()) return true;
    if (s.front() == '+') s.remove_prefix(1);
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || v < lo || v > hi) {
      report_.error({f->line, f->column, -1}, std::string{name} + " must be a whole number from " + std::to_string(lo) +
                                                  " to " + std::to_string(hi) + ", not '" + shown(f->text) + "'");
      return false;
    }
    out = v;
    return true;
  }

  // "10:30", "10:30:15", "9:05 PM".
  bool time(const CsvField* f, std::string_view name, TimelineJsDate& d) {
    if (!f || trim_blanks(f->text).empty()) return true;
    std::string_view s = trim_blanks(f->text);
    int add = 0;
    for (std::string_view suffix : {"AM", "PM", "am", "pm"})
      if (s.size() > 2 && s.ends_with(suffix)) {
        add = suffix[0] == 'P' || suffix[0] == 'p' ? 12 : 0;
        s = trim_blanks(s.substr(0, s.size() - 2));
        if (add == 0) add = -1;  // AM: 12 is 0
        break;
      }
    int parts[3] = {-1, -1, -1};
    int k = 0;
    bool ok = true;
    while (ok && k < 3) {
      const std::size_t colon = s.find(':');
      const std::string_view piece = s.substr(0, colon);
      const auto [p, ec] = std::from_chars(piece.data(), piece.data() + piece.size(), parts[k]);
      ok = ec == std::errc{} && p == piece.data() + piece.size() && !piece.empty() && parts[k] >= 0;
      ++k;
      if (colon == std::string_view::npos) break;
      s.remove_prefix(colon + 1);
      if (k == 3) ok = false;
    }
    if (ok && add) {
      ok = parts[0] >= 1 && parts[0] <= 12;
      parts[0] = parts[0] % 12 + (add > 0 ? 12 : 0);
    }
    ok = ok && k >= 2 && parts[0] <= 23 && parts[1] <= 59 && parts[2] <= 59;
    if (!ok) {
      report_.error({f->line, f->column, -1},
                    std::string{name} + " must be a time such as 10:30 or 10:30:15, not '" + shown(f->text) + "'");
      return false;
    }
    d.hour = parts[0];
    d.minute = parts[1];
    d.second = parts[2];
    return true;
  }

  // The date of Year/Month/Day/Time (or the End columns); nothing when Year is empty.
  bool date(const std::array<const CsvField*, kCols>& f, bool end, std::optional<TimelineJsDate>& out, TextPos& pos) {
    const int base = end ? kEndYear : kYear;
    const char* names[] = {end ? "End Year" : "Year", end ? "End Month" : "Month", end ? "End Day" : "Day",
                           end ? "End Time" : "Time"};
    std::optional<std::int64_t> y, m, d;
    if (!number(f[std::size_t(base)], names[0], -99'999'999'999, 99'999'999'999, y) ||
        !number(f[std::size_t(base + 1)], names[1], 1, 12, m) || !number(f[std::size_t(base + 2)], names[2], 1, 31, d))
      return false;
    if (f[std::size_t(base)]) pos = {f[std::size_t(base)]->line, f[std::size_t(base)]->column, -1};
    TimelineJsDate t;
    if (!time(f[std::size_t(base + 3)], names[3], t)) return false;
    const bool any = y || m || d || t.hour >= 0;
    if (!any) return true;
    std::string missing;
    if (!y) missing = std::string{"no "} + names[0];
    else if (d && !m) missing = std::string{"a "} + names[2] + " but no " + names[1];
    else if (t.hour >= 0 && !d) missing = std::string{"a "} + names[3] + " but no " + names[2];
    if (!missing.empty()) {
      report_.error(pos, "the row has " + missing);
      return false;
    }
    t.year = *y;
    t.month = int(m.value_or(0));
    t.day = int(d.value_or(0));
    out = t;
    return true;
  }

 private:
  CsvReports& report_;
};

}  // namespace

bool is_timelinejs_sheet_header(std::string_view line) {
  Diagnostics ignored;
  CsvReports report{ignored};
  CsvReader reader{line, report};
  std::vector<CsvField> fields;
  std::string scratch;
  int n = 0;
  if (!reader.next(fields, scratch, n)) return false;
  bool year = false, headline = false;
  for (const CsvField& f : fields) {
    year = year || column_of(f.text) == kYear;
    headline = headline || column_of(f.text) == kHeadline;
  }
  return year && headline;
}

void read_timelinejs_sheet(std::string_view file_text, Timeline& t, Diagnostics& diag) {
  const TextFacts facts = scan_text(file_text, diag);
  if (!facts.readable()) return;
  std::string copy;
  if (facts.lone_cr || facts.bad_bytes) copy = parser_copy(file_text, facts);
  std::string_view text = copy.empty() ? file_text : std::string_view{copy};
  text.remove_prefix(facts.bom_bytes);
  std::string cleaned;
  if (facts.invalid_utf8) cleaned = valid_utf8(text), text = cleaned;

  CsvReports report{diag};
  CsvReader reader{text, report};
  std::vector<CsvField> fields;
  std::string scratch;
  int line = 1;
  if (!reader.next(fields, scratch, line)) {
    if (!diag.has_errors()) diag.error({1, 1, 0}, "the file is empty");
    return;
  }
  std::array<int, kCols> where;
  where.fill(-1);
  for (std::size_t c = 0; c < fields.size(); ++c) {
    const int k = column_of(fields[c].text);
    if (k < 0) {
      if (!trim_blanks(fields[c].text).empty())
        diag.warning({fields[c].line, fields[c].column, -1}, "unknown column '" + shown(trim_blanks(fields[c].text)) +
                                                                 "' (ignored)");
    } else if (where[std::size_t(k)] >= 0) {
      diag.error({fields[c].line, fields[c].column, -1}, "column '" + std::string{kHeader[std::size_t(k)]} +
                                                             "' appears twice");
    } else {
      where[std::size_t(k)] = int(c);
    }
  }
  for (Col c : {kYear, kHeadline})
    if (where[c] < 0) diag.error({1, 1, 0}, "the header has no '" + std::string{kHeader[c]} + "' column");
  if (diag.has_errors()) return;

  SlideReader slides{t, diag, "the TimelineJS sheet"};
  SheetRows rows{report};
  bool have_title = false;
  while (reader.next(fields, scratch, line)) {
    if (std::all_of(fields.begin(), fields.end(), [](const CsvField& f) { return trim_blanks(f.text).empty(); }))
      continue;  // a blank row
    std::array<const CsvField*, kCols> f{};
    for (int c = 0; c < kCols; ++c)
      if (where[std::size_t(c)] >= 0 && std::size_t(where[std::size_t(c)]) < fields.size())
        f[std::size_t(c)] = &fields[std::size_t(where[std::size_t(c)])];
    const auto text_of = [&](Col c) { return f[c] ? std::string{f[c]->text} : std::string{}; };
    const auto pos_of = [&](Col c) { return f[c] ? TextPos{f[c]->line, f[c]->column, -1} : TextPos{line, 1, -1}; };
    std::string type{trim_blanks(text_of(kType))};
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (type == "era") {
      report.warning(pos_of(kType), "an era is not an event; skipped");
      continue;
    }
    if (type == "title") {
      if (have_title) {
        report.warning(pos_of(kType), "a second title row; skipped");
        continue;
      }
      have_title = true;
      t.title = html_to_text(text_of(kHeadline));
      std::replace(t.title.begin(), t.title.end(), '\n', ' ');
      if (!html_to_text(text_of(kText)).empty())
        report.warning(pos_of(kText), "the title row's text is not kept (only its headline, as the timeline's title)");
      continue;
    }
    if (!type.empty()) report.warning(pos_of(kType), "unknown Type '" + shown(type) + "' (read as an event)");
    SlideIn s;
    s.pos = {line, 1, -1};
    s.headline = text_of(kHeadline);
    s.headline_pos = pos_of(kHeadline);
    s.text = text_of(kText);
    s.display = text_of(kDisplay);
    s.display_pos = pos_of(kDisplay);
    s.start_pos = pos_of(kYear);
    s.end_pos = pos_of(kEndYear);
    if (!rows.date(f, false, s.start, s.start_pos) || !rows.date(f, true, s.end, s.end_pos)) continue;
    s.group = text_of(kGroup);
    s.media = text_of(kMedia);
    s.media_pos = pos_of(kMedia);
    for (Col c : {kMediaCredit, kMediaCaption, kMediaThumbnail})
      if (!trim_blanks(text_of(c)).empty()) {
        ++slides.media_extras;
        break;
      }
    if (!trim_blanks(text_of(kBackground)).empty()) ++slides.backgrounds;
    slides.add(s);
  }
  report.finish();
  slides.finish();
  t.store().shrink_to_fit();
  diag.sort();
}

std::string write_timelinejs_sheet(const Timeline& t, Diagnostics& losses) {
  std::string out;
  for (int c = 0; c < kCols; ++c) out += (c ? "," : "") + std::string{kHeader[std::size_t(c)]};
  out += "\n";
  const auto row = [&](std::array<std::string, kCols>& cells) {
    for (int c = 0; c < kCols; ++c) out += (c ? "," : "") + csv_quote(cells[std::size_t(c)]);
    out += "\n";
  };
  if (!t.title.empty()) {
    std::array<std::string, kCols> cells;
    cells[kHeadline] = html_escape(t.title);
    cells[kType] = "title";
    row(cells);
  }
  const EventStore& st = t.store();
  const auto put = [](std::array<std::string, kCols>& cells, int base, const TimelineJsDate& d) {
    cells[std::size_t(base)] = std::to_string(d.year);
    if (d.month) cells[std::size_t(base + 1)] = std::to_string(d.month);
    if (d.day) cells[std::size_t(base + 2)] = std::to_string(d.day);
    if (d.hour >= 0)
      cells[std::size_t(base + 3)] = two(d.hour) + ":" + two(d.minute) + (d.second >= 0 ? ":" + two(d.second) : "");
  };
  std::size_t ids = 0;
  for (EventIndex i = 0; i < st.size(); ++i) {
    std::array<std::string, kCols> cells;
    const TimelineJsSpan span = timelinejs_span(event_when(st, i));
    put(cells, kYear, span.start);
    if (span.end) put(cells, kEndYear, *span.end);
    cells[kDisplay] = st.date_text(i);
    cells[kHeadline] = html_escape(st.title(i));
    const auto d = st.details(i);
    cells[kText] = slide_html(t, d ? d->summary : "", d ? d->sources : Citations{});
    cells[kMedia] = st.url(i);
    if (!st.lanes(i).empty()) cells[kGroup] = t.lanes[st.lanes(i)[0]].name;
    ids += st.id(i) != id_from_title(st.title(i));
    row(cells);
  }
  warn_lost(losses, "the TimelineJS sheet", "event ids", ids, "event",
            "new ids are made from the headlines when it is read back");
  warn_timelinejs_losses(t, losses, "the TimelineJS sheet");
  return out;
}

}  // namespace cs
