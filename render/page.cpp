// Wrapping, credits and the annotated page: bands above and below the canvas, measured with the canvas font.
#include "render/page.hpp"

#include <algorithm>
#include <cmath>

namespace cs {

TypeScale TypeScale::at(float scale) {
  TypeScale t;
  t.scale = std::max(0.5f, scale);
  t.body = std::round(kCanvasFontPx * t.scale);
  t.caption = std::round(t.body * 1.35f);
  t.title = std::round(t.body * 1.6f);
  t.headline = std::round(t.body * 2.6f);
  return t;
}

std::vector<std::string> wrap_text(const Font& font, std::string_view text, float width, float px,
                                   std::size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  const auto flush = [&] {
    if (!line.empty()) lines.push_back(line);
    line.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {
      flush();
      ++i;
      continue;
    }
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    std::string word{text.substr(i, j - i)};
    i = j;
    const std::string joined = line.empty() ? word : line + " " + word;
    if (font.width(joined, px) <= width) {
      line = joined;
      continue;
    }
    flush();
    // A word wider than the line is broken where it reaches the edge.
    while (font.width(word, px) > width) {
      std::size_t k = 0, fit = 0;
      while (k < word.size()) {
        std::size_t n = k;
        next_code_point(word, n);
        if (font.width(std::string_view{word}.substr(0, n), px) > width) break;
        fit = k = n;
      }
      if (fit == 0) next_code_point(word, fit);  // not even one character fits: one per line
      lines.push_back(word.substr(0, fit));
      word.erase(0, fit);
    }
    line = word;
  }
  flush();
  if (lines.size() > max_lines) {
    lines.resize(std::max<std::size_t>(1, max_lines));
    std::string& last = lines.back();
    last = font.fit(last + " \u2026", width, px);  // ends in "…" whether it fits whole or is cut
  }
  return lines;
}

std::vector<EventIndex> events_in_view(const TimelineIndex& index, const CanvasView& view,
                                       std::span<const std::uint32_t> lanes) {
  std::vector<std::uint32_t> all;
  if (lanes.empty()) {
    for (std::uint32_t s = 0; s < index.slots().size(); ++s) all.push_back(s);
    lanes = all;
  }
  std::vector<EventIndex> out, part;
  for (const std::uint32_t s : lanes) {
    if (s >= index.slots().size()) continue;
    part.clear();
    index.visible(s, view.viewport.start(), view.viewport.end(), part);
    out.insert(out.end(), part.begin(), part.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<const Source*> sources_cited(const Timeline& t, std::span<const EventIndex> events) {
  std::vector<bool> cited(t.sources.size(), false);
  for (const EventIndex e : events) {
    const auto d = t.store().details(e);
    if (!d) continue;
    for (const CitationView ref : d->sources)
      if (const Source* s = t.find_source(ref.source)) cited[std::size_t(s - t.sources.data())] = true;
  }
  std::vector<const Source*> out;
  for (std::size_t i = 0; i < t.sources.size(); ++i)
    if (cited[i]) out.push_back(&t.sources[i]);
  return out;
}

std::string credit_text(const Source& s) {
  std::string out = s.publisher;
  if (!s.title.empty()) out += (out.empty() ? "" : ", ") + std::string{"\u201C"} + s.title + "\u201D";
  if (out.empty()) out = s.id;
  if (!s.published_text.empty()) out += " (" + s.published_text + ")";
  return out;
}

AnnotatedPage lay_out_annotations(const Annotations& a, const TimelineIndex& index, const Font& font,
                                  const TypeScale& ts, float width, float height) {
  AnnotatedPage p;
  const float m = ts.margin(), text_w = std::max(1.f, width - 2 * m);
  float top = 0, bottom = height;
  if (!a.title.empty()) {
    const float h = std::round(font.line_height(ts.title) * 1.9f);
    p.title = {0, 0, width, h};
    p.title_text = font.fit(a.title, text_w, ts.title);
    top = h;
  }
  // Credits at the very bottom, then the legend above them.
  if (!a.credits.empty()) {
    std::string all = "Sources: ";
    for (std::size_t i = 0; i < a.credits.size(); ++i) all += (i ? "; " : "") + a.credits[i];
    const float lh = std::round(font.line_height(ts.body) * 1.3f);
    const auto max_lines = std::size_t(std::max(1.f, std::floor(height / 4 / lh)));
    p.credit_lines = wrap_text(font, all, text_w, ts.body, max_lines);
    const float h = float(p.credit_lines.size()) * lh + m;
    p.credits = {0, bottom - h, width, bottom};
    bottom -= h;
  }
  if (a.legend) {
    std::vector<std::uint32_t> lanes = a.lanes;
    if (lanes.empty())
      for (std::uint32_t s = 0; s < index.slots().size(); ++s) lanes.push_back(s);
    const float row = std::round(font.line_height(ts.body) * 1.7f), swatch = std::round(font.line_height(ts.body) * 0.8f);
    const float gap = std::round(ts.body * 1.6f);
    float x = m, y = 0;
    for (const std::uint32_t s : lanes) {
      if (s >= index.slots().size()) continue;
      const float w = swatch + std::round(ts.body * 0.5f) + font.width(index.slots()[s].name(), ts.body);
      if (x > m && x + w > width - m) x = m, y += row;
      p.legend_items.push_back({s, x, y, y + row});
      x += w + gap;
    }
    const float h = y + row + (p.credits.y1 > p.credits.y0 ? 0 : std::round(m / 2));
    p.legend = {0, bottom - h, width, bottom};
    for (LegendItem& it : p.legend_items) it.y0 += p.legend.y0, it.y1 += p.legend.y0;
    bottom -= h;
  }
  p.canvas = {0, top, width, std::max(top + 1, bottom)};
  return p;
}

void draw_annotations(Sink& sink, const AnnotatedPage& p, const TimelineIndex& index, const Font& font,
                      const TypeScale& ts, const Theme& th) {
  const float m = ts.margin();
  const ClipRect keep = sink.clip();
  sink.set_clip(kNoClip);
  if (p.title.x1 > p.title.x0) {
    sink.rect(p.title.x0, p.title.y0, p.title.x1, p.title.y1, th.background);
    sink.text({p.title_text, m, font.baseline(p.title.y0, p.title.y1, ts.title), ts.title, th.text, p.title.x1 - 2 * m});
    sink.rect(p.title.x0, p.title.y1 - 1, p.title.x1, p.title.y1, th.separator);
  }
  const bool below = p.legend.x1 > p.legend.x0 || p.credits.x1 > p.credits.x0;
  if (below) {
    const float y0 = p.legend.x1 > p.legend.x0 ? p.legend.y0 : p.credits.y0;
    sink.rect(0, y0, p.canvas.x1, std::max(p.legend.y1, p.credits.y1), th.axis_bg);
    sink.rect(0, y0, p.canvas.x1, y0 + 1, th.separator);
  }
  const float swatch = std::round(font.line_height(ts.body) * 0.8f);
  for (const LegendItem& it : p.legend_items) {
    const LaneSlot& slot = index.slots()[it.slot];
    const Rgba c = slot.lane ? slot.lane->color : Rgba{110, 110, 120, 255};
    const float cy = std::round((it.y0 + it.y1) / 2);
    sink.rect(it.x, cy - swatch / 2, it.x + swatch, cy + swatch / 2, c);
    sink.text({slot.name(), it.x + swatch + std::round(ts.body * 0.5f), font.baseline(it.y0, it.y1, ts.body), ts.body,
               th.text, p.canvas.x1 - m - (it.x + swatch + std::round(ts.body * 0.5f))});
  }
  const float lh = std::round(font.line_height(ts.body) * 1.3f);
  for (std::size_t i = 0; i < p.credit_lines.size(); ++i) {
    const float y0 = p.credits.y0 + std::round(m / 2) + float(i) * lh;
    sink.text({p.credit_lines[i], m, font.baseline(y0, y0 + lh, ts.body), ts.body, th.text_dim, p.canvas.x1 - 2 * m});
  }
  sink.set_clip(keep);
}

}  // namespace cs
