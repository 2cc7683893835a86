// File > Import and File > Export in the window: the menu items, and the dialog that asks for the path (a
// field with Browse… for the file dialog) and carries the choice out through app/exports: the view, the
// Stories panel's story, the timeline in every interop format; Import makes a new unsaved document.
#pragma once

#include "app/exports.hpp"
#include "app/file_dialog.hpp"
#include "app/session.hpp"
#include "app/timeline_canvas.hpp"
#include "app/ui_log.hpp"
#include "model/io/formats.hpp"

#include <string>

namespace cs {

enum class PortAction { None, Import, ViewPng, ViewSvg, ViewPdf, StoryDeck, StoryPngs, StoryHandout, Timeline };

struct PortChoice {
  PortAction action = PortAction::None;
  Format format = Format::Yaml;  // PortAction::Timeline
  explicit operator bool() const { return action != PortAction::None; }
};

// "Import…" and the "Export" submenu, drawn inside the File menu.
PortChoice port_menu_items(const Document* doc);

// The path suggested for a choice: beside the document, named after it (and the story), with the
// format's extension; a folder (ending in '/') for a story's PNGs and for Import.
std::string suggested_path(const PortChoice& c, const std::string& doc_path, const std::string& story_id);

class ExportMenu {
 public:
  explicit ExportMenu(const UiLog& log) : browse_(log) {}
  // Opens the dialog for `c`; `story` is the story a story export writes.
  void begin(const PortChoice& c, const Document* doc, std::string story);
  // The dialog, while it is open; carries the choice out when the user confirms.
  void draw(Session& session, TimelineCanvas& canvas, const UiLog& log);
  bool active() const { return open_; }
  // A timeline Import has read, once: the workspace puts it in place of the open one (asking first
  // where unsaved edits would be lost).
  std::unique_ptr<Document> take_import() { return std::move(imported_); }

 private:
  void carry_out(Session& session, TimelineCanvas& canvas, const UiLog& log);
  void export_open(const Document& doc, const Session& session, const TimelineCanvas& canvas, ExportResult& r) const;

  PortChoice choice_;
  std::string story_;
  std::string path_;
  bool annotate_ = false;  // view exports: title, legend and credits
  bool open_ = false, just_opened_ = false;
  std::string error_;
  std::vector<std::string> losses_;  // shown after an interop export, until OK
  std::unique_ptr<Document> imported_;
  FileDialog browse_;  // files to import or write (a story's PNGs go to a folder: typed)
};

}  // namespace cs
