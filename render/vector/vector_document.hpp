// A vector document written with cairo: a PDF of one or more pages, or an SVG of one, drawn through the
// Sink interface in the same pixels the canvas uses. Text is real text in the canvas font (embedded, so a
// PDF's text is selectable and searchable); the bytes stay in memory until the caller writes them.
#pragma once

#include "render/sink.hpp"

#include <memory>
#include <string>

namespace cs::vec {

enum class Format { Pdf, Svg };

struct DocumentInfo {
  std::string title;    // PDF metadata (the window title of a viewer)
  std::string creator = "Chronoscope";
};

class Document {
 public:
  // A document whose pages are `width` x `height` pixels (PDF: at 96 pixels per inch, so 1 px = 0.75 pt;
  // SVG: pixels as user units), with text in the TrueType font at `font_path`. Null, with `error`
  // set, when cairo cannot make the surface or the font.
  static std::unique_ptr<Document> create(Format format, float width, float height, const std::string& font_path,
                                          const DocumentInfo& info, std::string* error);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  float width() const { return width_; }
  float height() const { return height_; }
  // Where the current page is drawn.
  Sink& page();
  // Ends the current page and starts another (PDF; an SVG has one page, and this is ignored).
  void next_page();
  // Ends the document: its bytes, or empty with `error` set when cairo failed somewhere along the way.
  std::string finish(std::string* error);

 private:
  struct Impl;
  explicit Document(std::unique_ptr<Impl> impl, float w, float h);
  std::unique_ptr<Impl> impl_;
  float width_, height_;
};

}  // namespace cs::vec
