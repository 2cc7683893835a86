// The Stories panel's changes as document operations: each gesture (add a step from the view, move, delete,
// retitle, edit a caption or notes) is one EditOp on the story's `steps` (or `title`), so it is one undo
// step and a patch of the story's lines only. Also a canvas view as a step: its range in EDTF.
#pragma once

#include "model/document.hpp"

#include <span>
#include <string>
#include <vector>

namespace cs {

// The step as a YAML flow map in the schema's key order (title, range, focus, lanes, caption, notes),
// leaving out what it does not have; values quoted only where YAML needs it.
std::string step_yaml(const StoryStep& step);
// The steps as a YAML flow list of those maps.
std::string steps_yaml(std::span<const StoryStep> steps);

// [t0, t1) as an EDTF interval at the coarsest precision whose rounding (outwards) moves either end by at
// most a fortieth of the span: years, months, days, else seconds ("2015-09/2015-12", "2015-09-30/2016-03-14",
// "2015-11-23T10:30:00Z/2015-11-23T11:00:00Z"). Years beyond four digits are written "Y12345".
std::string edtf_range(Seconds t0, Seconds t1);

// A step showing [t0, t1), the lanes (ids, top to bottom; empty: every lane) and the focus (event ids).
StoryStep step_from_view(Seconds t0, Seconds t1, std::vector<std::string> lanes, std::vector<std::string> focus);

// A text field of a step.
enum class StepField { Title, Range, Caption, Notes };

// Each of these is the story's whole `steps` list set anew with one change. `k`, `from`, `to` are step
// positions (0-based); `at` may be steps.size() (append).
EditOp insert_step(const Story& story, std::size_t at, const StoryStep& step);
EditOp move_step(const Story& story, std::size_t from, std::size_t to);
EditOp delete_step(const Story& story, std::size_t k);
EditOp set_step_text(const Story& story, std::size_t k, StepField field, const std::string& value);
EditOp set_step_focus(const Story& story, std::size_t k, std::vector<std::string> focus);
EditOp set_step_lanes(const Story& story, std::size_t k, std::vector<std::string> lanes);
// The step's range, lanes and focus replaced by `view`'s (its title, caption and notes stay).
EditOp set_step_view(const Story& story, std::size_t k, const StoryStep& view);

EditOp set_story_title(const Story& story, const std::string& title);
// A new story at the end of the list with one step.
EditOp add_story(const std::string& id, const std::string& title, const StoryStep& first);
EditOp delete_story(const Story& story);
// "story", "story-2", ...: an id no story of `t` has.
std::string new_story_id(const Timeline& t);

// The label Edit > Undo shows for these.
inline constexpr const char* kStoryEditLabel = "story edit";

}  // namespace cs
