// Lane layout: a band per lane, events as marks (points) and bars (intervals) stacked into rows so that
// no marks or labels overlap, and dense runs folded into counted blocks. Plain records in screen pixels.
// The work per lane is bounded by the pixels on screen: dense stretches are counted by binary search in
// the index, never walked event by event.
#pragma once

#include "render/text_measure.hpp"
#include "model/timeline_index.hpp"
#include "render/viewport.hpp"

#include <string>
#include <vector>

namespace cs {

struct LayoutConfig {
  float header_width = 160;  // lane names, left of the plot
  float axis_height = 46;    // two rows of axis labels, above the lanes
  float row_height = 22;
  float lane_padding = 5;   // above and below a lane's rows
  int max_rows = 6;         // rows a lane stacks before dense runs fold
  float mark_size = 11;     // diamond of a point event
  float gap = 6;            // between neighbours in a row
  float label_pad = 4;
  float min_bar = 4;
  float fold_min_width = 24;
  float fold_max_width = 72;  // dense stretches fold into blocks at most this wide, like histogram bars

  static LayoutConfig scaled(float s);
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

struct LayoutRecord {
  RecordKind kind = RecordKind::Point;
  MarkStyle style = MarkStyle::Diamond;
  std::uint32_t slot = 0;      // lane slot in the index
  EventIndex event = 0;        // points and intervals
  std::uint32_t count = 1;     // folds: events folded
  std::uint16_t row = 0;
  bool open_end = false;       // interval still going on: drawn to the edge
  bool exact = true;           // precision of a day or finer (points)
  bool overflow = false;       // a fold of events that found no row (drawn in the lane's last row)
  Box box;
  bool has_label = false;
  Box label_box;
  std::string label;
};

struct LaneBand {
  std::uint32_t slot;
  float y0, y1;
  int rows;
};

struct Layout {
  std::vector<LaneBand> lanes;
  std::vector<LayoutRecord> records;
  float content_height = 0;  // all lanes, for vertical scrolling
};

struct LayoutInput {
  const TimelineIndex* index;
  Viewport viewport;     // plot area: left = header_width
  float top = 0;         // y of the first lane (below the axis), before scrolling
  float scroll_y = 0;    // lanes scrolled up by this many pixels
  // Height the lanes should fit in; 0: each lane may use cfg.max_rows. With a height, every lane gets at
  // least base_rows(...) rows and the rows left over go to the lanes that ran out of them.
  float height = 0;
};

// Rows every lane can have so that all lanes fit `height`: 2 to cfg.max_rows.
int base_rows(const LayoutConfig& cfg, std::size_t lanes, float height);

Layout build_layout(const LayoutInput& in, const TextMeasure& text, const LayoutConfig& cfg);

// Topmost record under (x, y): its mark or its label. Null if none.
const LayoutRecord* hit_test(const Layout& layout, float x, float y);

// The label an event shows: its title with its date qualifiers ("c. " approximate, " (?)" uncertain,
// " (date disputed)" when a source gives another date).
std::string event_label(const EventStore& st, EventIndex e);
// "37", "4.2k", "120k", "1.3M": a fold's count, short enough for a small block.
std::string compact_count(std::uint64_t n);

}  // namespace cs
