// The pages of a story deck, drawn through a Sink (PDF pages through render/vector, PNG steps through the
// GL quad list): a title page, a page per step (its title and counter, the step's view with its focus
// outlined and fully labelled and the rest dimmed, its caption), and the sources the focused events cite.
// Speaker notes never appear on a page.
#pragma once

#include "render/page.hpp"
#include "render/story_view.hpp"

#include <string>
#include <vector>

namespace cs {

struct DeckStyle {
  float width = 1920, height = 1080;  // a page, in pixels
  TypeScale type = TypeScale::at(1);
  LayoutConfig cfg;                   // the canvas's, at type.scale
  Theme theme;
  bool hide_empty_lanes = false;      // steps that name no lanes show only the lanes with events in range
  static DeckStyle at(float width, float height, float scale);
};

// How much larger than the canvas's a deck's type and marks are on a page `height` pixels high, to be read
// from the back of a room: 1.75 times at 1080 lines (labels about 23 px, captions 31 px), 3.5 times at 4K.
// (Twice the canvas's crowds the focus labels of a busy step off their rows.) `export`, File > Export and
// presenter mode all use it, so a presented step and its exported page are the same.
float deck_scale(float height);

// The span a story covers, in words: from its earliest step's start to its latest step's end ("September
// 2015 – May 2018"); empty when no step has a range.
std::string story_span_text(const Story& story);

void draw_title_page(Sink& sink, const Story& story, const Timeline& t, const Font& font, const DeckStyle& style);

// A step's page, laid out: the bands and the step's scene.
struct StepPage {
  ClipRect title, canvas, caption;
  std::string heading;                 // the step's title, or "Step N"
  std::string counter;                 // "N / M", after the range in words
  std::vector<std::string> caption_lines;
  StepView view;                       // canvas-sized
  Scene scene;
};
StepPage lay_out_step_page(const TimelineIndex& index, const Story& story, std::size_t step, const Font& font,
                           const DeckStyle& style);
void draw_step_page(Sink& sink, const StepPage& page, const TimelineIndex& index, const Font& font,
                    const DeckStyle& style);

// A source the story's focused events cite, with the locators they cite it at (each once, in order: "para 2"
// before "para 10").
struct CitedSource {
  const Source* source = nullptr;
  std::vector<std::string> locators;
};
// In the timeline's order of sources.
std::vector<CitedSource> story_sources(const Timeline& t, const Story& story);

// The sources pages: a heading, then per source its publisher and title, date, url and locators, wrapped;
// as many pages as the list needs (at least one).
struct SourcesLine {
  std::string text;
  float size = 0;
  Rgba color;
  float y = 0;  // baseline
};
using SourcesPage = std::vector<SourcesLine>;
std::vector<SourcesPage> lay_out_sources(const Timeline& t, const Story& story, const Font& font,
                                         const DeckStyle& style);
void draw_sources_page(Sink& sink, const SourcesPage& page, const DeckStyle& style);

}  // namespace cs
