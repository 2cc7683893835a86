// TimelineJS 3 JSON ({"title": slide, "events": [slides], "eras": [...]}), read and written; and the slide
// mapping its spreadsheet shares (model/io/timelinejs_sheet.hpp). docs/interop.md has the rules:
// year/month/day presence is the precision, TimelineJS's year -500 is 500 BCE (EDTF -0499), display_date
// carries our date as written and is read back before the numbers, group is the first lane, text.text is
// the summary and the citations as HTML, the title slide is the timeline's title.
#pragma once

#include "model/diagnostics.hpp"
#include "model/io/interop_text.hpp"
#include "model/timeline.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace cs {

// One TimelineJS date object.
struct TimelineJsDate {
  std::int64_t year = 0;                    // TimelineJS's count: no year 0, -500 is 500 BCE
  int month = 0, day = 0;                   // 0: not given
  int hour = -1, minute = -1, second = -1;  // -1: not given
  bool operator==(const TimelineJsDate&) const = default;
};

// Astronomical years (EDTF: 0 is 1 BCE, -499 is 500 BCE) to TimelineJS's and back. TimelineJS has no year
// 0; astronomical_year(0) is 0 all the same (1 BCE) and the readers warn about it.
std::int64_t timelinejs_year(std::int64_t astronomical);
std::int64_t astronomical_year(std::int64_t timelinejs);

// The first and the last unit a date covers, at its precision (UTC): "201X" is 2010 .. 2019, "2001-24"
// (winter) 2001-12 .. 2002-02, "2015-11-23" that day twice.
TimelineJsDate timelinejs_first(const Date& d);
TimelineJsDate timelinejs_last(const Date& d);

// What a slide shows for a date: its start, and an end when the date covers more than one unit. Open and
// unknown ends are left out (a start alone); an open or unknown start begins at the end date.
struct TimelineJsSpan {
  TimelineJsDate start;
  std::optional<TimelineJsDate> end;
};
TimelineJsSpan timelinejs_span(const When& w);

// The EDTF text of a TimelineJS date: "2015", "-0499-03", "2015-11-23T10:30Z" (times are read as UTC).
std::string edtf_from_timelinejs(const TimelineJsDate& d);

// The HTML of a slide's text: the summary's lines as paragraphs, then the citations as a list of class
// "chronoscope-citations" (publisher, title, publication date, locator, quote, link).
std::string slide_html(const Timeline& t, std::string_view summary, const Citations& citations);

// One slide as the JSON and the sheet readers have it, all text as found.
struct SlideIn {
  TextPos pos;  // the slide (or row)
  std::string id;  // unique_id; empty in sheets
  TextPos id_pos;
  std::string headline, text;  // HTML
  TextPos headline_pos;
  std::string display;
  TextPos display_pos;
  std::optional<TimelineJsDate> start, end;
  TextPos start_pos, end_pos;
  std::string group;
  std::string media;
  TextPos media_pos;
};

// Turns slides into events (ids made unique, groups into lanes, dates mapped) and counts what is left out.
class SlideReader {
 public:
  SlideReader(Timeline& t, Diagnostics& diag, std::string_view format) : t_(t), diag_(diag), format_(format) {}
  void add(const SlideIn& s);
  // Things the timeline does not keep, counted by the caller (media captions, backgrounds...).
  std::size_t media_extras = 0, backgrounds = 0;
  // Warnings, once per kind.
  void finish();

 private:
  LaneId lane_for(const std::string& group);
  Timeline& t_;
  Diagnostics& diag_;
  std::string_view format_;
  IdMaker ids_;
  std::unordered_map<std::string, LaneId> groups_;
  IdMaker lane_ids_;
  bool lane_ids_ready_ = false;
  std::size_t media_not_links_ = 0;
};

// Reads TimelineJS JSON into `t`. Problems go to `diag` as FILE:LINE:COL.
void read_timelinejs(std::string_view text, Timeline& t, Diagnostics& diag);
// Writes `t` as TimelineJS JSON; what it cannot hold is said in `losses` (warnings, once per kind).
std::string write_timelinejs(const Timeline& t, Diagnostics& losses);

// What TimelineJS (JSON or sheet) cannot hold, counted over the whole timeline, as warnings.
void warn_timelinejs_losses(const Timeline& t, Diagnostics& losses, std::string_view format);

}  // namespace cs
