// The deck's pages, recorded without a backend: the title page, a step's bands, focus and caption, the
// sources the focus cites (with locators, each once), pagination, and notes that never reach a page.
#include "render/deck.hpp"

#include "model/io/load_file.hpp"
#include "model/io/yaml_loader.hpp"

#include <gtest/gtest.h>

#include "recording_sink.hpp"

using namespace cs;

namespace {
struct Fixture {
  Timeline t;
  std::unique_ptr<TimelineIndex> index;
  const Story* story = nullptr;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    Diagnostics d{"story.yaml"};
    x.t = load_timeline_file(std::string{CS_FIXTURES} + "/story.yaml", d);
    EXPECT_FALSE(d.has_errors()) << d.format_all();
    x.index = std::make_unique<TimelineIndex>(x.t);
    for (const Story& s : x.t.stories)
      if (s.id == "briefing") x.story = &s;
    return x;
  }();
  return f;
}

const Font& font() {
  static const auto f = [] {
    const TypeScale ts = TypeScale::at(1.5f);
    const auto sizes = ts.extra_sizes();
    return Font::load(find_default_font(), ts.body, nullptr, sizes);
  }();
  return *f;
}

const DeckStyle& style() {
  static const DeckStyle s = DeckStyle::at(1920, 1080, 1.5f);
  return s;
}

bool mentions(const test::RecordingSink& sink, std::string_view needle) {
  for (const auto* d : sink.texts())
    if (d->text.find(needle) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST(Deck, TheTitlePageNamesTheStoryTheTimelineAndTheSpan) {
  const Fixture& f = fixture();
  ASSERT_TRUE(f.story);
  EXPECT_EQ(story_span_text(*f.story), "20 February 2015 \u2013 June 2016");
  test::RecordingSink sink;
  draw_title_page(sink, *f.story, f.t, font(), style());
  EXPECT_TRUE(sink.has_text("How the fixture unfolds"));
  EXPECT_TRUE(sink.has_text("Fixture"));
  EXPECT_TRUE(sink.has_text("20 February 2015 \u2013 June 2016"));
  for (const auto* d : sink.texts()) {
    EXPECT_GE(d->x0, 0) << d->text;
    EXPECT_LE(d->x0 + font().width(d->text, d->size), style().width) << d->text;
  }
}

TEST(Deck, AStepPageHasItsHeadingCounterViewAndCaption) {
  const Fixture& f = fixture();
  const StepPage first = lay_out_step_page(*f.index, *f.story, 0, font(), style());
  EXPECT_EQ(first.heading, "Entry");
  EXPECT_EQ(first.counter, "September 2015 \u2013 December 2015    1 / 3");
  // Days in a heading go without their weekdays.
  EXPECT_EQ(lay_out_step_page(*f.index, *f.story, 1, font(), style()).counter,
            "20 February 2015 \u2013 10 March 2015    2 / 3");
  EXPECT_EQ(first.caption_lines, (std::vector<std::string>{"The campaign opens and Moscow courts Tehran."}));
  EXPECT_EQ(first.view.state.lanes, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(first.view.state.focus.size(), 2u);
  EXPECT_EQ(first.title.y1, first.canvas.y0);
  EXPECT_EQ(first.canvas.y1, first.caption.y0);
  EXPECT_EQ(first.caption.y1, 1080);
  EXPECT_EQ(first.view.view.height, first.canvas.y1 - first.canvas.y0);
  const StepPage second = lay_out_step_page(*f.index, *f.story, 1, font(), style());
  EXPECT_EQ(second.heading, "Step 2");  // no title of its own
  const StepPage third = lay_out_step_page(*f.index, *f.story, 2, font(), style());
  EXPECT_GE(third.caption_lines.size(), 2u);  // the long caption wraps, all of it kept
  std::string joined;
  for (const auto& l : third.caption_lines) joined += (joined.empty() ? "" : " ") + l;
  EXPECT_EQ(joined, f.story->steps[2].caption);
}

TEST(Deck, FocusedEventsAreFullyLabelledAndNotesNeverDrawn) {
  const Fixture& f = fixture();
  for (std::size_t k = 0; k < f.story->steps.size(); ++k) {
    const StepPage page = lay_out_step_page(*f.index, *f.story, k, font(), style());
    test::RecordingSink sink;
    draw_step_page(sink, page, *f.index, font(), style());
    for (const std::string& id : f.story->steps[k].focus) {
      const auto e = f.t.find_event(id);
      ASSERT_TRUE(e);
      EXPECT_TRUE(sink.has_text(f.t.store().title(*e))) << "step " << k + 1 << ": " << id;
    }
    for (const auto& line : page.caption_lines) EXPECT_TRUE(sink.has_text(line));
    EXPECT_FALSE(mentions(sink, "SECRET-NOTE")) << "step " << k + 1;
    // The focus is outlined: some rectangles in the theme's focus colour.
    std::size_t outline = 0;
    for (const auto& d : sink.items) outline += d.kind == test::Drawn::Rect && d.color == style().theme.focus;
    EXPECT_GE(outline, 4u) << "step " << k + 1;
  }
}

TEST(Deck, SourcesAreThoseTheFocusCitesWithTheirLocatorsOnce) {
  const Fixture& f = fixture();
  const auto cited = story_sources(f.t, *f.story);
  ASSERT_EQ(cited.size(), 2u);
  EXPECT_EQ(cited[0].source->id, "art");
  EXPECT_EQ(cited[0].locators, (std::vector<std::string>{"para 9"}));
  EXPECT_EQ(cited[1].source->id, "paper");
  EXPECT_EQ(cited[1].locators, (std::vector<std::string>{"para 3"}));  // the campaign is in two steps: once
  // Locators in reading order, whatever order the citations come in.
  Timeline t;
  t.lanes = {{"a", "A"}};
  t.sources = {Source{"s", "T", "P"}};
  t.index_names();
  Event e;
  e.id = "e", e.title = "E", e.when = *parse_edtf("2015").value, e.lanes = {"a"};
  for (const char* loc : {"para 10", "para 9", "para 2", "para 10", "para 1"}) {
    SourceRef ref;
    ref.source = "s";
    ref.locator = loc;
    e.sources.push_back(ref);
  }
  t.add_event(e);
  Story s;
  StoryStep step;
  step.focus = {"e"};
  s.steps = {step};
  ASSERT_EQ(story_sources(t, s).size(), 1u);
  EXPECT_EQ(story_sources(t, s)[0].locators, (std::vector<std::string>{"para 1", "para 2", "para 9", "para 10"}));
  const auto pages = lay_out_sources(f.t, *f.story, font(), style());
  ASSERT_EQ(pages.size(), 1u);
  test::RecordingSink sink;
  draw_sources_page(sink, pages[0], style());
  EXPECT_TRUE(sink.has_text("Sources"));
  EXPECT_TRUE(sink.has_text("Alwaght, \u201CAn article\u201D"));
  EXPECT_TRUE(sink.has_text("Published 2016-04-13"));
  EXPECT_TRUE(sink.has_text("https://example.org/a"));
  EXPECT_TRUE(sink.has_text("Cited at para 9"));
  EXPECT_TRUE(sink.has_text("Vestnik Kavkaza, \u201CA paper without url\u201D"));
}

TEST(Deck, ALongSourcesListGoesOnToMorePages) {
  Timeline t;
  t.lanes = {{"a", "A"}};
  Event e;
  e.id = "e", e.title = "E", e.when = *parse_edtf("2015").value, e.lanes = {"a"};
  for (int i = 0; i < 60; ++i) {
    t.sources.push_back(Source{"s" + std::to_string(i), "Title " + std::to_string(i), "Publisher", {}, "2016",
                               "https://example.org/" + std::to_string(i)});
    SourceRef ref;
    ref.source = t.sources.back().id;
    ref.locator = "para " + std::to_string(i);
    e.sources.push_back(ref);
  }
  t.index_names();
  t.add_event(e);
  Story story;
  story.id = "s";
  StoryStep step;
  step.focus = {"e"};
  story.steps = {step};
  const auto pages = lay_out_sources(t, story, font(), style());
  ASSERT_GE(pages.size(), 2u);
  std::size_t entries = 0;
  for (const auto& page : pages)
    for (const auto& line : page) {
      EXPECT_LE(line.y, style().height) << line.text;
      entries += line.text.rfind("Publisher, ", 0) == 0;
    }
  EXPECT_EQ(entries, 60u);
  EXPECT_EQ(pages[1][0].text, "Sources (continued)");
}
