// Per lane: long bars take rows first; then a walk over the start-sorted events that places sparse ones
// one by one and folds dense stretches into counted blocks, jumping over them by binary search.
#include "render/layout.hpp"

#include "render/font.hpp"  // next_code_point

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace cs {
namespace {

struct Item {
  EventIndex event;
  float x0, x1;  // mark extent
  MarkStyle style;
  bool exact;
  bool open_end;
  RecordKind kind;
};

float clampx(double x, const Viewport& vp) { return float(std::clamp(x, vp.left() - 400.0, vp.right() + 400.0)); }

double px(const Viewport& vp, std::int64_t t) { return vp.to_x(Seconds{std::chrono::seconds{t}}); }

Item make_item(const EventStore& st, EventIndex i, const Viewport& vp, const LayoutConfig& cfg) {
  Item it{i, 0, 0, MarkStyle::Diamond, true, st.open_end(i), RecordKind::Point};
  const double a = px(vp, st.start(i));
  if (st.is_interval(i)) {
    const double b = st.open_end(i) ? vp.right() + 100.0 : px(vp, st.end(i));
    it.kind = RecordKind::Interval;
    it.style = MarkStyle::Bar;
    it.x0 = clampx(a, vp);
    it.x1 = std::max(clampx(b, vp), it.x0 + cfg.min_bar);
    return it;
  }
  const double b = px(vp, st.end(i));
  it.exact = st.precision(i) >= Precision::Day;
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

// Assigns rows in one lane. Long bars are placed first, as fixed intervals of their rows; then the sweep
// places everything else left to right around them. Marks have priority over labels: a mark may cut the
// label before it in its row (shortened with "…" or dropped; the least significant label is cut first).
// Events that find no row go into folds in an overflow row below the others, so every event is counted.
class LaneStacker {
 public:
  LaneStacker(const LayoutConfig& cfg, const Viewport& vp, const TextMeasure& text, const EventStore& st,
              std::uint32_t slot, std::vector<LayoutRecord>& out)
      : cfg_(cfg), vp_(vp), text_(text), st_(st), slot_(slot), out_(out), first_(out.size()),
        count_room_(std::max(cfg.fold_min_width, text.width("88.8M") + 2 * cfg.label_pad)) {}

  // Rows free over the mark [x0, x1) for the sweep, counting rows not yet opened.
  std::size_t free_rows(float x0, float x1) const {
    std::size_t n = std::size_t(std::max(0, cfg_.max_rows - int(rows_.size())));
    for (const Row& r : rows_) n += sweep_free(r, x0, x1);
    return n;
  }

  // A long bar or span: a row where nothing fixed is in its way, among all rows but the last, which is
  // kept for everything else. False when there is none (the caller then leaves it to the sweep, which
  // shows or counts it like any other event).
  bool place_long(const Item& it) {
    const int long_rows = std::max(1, cfg_.max_rows - 1);
    const bool room = int(rows_.size()) < long_rows;
    int row = -1;
    for (std::size_t k = 0; k < rows_.size() && int(k) < long_rows && row < 0; ++k)
      if (fixed_free(rows_[k], it.x0, it.x1)) row = int(k);
    if (row < 0 && !room) return false;  // cheap refusal: the label is never built
    LayoutRecord r = record(it);
    Extent e = extent(it, r);
    row = -1;
    for (std::size_t k = 0; k < rows_.size() && int(k) < long_rows && row < 0; ++k)
      if (fixed_free(rows_[k], e.start, e.end)) row = int(k);
    if (row < 0 && room) row = open_row();
    if (row < 0) {  // no room with the label: the mark alone
      for (std::size_t k = 0; k < rows_.size() && int(k) < long_rows && row < 0; ++k)
        if (fixed_free(rows_[k], it.x0, it.x1)) row = int(k);
      e = {it.x0, it.x1};
      drop_label(r);
    }
    Row& rw = rows_[std::size_t(row)];
    const auto pos = std::lower_bound(rw.fixed.begin(), rw.fixed.end(), e.start,
                                      [](const Span& f, float x) { return f.x0 < x; });
    rw.fixed.insert(pos, {e.start, e.end});
    r.row = std::uint16_t(row);
    out_.push_back(std::move(r));
    return true;
  }

  // Everything else, in order of x: 1 a row where nothing is cut; 2 a new row; 3 a row where only a
  // neighbour's label is cut (the least significant neighbour first), our own label cut short if needed.
  void place(const Item& it) {
    if (int(rows_.size()) >= cfg_.max_rows && free_rows(it.x0, it.x1) == 0)
      return overflow(it.x0, it.x1, 1, &it);  // no row for the mark: no label is built
    LayoutRecord r = record(it);
    Extent e = extent(it, r);
    int row = -1;
    for (std::size_t k = 0; k < rows_.size() && row < 0; ++k)
      if (rows_[k].label_end + cfg_.gap <= e.start && fixed_free(rows_[k], e.start, e.end)) row = int(k);
    if (row < 0 && int(rows_.size()) < cfg_.max_rows) row = open_row();
    if (row < 0) {
      int best_sig = 1 << 30;
      for (std::size_t k = 0; k < rows_.size(); ++k) {
        if (!sweep_free(rows_[k], it.x0, it.x1)) continue;
        const int sig = rows_[k].last == kNone ? -1 : significance(out_[rows_[k].last]);
        if (sig < best_sig) best_sig = sig, row = int(k);
      }
    }
    if (row < 0) return overflow(it.x0, it.x1, 1, &it);
    Row& rw = rows_[std::size_t(row)];
    if (r.has_label && r.label_box.x1 <= it.x0 &&
        (rw.label_end + cfg_.gap > e.start || !fixed_free(rw, r.label_box.x0, r.label_box.x1))) {
      // A left label squeezed in: put it on the right after all.
      r.label_box = {it.x1 + cfg_.label_pad, 0, it.x1 + cfg_.label_pad + (r.label_box.x1 - r.label_box.x0), 0};
    }
    cut_label(rw, it.x0);
    if (r.has_label && r.label_box.x0 >= it.x1) {  // a right label stops before the next fixed bar
      const float limit = next_fixed(rw, it.x1) - cfg_.gap;
      if (r.label_box.x1 > limit) shorten(r, limit);
    }
    rw.mark_end = it.x1;
    rw.label_end = r.has_label ? std::max(it.x1, r.label_box.x1) : it.x1;
    rw.last = out_.size();
    r.row = std::uint16_t(row);
    out_.push_back(std::move(r));
  }

  // A counted block over [x0, x1) standing for `count` events.
  void fold(float x0, float x1, std::uint64_t count, EventIndex first) {
    LayoutRecord r;
    r.kind = RecordKind::Fold;
    r.style = MarkStyle::Block;
    r.slot = slot_;
    r.count = std::uint32_t(std::min<std::uint64_t>(count, UINT32_MAX));
    r.event = first;
    r.label = compact_count(count);
    const float w = std::max(cfg_.fold_min_width, text_.width(r.label) + 2 * cfg_.label_pad);
    r.box.x0 = x0;
    r.box.x1 = std::max(x1, x0 + w);
    int row = -1;
    for (std::size_t k = 0; k < rows_.size() && row < 0; ++k)
      if (sweep_free(rows_[k], r.box.x0, r.box.x1)) row = int(k);
    if (row < 0 && int(rows_.size()) < cfg_.max_rows) row = open_row();
    if (row < 0) return overflow(r.box.x0, r.box.x1, count);
    Row& rw = rows_[std::size_t(row)];
    cut_label(rw, r.box.x0);
    rw.mark_end = rw.label_end = r.box.x1;
    rw.last = out_.size();
    r.row = std::uint16_t(row);
    out_.push_back(std::move(r));
  }

  // Rows used; overflow folds get the row after the last, and their counts as labels.
  int finish() {
    const int rows = std::max(1, int(rows_.size()));
    for (std::size_t k = first_; k < out_.size(); ++k) {
      LayoutRecord& r = out_[k];
      if (!r.overflow) continue;
      r.row = std::uint16_t(rows);
      if (r.kind == RecordKind::Fold) r.label = compact_count(r.count);  // fits: boxes hold count_room_
    }
    return rows + (overflow_last_ != kNone ? 1 : 0);
  }

 private:
  static constexpr std::size_t kNone = SIZE_MAX;
  struct Span {
    float x0, x1;
  };
  struct Row {
    float mark_end = -std::numeric_limits<float>::infinity();   // the sweep's last mark ...
    float label_end = -std::numeric_limits<float>::infinity();  // ... and its label
    std::size_t last = kNone;                                   // the sweep's last record
    std::vector<Span> fixed;                                    // long bars (with labels), by x0, disjoint
  };
  struct Extent {
    float start, end;  // mark and label together
  };

  LayoutRecord record(const Item& it) const {
    LayoutRecord r;
    r.kind = it.kind;
    r.style = it.style;
    r.slot = slot_;
    r.event = it.event;
    r.open_end = it.open_end;
    r.exact = it.exact;
    r.box.x0 = it.x0;
    r.box.x1 = it.x1;
    r.label = event_label(st_, it.event);
    return r;
  }

  // Chooses where the label goes: inside a bar when it fits, else right of the mark, else (near the right
  // edge) left of it; none when it would start left of the plot (its mark is out of view).
  Extent extent(const Item& it, LayoutRecord& r) const {
    const float lw = text_.width(r.label);
    const float inside_x = std::max(it.x0, float(vp_.left())) + cfg_.label_pad;
    const bool inside = it.kind == RecordKind::Interval && inside_x + lw + cfg_.label_pad <= it.x1;
    float lx0 = inside ? inside_x : it.x1 + cfg_.label_pad;
    const bool left = !inside && lx0 + lw > float(vp_.right()) && it.x0 - cfg_.label_pad - lw >= float(vp_.left());
    if (left) lx0 = it.x0 - cfg_.label_pad - lw;
    r.has_label = lx0 >= float(vp_.left());
    if (!r.has_label) {
      r.label.clear();
      return {it.x0, it.x1};
    }
    r.label_box = {lx0, 0, lx0 + lw, 0};
    return {std::min(it.x0, lx0), std::max(it.x1, lx0 + lw)};
  }

  void drop_label(LayoutRecord& r) const {
    r.has_label = false;
    r.label.clear();
  }

  void shorten(LayoutRecord& r, float x1) const {
    r.label = x1 > r.label_box.x0 ? text_.fit(r.label, x1 - r.label_box.x0) : std::string{};
    if (r.label.empty()) drop_label(r);
    else r.label_box.x1 = r.label_box.x0 + text_.width(r.label);
  }

  // No fixed interval within `gap` of [a, b).
  bool fixed_free(const Row& r, float a, float b) const {
    auto it = std::lower_bound(r.fixed.begin(), r.fixed.end(), a - cfg_.gap,
                               [](const Span& f, float x) { return f.x1 <= x; });
    return it == r.fixed.end() || it->x0 >= b + cfg_.gap;
  }
  bool sweep_free(const Row& r, float a, float b) const { return r.mark_end + cfg_.gap <= a && fixed_free(r, a, b); }
  float next_fixed(const Row& r, float x) const {
    auto it = std::lower_bound(r.fixed.begin(), r.fixed.end(), x, [](const Span& f, float v) { return f.x1 <= v; });
    return it == r.fixed.end() ? std::numeric_limits<float>::infinity() : it->x0;
  }

  int significance(const LayoutRecord& r) const {
    return r.kind == RecordKind::Fold ? 1 << 20 : st_.significance(r.event);
  }

  int open_row() {
    rows_.emplace_back();
    return int(rows_.size()) - 1;
  }

  // Events with no row go to the overflow row: one alone shows as its mark (no label); those that touch
  // the overflow row's last record merge with it into a fold.
  void overflow(float x0, float x1, std::uint64_t count, const Item* item = nullptr) {
    // A block marks where its events start; like other folds it is at most fold_max_width wide.
    x1 = std::min(x1, x0 + std::max(cfg_.fold_max_width, count_room_));
    if (overflow_last_ != kNone && x0 < out_[overflow_last_].box.x1 + cfg_.gap &&
        out_[overflow_last_].box.x1 - out_[overflow_last_].box.x0 < cfg_.fold_max_width) {
      LayoutRecord& f = out_[overflow_last_];
      if (f.kind != RecordKind::Fold) {  // a lone mark becomes a fold of two or more
        f.kind = RecordKind::Fold;
        f.style = MarkStyle::Block;
        f.count = 1;
        f.has_label = false;
        f.box.y0 = f.box.y1 = 0;
      }
      f.count = std::uint32_t(std::min<std::uint64_t>(std::uint64_t(f.count) + count, UINT32_MAX));
      // Room for the widest count label there can be; the label itself is set by finish().
      f.box.x1 = std::min(std::max({f.box.x1, x1, f.box.x0 + count_room_}),
                          f.box.x0 + std::max(cfg_.fold_max_width, count_room_));
      return;
    }
    if (overflow_last_ != kNone && x0 < out_[overflow_last_].box.x1 + cfg_.gap)
      x0 = out_[overflow_last_].box.x1 + cfg_.gap, x1 = std::max(x1, x0 + count_room_);  // the next bin
    if (item && count == 1 && item->x0 == x0 && item->x1 <= x1) {  // alone and whole: its own mark
      LayoutRecord r = record(*item);
      drop_label(r);
      r.overflow = true;
      overflow_last_ = out_.size();
      out_.push_back(std::move(r));
      return;
    }
    LayoutRecord r;
    r.kind = RecordKind::Fold;
    r.style = MarkStyle::Block;
    r.slot = slot_;
    r.overflow = true;
    r.count = std::uint32_t(count);
    r.box.x0 = x0;
    r.box.x1 = std::max(x1, x0 + count_room_);
    overflow_last_ = out_.size();
    out_.push_back(std::move(r));
  }

  // Shortens the label of the sweep's last record in this row so it ends `gap` before x.
  void cut_label(Row& row, float x) {
    if (row.last == kNone) return;
    LayoutRecord& prev = out_[row.last];
    if (!prev.has_label || prev.label_box.x1 + cfg_.gap <= x || prev.label_box.x1 <= prev.box.x0) return;
    shorten(prev, x - cfg_.gap);
    row.label_end = prev.has_label ? prev.label_box.x1 : row.mark_end;
  }

  const LayoutConfig& cfg_;
  const Viewport& vp_;
  const TextMeasure& text_;
  const EventStore& st_;
  std::uint32_t slot_;
  std::vector<LayoutRecord>& out_;
  std::size_t first_;
  float count_room_;  // width of the widest count label
  std::vector<Row> rows_;
  std::size_t overflow_last_ = kNone;
};

// Smallest index in [lo, hi) whose start is >= t, galloping from lo (cheap when the answer is near).
std::size_t gallop(std::span<const std::int64_t> starts, std::size_t lo, std::size_t hi, std::int64_t t) {
  std::size_t step = 1, a = lo, b = lo;
  while (b < hi && starts[b] < t) {
    a = b + 1;
    b = std::min(hi, b + step);
    step *= 2;
  }
  return std::size_t(std::lower_bound(starts.begin() + std::ptrdiff_t(a), starts.begin() + std::ptrdiff_t(b), t) -
                     starts.begin());
}

std::int64_t time_at(const Viewport& vp, double x) {
  // Whole seconds at x, saturated; only used as search bounds.
  const double off = std::floor(vp.offset_at(x));
  const double o = double(vp.origin().time_since_epoch().count()) + off;
  if (o >= 9.2e18) return std::numeric_limits<std::int64_t>::max();
  if (o <= -9.2e18) return std::numeric_limits<std::int64_t>::min();
  return vp.origin().time_since_epoch().count() + std::int64_t(off);
}

void layout_lane(const TimelineIndex& index, std::uint32_t s, const Viewport& vp, const TextMeasure& text,
                 const LayoutConfig& cfg, std::vector<LayoutRecord>& out, std::vector<EventIndex>& scratch,
                 int& rows) {
  const EventStore& st = index.store();
  const double spp = vp.seconds_per_pixel();
  const double margin_px = 200;
  const std::int64_t t0 = time_at(vp, vp.left() - margin_px), t1 = time_at(vp, vp.right() + margin_px);
  const float long_bar = 4 * cfg.mark_size;

  LaneStacker stacker{cfg, vp, text, st, s, out};
  // 1. Bars and spans long enough to read take their rows first, and are never folded away. Only classes
  // that can hold them are asked, and no more of them than the rows can show (the longest first); the
  // others go through the sweep below like everything else, where they are shown or counted.
  const double long_seconds = long_bar * spp;
  const int k_long = long_seconds < 2 ? 0 : std::min(63, int(std::floor(std::log2(long_seconds))));
  index.wide_visible(s, k_long, t0, t1, scratch, false, std::int64_t(long_seconds));
  std::vector<Item> longs;
  for (EventIndex e : scratch) {
    const Item it = make_item(st, e, vp, cfg);
    if (it.style != MarkStyle::Diamond && it.x1 - it.x0 >= long_bar) longs.push_back(it);
  }
  // About what the rows can show; those past it still get shown or counted by the sweep.
  const auto cap = std::size_t(vp.width() / long_bar) + 4 * std::size_t(cfg.max_rows);
  std::vector<Item> open_capped;
  if (longs.size() > cap) {
    std::nth_element(longs.begin(), longs.begin() + std::ptrdiff_t(cap), longs.end(),
                     [](const Item& a, const Item& b) { return a.x1 - a.x0 > b.x1 - b.x0; });
    for (std::size_t k = cap; k < longs.size(); ++k)
      if (st.open_end(longs[k].event)) open_capped.push_back(longs[k]);
    longs.resize(cap);
  }
  // The longest choose their rows first.
  std::sort(longs.begin(), longs.end(), [&](const Item& a, const Item& b) {
    return a.x1 - a.x0 != b.x1 - b.x0 ? a.x1 - a.x0 > b.x1 - b.x0 : a.event < b.event;
  });
  std::vector<std::size_t> long_pos;  // their positions in the start-sorted array, for exact fold counts
  std::vector<Item> open_left;        // ongoing events without a row of their own: they join the sweep
  const auto starts = index.starts(s);
  const auto order = index.order(s);
  for (const Item& it : longs) {
    const EventIndex e = it.event;
    if (!stacker.place_long(it)) {
      if (st.open_end(e)) open_left.push_back(it);
      continue;
    }
    if (st.open_end(e)) continue;  // ongoing events are not in the start-sorted array
    auto p = std::lower_bound(starts.begin(), starts.end(), st.start(e));
    std::size_t k = std::size_t(p - starts.begin());
    while (order[k] != e) ++k;  // ties on start: find this event
    long_pos.push_back(k);
  }
  std::sort(long_pos.begin(), long_pos.end());
  open_left.insert(open_left.end(), open_capped.begin(), open_capped.end());
  std::sort(open_left.begin(), open_left.end(), [&](const Item& a, const Item& b) {
    return st.start(a.event) != st.start(b.event) ? st.start(a.event) < st.start(b.event) : a.event < b.event;
  });
  std::size_t q = 0;  // next of open_left, merged into the sweep by start
  const auto long_in = [&](std::size_t a, std::size_t b) {
    return std::size_t(std::lower_bound(long_pos.begin(), long_pos.end(), b) -
                       std::lower_bound(long_pos.begin(), long_pos.end(), a));
  };
  const auto is_long = [&](std::size_t k) { return std::binary_search(long_pos.begin(), long_pos.end(), k); };

  // 2. Everything else in start order: one by one where sparse, folded by count where dense.
  const std::size_t last = std::size_t(std::lower_bound(starts.begin(), starts.end(), t1) - starts.begin());
  const std::int64_t back = std::int64_t(std::min(long_bar * spp, 4e18));
  const std::int64_t from = t0 > std::numeric_limits<std::int64_t>::min() + back ? t0 - back : t0;
  std::size_t i = std::size_t(std::lower_bound(starts.begin(), starts.end(), from) - starts.begin());
  const double probe_px = cfg.mark_size + cfg.gap;
  while (i < last || q < open_left.size()) {
    if (q < open_left.size() && (i >= last || st.start(open_left[q].event) <= starts[i])) {
      stacker.place(open_left[q++]);
      continue;
    }
    if (is_long(i)) {
      ++i;
      continue;
    }
    const Item it = make_item(st, order[i], vp, cfg);
    const double xs = px(vp, starts[i]);
    const std::size_t j = std::max(i + 1, gallop(starts, i, last, time_at(vp, xs + probe_px)));
    const std::size_t n = (j - i) - long_in(i, j);
    if (n <= stacker.free_rows(it.x0, it.x1)) {
      stacker.place(it);
      ++i;
      continue;
    }
    // Dense: fold everything starting within the next fold_max_width pixels.
    const std::int64_t fold_end = time_at(vp, xs + cfg.fold_max_width);
    const std::size_t k = std::max(j, gallop(starts, j, last, fold_end));
    std::size_t count = (k - i) - long_in(i, k);
    const std::int64_t last_folded = starts[k - 1];
    while (q < open_left.size() && st.start(open_left[q].event) <= last_folded) ++q, ++count;
    // The box stops short of where the next events' marks begin, so consecutive bins share a row.
    const float x1 = float(std::min(px(vp, starts[k - 1]) + cfg.mark_size,
                                    xs + cfg.fold_max_width - cfg.mark_size / 2 - cfg.gap));
    stacker.fold(it.x0, std::max(x1, it.x1), count, order[i]);
    i = k;
  }
  rows = stacker.finish();
}

}  // namespace

LayoutConfig LayoutConfig::scaled(float s) {
  LayoutConfig c;
  for (float* f : {&c.header_width, &c.axis_height, &c.row_height, &c.lane_padding, &c.mark_size, &c.gap,
                   &c.label_pad, &c.min_bar, &c.fold_min_width, &c.fold_max_width})
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

std::string compact_count(std::uint64_t n) {
  char buf[32];
  if (n < 1000) std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(n));
  else if (n < 10000) std::snprintf(buf, sizeof buf, "%.1fk", double(n) / 1e3);
  else if (n < 1000000) std::snprintf(buf, sizeof buf, "%.0fk", double(n) / 1e3);
  else std::snprintf(buf, sizeof buf, "%.1fM", double(n) / 1e6);
  return buf;
}

std::string event_label(const EventStore& st, EventIndex e) {
  std::string s{st.title(e)};
  if (st.approximate(e)) s = "c. " + s;
  if (st.uncertain(e)) s += " (?)";
  if (st.disputed(e)) s += " (date disputed)";
  return s;
}

int base_rows(const LayoutConfig& cfg, std::size_t lanes, float height) {
  if (lanes == 0) return cfg.max_rows;
  const float room = height - cfg.axis_height - float(lanes) * 2 * cfg.lane_padding;
  return std::clamp(int(room / (float(lanes) * cfg.row_height)), 2, cfg.max_rows);
}

Layout build_layout(const LayoutInput& in, const TextMeasure& text, const LayoutConfig& cfg) {
  Layout layout;
  const Viewport& vp = in.viewport;
  const std::size_t n = in.index->slots().size();
  std::vector<EventIndex> scratch;
  // Pass 1: every lane with the base budget of rows.
  LayoutConfig c = cfg;
  if (in.height > 0) c.max_rows = base_rows(cfg, n, in.height);
  std::vector<std::vector<LayoutRecord>> lanes(n);
  std::vector<int> rows(n, 1);
  for (std::uint32_t s = 0; s < n; ++s) layout_lane(*in.index, s, vp, text, c, lanes[s], scratch, rows[s]);
  // Pass 2: rows the lanes left unused go to those that ran out (folded or overflowed), shared evenly.
  if (in.height > 0 && c.max_rows < cfg.max_rows) {
    const int budget = int((in.height - cfg.axis_height - float(n) * 2 * cfg.lane_padding) / cfg.row_height);
    int used = 0;
    std::vector<std::uint32_t> starved;
    for (std::uint32_t s = 0; s < n; ++s) {
      used += rows[s];
      const bool folded = std::any_of(lanes[s].begin(), lanes[s].end(),
                                      [](const LayoutRecord& r) { return r.kind == RecordKind::Fold; });
      if (folded) starved.push_back(s);
    }
    const int spare = budget - used;
    if (!starved.empty() && spare >= int(starved.size())) {
      LayoutConfig more = cfg;
      more.max_rows = std::min(cfg.max_rows, c.max_rows + spare / int(starved.size()));
      for (std::uint32_t s : starved) {
        lanes[s].clear();
        layout_lane(*in.index, s, vp, text, more, lanes[s], scratch, rows[s]);
      }
    }
  }
  float y = in.top - in.scroll_y;
  for (std::uint32_t s = 0; s < n; ++s) {
    const float y0 = y, y1 = y + 2 * cfg.lane_padding + float(rows[s]) * cfg.row_height;
    for (LayoutRecord& r : lanes[s]) {
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
      layout.records.push_back(std::move(r));
    }
    layout.lanes.push_back({s, y0, y1, rows[s]});
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
