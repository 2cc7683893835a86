// `chronoscope export FILE --story ID -o DECK.pdf|DIR/|HANDOUT.md`: a story for a briefing, as a vector deck
// (title page, a page per step, sources), as one PNG per step, or as a Markdown handout.
#include "app/cli/commands.hpp"

#include "app/cli/output.hpp"
#include "app/cli/page_render.hpp"
#include "app/cli/prepare.hpp"
#include "model/io/handout.hpp"
#include "render/deck.hpp"
#include "render/vector/vector_document.hpp"

#include <cctype>
#include <filesystem>
#include <iostream>

namespace cs {
namespace {

enum class ExportKind { Deck, Pngs, Handout };

// What -o asks for: a folder (ends in '/' or is one), a .pdf deck or a .md handout.
bool export_kind(const std::string& out, ExportKind& kind) {
  std::error_code ec;
  if (out.back() == '/' || std::filesystem::is_directory(out, ec)) {
    kind = ExportKind::Pngs;
    return true;
  }
  const auto dot = out.find_last_of("./");
  if (dot == std::string::npos || out[dot] != '.') return false;
  std::string ext = out.substr(dot + 1);
  for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (ext == "pdf") kind = ExportKind::Deck;
  else if (ext == "md") kind = ExportKind::Handout;
  else return false;
  return true;
}

int write_deck(const Options& o, const TimelineIndex& index, const Story& story, const Font& font,
               const DeckStyle& style) {
  const Timeline& t = index.timeline();
  std::string err;
  const std::string title = (story.title.empty() ? story.id : story.title) + (t.title.empty() ? "" : " \u2014 " + t.title);
  auto doc = vec::Document::create(vec::Format::Pdf, style.width, style.height, font.path(), {title}, &err);
  std::string bytes;
  std::size_t pages = 0;
  if (doc) {
    draw_title_page(doc->page(), story, t, font, style);
    ++pages;
    for (std::size_t k = 0; k < story.steps.size(); ++k) {
      doc->next_page();
      draw_step_page(doc->page(), lay_out_step_page(index, story, k, font, style), index, font, style);
      ++pages;
    }
    for (const SourcesPage& page : lay_out_sources(t, story, font, style)) {
      doc->next_page();
      draw_sources_page(doc->page(), page, style);
      ++pages;
    }
    bytes = doc->finish(&err);
  }
  if (bytes.empty()) {
    std::cerr << "chronoscope: error: cannot write " << quoted_name(o.out) << ": " << escape_for_terminal(err) << "\n";
    return 1;
  }
  if (output_overwrites_input(o.out, {o.file})) return 2;
  if (const int rc = write_output(o.out, bytes)) return rc;
  std::cerr << "wrote " << escape_for_terminal(o.out) << " (" << pages << " pages: a title page, " << story.steps.size()
            << " steps, " << pages - 1 - story.steps.size() << " of sources)\n";
  return 0;
}

int write_pngs(const Options& o, const TimelineIndex& index, const Story& story, const Font& font,
               const DeckStyle& style) {
  const std::filesystem::path dir{o.out};
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::cerr << "chronoscope: error: cannot make the folder " << quoted_name(o.out) << ": "
              << escape_for_terminal(ec.message()) << "\n";
    return 1;
  }
  PngPages pages;
  if (!pages.init(font, int(style.width), int(style.height))) return 1;
  const int digits = std::max<int>(2, int(std::to_string(story.steps.size()).size()));
  for (std::size_t k = 0; k < story.steps.size(); ++k) {
    std::string n = std::to_string(k + 1);
    n.insert(0, std::size_t(std::max(0, digits - int(n.size()))), '0');
    const std::string path = (dir / ("step-" + n + ".png")).string();
    if (output_overwrites_input(path, {o.file})) return 2;
    const StepPage page = lay_out_step_page(index, story, k, font, style);
    const std::string png = pages.render([&](Sink& s) { draw_step_page(s, page, index, font, style); },
                                         style.theme.background);
    if (png.empty()) return 1;
    if (const int rc = write_output(path, png)) return rc;
  }
  std::cerr << "wrote " << story.steps.size() << " steps to " << escape_for_terminal(o.out) << " ("
            << int(style.width) << "x" << int(style.height) << ")\n";
  return 0;
}

}  // namespace

int run_export(const Options& o) {
  if (output_overwrites_input(o.out, {o.file})) return 2;
  ExportKind kind;
  if (!export_kind(o.out, kind)) {
    std::cerr << "chronoscope: error: cannot tell what to export to " << quoted_name(o.out)
              << ": -o must be a .pdf deck, a .md handout or a folder (ending in /) for PNGs\n";
    return 2;
  }
  Prepared p;
  if (const int rc = prepare(o, p)) return rc;
  const Timeline& t = p.timeline;
  const Story* story = nullptr;
  for (const Story& s : t.stories)
    if (s.id == o.story) story = &s;
  if (!story) {
    std::string known;
    for (const Story& s : t.stories) known += (known.empty() ? "" : ", ") + s.id;
    std::cerr << "chronoscope: error: " << quoted_name(o.file) << " has no story " << quoted_name(o.story)
              << (known.empty() ? " (it has no stories)" : " (its stories: " + escape_for_terminal(known) + ")") << "\n";
    return 2;
  }
  if (kind == ExportKind::Handout) {
    if (output_overwrites_input(o.out, {o.file})) return 2;
    if (const int rc = write_output(o.out, story_handout(t, *story))) return rc;
    std::cerr << "wrote " << escape_for_terminal(o.out) << " (" << story->steps.size() << " steps)\n";
    return 0;
  }
  const float width = float(o.width ? o.width : kDefaultWidth), height = float(o.height ? o.height : kDefaultHeight);
  DeckStyle style = DeckStyle::at(width, height, o.scale > 0 ? o.scale : deck_scale(height));
  style.hide_empty_lanes = o.hide_empty_lanes;
  const auto font = load_font(style.type.body, style.type.extra_sizes());
  if (!font) return 1;
  return kind == ExportKind::Deck ? write_deck(o, *p.index, *story, *font, style)
                                  : write_pngs(o, *p.index, *story, *font, style);
}

}  // namespace cs
