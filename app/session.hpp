// What the window has open: the document (the file as the truth), what the user selected (by event id), the
// filter, and the work around them: loading and reloading in the background, watching the file, undo, redo
// and saving. Panels get the session each frame and keep no pointer into the document across frames: an
// edit or a reload may move what it pointed at.
#pragma once

#include "model/document.hpp"
#include "app/ui_log.hpp"
#include "model/filter.hpp"
#include "model/io/file_watcher.hpp"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cs {

// Events by id, so a reload or an edit never points at the wrong one.
struct Selection {
  std::vector<std::string> ids;  // the first is the one the inspector shows
  std::string hovered;
  std::optional<std::string> focus_request;  // "move the view to this event", consumed by the canvas

  bool empty() const { return ids.empty(); }
  bool contains(std::string_view id) const;
  const std::string* primary() const { return ids.empty() ? nullptr : &ids.front(); }
  void select(std::string id) { ids = {std::move(id)}; }
  void toggle(const std::string& id);
  void clear() { ids.clear(); }
};

// The filter the window shows (docs/filters.md). The expression is what the user typed; the one applied
// is the last that parsed and fitted the timeline (a half-typed or wrong expression leaves the view as it
// was and says what is wrong). Its mask and an index over the matches are rebuilt when the expression or
// the document's generation changes, never per frame.
class FilterState {
 public:
  const std::string& text() const { return text_; }
  const std::string& applied() const { return applied_; }
  const std::optional<FilterError>& error() const { return error_; }
  bool active() const { return index_ != nullptr; }
  std::uint64_t matching() const { return matching_; }
  // Changes whenever what matches may have changed (the expression applied, or the document).
  std::uint64_t generation() const { return generation_; }

 private:
  friend class Session;
  std::string text_, applied_;
  std::optional<FilterError> error_;
  std::vector<bool> keep_;                 // over the store; all true without a filter
  std::unique_ptr<TimelineIndex> index_;   // over the matches; null without a filter
  std::uint64_t matching_ = 0;
  std::uint64_t built_for_ = ~std::uint64_t{0};  // the session generation the mask was built for
  const Document* built_doc_ = nullptr;
  bool dirty_ = true;
  std::uint64_t generation_ = 0;
};

class Session {
 public:
  Session() = default;
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Edits, undo, redo and saves are logged here (--log-ui), for tests that drive the window.
  void set_log(const UiLog* log) { log_ = log; }

  // Starts reading `path` in the background (the current document stays until the new one is ready).
  void open(const std::string& path);
  // Lets the document go (File > Close): the window then shows no timeline.
  void close();
  bool loading() const { return loader_.joinable(); }
  float progress() const { return progress_.load(); }
  const std::string& loading_path() const { return loading_path_; }
  // Replaces the document with one made in memory (File > Import), unsaved, its file not watched until it
  // is saved. False (nothing changes) while a load is under way.
  bool adopt(std::unique_ptr<Document> doc);
  // Once a frame: takes a finished load, notices changes on disk, and reloads when that loses nothing.
  void update();

  Document* doc() { return doc_.get(); }
  const Document* doc() const { return doc_.get(); }
  // A document is open and can be edited (not CSV, not a file the document refuses to patch).
  bool editable() const { return doc_ && doc_->read_only_reason().empty(); }
  bool modified() const { return doc_ && doc_->modified(); }
  // Changes whenever what panels show may have changed: a load, a reload, an edit, undo or redo.
  std::uint64_t generation() const { return generation_ + (doc_ ? doc_->revision() : 0); }

  Selection selection;

  // The filter: set_filter takes what the user typed (applied at once when it parses and fits the
  // timeline); the rest brings the filter up to date with the document first, so it is never stale.
  void set_filter(std::string expr);
  const FilterState& filter();
  // What the canvas, the list and search show: the document's index, or the one over the filter's matches.
  const TimelineIndex& view_index();
  // The filter's mask over the store (all true without a filter).
  const std::vector<bool>& filter_mask();
  bool shown(EventIndex e);  // the event matches the filter

  // The file changed on disk while there are unsaved edits here: neither is thrown away until the user
  // chooses (reload, dropping the edits, or keep them and later save over the file knowingly).
  bool conflict() const { return conflict_; }
  void reload();     // drops unsaved edits
  void keep_mine();  // the next save replaces the file on disk
  bool save_over() const { return save_over_; }

  // Edits, as one undo step; the selection follows renamed and new events. False when refused (the
  // problems are in the result).
  EditResult apply(std::span<const EditOp> ops, std::string label = {});
  EditResult apply(const EditOp& op, std::string label = {}) { return apply(std::span<const EditOp>{&op, 1}, std::move(label)); }
  bool undo();
  bool redo();
  SaveResult save();
  SaveResult save_as(const std::string& path);

  // The last thing worth telling the user (saved, refused, reloaded), for the status line.
  const std::string& status() const { return status_; }
  void set_status(std::string s) { status_ = std::move(s); }

 private:
  void finish_load();
  void prune_selection();
  void refresh_filter();

  std::unique_ptr<Document> doc_;
  std::unique_ptr<FileWatcher> watcher_;
  std::thread loader_;
  std::atomic<float> progress_{0};
  std::atomic<bool> loaded_{false};
  std::unique_ptr<Document> incoming_;
  std::string loading_path_;
  bool reloading_ = false;     // the load under way replaces the same file
  bool conflict_ = false;
  bool save_over_ = false;
  std::uint64_t generation_ = 0;
  std::string status_;
  const UiLog* log_ = nullptr;
  FilterState filter_;
};

}  // namespace cs
