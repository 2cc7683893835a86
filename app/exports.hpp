// What File > Export and File > Import do, without the menus: the view as `render` draws it, a story as
// `export` writes it, the timeline in an interop format, and any readable file as a new document in memory.
// Each says what it wrote, or why not.
#pragma once

#include "app/cli/page_render.hpp"
#include "model/document.hpp"
#include "model/io/formats.hpp"
#include "render/deck.hpp"
#include "render/gl/offscreen.hpp"
#include "render/gl/quad_renderer.hpp"

#include <memory>
#include <string>
#include <vector>

namespace cs {

// A story's exports as `export` makes them by default: 1920x1080 pages at 1.5 x the canvas's scale.
inline constexpr float kStoryExportWidth = 1920, kStoryExportHeight = 1080;
DeckStyle story_export_style(float width = kStoryExportWidth, float height = kStoryExportHeight);

// PNG pages drawn in the GL context that is current (the window's), through an offscreen framebuffer.
class CurrentContextPng {
 public:
  bool init(const Font& font, int width, int height, std::string* error);
  std::string render(const DrawPage& draw, Rgba background);  // the PNG's bytes; empty on failure

 private:
  gl::QuadRenderer renderer_;
  gl::Offscreen target_;
  const Font* font_ = nullptr;
  int width_ = 0, height_ = 0;
};

struct ViewExport {
  Seconds t0, t1;               // the time range across the plot
  int width = 1920, height = 1080;
  std::optional<EventIndex> selected;
  bool annotate = false;        // the timeline's title above, the lanes' colours and the credits below
};

struct ExportResult {
  bool ok = false;
  std::string message;  // what was written, or why not
  std::vector<std::string> losses;  // an interop export: what the format could not hold, once per kind
};

// The view as an image; PNG needs a current GL context.
ExportResult export_view(const TimelineIndex& index, const ViewExport& v, OutputFormat format, const std::string& path);
// The story as `chronoscope export FILE --story ID -o PATH` writes it: PATH a .pdf deck, a .md handout, or a
// folder for step-NN.png (PNGs need a current GL context).
enum class StoryExport { Deck, Pngs, Handout };
ExportResult export_story(const TimelineIndex& index, const Story& story, StoryExport kind, const std::string& path);
// The deck's PDF bytes (empty, with `error`, on failure).
std::string story_deck_pdf(const TimelineIndex& index, const Story& story, const Font& font, const DeckStyle& style,
                           std::string* error);

// The timeline written in `format` (what the format cannot hold is said in the message).
ExportResult export_timeline(const Timeline& t, Format format, const std::string& path);

// A file of any readable format (told by its extension or content) as a new YAML document in memory,
// named after the file with ".yaml" (a name no file has yet), unsaved. Null with the reason in `result`.
std::unique_ptr<Document> import_timeline(const std::string& path, ExportResult& result);

}  // namespace cs
