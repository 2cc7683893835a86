// Loading in a thread and handing the document over on the UI thread; watching the file and reloading it
// when that loses nothing (no unsaved edits), else flagging the conflict for the user to settle.
#include "app/session.hpp"

#include <algorithm>

namespace cs {

bool Selection::contains(std::string_view id) const { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

void Selection::toggle(const std::string& id) {
  if (auto it = std::find(ids.begin(), ids.end(), id); it != ids.end()) ids.erase(it);
  else ids.push_back(id);
}

Session::~Session() {
  if (loader_.joinable()) loader_.join();  // the thread writes into members
}

void Session::open(const std::string& path) {
  if (loader_.joinable()) return;  // one load at a time
  reloading_ = doc_ && doc_->path() == path;
  loading_path_ = path;
  progress_ = 0;
  loaded_ = false;
  loader_ = std::thread{[this, path] {
    incoming_ = Document::load(path, &progress_);
    loaded_ = true;
  }};
}

void Session::finish_load() {
  loader_.join();
  const bool same_file = reloading_;
  // generation() = generation_ + revision: it must grow past the old document's, edits included.
  generation_ += (doc_ ? doc_->revision() : 0) + 1;
  doc_ = std::move(incoming_);
  conflict_ = save_over_ = false;
  if (!same_file) {
    selection = Selection{};
    watcher_ = std::make_unique<FileWatcher>(doc_->path());
  }
  prune_selection();
  status_ = same_file ? "reloaded " + doc_->path() + " (changed on disk)" : std::string{};
}

// Ids that no longer name an event are let go (a reload or an undo took them away).
void Session::prune_selection() {
  if (!doc_) return;
  std::erase_if(selection.ids, [&](const std::string& id) { return !doc_->find_event(id); });
  if (!selection.hovered.empty() && !doc_->find_event(selection.hovered)) selection.hovered.clear();
  if (selection.focus_request && !doc_->find_event(*selection.focus_request)) selection.focus_request.reset();
}

void Session::update() {
  if (loader_.joinable() && loaded_) finish_load();
  if (!doc_ || loader_.joinable() || !watcher_ || !watcher_->changed()) return;
  if (!doc_->changed_on_disk()) return;  // touched, or our own save
  if (doc_->modified()) {
    conflict_ = true;  // keep both: the user decides
    status_ = doc_->path() + " changed on disk; your edits are kept";
    return;
  }
  open(doc_->path());
}

bool Session::adopt(std::unique_ptr<Document> doc) {
  if (loader_.joinable() || !doc) return false;
  generation_ += (doc_ ? doc_->revision() : 0) + 1;  // past the old document's, edits included
  doc_ = std::move(doc);
  filter_.index_.reset();  // it pointed into the old document
  filter_.built_doc_ = nullptr;
  conflict_ = save_over_ = false;
  selection = Selection{};
  watcher_.reset();
  if (log_) log_->line("adopted " + doc_->path() + " " + std::to_string(doc_->timeline().event_count()));
  return true;
}

void Session::close() {
  if (loader_.joinable()) return;
  generation_ += (doc_ ? doc_->revision() : 0) + 1;  // generation() keeps growing
  doc_.reset();
  filter_.index_.reset();  // it pointed into the document
  filter_.built_doc_ = nullptr;
  watcher_.reset();
  selection = Selection{};
  conflict_ = save_over_ = false;
  status_.clear();
  if (log_) log_->line("closed");
}

void Session::reload() {
  if (doc_) open(doc_->path());
}

void Session::keep_mine() {
  conflict_ = false;
  save_over_ = true;
}

EditResult Session::apply(std::span<const EditOp> ops, std::string label) {
  if (!doc_) return EditResult{false, Diagnostics{}, {}};
  EditResult r = doc_->apply(ops, std::move(label));
  if (!r.ok) {
    status_ = r.problems.items().empty() ? "refused" : r.problems.format(r.problems.items().front());
    if (log_) log_->line("edit refused: " + status_);
    return r;
  }
  if (log_) log_->line("edit " + doc_->undo_label());
  // An event whose id was set follows its new id in the selection.
  for (std::size_t k = 0; k < ops.size() && k < r.ids.size(); ++k)
    if (ops[k].kind == EditOp::Kind::Set && ops[k].key == "id")
      for (std::string& id : selection.ids)
        if (id == ops[k].id) id = r.ids[k];
  prune_selection();
  status_.clear();
  return r;
}

bool Session::undo() {
  const std::string what = doc_ ? doc_->undo_label() : std::string{};
  if (!doc_ || !doc_->undo()) return false;
  if (log_) log_->line("undo " + what);
  status_.clear();
  prune_selection();
  return true;
}

bool Session::redo() {
  const std::string what = doc_ ? doc_->redo_label() : std::string{};
  if (!doc_ || !doc_->redo()) return false;
  if (log_) log_->line("redo " + what);
  status_.clear();
  prune_selection();
  return true;
}

void Session::set_filter(std::string expr) {
  if (expr == filter_.text_) return;
  filter_.text_ = std::move(expr);
  filter_.dirty_ = true;
}

const FilterState& Session::filter() {
  refresh_filter();
  return filter_;
}

const TimelineIndex& Session::view_index() {
  refresh_filter();
  return filter_.index_ ? *filter_.index_ : doc_->index();
}

const std::vector<bool>& Session::filter_mask() {
  refresh_filter();
  return filter_.keep_;
}

bool Session::shown(EventIndex e) {
  const std::vector<bool>& keep = filter_mask();
  return e < keep.size() && keep[e];
}

// Tries the typed expression when it changed; re-evaluates the applied one when the document changed (an
// edit, a reload). An applied expression that no longer fits (its lane is gone) is dropped, with the error.
void Session::refresh_filter() {
  FilterState& f = filter_;
  if (!doc_) return;
  const bool doc_changed = f.built_for_ != generation() || f.built_doc_ != doc_.get();
  if (!f.dirty_ && !doc_changed) return;
  const Timeline& t = doc_->timeline();
  std::optional<FilterResult> use;
  if (f.dirty_) {
    FilterResult r = run_filter(t, f.text_);
    f.error_ = r.error;
    if (!r.error && (f.text_ != f.applied_ || doc_changed)) {
      f.applied_ = f.text_;
      use = std::move(r);
    }
    f.dirty_ = false;
  }
  if (!use && doc_changed) {
    FilterResult r = run_filter(t, f.applied_);
    if (r.error) {
      f.error_ = r.error;
      f.applied_.clear();
      r = run_filter(t, f.applied_);
    }
    use = std::move(r);
  }
  if (use) {
    f.keep_ = std::move(use->keep);
    f.matching_ = use->matching;
    const bool blank = f.applied_.find_first_not_of(" \t") == std::string::npos;
    f.index_ = blank ? nullptr : std::make_unique<TimelineIndex>(t, &f.keep_);
    ++f.generation_;
  }
  f.built_for_ = generation();
  f.built_doc_ = doc_.get();
}

SaveResult Session::save() {
  if (!doc_) return {};
  SaveResult r = doc_->save(save_over_);
  if (r.status == SaveStatus::Saved) conflict_ = save_over_ = false;
  if (r.status == SaveStatus::Conflict) conflict_ = true;
  status_ = r.message;
  if (log_) log_->line("save " + r.message);
  return r;
}

SaveResult Session::save_as(const std::string& path) {
  if (!doc_) return {};
  SaveResult r = doc_->save_as(path);
  if (r.status == SaveStatus::Saved) {
    watcher_ = std::make_unique<FileWatcher>(path);
    conflict_ = save_over_ = false;
  }
  status_ = r.message;
  if (log_) log_->line("save " + r.message);
  return r;
}

}  // namespace cs
