// Drags on the canvas turned into edits: press, a few pixels of movement to start, a preview while the
// button is down, one request on release. All time<->pixel math goes through the canvas's Viewport.
#include "app/canvas_editing.hpp"

#include "model/edtf_calendar.hpp"
#include "model/event_edits.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace cs {
namespace {

constexpr float kDragStart = 3.f;  // pixels before a press becomes a drag (the canvas pans after as many)
constexpr float kEdge = 5.f;       // pixels either side of an interval's end that grab the end

const ImU32 kPreview = IM_COL32(32, 96, 200, 255);
const ImU32 kPreviewFill = IM_COL32(32, 96, 200, 50);
const ImU32 kBandFill = IM_COL32(40, 110, 220, 40);
const ImU32 kBandLine = IM_COL32(40, 110, 220, 200);
const ImU32 kSelected = IM_COL32(30, 90, 200, 220);

float clamp_px(double x) { return float(std::clamp(x, -1e6, 1e6)); }

}  // namespace

std::optional<EditRequest> CanvasEditing::take_request() {
  std::optional<EditRequest> r = std::move(request_);
  request_.reset();
  return r;
}

std::string CanvasEditing::lane_at(const EditingView& v, float y) const {
  for (const LaneBand& b : v.layout.lanes)
    if (y >= b.y0 && y < b.y1) {
      const auto slots = v.index.slots();
      return b.slot < slots.size() && slots[b.slot].lane ? slots[b.slot].lane->id : std::string{};
    }
  return {};
}

// The event mark under (x, y) that a drag may take, and which part: an interval's end within a few pixels
// of it, else the whole event. Folds and ghosts are not grabbed.
const LayoutRecord* CanvasEditing::grabbable(const EditingView& v, float x, float y, DragPart& part) const {
  part = DragPart::Whole;
  const LayoutRecord* r = hit_test(v.layout, x, y);
  if (!r || r->kind == RecordKind::Fold) return nullptr;
  if (r->kind == RecordKind::Interval && y >= r->box.y0 && y < r->box.y1 && r->box.x1 - r->box.x0 > 3 * kEdge) {
    const EventStore& st = v.index.store();
    // Only an end drawn where it is (not one cut at the edge of the view).
    const auto at = [&](std::int64_t t) { return Seconds{std::chrono::seconds{t}}; };
    const bool start_shown = std::abs(v.viewport.to_x(at(st.start(r->event))) - r->box.x0) < 1.5;
    const bool end_shown = st.end(r->event) != INT64_MAX && std::abs(v.viewport.to_x(at(st.end(r->event))) - r->box.x1) < 1.5;
    if (start_shown && std::abs(x - r->box.x0) <= kEdge && !st.open_start(r->event) && !st.unknown_start(r->event))
      part = DragPart::Start;
    else if (end_shown && std::abs(x - r->box.x1) <= kEdge && !r->open_end && !st.unknown_end(r->event))
      part = DragPart::End;
  }
  return r;
}

std::int64_t CanvasEditing::drag_seconds(const EditingView& v) const {
  return std::llround(double(mouse_x_ - press_x_) * v.viewport.seconds_per_pixel());
}

void CanvasEditing::start_move(const EditingView& v, Selection& sel) {
  if (!sel.contains(grabbed_)) sel.select(grabbed_);
  moving_ = part_ == DragPart::Whole ? sel.ids : std::vector<std::string>{grabbed_};
  (void)v;
  log_.line("drag " + grabbed_ + (part_ == DragPart::Start ? " start" : part_ == DragPart::End ? " end" : ""));
}

void CanvasEditing::preview_move(const EditingView& v) {
  const EventStore& st = v.index.store();
  const std::int64_t delta = drag_seconds(v);
  const std::string target = part_ == DragPart::Whole ? lane_at(v, mouse_y_) : from_lane_;
  const bool to_other_lane = !target.empty() && target != from_lane_;
  const LaneBand* band = nullptr;
  for (const LaneBand& b : v.layout.lanes)
    if (mouse_y_ >= b.y0 && mouse_y_ < b.y1) band = &b;
  std::unordered_set<EventIndex> moving;
  for (const std::string& id : moving_)
    if (const auto e = v.doc.find_event(id)) moving.insert(*e);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float s = v.fb_scale;
  const auto screen = [&](float x, float y) { return ImVec2{(v.origin_x + x) / s, (v.origin_y + y) / s}; };
  for (const LayoutRecord& r : v.layout.records) {
    if (r.kind == RecordKind::Fold || !moving.count(r.event)) continue;
    const When w = st.when(r.event);
    const auto m = move_date(w, delta, part_);
    if (!m) continue;
    const auto dx = [&](Seconds before, Seconds after) {
      if (before == Seconds::min() || before == Seconds::max()) return 0.0;
      return v.viewport.to_x(after) - v.viewport.to_x(before);
    };
    Box b = r.box;
    b.x0 = clamp_px(b.x0 + dx(w.begin_time(), m->when.begin_time()));
    b.x1 = clamp_px(b.x1 + dx(w.end_time(), m->when.end_time()));
    if (b.x1 - b.x0 < 4) b.x1 = b.x0 + 4;
    if (to_other_lane && band && std::string_view{st.id(r.event)} == grabbed_) {
      const float h = b.y1 - b.y0;
      b.y0 = band->y0 + v.cfg.lane_padding;
      b.y1 = b.y0 + h;
    }
    dl->AddRectFilled(screen(b.x0, b.y0), screen(b.x1, b.y1), kPreviewFill, 2.f);
    dl->AddRect(screen(b.x0, b.y0), screen(b.x1, b.y1), kPreview, 2.f, 0, 2.f);
  }
  // The new date, written and read, beside the pointer.
  const auto e = v.doc.find_event(grabbed_);
  if (!e) return;
  const auto m = move_date(st.when(*e), delta, part_);
  ImGui::BeginTooltip();
  if (m) {
    ImGui::TextUnformatted(m->text.c_str());
    ImGui::TextDisabled("%s", describe(m->when).c_str());
  } else {
    ImGui::TextUnformatted("This date cannot be dragged: change it in the inspector.");
  }
  if (to_other_lane) {
    const Lane* l = v.doc.timeline().find_lane(target);
    ImGui::TextDisabled("%s %s", ImGui::GetIO().KeyAlt ? "add lane" : "to lane", l ? l->name.c_str() : target.c_str());
  }
  ImGui::EndTooltip();
}

void CanvasEditing::finish_move(const EditingView& v) {
  const Timeline& t = v.doc.timeline();
  const std::int64_t delta = drag_seconds(v);
  const std::string target = part_ == DragPart::Whole ? lane_at(v, mouse_y_) : std::string{};
  const bool add = ImGui::GetIO().KeyAlt;
  EditRequest req;
  std::size_t moved = 0;
  for (const std::string& id : moving_) {
    const auto e = v.doc.find_event(id);
    if (!e) continue;
    if (const auto m = move_date(t.store().when(*e), delta, part_); m && m->changed) {
      req.ops.push_back(EditOp::set(id, "date", yaml_scalar(m->text)));
      ++moved;
    }
    if (!target.empty() && target != from_lane_) {
      const auto lanes = t.store().lanes(*e);
      const bool in_from = from_lane_.empty() ? lanes.empty()
                                              : std::any_of(lanes.begin(), lanes.end(), [&](LaneId l) {
                                                  return l < t.lanes.size() && t.lanes[l].id == from_lane_;
                                                });
      if (in_from)
        if (auto op = change_lane(t, *e, from_lane_, target, add)) req.ops.push_back(std::move(*op));
    }
  }
  if (req.ops.empty()) {
    log_.line("drag nothing");
    return;
  }
  const std::string what = moving_.size() == 1 ? grabbed_ : std::to_string(moving_.size()) + " events";
  if (part_ != DragPart::Whole) req.label = "Resize " + what;
  else if (moved == 0) req.label = (add ? "Add lane " + target + " to " : "Move to lane " + target + ": ") + what;
  else req.label = "Move " + what;
  log_.line("drag end " + req.label);
  request_ = std::move(req);
}

void CanvasEditing::finish_band(const EditingView& v, Selection& sel) {
  const Box band{std::min(press_x_, mouse_x_), std::min(press_y_, mouse_y_), std::max(press_x_, mouse_x_),
                 std::max(press_y_, mouse_y_)};
  if (!ImGui::GetIO().KeyCtrl) sel.clear();
  const EventStore& st = v.index.store();
  for (const LayoutRecord& r : v.layout.records) {
    if (r.kind == RecordKind::Fold || !r.box.overlaps(band)) continue;
    std::string id{st.id(r.event)};
    if (!sel.contains(id)) sel.ids.push_back(std::move(id));
  }
  log_.line("band " + std::to_string(sel.ids.size()));
}

bool CanvasEditing::frame(const EditingView& v, Selection& sel) {
  const ImGuiIO& io = ImGui::GetIO();
  const float s = v.fb_scale;
  mouse_x_ = io.MousePos.x * s - v.origin_x;
  mouse_y_ = io.MousePos.y * s - v.origin_y;
  const bool in_plot = mouse_x_ >= v.cfg.header_width && mouse_y_ >= v.cfg.axis_height;
  span_ = v.viewport.span_seconds();
  if (v.hovered && in_plot) {
    cursor_ = v.viewport.to_time(mouse_x_);
    cursor_lane_ = lane_at(v, mouse_y_);
  } else {
    cursor_ = v.viewport.to_time(v.viewport.left() + v.viewport.width() / 2);
    cursor_lane_.clear();
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto screen = [&](float x, float y) { return ImVec2{(v.origin_x + x) / s, (v.origin_y + y) / s}; };

  // The other selected events are framed too (the scene frames the first).
  if (sel.ids.size() > 1) {
    std::unordered_set<EventIndex> others;
    for (std::size_t k = 1; k < sel.ids.size(); ++k)
      if (const auto e = v.doc.find_event(sel.ids[k])) others.insert(*e);
    for (const LayoutRecord& r : v.layout.records)
      if (r.kind != RecordKind::Fold && others.count(r.event))
        dl->AddRect(screen(r.box.x0 - 3, r.box.y0 - 3), screen(r.box.x1 + 3, r.box.y1 + 3), kSelected, 2.f, 0, 2.f);
  }

  if (gesture_ == Gesture::None && v.hovered && in_plot) {
    DragPart part = DragPart::Whole;
    const bool editable = v.doc.read_only_reason().empty();
    const LayoutRecord* r = editable ? grabbable(v, mouse_x_, mouse_y_, part) : nullptr;
    if (r && part != DragPart::Whole) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      press_x_ = mouse_x_, press_y_ = mouse_y_;
      if (io.KeyShift && !event_at(v.layout, mouse_x_, mouse_y_)) {
        gesture_ = Gesture::ArmedBand;
      } else if (r) {
        gesture_ = Gesture::ArmedMove;
        grabbed_ = std::string{v.index.store().id(r->event)};
        const auto slots = v.index.slots();
        from_lane_ = r->slot < slots.size() && slots[r->slot].lane ? slots[r->slot].lane->id : std::string{};
        part_ = part;
      }
    }
  }
  const bool down = ImGui::IsMouseDown(ImGuiMouseButton_Left);
  switch (gesture_) {
    case Gesture::None: return false;
    case Gesture::ArmedMove:
    case Gesture::ArmedBand:
      if (!down) {
        gesture_ = Gesture::None;  // a click: the canvas selects
        return false;
      }
      if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragStart)) return false;
      if (gesture_ == Gesture::ArmedMove) {
        start_move(v, sel);
        gesture_ = Gesture::Move;
      } else {
        gesture_ = Gesture::Band;
      }
      [[fallthrough]];
    case Gesture::Move:
    case Gesture::Band:
      if (gesture_ == Gesture::Move) {
        ImGui::SetMouseCursor(part_ == DragPart::Whole ? ImGuiMouseCursor_ResizeAll : ImGuiMouseCursor_ResizeEW);
        if (down) preview_move(v);
        else finish_move(v);
      } else if (down) {
        dl->AddRectFilled(screen(press_x_, press_y_), screen(mouse_x_, mouse_y_), kBandFill);
        dl->AddRect(screen(press_x_, press_y_), screen(mouse_x_, mouse_y_), kBandLine);
      } else {
        finish_band(v, sel);
      }
      if (!down) gesture_ = Gesture::None;
      return true;
  }
  return false;
}

CanvasEditing::Place CanvasEditing::new_event_place() const {
  namespace cal = calendar;
  constexpr double kYear = 365.2425 * 86400;
  const cal::Civil c = cal::civil_of(cursor_);
  Date d;
  if (span_ > 40 * kYear) d.precision = Precision::Year, d.start = cal::start_of(c.year);
  else if (span_ > 2 * kYear) d.precision = Precision::Month, d.start = cal::start_of(c.year, c.month);
  else d.precision = Precision::Day, d.start = cal::start_of(c.year, c.month, c.day);
  return {edtf_text(d).value_or("2000"), cursor_lane_};
}

}  // namespace cs
