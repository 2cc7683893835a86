// Lane layout: a band per lane, events as marks (points) and bars (intervals) stacked into rows so that
// no marks or labels overlap, dense runs folded into counted blocks, and faint ghosts where a source
// dates a disputed event differently. Plain records in screen pixels. The work per lane is bounded by the
// pixels on screen: dense stretches are counted by binary search in the index, never walked event by event.
#pragma once

#include "render/text_measure.hpp"
#include "model/timeline_index.hpp"
#include "render/viewport.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace cs {

struct LayoutConfig {
  float header_width = 160;  // lane names, left of the plot
  float axis_height = 46;    // the whole axis above the lanes: two Gregorian rows, then the calendar rows
  float calendar_row_height = 23;  // one row per parallel calendar (see with_calendars), as tall as a Gregorian row
  int calendar_rows = 0;
  float row_height = 22;
  float lane_padding = 5;   // above and below a lane's rows
  int max_rows = 6;         // rows a lane stacks when there is no canvas height to share (LayoutInput::height 0)
  float mark_size = 11;     // diamond of a point event
  float gap = 6;            // between neighbours in a row
  float label_pad = 4;
  float min_bar = 4;
  float fold_min_width = 24;
  float fold_max_width = 72;  // dense stretches fold into blocks at most this wide, like histogram bars

  static LayoutConfig scaled(float s);
  // The same with `n` calendar rows under the Gregorian axis: axis_height grows by a row each.
  LayoutConfig with_calendars(int n) const;
  // Height of the Gregorian part of the axis (its two rows).
  float gregorian_axis_height() const { return axis_height - float(calendar_rows) * calendar_row_height; }
};

enum class RecordKind : std::uint8_t { Point, Interval, Fold };

// How a point shows its precision: a diamond when the period it names is narrower than a mark, else
// a translucent span covering the whole period (a "2015" event covers the year).
enum class MarkStyle : std::uint8_t { Diamond, Span, Bar, Block };

struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool contains(float x, float y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// GhostMark::citation of a ghost that is a member of the event's date set, not a source's claim.
inline constexpr std::uint16_t kSetMember = 0xFFFF;

// A fold keeps its first few events, for the tooltip.
inline constexpr std::size_t kFoldPreview = 8;

struct LayoutRecord {
  RecordKind kind = RecordKind::Point;
  MarkStyle style = MarkStyle::Diamond;
  std::uint32_t slot = 0;      // lane slot in the index
  EventIndex event = 0;        // points and intervals; a fold's first event
  std::uint32_t count = 1;     // folds: events folded, always 2 or more
  std::uint16_t row = 0;
  bool open_end = false;       // interval still going on: drawn to the edge
  bool exact = true;           // precision of a day or finer, every digit known (points)
  bool fade_start = false;     // an unknown start ("/2006"): the bar fades in from the left
  bool fade_end = false;       // an unknown end ("2004-06-11/"): the bar fades out to the right
  bool overflow = false;       // a fold or mark of events that found no row (in the lane's last row)
  // Time extent, int64 seconds. Events: the covered span (INT64_MAX as the end of an ongoing one).
  // Folds: every folded event starts in [t0, t1); t0 is the first one's start, t1 the end of the one that
  // starts last (at least its start + 1 s; an ongoing one counts as its start): zooming to [t0, t1)
  // spreads the fold over the view.
  std::int64_t t0 = 0, t1 = 0;
  std::array<EventIndex, kFoldPreview> preview{};  // folds: the first events, in date order ...
  std::uint8_t preview_count = 0;                  // ... and how many of `preview` are set
  Box box;
  bool has_label = false;
  Box label_box;
  std::string label;
};

// A faint mark where a citation (`claims`) dates a disputed event differently, tied to the event's mark.
struct GhostMark {
  EventIndex event = 0;       // the disputed event (or the set's): what hit-testing the ghost gives
  std::uint32_t slot = 0;
  std::uint32_t record = 0;   // index in Layout::records of the event's own mark in this lane
  std::uint16_t citation = 0; // index of the claiming citation in the event's details()->sources (kSetMember: none)
  bool solid = false;         // a member of an all-of set ({1960,1961}): the event happened then too
  std::uint16_t row = 0;
  MarkStyle style = MarkStyle::Diamond;  // as the claimed date would draw: Diamond, Span or Bar
  bool exact = true;
  std::int64_t t0 = 0, t1 = 0;  // the claimed span
  Box box;
  bool has_label = false;
  Box label_box;
  std::string label;  // the claiming source's publisher, else its id
};

struct LaneBand {
  std::uint32_t slot;
  float y0, y1;
  int rows;
};

struct Layout {
  std::vector<LaneBand> lanes;
  std::vector<LayoutRecord> records;
  std::vector<GhostMark> ghosts;
  float content_height = 0;  // all lanes, for vertical scrolling
};

struct LayoutInput {
  const TimelineIndex* index;
  Viewport viewport;     // plot area: left = header_width
  float top = 0;         // y of the first lane (below the axis), before scrolling
  float scroll_y = 0;    // lanes scrolled up by this many pixels
  // Height of the canvas, axis included (the lanes get height - top); 0: each lane may use cfg.max_rows.
  // With a height, the rows that fit are shared: every lane gets base_rows(...), then lanes that would fold
  // get the rows the others leave free, before anything folds.
  float height = 0;
  // Events that must stand unfolded and labelled wherever they are in view (the selected one, the one
  // zoomed to, a story step's focus): in this order, they take their rows before anything else in each of
  // their lanes.
  std::vector<EventIndex> focus;
  // The lanes shown, as slots of the index, in this order (a story step's lanes); empty: every slot.
  std::vector<std::uint32_t> slots;
};

// Rows each lane gets to start with when `lanes` lanes share `height` below `top`: at least 2.
int base_rows(const LayoutConfig& cfg, std::size_t lanes, float height, float top);
// All the rows that fit below `top` (at least one per lane's padding taken out).
int row_budget(const LayoutConfig& cfg, std::size_t lanes, float height, float top);

Layout build_layout(const LayoutInput& in, const TextMeasure& text, const LayoutConfig& cfg);

// Topmost record under (x, y): its mark or its label. Null if none.
const LayoutRecord* hit_test(const Layout& layout, float x, float y);
// Topmost ghost under (x, y): its mark or its label. Null if none.
const GhostMark* hit_ghost(const Layout& layout, float x, float y);
// The event under (x, y): a point or interval (mark or label) or a ghost. Folds give none.
std::optional<EventIndex> event_at(const Layout& layout, float x, float y);

// What a fold holds, for its tooltip: its first events (up to n, at most kFoldPreview) with the date as
// written, and how many more there are.
struct FoldEntry {
  EventIndex event;
  std::string id;
  std::string title;  // capped like a label
  std::string date;   // as written in the file
};
struct FoldContents {
  std::vector<FoldEntry> first;
  std::uint64_t more = 0;  // events not listed
};
FoldContents fold_contents(const EventStore& st, const LayoutRecord& fold, std::size_t n = kFoldPreview);

// Labels hold at most this many code points of a title: fitting never measures a huge title whole.
inline constexpr std::size_t kMaxLabelChars = 240;
// The label an event shows: its title (cut at kMaxLabelChars, with "…") with its date qualifiers ("c. "
// approximate, " (?)" uncertain, " (date disputed)" when a source gives another date).
std::string event_label(const EventStore& st, EventIndex e);
// `s` cut to at most `max_chars` code points, with "…" when cut; reads no further than it keeps.
std::string cap_text(std::string_view s, std::size_t max_chars);
// "37", "4.2k", "120k", "1.3M": a fold's count, short enough for a small block.
std::string compact_count(std::uint64_t n);

}  // namespace cs
