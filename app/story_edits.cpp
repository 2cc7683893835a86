// Story steps written back as YAML flow text, and the operations of the Stories panel on them.
#include "app/story_edits.hpp"

#include "model/io/yaml_emit.hpp"

#include <date/date.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cs {
namespace {

std::string scalar(std::string_view v) { return emit_scalar(v, YStyle::Plain, EmitContext{.flow = true}); }

std::string id_list(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + scalar(ids[i]);
  return out + "]";
}

// A year as EDTF writes it: four digits with a sign when negative ("-0499"), "Y" and the digits beyond.
std::string edtf_year(long long y) {
  if (y < -9999 || y > 9999) return "Y" + std::to_string(y);
  char buf[16];
  std::snprintf(buf, sizeof buf, y < 0 ? "-%04lld" : "%04lld", y < 0 ? -y : y);
  return buf;
}

enum class Unit { Year, Month, Day, Second };

// The text of the unit holding `t` (an interval's start; the end passes its last second).
std::string unit_text(Seconds t, Unit u) {
  using namespace std::chrono;
  const auto days = floor<date::days>(t);
  constexpr long long kDateYears = 30000;  // what date::year_month_day holds comfortably
  const long long approx_year = 1970 + (long long)std::floor(double(days.time_since_epoch().count()) / 365.2425);
  if (std::llabs(approx_year) > kDateYears) return edtf_year(approx_year);
  const date::year_month_day ymd{days};
  const long long y = int(ymd.year());
  if (u == Unit::Year || y < -9999 || y > 9999) return edtf_year(y);
  char buf[32];
  if (u == Unit::Month) {
    std::snprintf(buf, sizeof buf, "%s-%02u", edtf_year(y).c_str(), unsigned(ymd.month()));
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%s-%02u-%02u", edtf_year(y).c_str(), unsigned(ymd.month()), unsigned(ymd.day()));
  if (u == Unit::Day) return buf;
  return format_iso(t);
}

// Whether `t` is the first second of its year, month or day (where date::year_month_day reaches).
bool starts_unit(Seconds t, Unit u) {
  using namespace std::chrono;
  if (u == Unit::Second) return true;
  const auto days = floor<date::days>(t);
  if (Seconds{days} != t) return false;
  if (u == Unit::Day) return true;
  if (std::llabs(days.time_since_epoch().count()) > 10'000'000) return false;
  const date::year_month_day ymd{days};
  return ymd.day() == date::day{1} && (u == Unit::Month || ymd.month() == date::January);
}

std::vector<StoryStep> with(const Story& s, auto&& change) {
  std::vector<StoryStep> steps = s.steps;
  change(steps);
  return steps;
}

EditOp set_steps(const Story& s, const std::vector<StoryStep>& steps) {
  return EditOp::set(s.id, "steps", steps_yaml(steps), ListKind::Stories);
}

}  // namespace

std::string step_yaml(const StoryStep& st) {
  std::string out;
  const auto key = [&](const char* k, const std::string& v) { out += (out.empty() ? "" : ", ") + std::string{k} + ": " + v; };
  if (!st.title.empty()) key("title", scalar(st.title));
  if (!st.range_text.empty()) key("range", scalar(st.range_text));
  if (!st.focus.empty()) key("focus", id_list(st.focus));
  if (!st.lanes.empty()) key("lanes", id_list(st.lanes));
  if (!st.caption.empty()) key("caption", scalar(st.caption));
  if (!st.notes.empty()) key("notes", scalar(st.notes));
  return "{" + out + "}";
}

std::string steps_yaml(std::span<const StoryStep> steps) {
  std::string out = "[";
  for (std::size_t i = 0; i < steps.size(); ++i) out += (i ? ", " : "") + step_yaml(steps[i]);
  return out + "]";
}

std::string edtf_range(Seconds t0, Seconds t1) {
  if (t1 <= t0) t1 = t0 + std::chrono::seconds{1};
  const double span_days = double((t1 - t0).count()) / 86400.0;
  Unit u = span_days >= 40 * 365.25 ? Unit::Year : span_days >= 40 * 31 ? Unit::Month : span_days >= 40 ? Unit::Day
                                                                                                        : Unit::Second;
  // A view that starts and ends on whole years, months or days is written in them exactly (a step's own
  // "2015-09/2015-12" read back from the view it showed).
  for (const Unit exact : {Unit::Year, Unit::Month, Unit::Day})
    if (exact < u && starts_unit(t0, exact) && starts_unit(t1, exact)) {
      u = exact;
      break;
    }
  return unit_text(t0, u) + "/" + unit_text(t1 - std::chrono::seconds{1}, u);
}

StoryStep step_from_view(Seconds t0, Seconds t1, std::vector<std::string> lanes, std::vector<std::string> focus) {
  StoryStep st;
  st.range_text = edtf_range(t0, t1);
  st.lanes = std::move(lanes);
  st.focus = std::move(focus);
  return st;
}

EditOp insert_step(const Story& s, std::size_t at, const StoryStep& step) {
  return set_steps(s, with(s, [&](auto& v) { v.insert(v.begin() + std::ptrdiff_t(std::min(at, v.size())), step); }));
}

EditOp move_step(const Story& s, std::size_t from, std::size_t to) {
  return set_steps(s, with(s, [&](auto& v) {
    if (from >= v.size() || to >= v.size()) return;
    StoryStep moved = std::move(v[from]);
    v.erase(v.begin() + std::ptrdiff_t(from));
    v.insert(v.begin() + std::ptrdiff_t(to), std::move(moved));
  }));
}

EditOp delete_step(const Story& s, std::size_t k) {
  return set_steps(s, with(s, [&](auto& v) {
    if (k < v.size()) v.erase(v.begin() + std::ptrdiff_t(k));
  }));
}

EditOp set_step_text(const Story& s, std::size_t k, StepField field, const std::string& value) {
  return set_steps(s, with(s, [&](auto& v) {
    if (k >= v.size()) return;
    switch (field) {
      case StepField::Title: v[k].title = value; break;
      case StepField::Range: v[k].range_text = value; break;
      case StepField::Caption: v[k].caption = value; break;
      case StepField::Notes: v[k].notes = value; break;
    }
  }));
}

EditOp set_step_focus(const Story& s, std::size_t k, std::vector<std::string> focus) {
  return set_steps(s, with(s, [&](auto& v) {
    if (k < v.size()) v[k].focus = std::move(focus);
  }));
}

EditOp set_step_lanes(const Story& s, std::size_t k, std::vector<std::string> lanes) {
  return set_steps(s, with(s, [&](auto& v) {
    if (k < v.size()) v[k].lanes = std::move(lanes);
  }));
}

EditOp set_step_view(const Story& s, std::size_t k, const StoryStep& view) {
  return set_steps(s, with(s, [&](auto& v) {
    if (k >= v.size()) return;
    v[k].range_text = view.range_text;
    v[k].lanes = view.lanes;
    v[k].focus = view.focus;
  }));
}

EditOp set_story_title(const Story& s, const std::string& title) {
  return title.empty() ? EditOp::unset(s.id, "title", ListKind::Stories)
                       : EditOp::set(s.id, "title", scalar(title), ListKind::Stories);
}

EditOp add_story(const std::string& id, const std::string& title, const StoryStep& first) {
  std::string item = "{id: " + scalar(id);
  if (!title.empty()) item += ", title: " + scalar(title);
  return EditOp::add(item + ", steps: [" + step_yaml(first) + "]}", ListKind::Stories);
}

EditOp delete_story(const Story& s) { return EditOp::remove(s.id, ListKind::Stories); }

std::string new_story_id(const Timeline& t) {
  const auto taken = [&](const std::string& id) {
    return std::any_of(t.stories.begin(), t.stories.end(), [&](const Story& s) { return s.id == id; });
  };
  std::string id = "story";
  for (int n = 2; taken(id); ++n) id = "story-" + std::to_string(n);
  return id;
}

}  // namespace cs
