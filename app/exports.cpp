// Exports from the window through the same functions the commands use: render's page (render/page), the
// deck's pages (render/deck), the handout (model/io/handout), the interop writers and readers.
#include "app/exports.hpp"

#include "app/cli/prepare.hpp"
#include "model/io/atomic_file.hpp"
#include "model/io/handout.hpp"
#include "model/io/load_file.hpp"
#include "model/io/yaml_writer.hpp"
#include "render/page.hpp"
#include "render/story_view.hpp"
#include "render/vector/vector_document.hpp"

#include <glad/gl.h>

#include <filesystem>

namespace cs {
namespace {

ExportResult fail(std::string why) { return {false, std::move(why)}; }

ExportResult write(const std::string& path, std::string_view bytes, std::string what) {
  std::string err;
  if (!write_file_atomic(path, bytes, &err)) return fail("cannot write " + path + ": " + err);
  return {true, "wrote " + path + " (" + what + ")"};
}

// A vector page (PDF or SVG) of `width` x `height` drawn by `draw` over the theme's background.
std::string vector_page(vec::Format f, float width, float height, const Font& font, const std::string& title,
                        const DrawPage& draw, Rgba background, std::string* error) {
  auto doc = vec::Document::create(f, width, height, font.path(), {title}, error);
  if (!doc) return {};
  doc->page().rect(0, 0, width, height, background);
  draw(doc->page());
  return doc->finish(error);
}

}  // namespace

DeckStyle story_export_style(float width, float height) {
  return DeckStyle::at(width, height, deck_scale(height));
}

bool CurrentContextPng::init(const Font& font, int width, int height, std::string* error) {
  font_ = &font;
  width_ = width, height_ = height;
  return renderer_.init(font, error) && target_.init(width, height, error);
}

std::string CurrentContextPng::render(const DrawPage& draw, Rgba background) {
  DrawList list;
  QuadSink sink{list, *font_};
  draw(sink);
  target_.bind();
  renderer_.draw(list, 0, 0, width_, height_, height_, background);
  std::string png = gl::encode_png(target_.read());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);  // the window's own again
  return png;
}

ExportResult export_view(const TimelineIndex& index, const ViewExport& v, OutputFormat format, const std::string& path) {
  const float width = float(v.width), height = float(v.height);
  const TypeScale ts = TypeScale::at(output_scale(0, v.height));
  const LayoutConfig cfg = LayoutConfig::scaled(ts.scale);
  const auto font = load_font(ts.body, ts.extra_sizes());
  if (!font) return fail("cannot load the canvas font");
  SceneState state;
  state.selected = v.selected;
  state.whole_labels = true;  // as render draws an image: no label cut by its bottom edge
  Annotations notes;
  if (v.annotate) {
    notes.title = index.timeline().title;
    notes.legend = true;
    const CanvasView range = make_canvas_view(v.t0, v.t1, width, height, cfg);
    for (const Source* s : sources_cited(index.timeline(), events_in_view(index, range)))
      notes.credits.push_back(credit_text(*s));
    if (notes.credits.empty()) notes.credits.push_back("none cited by the events shown");
  }
  const AnnotatedPage page = lay_out_annotations(notes, index, *font, ts, width, height);
  const CanvasView view = make_canvas_view(v.t0, v.t1, width, page.canvas.y1 - page.canvas.y0, cfg);
  Scene scene;
  layout_scene(scene, index, view, *font, cfg, state);
  const Theme theme;
  const DrawPage draw = [&](Sink& sink) {
    draw_annotations(sink, page, index, *font, ts, theme);
    AreaSink canvas{sink, page.canvas};
    draw_scene(canvas, scene, index, view, *font, theme, state);
  };
  std::string bytes, err;
  if (format == OutputFormat::Png) {
    CurrentContextPng png;
    if (!png.init(*font, v.width, v.height, &err)) return fail(err);
    bytes = png.render(draw, theme.background);
  } else {
    bytes = vector_page(format == OutputFormat::Pdf ? vec::Format::Pdf : vec::Format::Svg, width, height, *font,
                        index.timeline().title, draw, theme.background, &err);
  }
  if (bytes.empty()) return fail("cannot draw the view: " + err);
  return write(path, bytes, std::to_string(v.width) + "x" + std::to_string(v.height));
}

std::string story_deck_pdf(const TimelineIndex& index, const Story& story, const Font& font, const DeckStyle& style,
                           std::string* error) {
  const Timeline& t = index.timeline();
  const std::string title = (story.title.empty() ? story.id : story.title) + (t.title.empty() ? "" : " \u2014 " + t.title);
  auto doc = vec::Document::create(vec::Format::Pdf, style.width, style.height, font.path(), {title}, error);
  if (!doc) return {};
  draw_title_page(doc->page(), story, t, font, style);
  for (std::size_t k = 0; k < story.steps.size(); ++k) {
    doc->next_page();
    draw_step_page(doc->page(), lay_out_step_page(index, story, k, font, style), index, font, style);
  }
  for (const SourcesPage& page : lay_out_sources(t, story, font, style)) {
    doc->next_page();
    draw_sources_page(doc->page(), page, style);
  }
  return doc->finish(error);
}

ExportResult export_story(const TimelineIndex& index, const Story& story, StoryExport kind, const std::string& path) {
  const std::string steps = std::to_string(story.steps.size()) + (story.steps.size() == 1 ? " step" : " steps");
  if (kind == StoryExport::Handout) return write(path, story_handout(index.timeline(), story), steps);
  const DeckStyle style = story_export_style();
  const auto font = load_font(style.type.body, style.type.extra_sizes());
  if (!font) return fail("cannot load the canvas font");
  std::string err;
  if (kind == StoryExport::Deck) {
    const std::string pdf = story_deck_pdf(index, story, *font, style, &err);
    if (pdf.empty()) return fail("cannot draw the deck: " + err);
    return write(path, pdf, steps + ", a title page and the sources");
  }
  const std::filesystem::path dir{path};
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fail("cannot make the folder " + path + ": " + ec.message());
  CurrentContextPng png;
  if (!png.init(*font, int(style.width), int(style.height), &err)) return fail(err);
  const int digits = std::max<int>(2, int(std::to_string(story.steps.size()).size()));
  for (std::size_t k = 0; k < story.steps.size(); ++k) {
    std::string n = std::to_string(k + 1);
    n.insert(0, std::size_t(std::max(0, digits - int(n.size()))), '0');
    const StepPage page = lay_out_step_page(index, story, k, *font, style);
    const std::string bytes = png.render([&](Sink& s) { draw_step_page(s, page, index, *font, style); },
                                         style.theme.background);
    if (bytes.empty()) return fail("cannot draw step " + std::to_string(k + 1));
    if (ExportResult r = write((dir / ("step-" + n + ".png")).string(), bytes, ""); !r.ok) return r;
  }
  return {true, "wrote " + steps + " to " + path};
}

ExportResult export_timeline(const Timeline& t, Format format, const std::string& path) {
  Diagnostics losses{path};
  const std::string bytes = write_timeline(format, t, losses);
  ExportResult r = write(path, bytes, std::to_string(t.event_count()) + " events, " + std::string{format_name(format)});
  if (!r.ok) return r;
  for (const Diagnostic& d : losses.items()) r.losses.push_back(d.message);
  if (!r.losses.empty())
    r.message += "; " + std::to_string(r.losses.size()) + (r.losses.size() == 1 ? " kind" : " kinds") + " of data left out";
  return r;
}

std::unique_ptr<Document> import_timeline(const std::string& path, ExportResult& result) {
  const auto refuse = [&](std::string why) {
    result = fail(std::move(why));
    return nullptr;
  };
  std::string text, why;
  if (!read_file(path, text)) return refuse("cannot read " + path);
  const std::optional<Format> f = detect_input_format(path, text, &why);
  if (!f) return refuse("cannot tell the format of " + path + ": " + why);
  if (!can_read(*f)) return refuse(std::string{format_name(*f)} + " is written only; it cannot be read");
  Timeline t;
  Diagnostics diag{path};
  read_timeline(*f, text, t, diag);
  if (diag.has_errors()) return refuse(diag.format(diag.items().front()));
  Diagnostics losses;
  std::string yaml = write_yaml(t, losses);
  // Named beside the file, never after one that exists: Save writes there, Save As anywhere.
  std::filesystem::path name = std::filesystem::path{path}.replace_extension(".yaml");
  for (int n = 1; std::filesystem::exists(name); ++n)
    name = std::filesystem::path{path}.replace_extension("").string() + "-imported" + (n > 1 ? "-" + std::to_string(n) : "") + ".yaml";
  result = {true, "imported " + path + " (" + std::string{format_name(*f)} + ", " + std::to_string(t.event_count()) +
                      " events" + (diag.items().empty() ? "" : "; " + diag.items().front().message) + ")"};
  return Document::from_text(name.string(), std::move(yaml));
}

}  // namespace cs
