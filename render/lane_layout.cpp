// Per lane: long bars take rows first; then a walk over the start-sorted events that places sparse ones
// one by one and folds dense stretches into counted blocks, jumping over them by binary search.
#include "render/lane_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace cs {

std::int64_t zoom_end(const EventStore& st, EventIndex e) { return st.open_end(e) ? st.start(e) + 1 : st.end(e); }

namespace {

struct Item {
  EventIndex event;
  float x0, x1;  // mark extent
  MarkStyle style;
  bool exact;
  bool open_end;
  RecordKind kind;
  bool fade_start = false, fade_end = false;
};

float clampx(double x, const Viewport& vp) { return float(std::clamp(x, vp.left() - 400.0, vp.right() + 400.0)); }

double px(const Viewport& vp, std::int64_t t) { return vp.to_x(Seconds{std::chrono::seconds{t}}); }

// A point over [a, b): a band where it is wide enough to read, else a diamond at its middle.
void point_mark(Item& it, double a, double b, const Viewport& vp, const LayoutConfig& cfg) {
  if (b - a >= cfg.mark_size) {
    it.style = MarkStyle::Span;
    it.x0 = clampx(a, vp);
    it.x1 = clampx(b, vp);
  } else {
    const double c = (a + b) / 2.0;
    it.x0 = clampx(c - cfg.mark_size / 2.0, vp);
    it.x1 = it.x0 + cfg.mark_size;
  }
}

Item make_item(const EventStore& st, EventIndex i, const Viewport& vp, const LayoutConfig& cfg) {
  Item it{i, 0, 0, MarkStyle::Diamond, true, st.open_end(i), RecordKind::Point};
  const double a = px(vp, st.start(i));
  if (st.is_set(i)) {
    // One of these dates: a band over all of them (each shows as a ghost). All of them: a mark on the
    // first (the others show as solid ghosts).
    const When w = st.when(i);
    it.exact = false;
    if (st.set_all_of(i) && w.set && !w.set->members.empty()) {
      const SetMember& m = w.set->members.front();
      it.exact = m.first.precision >= Precision::Day && !m.last && !m.first.unspecified;
      point_mark(it, vp.to_x(m.begin_time()), vp.to_x(m.end_time()), vp, cfg);
    } else {
      point_mark(it, a, st.open_end(i) ? vp.right() + 100.0 : px(vp, st.end(i)), vp, cfg);
    }
    return it;
  }
  if (st.is_interval(i)) {
    // An unknown end fades out beyond the date that is known (an unknown start fades in before it).
    const double fade = 5.0 * cfg.mark_size;
    double b = st.open_end(i) ? vp.right() + 100.0 : px(vp, st.end(i));
    double x0 = a;
    if (st.unknown_end(i)) b = std::max(b, a + fade), it.fade_end = true;
    if (st.unknown_start(i)) x0 = std::min(a, b - fade), it.fade_start = true;
    it.kind = RecordKind::Interval;
    it.style = MarkStyle::Bar;
    it.x0 = clampx(x0, vp);
    it.x1 = std::max(clampx(b, vp), it.x0 + cfg.min_bar);
    return it;
  }
  it.exact = st.precision(i) >= Precision::Day && !st.unspecified(i);
  point_mark(it, a, px(vp, st.end(i)), vp, cfg);
  return it;
}

bool starts_before(const EventStore& st, EventIndex a, EventIndex b) {
  return st.start(a) != st.start(b) ? st.start(a) < st.start(b) : a < b;
}

// Adds `e` to a fold's preview, kept in date order and at most kFoldPreview long.
void add_preview(const EventStore& st, LayoutRecord& f, EventIndex e) {
  auto* begin = f.preview.data();
  auto* end = begin + f.preview_count;
  auto* at = std::lower_bound(begin, end, e, [&](EventIndex a, EventIndex b) { return starts_before(st, a, b); });
  if (at == begin + kFoldPreview) return;
  if (f.preview_count < kFoldPreview) ++f.preview_count, ++end;
  std::move_backward(at, end - 1, end);
  *at = e;
}

// Assigns rows in one lane. Long bars are placed first, as fixed intervals of their rows; then the sweep
// places everything else left to right around them. Marks have priority over labels: a mark may cut the
// label before it in its row (shortened with "…" or dropped; the least significant label is cut first).
// Events that find no row go into an overflow row below the others, as their own mark when alone and as
// folds of two or more otherwise, so every event is shown or counted and no fold holds a single event.
class LaneStacker {
 public:
  LaneStacker(const LayoutConfig& cfg, int max_rows, const Viewport& vp, const TextMeasure& text,
              const EventStore& st, std::uint32_t slot, std::vector<LayoutRecord>& out)
      : cfg_(cfg), max_rows_(std::max(1, max_rows)), vp_(vp), text_(text), st_(st), slot_(slot), out_(out),
        first_(out.size()), count_room_(std::max(cfg.fold_min_width, text.width("88.8M") + 2 * cfg.label_pad)),
        min_label_(text.width("Abc\u2026")) {}

  // Rows free over the mark [x0, x1) for the sweep, counting rows not yet opened.
  std::size_t free_rows(float x0, float x1) const {
    std::size_t n = std::size_t(std::max(0, max_rows_ - int(rows_.size())));
    for (const Row& r : rows_) n += sweep_free(r, x0, x1);
    return n;
  }

  // A long bar or span: a row where nothing fixed is in its way, among all rows but the last, which is
  // kept for everything else. False when there is none (the caller then leaves it to the sweep, which
  // shows or counts it like any other event).
  bool place_long(const Item& it) {
    const int long_rows = std::max(1, max_rows_ - 1);
    const bool room = int(rows_.size()) < long_rows;
    int row = -1;
    for (std::size_t k = 0; k < rows_.size() && int(k) < long_rows && row < 0; ++k)
      if (fixed_free(rows_[k], it.x0, it.x1)) row = int(k);
    if (row < 0 && !room) return false;  // cheap refusal: the label is never built
    LayoutRecord r = record(it);
    Extent e = place_label(it, r);
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
    if (int(rows_.size()) >= max_rows_ && free_rows(it.x0, it.x1) == 0)
      return overflow(record_unlabelled(it), true);  // no row for the mark: no label is built
    LayoutRecord r = record(it);
    Extent e = place_label(it, r);
    int row = -1;
    for (std::size_t k = 0; k < rows_.size() && row < 0; ++k)
      if (rows_[k].label_end + cfg_.gap <= e.start && fixed_free(rows_[k], e.start, e.end)) row = int(k);
    if (row < 0 && int(rows_.size()) < max_rows_) row = open_row();
    if (row < 0) {
      int best_sig = 1 << 30;
      for (std::size_t k = 0; k < rows_.size(); ++k) {
        if (!sweep_free(rows_[k], it.x0, it.x1)) continue;
        const int sig = rows_[k].last == kNone ? -1 : significance(out_[rows_[k].last]);
        if (sig < best_sig) best_sig = sig, row = int(k);
      }
    }
    if (row < 0) {
      drop_label(r);
      return overflow(std::move(r), true);
    }
    Row& rw = rows_[std::size_t(row)];
    if (r.has_label && r.label_box.x1 <= it.x0 &&
        (rw.label_end + cfg_.gap > e.start || !fixed_free(rw, r.label_box.x0, r.label_box.x1))) {
      // A left label squeezed in: put it on the right after all, shortened to what fits there.
      const float w = r.label_box.x1 - r.label_box.x0;
      r.label_box = {it.x1 + cfg_.label_pad, 0, it.x1 + cfg_.label_pad + w, 0};
      if (r.label_box.x1 > float(vp_.right())) shorten(r, float(vp_.right()));
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

  // A counted block of two or more events over [f.box.x0, f.box.x1), in a row if one is free.
  void fold(LayoutRecord f) {
    folded_ = true;
    f.kind = RecordKind::Fold;
    f.style = MarkStyle::Block;
    f.slot = slot_;
    f.label = compact_count(f.count);
    f.box.x1 = std::max(f.box.x1, f.box.x0 + std::max(cfg_.fold_min_width, text_.width(f.label) + 2 * cfg_.label_pad));
    int row = -1;
    for (std::size_t k = 0; k < rows_.size() && row < 0; ++k)
      if (sweep_free(rows_[k], f.box.x0, f.box.x1)) row = int(k);
    if (row < 0 && int(rows_.size()) < max_rows_) row = open_row();
    if (row < 0) return overflow(std::move(f), false);
    Row& rw = rows_[std::size_t(row)];
    cut_label(rw, f.box.x0);
    rw.mark_end = rw.label_end = f.box.x1;
    rw.last = out_.size();
    f.row = std::uint16_t(row);
    out_.push_back(std::move(f));
  }

  // Rows used; overflow records get the row after the last, and folds their counts as labels.
  LaneResult finish() {
    const int rows = std::max(1, int(rows_.size()));
    for (std::size_t k = first_; k < out_.size(); ++k) {
      LayoutRecord& r = out_[k];
      if (!r.overflow) continue;
      r.row = std::uint16_t(rows);
      if (r.kind == RecordKind::Fold) r.label = compact_count(r.count);  // fits: boxes hold count_room_
    }
    return {rows + (overflow_last_ != kNone ? 1 : 0), folded_};
  }

  const EventStore& store() const { return st_; }

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

  LayoutRecord record_unlabelled(const Item& it) const {
    LayoutRecord r;
    r.kind = it.kind;
    r.style = it.style;
    r.slot = slot_;
    r.event = it.event;
    r.open_end = it.open_end;
    r.exact = it.exact;
    r.fade_start = it.fade_start;
    r.fade_end = it.fade_end;
    r.box.x0 = it.x0;
    r.box.x1 = it.x1;
    r.t0 = st_.start(it.event);
    r.t1 = st_.end(it.event);
    return r;
  }
  LayoutRecord record(const Item& it) const {
    LayoutRecord r = record_unlabelled(it);
    r.label = event_label(st_, it.event);
    return r;
  }

  // Chooses where the label goes: inside a bar or span when it fits whole in its visible part, else right
  // of the mark, else left of it; failing all three, shortened with "…" where there is most room. None
  // when the mark is out of view or no room holds a few characters.
  Extent place_label(const Item& it, LayoutRecord& r) const {
    const float left = float(vp_.left()), right = float(vp_.right()), pad = cfg_.label_pad;
    if (it.x1 <= left || it.x0 >= right) {
      drop_label(r);
      return {it.x0, it.x1};
    }
    float lw = text_.width(r.label);
    const bool band = it.kind == RecordKind::Interval || it.style == MarkStyle::Span;
    const float in0 = std::max(it.x0, left) + pad, in_room = band ? std::min(it.x1, right) - pad - in0 : -1;
    const float right0 = it.x1 + pad, right_room = right - right0;
    const float left1 = it.x0 - pad, left_room = left1 - left;
    float x0;
    if (lw <= in_room) x0 = in0;
    else if (lw <= right_room) x0 = right0;
    else if (lw <= left_room) x0 = left1 - lw;
    else {
      const float room = std::max({in_room, right_room, left_room});
      r.label = room >= min_label_ ? text_.fit(r.label, room) : std::string{};
      if (r.label.empty()) {
        drop_label(r);
        return {it.x0, it.x1};
      }
      lw = text_.width(r.label);
      x0 = room == in_room ? in0 : room == right_room ? right0 : left1 - lw;
    }
    r.has_label = true;
    r.label_box = {x0, 0, x0 + lw, 0};
    return {std::min(it.x0, x0), std::max(it.x1, x0 + lw)};
  }

  void drop_label(LayoutRecord& r) const {
    r.has_label = false;
    r.label.clear();
  }

  void shorten(LayoutRecord& r, float x1) const {
    r.label = x1 - r.label_box.x0 >= min_label_ ? text_.fit(r.label, x1 - r.label_box.x0) : std::string{};
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

  // What found no row goes to the overflow row. A lone event shows as its own mark (no label); one that
  // touches the row's last record joins it, turning a lone mark into a fold; a fold that touches a full
  // block starts the next one beside it (a lone event joins even a full one: no fold holds one event).
  void overflow(LayoutRecord part, bool single) {
    folded_ = true;
    const float max_w = std::max(cfg_.fold_max_width, count_room_);
    if (!single) part.box.x1 = std::min(part.box.x1, part.box.x0 + max_w);
    if (overflow_last_ != kNone) {  // the last one's label stops before this one's mark
      LayoutRecord& prev = out_[overflow_last_];
      if (prev.has_label && prev.label_box.x1 + cfg_.gap > part.box.x0 && prev.label_box.x0 >= prev.box.x1)
        shorten(prev, part.box.x0 - cfg_.gap);
    }
    if (overflow_last_ != kNone && part.box.x0 < out_[overflow_last_].box.x1 + cfg_.gap) {
      LayoutRecord& f = out_[overflow_last_];
      if (single || f.box.x1 - f.box.x0 < cfg_.fold_max_width) {
        if (f.kind != RecordKind::Fold) {  // a lone mark becomes a fold of two or more
          drop_label(f);
          f.kind = RecordKind::Fold;
          f.style = MarkStyle::Block;
          f.count = 1;
          f.preview[0] = f.event;
          f.preview_count = 1;
          f.t1 = zoom_end(st_, f.event);
          f.box.y0 = f.box.y1 = 0;
        }
        f.count = std::uint32_t(std::min<std::uint64_t>(std::uint64_t(f.count) + part.count, UINT32_MAX));
        f.t0 = std::min(f.t0, part.t0);
        f.t1 = std::max(f.t1, single ? zoom_end(st_, part.event) : part.t1);
        // Parts arrive in date order (the sweep's order): the first ones make the preview.
        if (single && f.preview_count < kFoldPreview) f.preview[f.preview_count++] = part.event;
        for (std::size_t k = 0; k < part.preview_count && !single && f.preview_count < kFoldPreview; ++k)
          f.preview[f.preview_count++] = part.preview[k];
        // The block grows at most to the widest block: a lone event that starts within `gap` of a full
        // block joins it rather than stand alone as a fold of one, so blocks never chain along a lane.
        f.box.x1 = std::min(std::max({f.box.x1, part.box.x1, f.box.x0 + count_room_}), f.box.x0 + max_w);
        return;
      }
      part.box.x0 = f.box.x1 + cfg_.gap;  // the next bin
      part.box.x1 = std::max(part.box.x1, part.box.x0 + count_room_);
    }
    part.overflow = true;
    if (!single) part.box.x1 = std::max(part.box.x1, part.box.x0 + count_room_);
    if (single) {  // alone in the overflow row: labelled inside or on its right while nothing comes near
      part.label = event_label(st_, part.event);
      const Item it{part.event, part.box.x0, part.box.x1, part.style, part.exact, part.open_end, part.kind};
      place_label(it, part);
      if (part.has_label && part.label_box.x1 <= it.x0 && overflow_last_ != kNone) {  // left of it: clear of the last one?
        const LayoutRecord& prev = out_[overflow_last_];
        const float prev_end = prev.has_label ? std::max(prev.box.x1, prev.label_box.x1) : prev.box.x1;
        if (part.label_box.x0 < prev_end + cfg_.gap) drop_label(part);
      }
    }
    overflow_last_ = out_.size();
    out_.push_back(std::move(part));
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
  int max_rows_;
  const Viewport& vp_;
  const TextMeasure& text_;
  const EventStore& st_;
  std::uint32_t slot_;
  std::vector<LayoutRecord>& out_;
  std::size_t first_;
  float count_room_;  // width of the widest count label
  float min_label_;   // a label shorter than this is not worth showing
  std::vector<Row> rows_;
  std::size_t overflow_last_ = kNone;
  bool folded_ = false;
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

}  // namespace

LaneResult layout_lane(const TimelineIndex& index, std::uint32_t s, const Viewport& vp, const TextMeasure& text,
                       const LayoutConfig& cfg, int max_rows, std::span<const EventIndex> focus,
                       std::vector<LayoutRecord>& out, std::vector<EventIndex>& scratch) {
  const EventStore& st = index.store();
  const double spp = vp.seconds_per_pixel();
  const double margin_px = 200;
  const std::int64_t t0 = time_at(vp, vp.left() - margin_px), t1 = time_at(vp, vp.right() + margin_px);
  const float long_bar = 4 * cfg.mark_size;

  LaneStacker stacker{cfg, max_rows, vp, text, st, s, out};
  const auto starts = index.starts(s);
  const auto order = index.order(s);
  std::vector<std::size_t> long_pos;  // positions in the start-sorted array placed before the sweep
  // 0. The focus events that are in this lane and near the view take the first rows, in their order; one
  // that finds no row (more of them than rows) goes through the sweep like any other.
  std::vector<EventIndex> pinned;
  for (const EventIndex e : focus) {
    if (e >= st.size() || std::find(pinned.begin(), pinned.end(), e) != pinned.end()) continue;
    const auto lanes = st.lanes(e);
    const bool here = s < index.timeline().lanes.size() ? std::find(lanes.begin(), lanes.end(), LaneId(s)) != lanes.end()
                                                        : lanes.empty();
    if (!here || st.start(e) >= t1 || st.end(e) <= t0) continue;
    if (!stacker.place_long(make_item(st, e, vp, cfg))) continue;
    pinned.push_back(e);
    if (!st.open_end(e)) {
      std::size_t k = std::size_t(std::lower_bound(starts.begin(), starts.end(), st.start(e)) - starts.begin());
      while (order[k] != e) ++k;
      long_pos.push_back(k);
    }
  }
  const auto is_pinned = [&](EventIndex e) { return std::find(pinned.begin(), pinned.end(), e) != pinned.end(); };
  // 1. Bars and spans long enough to read take their rows first, and are never folded away. Only classes
  // that can hold them are asked, and no more of them than the rows can show (the longest first); the
  // others go through the sweep below like everything else, where they are shown or counted.
  const double long_seconds = long_bar * spp;
  const int k_long = long_seconds < 2 ? 0 : std::min(63, int(std::floor(std::log2(long_seconds))));
  index.wide_visible(s, k_long, t0, t1, scratch, false, std::int64_t(long_seconds));
  std::vector<Item> longs;
  for (EventIndex e : scratch) {
    if (is_pinned(e)) continue;
    const Item it = make_item(st, e, vp, cfg);
    if (it.style != MarkStyle::Diamond && it.x1 - it.x0 >= long_bar) longs.push_back(it);
  }
  // About what the rows can show; those past it still get shown or counted by the sweep.
  const auto cap = std::size_t(vp.width() / long_bar) + 4 * std::size_t(std::max(1, max_rows));
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
  std::vector<Item> open_left;  // ongoing events without a row of their own: they join the sweep
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
  std::sort(open_left.begin(), open_left.end(),
            [&](const Item& a, const Item& b) { return starts_before(st, a.event, b.event); });
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
  std::size_t quota = 0;  // events of a small dense run still to place one by one
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
    if (quota > 0) {
      --quota;
      stacker.place(it);
      ++i;
      continue;
    }
    const double xs = px(vp, starts[i]);
    const std::size_t j = std::max(i + 1, gallop(starts, i, last, time_at(vp, xs + probe_px)));
    const std::size_t n = (j - i) - long_in(i, j);
    const std::size_t free = stacker.free_rows(it.x0, it.x1);
    if (n <= free) {
      stacker.place(it);
      ++i;
      continue;
    }
    // Dense: the run of everything starting within the next fold_max_width pixels. A small run (up to
    // twice the free rows) shows what the rows hold and folds only the rest: rows before folds. A large
    // one folds whole, like a histogram bar.
    const std::int64_t fold_end = time_at(vp, xs + cfg.fold_max_width);
    const std::size_t k = std::max(j, gallop(starts, j, last, fold_end));
    const std::size_t run = (k - i) - long_in(i, k);
    if (free >= 2 && run <= 2 * free) {
      quota = free - 2;  // this one and free - 2 more; the last free row takes the fold of the rest
      stacker.place(it);
      ++i;
      continue;
    }
    LayoutRecord f;
    f.count = std::uint32_t(std::min<std::size_t>(run, UINT32_MAX));
    f.event = order[i];
    f.t0 = starts[i];
    std::size_t end_pos = k - 1;  // the last folded event
    while (end_pos > i && is_long(end_pos)) --end_pos;
    f.t1 = std::max(zoom_end(st, order[end_pos]), starts[end_pos] + 1);
    for (std::size_t p = i; p < k && f.preview_count < kFoldPreview; ++p)  // already in date order
      if (!is_long(p)) f.preview[f.preview_count++] = order[p];
    const std::int64_t last_folded = starts[k - 1];
    for (; q < open_left.size() && st.start(open_left[q].event) <= last_folded; ++q) {
      const EventIndex e = open_left[q].event;
      ++f.count;
      f.t1 = std::max(f.t1, zoom_end(st, e));
      add_preview(st, f, e);
    }
    if (f.count == 1) {  // a lone event is never a fold: it is placed, or shown in the overflow row
      stacker.place(it);
      i = k;
      continue;
    }
    // The box stops short of where the next events' marks begin, so consecutive bins share a row.
    const float x1 = float(std::min(px(vp, starts[k - 1]) + cfg.mark_size,
                                    xs + cfg.fold_max_width - cfg.mark_size / 2 - cfg.gap));
    f.box.x0 = it.x0;
    f.box.x1 = std::max(x1, it.x1);
    stacker.fold(std::move(f));
    i = k;
  }
  return stacker.finish();
}

}  // namespace cs
