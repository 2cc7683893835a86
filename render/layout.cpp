// Per lane: visible events in start order -> runs of overlapping marks -> fold or stack -> labels.
#include "layout.hpp"

#include "font.hpp"  // next_code_point

#include <algorithm>
#include <cmath>
#include <limits>

namespace cs {
namespace {

struct Item {
  EventIndex event;
  float x0, x1;     // mark extent
  MarkStyle style;
  bool exact;
  bool open_end;
  RecordKind kind;
};

float clampx(double x, const Viewport& vp) {
  return float(std::clamp(x, vp.left() - 200.0, vp.right() + 200.0));
}

Item make_item(const Event& e, EventIndex i, const Viewport& vp, const LayoutConfig& cfg) {
  Item it{i, 0, 0, MarkStyle::Diamond, true, e.when.open_end, RecordKind::Point};
  const double a = vp.to_x(e.when.begin_time());
  if (e.when.is_interval()) {
    const double b = e.when.open_end ? vp.right() + 100.0 : vp.to_x(e.when.end_time());
    it.kind = RecordKind::Interval;
    it.style = MarkStyle::Bar;
    it.x0 = clampx(a, vp);
    it.x1 = std::max(clampx(b, vp), it.x0 + cfg.min_bar);
    return it;
  }
  const double b = vp.to_x(e.when.end_time());
  it.exact = e.when.start.precision >= Precision::Day;
  if (b - a >= cfg.mark_size) {
    it.style = MarkStyle::Span;
    it.x0 = clampx(a, vp);
    it.x1 = clampx(b, vp);
  } else {
    const double c = (a + b) / 2.0;
    it.x0 = clampx(c - cfg.mark_size / 2.0, vp);
    it.x1 = it.x0 + cfg.mark_size;
  }
  return it;
}

// Assigns rows in one lane. Marks have priority over labels: a mark may cut the label of the mark before
// it in its row (the label is shortened with "…" or dropped), and only runs that cannot get a row each
// even without labels are folded.
class LaneStacker {
 public:
  LaneStacker(const LayoutConfig& cfg, const Viewport& vp, const TextMeasure& text, const Timeline& t,
              std::uint32_t slot, std::vector<LayoutRecord>& out)
      : cfg_(cfg), vp_(vp), text_(text), t_(t), slot_(slot), out_(out) {}

  void run(std::vector<Item>& items) {
    // Bars and spans long enough to read are never folded away: they take their rows first.
    const float long_bar = 4 * cfg_.mark_size;
    const auto is_long = [&](const Item& it) { return it.style != MarkStyle::Diamond && it.x1 - it.x0 >= long_bar; };
    for (const Item& it : items)
      if (is_long(it)) place(it);
    std::erase_if(items, is_long);
    std::size_t i = 0;
    while (i < items.size()) {
      // A run: items whose marks start within reach of the run's start region (long bars do not swallow
      // what lies inside them; only their first mark-width counts).
      float reach = items[i].x0 + std::min(items[i].x1 - items[i].x0, cfg_.mark_size);
      std::size_t j = i + 1;
      while (j < items.size() && items[j].x0 < reach + cfg_.gap) {
        reach = std::max(reach, items[j].x0 + std::min(items[j].x1 - items[j].x0, cfg_.mark_size));
        ++j;
      }
      const std::size_t n = j - i;
      if (n > 1 && n > free_rows(items[i].x0)) fold(items, i, j);
      else
        for (std::size_t k = i; k < j; ++k) place(items[k]);
      i = j;
    }
  }

  int rows() const { return std::max(1, int(rows_.size())); }

 private:
  struct Row {
    float mark_end = -std::numeric_limits<float>::infinity();
    float label_end = -std::numeric_limits<float>::infinity();
    std::size_t last = SIZE_MAX;  // record of the row's last occupant
  };

  // Rows whose marks leave room at x, counting rows not yet opened.
  std::size_t free_rows(float x) const {
    std::size_t n = std::size_t(std::max(0, cfg_.max_rows - int(rows_.size())));
    for (const Row& r : rows_) n += r.mark_end + cfg_.gap <= x;
    return n;
  }

  int open_row() {
    rows_.emplace_back();
    return int(rows_.size()) - 1;
  }

  // Shortens the label of row r's last occupant so it ends `gap` before x (dropping it if too short).
  void cut_label(Row& row, float x) {
    if (row.last == SIZE_MAX) return;
    LayoutRecord& prev = out_[row.last];
    if (!prev.has_label || prev.label_box.x1 + cfg_.gap <= x) return;
    const float room = x - cfg_.gap - prev.label_box.x0;
    prev.label = room > 0 ? text_.fit(prev.label, room) : std::string{};
    if (prev.label.empty()) {
      prev.has_label = false;
    } else {
      prev.label_box.x1 = prev.label_box.x0 + text_.width(prev.label);
    }
    row.label_end = prev.has_label ? prev.label_box.x1 : row.mark_end;
  }

  void fold(const std::vector<Item>& items, std::size_t i, std::size_t j) {
    LayoutRecord r;
    r.kind = RecordKind::Fold;
    r.style = MarkStyle::Block;
    r.slot = slot_;
    r.count = std::uint32_t(j - i);
    r.event = items[i].event;
    float x1 = items[i].x1;
    for (std::size_t k = i; k < j; ++k) x1 = std::max(x1, items[k].x0 + std::min(items[k].x1 - items[k].x0, cfg_.mark_size));
    r.label = std::to_string(r.count);
    const float w = std::max(cfg_.fold_min_width, text_.width(r.label) + 2 * cfg_.label_pad);
    r.box.x0 = items[i].x0;
    r.box.x1 = std::max(x1, r.box.x0 + w);
    int row = -1;
    for (std::size_t k = 0; k < rows_.size() && row < 0; ++k)
      if (rows_[k].mark_end + cfg_.gap <= r.box.x0) row = int(k);
    if (row < 0) row = open_row();  // folds may exceed max_rows, rarely: only when long bars fill every row
    cut_label(rows_[std::size_t(row)], r.box.x0);
    rows_[std::size_t(row)] = {r.box.x1, r.box.x1, out_.size()};
    r.row = std::uint16_t(row);
    out_.push_back(std::move(r));
  }

  void place(const Item& it) {
    LayoutRecord r;
    r.kind = it.kind;
    r.style = it.style;
    r.slot = slot_;
    r.event = it.event;
    r.open_end = it.open_end;
    r.exact = it.exact;
    r.box.x0 = it.x0;
    r.box.x1 = it.x1;
    r.label = event_label(t_.events[it.event]);
    const float lw = text_.width(r.label);
    // Bars carry their label inside when it fits (kept in view while the bar starts off to the left).
    const float inside_x = std::max(it.x0, float(vp_.left())) + cfg_.label_pad;
    const bool inside = it.kind == RecordKind::Interval && inside_x + lw + cfg_.label_pad <= it.x1;
    float lx0 = inside ? inside_x : it.x1 + cfg_.label_pad;
    // Near the right edge a label goes left of its mark, where there is room for all of it.
    const bool left = !inside && lx0 + lw > float(vp_.right()) && it.x0 - cfg_.label_pad - lw >= float(vp_.left());
    float start = it.x0;
    if (left) lx0 = start = it.x0 - cfg_.label_pad - lw;
    float label_end = inside || left ? it.x1 : lx0 + lw;
    // 1: a row where nothing is cut; 2: a new row; 3: a row where only a neighbour's label is cut.
    int row = -1;
    for (std::size_t k = 0; k < rows_.size() && row < 0; ++k)
      if (rows_[k].label_end + cfg_.gap <= start) row = int(k);
    if (row < 0 && int(rows_.size()) < cfg_.max_rows) row = open_row();
    for (std::size_t k = 0; k < rows_.size() && row < 0; ++k)
      if (rows_[k].mark_end + cfg_.gap <= it.x0) row = int(k);
    if (row < 0) row = open_row();  // cannot happen for runs that fit (free_rows); kept for safety
    Row& slot_row = rows_[std::size_t(row)];
    if (left && slot_row.label_end + cfg_.gap > start) {  // squeezed in: the label goes right after all
      lx0 = it.x1 + cfg_.label_pad;
      label_end = lx0 + lw;
    }
    cut_label(slot_row, it.x0);
    // A label that would start left of the plot belongs to a mark out of view: no fragments at the edge.
    r.has_label = lx0 >= float(vp_.left());
    if (!r.has_label) {
      r.label.clear();
      label_end = it.x1;
    }
    r.label_box = {lx0, 0, lx0 + lw, 0};
    slot_row = {it.x1, std::max(it.x1, label_end), out_.size()};
    r.row = std::uint16_t(row);
    out_.push_back(std::move(r));
  }

  const LayoutConfig& cfg_;
  const Viewport& vp_;
  const TextMeasure& text_;
  const Timeline& t_;
  std::uint32_t slot_;
  std::vector<LayoutRecord>& out_;
  std::vector<Row> rows_;
};

}  // namespace

LayoutConfig LayoutConfig::scaled(float s) {
  LayoutConfig c;
  for (float* f : {&c.header_width, &c.axis_height, &c.row_height, &c.lane_padding, &c.mark_size, &c.gap,
                   &c.label_pad, &c.min_bar, &c.fold_min_width})
    *f = std::round(*f * s);
  return c;
}

std::string TextMeasure::fit(std::string_view s, float max_width) const {
  if (width(s) <= max_width) return std::string{s};
  const float ell = width("\u2026");
  std::size_t best = 0;
  for (std::size_t i = 0; i < s.size();) {
    next_code_point(s, i);
    if (width(s.substr(0, i)) + ell > max_width) break;
    best = i;
  }
  return best ? std::string{s.substr(0, best)} + "\u2026" : std::string{};
}

std::string event_label(const Event& e) {
  std::string s = e.title;
  if (e.when.start.approximate) s = "c. " + s;
  if (e.when.start.uncertain) s += " (?)";
  if (e.date_disputed()) s += " (date disputed)";
  return s;
}

Layout build_layout(const LayoutInput& in, const TextMeasure& text, const LayoutConfig& cfg) {
  Layout layout;
  const Viewport& vp = in.viewport;
  const Timeline& t = in.index->timeline();
  // Look a little beyond the edges so marks entering the view are laid out consistently.
  const auto margin = std::chrono::seconds{std::int64_t(std::min(vp.seconds_per_pixel() * 200.0, 1e12))};
  const Seconds t0 = vp.start() - margin, t1 = vp.end() + margin;
  std::vector<EventIndex> visible;
  std::vector<Item> items;
  float y = in.top - in.scroll_y;
  for (std::uint32_t s = 0; s < in.index->slots().size(); ++s) {
    in.index->visible(s, t0, t1, visible);
    items.clear();
    for (EventIndex e : visible) items.push_back(make_item(t.events[e], e, vp, cfg));
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.x0 < b.x0; });
    const std::size_t first = layout.records.size();
    LaneStacker stacker{cfg, vp, text, t, s, layout.records};
    stacker.run(items);
    const int rows = stacker.rows();
    const float y0 = y, y1 = y + 2 * cfg.lane_padding + float(rows) * cfg.row_height;
    for (std::size_t k = first; k < layout.records.size(); ++k) {
      LayoutRecord& r = layout.records[k];
      const float ry0 = y0 + cfg.lane_padding + float(r.row) * cfg.row_height;
      const float mid = ry0 + cfg.row_height / 2;
      float h = cfg.row_height - 6;
      if (r.style == MarkStyle::Diamond) h = cfg.mark_size;
      else if (r.style == MarkStyle::Bar || r.style == MarkStyle::Span) h = std::round(cfg.row_height * 0.6f);
      r.box.y0 = mid - h / 2;
      r.box.y1 = mid + h / 2;
      if (r.has_label) {
        r.label_box.y0 = ry0 + 1;
        r.label_box.y1 = ry0 + cfg.row_height - 1;
      }
    }
    layout.lanes.push_back({s, y0, y1, rows});
    y = y1;
  }
  layout.content_height = y - (in.top - in.scroll_y);
  return layout;
}

const LayoutRecord* hit_test(const Layout& layout, float x, float y) {
  const LayoutRecord* best = nullptr;
  for (const LayoutRecord& r : layout.records) {
    Box b = r.box;
    if (r.style == MarkStyle::Diamond) {  // a little slack around small marks
      b.x0 -= 2, b.x1 += 2, b.y0 -= 2, b.y1 += 2;
    }
    if (b.contains(x, y) || (r.has_label && r.label_box.contains(x, y))) best = &r;
  }
  return best;
}

}  // namespace cs
