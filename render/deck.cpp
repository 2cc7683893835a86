// Title, step and sources pages: bands measured with the canvas font, the step's view from story_view, the
// scene drawn into the page's canvas through an AreaSink.
#include "render/deck.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace cs {

float deck_scale(float height) { return 1.75f * std::max(1.f, height / 1080.f); }
namespace {

void background(Sink& sink, const DeckStyle& s) {
  sink.set_clip(kNoClip);
  sink.rect(0, 0, s.width, s.height, s.theme.background);
}

// One line centred across the page.
void centred(Sink& sink, const Font& font, std::string_view text, float baseline, float px, Rgba color,
             const DeckStyle& s) {
  const float room = s.width - 2 * s.type.margin();
  const float w = std::min(room, font.width(text, px));
  sink.text({text, std::round((s.width - w) / 2), baseline, px, color, room});
}

// "para 2" before "para 10": runs of digits compare as numbers.
bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = std::isdigit(static_cast<unsigned char>(a[i])), db = std::isdigit(static_cast<unsigned char>(b[j]));
    if (da && db) {
      std::size_t ie = i, je = j;
      while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
      while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
      const std::string_view na = std::string_view{a}.substr(i, ie - i), nb = std::string_view{b}.substr(j, je - j);
      const auto strip = [](std::string_view n) { return n.substr(std::min(n.find_first_not_of('0'), n.size())); };
      const std::string_view sa = strip(na), sb = strip(nb);
      if (sa.size() != sb.size()) return sa.size() < sb.size();
      if (sa != sb) return sa < sb;
      i = ie, j = je;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i, ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

}  // namespace

DeckStyle DeckStyle::at(float width, float height, float scale) {
  DeckStyle s;
  s.width = width;
  s.height = height;
  s.type = TypeScale::at(scale);
  s.cfg = LayoutConfig::scaled(s.type.scale);
  return s;
}

std::string story_span_text(const Story& story) {
  const When* first = nullptr;
  const When* last = nullptr;
  for (const StoryStep& step : story.steps) {
    Seconds a, b;
    if (!step_range(step, a, b)) continue;
    if (!first || a < first->begin_time()) first = &*step.range;
    if (!last || b > last->end_time()) last = &*step.range;
  }
  if (!first) return {};
  When span;
  span.start = first->start;
  const Date end = last->end ? *last->end : last->start;
  if (!(end == span.start)) span.end = end;
  return describe(span, false);
}

void draw_title_page(Sink& sink, const Story& story, const Timeline& t, const Font& font, const DeckStyle& s) {
  background(sink, s);
  const TypeScale& ts = s.type;
  const float m = ts.margin();
  const auto headline = wrap_text(font, story.title.empty() ? story.id : story.title, s.width - 8 * m, ts.headline, 3);
  const std::string span = story_span_text(story);
  const float lh_head = font.line_height(ts.headline), lh_title = font.line_height(ts.title);
  const float lh_cap = font.line_height(ts.caption);
  const float total = float(headline.size()) * lh_head + 2 * m + lh_title + (span.empty() ? 0 : lh_cap + m / 2);
  float y = std::round((s.height - total) / 2);
  for (const std::string& line : headline) {
    centred(sink, font, line, y + font.ascent(ts.headline), ts.headline, s.theme.text, s);
    y += lh_head;
  }
  const float rule = std::round(std::max(2.f, ts.scale * 2));
  sink.rect(std::round(s.width / 2 - 6 * m), y + m - rule / 2, std::round(s.width / 2 + 6 * m), y + m + rule / 2,
            s.theme.focus);
  y += 2 * m;
  centred(sink, font, t.title, y + font.ascent(ts.title), ts.title, s.theme.text_dim, s);
  y += lh_title + m / 2;
  if (!span.empty()) centred(sink, font, span, y + font.ascent(ts.caption), ts.caption, s.theme.text_dim, s);
}

StepPage lay_out_step_page(const TimelineIndex& index, const Story& story, std::size_t step, const Font& font,
                           const DeckStyle& s) {
  StepPage p;
  const StoryStep& st = story.steps[step];
  const TypeScale& ts = s.type;
  const float m = ts.margin();
  p.heading = st.title.empty() ? "Step " + std::to_string(step + 1) : st.title;
  p.counter = std::to_string(step + 1) + " / " + std::to_string(story.steps.size());
  if (st.range) p.counter = describe(*st.range, false) + "    " + p.counter;  // no weekdays in a heading
  const float title_h = std::round(font.line_height(ts.title) * 1.9f);
  p.title = {0, 0, s.width, title_h};
  p.caption_lines = wrap_text(font, st.caption, s.width - 2 * m, ts.caption, 4);
  const float lh = std::round(font.line_height(ts.caption) * 1.25f);
  const float caption_h = p.caption_lines.empty() ? 0 : float(p.caption_lines.size()) * lh + 2 * m;
  p.caption = {0, s.height - caption_h, s.width, s.height};
  p.canvas = {0, title_h, s.width, std::max(title_h + 1, s.height - caption_h)};
  p.view = step_view(index, st, s.width, p.canvas.y1 - p.canvas.y0, s.cfg, s.hide_empty_lanes);
  layout_scene(p.scene, index, p.view.view, font, s.cfg, p.view.state);
  return p;
}

void draw_step_page(Sink& sink, const StepPage& p, const TimelineIndex& index, const Font& font, const DeckStyle& s) {
  background(sink, s);
  {
    AreaSink canvas{sink, p.canvas};
    draw_scene(canvas, p.scene, index, p.view.view, font, s.theme, p.view.state);
  }
  const TypeScale& ts = s.type;
  const float m = ts.margin();
  // The title band: the heading on the left, the range in words and the counter on the right.
  sink.set_clip(kNoClip);
  sink.rect(p.title.x0, p.title.y0, p.title.x1, p.title.y1, s.theme.background);
  const float counter_w = std::min(font.width(p.counter, ts.body), s.width / 2);
  sink.text({p.counter, s.width - m - counter_w, font.baseline(p.title.y0, p.title.y1, ts.body), ts.body,
             s.theme.text_dim, s.width / 2});
  sink.text({p.heading, m, font.baseline(p.title.y0, p.title.y1, ts.title), ts.title, s.theme.text,
             s.width - 3 * m - counter_w});
  sink.rect(p.title.x0, p.title.y1 - 1, p.title.x1, p.title.y1, s.theme.separator);
  // The caption on a card under the view.
  if (!p.caption_lines.empty()) {
    sink.rect(p.caption.x0, p.caption.y0, p.caption.x1, p.caption.y1, s.theme.background);
    sink.rect(p.caption.x0, p.caption.y0, p.caption.x1, p.caption.y0 + std::round(std::max(1.f, ts.scale)),
              s.theme.separator);
    const float lh = std::round(font.line_height(ts.caption) * 1.25f);
    for (std::size_t i = 0; i < p.caption_lines.size(); ++i) {
      const float y0 = p.caption.y0 + m + float(i) * lh;
      sink.text({p.caption_lines[i], m, font.baseline(y0, y0 + lh, ts.caption), ts.caption, s.theme.text,
                 s.width - 2 * m});
    }
  }
}

std::vector<CitedSource> story_sources(const Timeline& t, const Story& story) {
  std::vector<CitedSource> by_index(t.sources.size());
  std::vector<bool> cited(t.sources.size(), false);
  for (const StoryStep& step : story.steps)
    for (const std::string& id : step.focus) {
      const auto e = t.find_event(id);
      const auto d = e ? t.store().details(*e) : std::nullopt;
      if (!d) continue;
      for (const CitationView ref : d->sources) {
        const Source* src = t.find_source(ref.source);
        if (!src) continue;
        const std::size_t k = std::size_t(src - t.sources.data());
        cited[k] = true;
        by_index[k].source = src;
        auto& locs = by_index[k].locators;
        if (!ref.locator.empty() && std::find(locs.begin(), locs.end(), ref.locator) == locs.end())
          locs.emplace_back(ref.locator);
      }
    }
  std::vector<CitedSource> out;
  for (std::size_t k = 0; k < cited.size(); ++k)
    if (cited[k]) {
      std::sort(by_index[k].locators.begin(), by_index[k].locators.end(), natural_less);
      out.push_back(std::move(by_index[k]));
    }
  return out;
}

std::vector<SourcesPage> lay_out_sources(const Timeline& t, const Story& story, const Font& font, const DeckStyle& s) {
  const TypeScale& ts = s.type;
  const float m = ts.margin(), width = s.width - 4 * m, lh = std::round(font.line_height(ts.body) * 1.3f);
  std::vector<SourcesPage> pages;
  float y = 0;
  const auto new_page = [&] {
    pages.emplace_back();
    y = 3 * m;
    pages.back().push_back({pages.size() == 1 ? "Sources" : "Sources (continued)", ts.title, s.theme.text,
                            y + font.ascent(ts.title)});
    y += font.line_height(ts.title) + m / 2;
    pages.back().push_back({"cited by the events this story focuses on", ts.body, s.theme.text_dim, y + font.ascent(ts.body)});
    y += lh + m;
  };
  new_page();
  const auto cited = story_sources(t, story);
  if (cited.empty()) pages.back().push_back({"None.", ts.body, s.theme.text, y + font.ascent(ts.body)});
  for (const CitedSource& c : cited) {
    const Source& src = *c.source;
    std::vector<SourcesLine> entry;
    const auto add = [&](const std::string& text, Rgba color) {
      for (std::string& line : wrap_text(font, text, width, ts.body)) entry.push_back({std::move(line), ts.body, color, 0});
    };
    std::string head = src.publisher.empty() ? src.id : src.publisher;
    if (!src.title.empty()) head += ", \u201C" + src.title + "\u201D";
    add(head, s.theme.text);
    if (!src.published_text.empty()) add("Published " + src.published_text, s.theme.text_dim);
    if (!src.url.empty()) add(src.url, s.theme.selection);
    if (!c.locators.empty()) {
      std::string locs = "Cited at ";
      for (std::size_t i = 0; i < c.locators.size(); ++i) locs += (i ? ", " : "") + c.locators[i];
      add(locs, s.theme.text_dim);
    }
    const float h = float(entry.size()) * lh;
    if (y + h > s.height - 2 * m && pages.back().size() > 2) new_page();
    for (SourcesLine& l : entry) {
      l.y = y + font.ascent(ts.body);
      y += lh;
      pages.back().push_back(std::move(l));
    }
    y += m;
  }
  return pages;
}

void draw_sources_page(Sink& sink, const SourcesPage& page, const DeckStyle& s) {
  background(sink, s);
  const float m = s.type.margin();
  for (const SourcesLine& l : page) sink.text({l.text, 2 * m, l.y, l.size, l.color, s.width - 4 * m});
}

}  // namespace cs
