// The whole layout: rows shared between lanes (rows before folds), each lane stacked by lane_layout, then
// the y of every record, the ghosts of disputed dates, hit-testing and what a fold holds.
#include "render/layout.hpp"

#include "render/font.hpp"  // next_code_point
#include "render/lane_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cs {
namespace {

// Rounds of sharing rows: each gives the rows still free to the lanes that still fold.
constexpr int kRowRounds = 8;
// Ghosts tried per lane: disputes are few; this only bounds a pathological file.
constexpr std::size_t kMaxGhostsPerLane = 64;

float mark_height(const LayoutConfig& cfg, MarkStyle style) {
  if (style == MarkStyle::Diamond) return cfg.mark_size;
  if (style == MarkStyle::Bar || style == MarkStyle::Span) return std::round(cfg.row_height * 0.6f);
  return cfg.row_height - 6;
}

// Occupied stretches of one lane's rows (marks and labels), for placing ghosts where nothing is.
class RowSpans {
 public:
  RowSpans(int rows, float gap) : rows_(std::size_t(std::max(rows, 1))), gap_(gap) {}
  void add(std::size_t row, float x0, float x1) {
    if (row < rows_.size()) rows_[row].push_back({x0, x1});
  }
  bool free(std::size_t row, float x0, float x1) const {
    for (const auto& [a, b] : rows_[row])
      if (a < x1 + gap_ && x0 < b + gap_) return false;
    return true;
  }
  std::size_t rows() const { return rows_.size(); }

 private:
  std::vector<std::vector<std::pair<float, float>>> rows_;
  float gap_;
};

double px(const Viewport& vp, Seconds t) { return vp.to_x(t); }

// Another date an event has besides the one its mark shows: a source's claim, or a member of its date set.
struct Alternative {
  When when;
  std::string label;       // the claiming source (publisher, else id), or the member's date
  std::uint16_t citation;  // the claiming citation, or kSetMember
  bool solid;              // all-of set members: the event happened then too
};

// "28 May 2018", "May 2018", "2018": a date without its weekday, for a ghost's label.
std::string short_date(const Date& d) {
  std::string s = describe(d);
  if (const auto comma = s.find(", "); comma != std::string::npos && comma >= 3 && s.compare(comma - 3, 3, "day") == 0)
    s.erase(0, comma + 2);
  return s;
}

std::vector<Alternative> alternatives(const EventStore& st, const Timeline& t, EventIndex e) {
  std::vector<Alternative> out;
  if (const auto d = st.details(e)) {
    std::size_t c = 0;
    for (auto it = d->sources.begin(); it != d->sources.end(); ++it, ++c) {
      const CitationView ref = *it;
      const std::optional<When> claims = ref.claims();
      if (!claims) continue;
      const Source* src = t.find_source(ref.source);
      out.push_back({*claims, cap_text(src && !src->publisher.empty() ? std::string_view{src->publisher} : std::string_view{ref.source}, 60),
                     std::uint16_t(c), false});
    }
  }
  if (st.is_set(e)) {
    const When w = st.when(e);
    if (w.set) {
      const bool all = w.set->kind == SetKind::AllOf;
      for (std::size_t m = all ? 1 : 0; m < w.set->members.size(); ++m) {
        const SetMember& member = w.set->members[m];
        When mw;
        mw.start = member.first;
        mw.end = member.last;
        std::string label = short_date(member.first) + (member.last ? " to " + short_date(*member.last) : "");
        out.push_back({mw, all ? label : "or " + label, kSetMember, all});
      }
    }
  }
  return out;
}

// Ghost marks of the disputed events shown in one lane: records [first, last) of layout.records.
// Ghosts take free places in the lane's rows, or rows the lane may still open (up to `max_rows`); the
// band grows to hold them.
void place_ghosts(Layout& layout, std::size_t first, std::size_t last, LaneBand& band, int max_rows,
                  const TimelineIndex& index, const Viewport& vp, const TextMeasure& text, const LayoutConfig& cfg) {
  const EventStore& st = index.store();
  const Timeline& t = index.timeline();
  std::size_t tried = 0;
  const auto has_ghosts = [&](const LayoutRecord& r) {
    return r.kind != RecordKind::Fold && (st.disputed(r.event) || st.is_set(r.event));
  };
  bool any = false;
  for (std::size_t k = first; k < last && !any; ++k) any = has_ghosts(layout.records[k]);
  if (!any) return;
  RowSpans spans{std::max(band.rows, max_rows), cfg.gap};
  for (std::size_t k = first; k < last; ++k) {
    const LayoutRecord& r = layout.records[k];
    spans.add(r.row, r.has_label ? std::min(r.box.x0, r.label_box.x0) : r.box.x0,
              r.has_label ? std::max(r.box.x1, r.label_box.x1) : r.box.x1);
  }
  const float left = float(vp.left()), right = float(vp.right());
  for (std::size_t k = first; k < last && tried < kMaxGhostsPerLane; ++k) {
    const LayoutRecord& r = layout.records[k];
    if (!has_ghosts(r)) continue;
    for (const Alternative& alt : alternatives(st, t, r.event)) {
      if (tried >= kMaxGhostsPerLane) break;
      ++tried;
      const When& w = alt.when;
      GhostMark g;
      g.event = r.event;
      g.slot = r.slot;
      g.record = std::uint32_t(k);
      g.citation = alt.citation;
      g.solid = alt.solid;
      g.exact = w.start.precision >= Precision::Day && !w.start.unspecified;
      g.t0 = w.begin_time().time_since_epoch().count();
      g.t1 = (w.open_end ? w.start.end() : w.end_time()).time_since_epoch().count();
      const double a = px(vp, w.begin_time()), b = w.open_end ? vp.right() + 100.0 : px(vp, w.end_time());
      const auto clampx = [&](double x) { return float(std::clamp(x, vp.left() - 400.0, vp.right() + 400.0)); };
      if (w.is_interval() || b - a >= cfg.mark_size) {
        g.style = w.is_interval() ? MarkStyle::Bar : MarkStyle::Span;
        g.box.x0 = clampx(a);
        g.box.x1 = std::max(clampx(b), g.box.x0 + cfg.min_bar);
      } else {
        g.box.x0 = clampx((a + b) / 2 - cfg.mark_size / 2.0);
        g.box.x1 = g.box.x0 + cfg.mark_size;
      }
      if (g.box.x1 <= left || g.box.x0 >= right) continue;  // claimed date out of view
      g.label = alt.label;
      // The label goes inside a band where it fits there, else right of the mark, else left of it.
      const float lw = text.width(g.label);
      const float in0 = std::max(g.box.x0, left) + cfg.label_pad;
      float lx0 = g.box.x1 + cfg.label_pad;
      if (g.style != MarkStyle::Diamond && in0 + lw + cfg.label_pad <= std::min(g.box.x1, right)) lx0 = in0;
      else if (lx0 + lw > right) lx0 = g.box.x0 - cfg.label_pad - lw;
      const bool label_fits = lx0 >= left && lx0 + lw <= right;
      // Rows nearest the event's own first; with the label if it fits anywhere, else the mark alone.
      int row = -1;
      for (int pass = label_fits ? 0 : 1; pass < 2 && row < 0; ++pass) {
        const float x0 = pass == 0 ? std::min(g.box.x0, lx0) : g.box.x0;
        const float x1 = pass == 0 ? std::max(g.box.x1, lx0 + lw) : g.box.x1;
        for (int dist = 0; dist < int(spans.rows()) && row < 0; ++dist)
          for (int sign : {1, -1}) {
            const int cand = int(r.row) + sign * dist;
            if (cand >= 0 && cand < int(spans.rows()) && spans.free(std::size_t(cand), x0, x1)) {
              row = cand;
              g.has_label = pass == 0;
              break;
            }
          }
      }
      if (row < 0) continue;  // no free place in the lane: the label "(date disputed)" still says so
      g.row = std::uint16_t(row);
      band.rows = std::max(band.rows, row + 1);
      const float ry0 = band.y0 + cfg.lane_padding + float(row) * cfg.row_height, mid = ry0 + cfg.row_height / 2;
      const float h = mark_height(cfg, g.style);
      g.box.y0 = mid - h / 2;
      g.box.y1 = mid + h / 2;
      if (g.has_label) g.label_box = {lx0, ry0 + 1, lx0 + lw, ry0 + cfg.row_height - 1};
      else g.label.clear();
      spans.add(std::size_t(row), g.has_label ? std::min(g.box.x0, lx0) : g.box.x0,
                g.has_label ? std::max(g.box.x1, lx0 + lw) : g.box.x1);
      layout.ghosts.push_back(std::move(g));
    }
  }
}

}  // namespace

LayoutConfig LayoutConfig::scaled(float s) {
  LayoutConfig c;
  for (float* f : {&c.header_width, &c.axis_height, &c.calendar_row_height, &c.row_height, &c.lane_padding,
                   &c.mark_size, &c.gap, &c.label_pad, &c.min_bar, &c.fold_min_width, &c.fold_max_width})
    *f = std::round(*f * s);
  return c;
}

LayoutConfig LayoutConfig::with_calendars(int n) const {
  LayoutConfig c = *this;
  c.axis_height = gregorian_axis_height() + float(std::max(0, n)) * calendar_row_height + context_bar_height;
  c.calendar_rows = std::max(0, n);
  return c;
}

LayoutConfig LayoutConfig::with_context_bar(float h) const {
  LayoutConfig c = *this;
  c.axis_height = gregorian_axis_height() + float(calendar_rows) * calendar_row_height + std::max(0.f, h);
  c.context_bar_height = std::max(0.f, h);
  return c;
}

std::string TextMeasure::fit(std::string_view s, float max_width) const {
  if (width(s) <= max_width) return std::string{s};
  const float ell = width("\u2026");
  // Code point boundaries, then the longest prefix that fits, by bisection (widths grow with the prefix).
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < s.size();) {
    next_code_point(s, i);
    ends.push_back(i);
  }
  std::size_t lo = 0, hi = ends.size();  // prefixes of ends[0..lo) fit; ends[hi..) do not
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (width(s.substr(0, ends[mid])) + ell <= max_width) lo = mid + 1;
    else hi = mid;
  }
  return lo ? std::string{s.substr(0, ends[lo - 1])} + "\u2026" : std::string{};
}

std::string compact_count(std::uint64_t n) {
  if (n < 1000) return std::to_string(n);  // most blocks: no printf per block per frame
  char buf[32];
  if (n < 10000) std::snprintf(buf, sizeof buf, "%.1fk", double(n) / 1e3);
  else if (n < 1000000) std::snprintf(buf, sizeof buf, "%.0fk", double(n) / 1e3);
  else std::snprintf(buf, sizeof buf, "%.1fM", double(n) / 1e6);
  return buf;
}

std::string cap_text(std::string_view s, std::size_t max_chars) {
  if (s.size() <= max_chars) return std::string{s};  // no more code points than bytes
  std::size_t i = 0, n = 0;
  while (i < s.size() && n < max_chars) next_code_point(s, i), ++n;
  return i < s.size() ? std::string{s.substr(0, i)} + "\u2026" : std::string{s};
}

std::string event_label(const EventStore& st, EventIndex e) {
  std::string s = cap_text(st.title(e), kMaxLabelChars);
  if (st.approximate(e)) s = "c. " + s;
  if (st.uncertain(e)) s += " (?)";
  if (st.disputed(e) || (st.is_set(e) && !st.set_all_of(e))) s += " (date disputed)";  // one of several dates
  return s;
}

int row_budget(const LayoutConfig& cfg, std::size_t lanes, float height, float top) {
  return int(std::floor((height - top - float(lanes) * 2 * cfg.lane_padding) / cfg.row_height));
}

int base_rows(const LayoutConfig& cfg, std::size_t lanes, float height, float top) {
  if (lanes == 0) return cfg.max_rows;
  return std::max(2, row_budget(cfg, lanes, height, top) / int(lanes));
}

Layout build_layout(const LayoutInput& in, const TextMeasure& text, const LayoutConfig& cfg) {
  Layout layout;
  const Viewport& vp = in.viewport;
  // The slots shown, in order: the input's (those the index has), or all of them.
  std::vector<std::uint32_t> shown;
  for (const std::uint32_t s : in.slots)
    if (s < in.index->slots().size()) shown.push_back(s);
  if (in.slots.empty())
    for (std::uint32_t s = 0; s < in.index->slots().size(); ++s) shown.push_back(s);
  const std::size_t n = shown.size();
  std::vector<EventIndex> scratch;
  std::vector<std::vector<LayoutRecord>> lanes(n);
  std::vector<LaneResult> res(n);
  // Every lane with its share of the rows (cfg.max_rows when there is no height to share).
  std::vector<int> alloc(n, in.height > 0 ? base_rows(cfg, n, in.height, in.top) : cfg.max_rows);
  for (std::uint32_t s = 0; s < n; ++s)
    res[s] = layout_lane(*in.index, shown[s], vp, text, cfg, alloc[s], in.focus, lanes[s], scratch);
  // Rows before folds: the rows the lanes leave free go to the lanes that fold, round by round, until
  // none folds or no row is left.
  const int budget = in.height > 0 ? row_budget(cfg, n, in.height, in.top) : 0;
  for (int round = 0; in.height > 0 && round < kRowRounds; ++round) {
    int used = 0;
    std::vector<std::uint32_t> starved;
    for (std::uint32_t s = 0; s < n; ++s) {
      // A lane that folds may fill every row it is given.
      used += res[s].folded ? std::max(res[s].rows, alloc[s]) : res[s].rows;
      if (res[s].folded) starved.push_back(s);
    }
    const int spare = budget - used;
    if (starved.empty() || spare <= 0) break;
    const int share = spare / int(starved.size()), extra = spare % int(starved.size());
    for (std::size_t k = 0; k < starved.size(); ++k) {
      const int more = share + (int(k) < extra ? 1 : 0);
      if (more == 0) continue;
      const std::uint32_t s = starved[k];
      alloc[s] += more;
      lanes[s].clear();
      res[s] = layout_lane(*in.index, shown[s], vp, text, cfg, alloc[s], in.focus, lanes[s], scratch);
    }
  }
  float y = in.top - in.scroll_y;
  for (std::uint32_t s = 0; s < n; ++s) {
    const float y0 = y;
    const std::size_t first = layout.records.size();
    for (LayoutRecord& r : lanes[s]) {
      const float ry0 = y0 + cfg.lane_padding + float(r.row) * cfg.row_height;
      const float mid = ry0 + cfg.row_height / 2;
      const float h = mark_height(cfg, r.style);
      r.box.y0 = mid - h / 2;
      r.box.y1 = mid + h / 2;
      if (r.has_label) {
        r.label_box.y0 = ry0 + 1;
        r.label_box.y1 = ry0 + cfg.row_height - 1;
      }
      layout.records.push_back(std::move(r));
    }
    LaneBand band{shown[s], y0, y0, res[s].rows};
    place_ghosts(layout, first, layout.records.size(), band, alloc[s], *in.index, vp, text, cfg);
    band.y1 = y0 + 2 * cfg.lane_padding + float(band.rows) * cfg.row_height;
    layout.lanes.push_back(band);
    y = band.y1;
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

const GhostMark* hit_ghost(const Layout& layout, float x, float y) {
  const GhostMark* best = nullptr;
  for (const GhostMark& g : layout.ghosts) {
    Box b = g.box;
    if (g.style == MarkStyle::Diamond) b.x0 -= 2, b.x1 += 2, b.y0 -= 2, b.y1 += 2;
    if (b.contains(x, y) || (g.has_label && g.label_box.contains(x, y))) best = &g;
  }
  return best;
}

std::optional<EventIndex> event_at(const Layout& layout, float x, float y) {
  if (const LayoutRecord* r = hit_test(layout, x, y)) {
    if (r->kind == RecordKind::Fold) return std::nullopt;
    return r->event;
  }
  if (const GhostMark* g = hit_ghost(layout, x, y)) return g->event;
  return std::nullopt;
}

FoldContents fold_contents(const EventStore& st, const LayoutRecord& fold, std::size_t n) {
  FoldContents c;
  if (fold.kind != RecordKind::Fold) {
    c.first.push_back({fold.event, std::string{st.id(fold.event)}, cap_text(st.title(fold.event), kMaxLabelChars),
                       std::string{st.date_text(fold.event)}});
    return c;
  }
  const std::size_t k = std::min<std::size_t>({n, fold.preview_count, kFoldPreview});
  for (std::size_t i = 0; i < k; ++i) {
    const EventIndex e = fold.preview[i];
    c.first.push_back({e, std::string{st.id(e)}, cap_text(st.title(e), kMaxLabelChars), std::string{st.date_text(e)}});
  }
  c.more = fold.count - k;
  return c;
}

}  // namespace cs
