// The Stories panel: the stories and their steps. A click flies the canvas to a step; "Add step from this
// view" captures range, lanes in sight and selection; reorder, retitle, caption, annotate, delete: one
// undoable edit each (app/story_edits). F5 presents the story shown here.
#pragma once

#include "app/session.hpp"
#include "app/timeline_canvas.hpp"
#include "app/ui_log.hpp"

#include <optional>
#include <string>

namespace cs {

// Start presenting story `story` at step `step` (0-based).
struct PresentRequest {
  std::string story;
  std::size_t step = 0;
  bool notes = false;  // the notes window even with one monitor
};

struct StoriesWindow {
  // The contents of its dock tab.
  void draw(Session& session, TimelineCanvas& canvas, const UiLog& log);
  // What F5 (from the start) or Shift+F5 (from the step selected here) presents: the story shown here, else
  // the timeline's first; nothing when it has no stories.
  std::optional<PresentRequest> present(const Timeline& t, bool from_selected_step) const;
  // The Present button was pressed (once).
  std::optional<PresentRequest> take_request();

 private:
  const Story* story(const Timeline& t) const;
  void story_bar(Session& session, TimelineCanvas& canvas);
  void step_list(Session& session, TimelineCanvas& canvas, const Story& s, const UiLog& log);
  void step_editor(Session& session, TimelineCanvas& canvas, const Story& s);
  void go_to_step(Session& session, TimelineCanvas& canvas, const Story& s, std::size_t k, const UiLog& log);
  bool apply(Session& session, const EditOp& op, const char* what, const UiLog& log);
  void reload_fields(const Story* s);
  // An edit chosen while drawing, made once the frame's widgets are done; `step_after` is the step to
  // select when it is made (-2: leave the selection).
  struct Pending {
    EditOp op;
    std::string what;
    int step_after = -2;
    std::string story_after;  // the story to show when it is made (empty: leave it)
  };
  void later(EditOp op, std::string what, int step_after = -2) { pending_ = Pending{std::move(op), std::move(what), step_after}; }

  std::string story_;   // the story shown (id)
  int step_ = -1;       // the step selected
  // The fields being edited, refilled from the document when the story, the step or the file changes.
  std::string story_title_, title_, range_, caption_, notes_;
  std::string filled_story_;
  int filled_step_ = -2;
  std::uint64_t filled_generation_ = ~0ull;
  std::string error_;   // why the last edit was refused
  std::optional<PresentRequest> request_;
  std::optional<Pending> pending_;
};

// The canvas's view as a step: its range, the lanes in sight (none when every lane is), the selection.
StoryStep step_from_canvas(const Document& doc, const TimelineCanvas& canvas, const Selection& sel);

}  // namespace cs
