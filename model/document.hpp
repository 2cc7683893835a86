// A timeline file as the source of truth: its text, where every item sits in it (the source map), the
// timeline read from it with its index and id lookup, edits as minimal patches of the text with undo and
// redo, atomic saves that never overwrite someone else's change, and reloads when the file changes on disk.
// Everything outside the model names events by id; the windows read the document each frame and hold no
// reference into it across frames (an edit or a reload may move what they pointed at).
#pragma once

#include "model/diagnostics.hpp"
#include "model/id_set.hpp"
#include "model/io/atomic_file.hpp"
#include "model/io/yaml_edit.hpp"
#include "model/io/yaml_loader.hpp"
#include "model/source_map.hpp"
#include "model/timeline_index.hpp"

#include <atomic>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cs {

enum class ListKind { Lanes, Sources, Events, Stories };

// One operation on the file. Values are YAML text: a scalar ("Putin in Tehran", "2015-11-23") or a flow
// node ("[russia, iran]", "[{source: s1, locator: para 2}]"); for text keys a value that is not a YAML
// scalar is taken as the text it is.
struct EditOp {
  enum class Kind { Set, Unset, Add, Delete, Duplicate };
  Kind kind = Kind::Set;
  ListKind list = ListKind::Events;
  std::string id;     // the item (Set, Unset, Delete, Duplicate)
  std::string key;    // Set, Unset
  std::string value;  // Set: the new value; Add: the new item, a YAML map; Duplicate: the copy's id (empty: made up)

  static EditOp set(std::string id, std::string key, std::string value, ListKind l = ListKind::Events);
  static EditOp unset(std::string id, std::string key, ListKind l = ListKind::Events);
  static EditOp add(std::string item_yaml, ListKind l = ListKind::Events);
  static EditOp remove(std::string id, ListKind l = ListKind::Events);
  static EditOp duplicate(std::string id, std::string new_id = {});
};

struct EditResult {
  bool ok = false;
  Diagnostics problems;  // why it was refused: what `check` would say of the edited file, FILE:LINE:COL
  std::vector<std::string> ids;  // per operation, the id of the item it set, added or copied
};

enum class SaveStatus { Saved, Conflict, Failed };
struct SaveResult {
  SaveStatus status = SaveStatus::Failed;
  std::string message;
};

class Document {
 public:
  // Reads PATH (YAML, or CSV read-only). Never null; problems (also "cannot read") are in diagnostics().
  static std::unique_ptr<Document> load(const std::string& path, std::atomic<float>* progress = nullptr);
  // A document of the given text, named `name` in diagnostics, with no file behind it until save_as.
  static std::unique_ptr<Document> from_text(std::string name, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  const Timeline& timeline() const { return timeline_; }
  const TimelineIndex& index() const { return *index_; }
  const Diagnostics& diagnostics() const { return diag_; }
  const SourceMap& source_map() const { return map_; }
  std::uint64_t revision() const { return revision_; }  // changes with every change of the timeline
  std::size_t events_listed() const { return map_.events.items.size(); }
  std::size_t events_skipped() const;
  std::optional<EventIndex> find_event(std::string_view id) const;
  // The 1-based line of an event's item in the file (0 if unknown).
  int event_line(EventIndex e) const { return timeline_.store().line(e); }
  // Why the file cannot be edited (a CSV file, a flow-style or unreadable top level), or empty.
  std::string read_only_reason() const;

  // Edits. Several operations are one undo step and happen all or not at all.
  EditResult apply(const EditOp& op);
  EditResult apply(std::span<const EditOp> ops, std::string label = {});
  bool can_undo() const { return done_ > 0; }
  bool can_redo() const { return done_ < steps_.size(); }
  std::string undo_label() const { return can_undo() ? steps_[done_ - 1].label : std::string{}; }
  std::string redo_label() const { return can_redo() ? steps_[done_].label : std::string{}; }
  bool undo();
  bool redo();
  // The text differs from the file as last loaded or saved.
  bool modified() const { return !saved_at_ || *saved_at_ != done_; }

  // Saving: write atomically; refuse (Conflict) when the file on disk is no longer what was loaded or last
  // saved, unless `over` (the user chose to replace the other change).
  SaveResult save(bool over = false);
  SaveResult save_as(const std::string& path);
  // The file on disk differs from what was loaded or last saved (size, time, then content).
  bool changed_on_disk();

 private:
  Document() = default;
  void read_all(std::atomic<float>* progress = nullptr);
  std::string_view body() const;
  // Applies a patch to the text and brings the model up to date; with `check`, refuses (and undoes the
  // patch) when the changed items have problems, putting them in `problems`.
  bool commit(const Patch& p, bool check, Diagnostics* problems, std::vector<std::string>* ids);
  bool resync_list(ListKind kind, std::size_t k0, std::size_t k1, std::size_t old_end, long delta, long dlines,
                   bool check, Diagnostics* problems, std::vector<std::string>* ids);
  void shift_after(std::size_t offset, long delta, long dlines);
  std::optional<Patch> make_patch(const EditOp& op, Diagnostics& problems);
  std::optional<std::size_t> item_of(ListKind kind, std::string_view id) const;
  bool known(ListKind kind, std::string_view id) const;  // an item of that list has this id
  ListMap& list(ListKind k);
  const ListMap& list(ListKind k) const;
  void rebuild_event_items();
  void changed();

  std::string path_;
  std::string text_;           // the file's bytes, exactly
  YamlPrepared prepared_;      // what the parser reads (offsets count from after a BOM)
  bool yaml_ = true;
  Timeline timeline_;
  std::unique_ptr<TimelineIndex> index_;
  std::optional<IdSet> ids_;
  Diagnostics diag_;
  SourceMap map_;
  std::vector<std::uint32_t> event_item_;  // event -> its item in map_.events
  std::uint64_t revision_ = 0;

  struct Step {
    std::string label;
    std::vector<Patch> patches;  // applied in order
  };
  std::vector<Step> steps_;
  std::size_t done_ = 0;                  // steps_[0, done_) are applied
  std::optional<std::size_t> saved_at_ = 0;  // done_ when the text was last the file's
  FileStamp stamp_;                       // the file as last loaded or saved
};

}  // namespace cs
