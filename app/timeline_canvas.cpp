// Canvas input mapping, animation, revealing an event, tooltips and the context bar. All time<->pixel math
// goes through Viewport (and the context bar's own mapping).
#include "app/timeline_canvas.hpp"

#include "app/context_strip.hpp"

#include <imgui.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>

namespace cs {
namespace {
constexpr double kAnimSeconds = 0.22;
constexpr double kWheelStep = 0.8;  // span factor per wheel notch
double ease(double t) { return 1 - (1 - t) * (1 - t) * (1 - t); }

Seconds at(std::int64_t s) { return Seconds{std::chrono::seconds{s}}; }
// Frames an event being revealed may take to come into view after the view settled (then it is given up).
constexpr int kRevealFrames = 90;
}  // namespace

TimelineCanvas::TimelineCanvas(const Font& font, LayoutConfig cfg, const UiLog& log)
    : font_(font), base_cfg_(cfg), cfg_(cfg), log_(log) {}

void TimelineCanvas::animate_to(const Viewport& target, double anchor_x) {
  flight_.reset();
  anim_from_ = view_.viewport;
  target_ = target;
  anchor_x_ = anchor_x;
  anim_t_ = 0;
}

void TimelineCanvas::fly_to(const Viewport& vp) {
  Viewport to = vp;
  to.set_width(view_.viewport.left(), view_.viewport.width());
  anim_t_ = 1.0;
  flight_ = plan_flight(view_.viewport, to);
  flight_t_ = 0;
  target_ = to;
}

std::vector<std::uint32_t> TimelineCanvas::lanes_in_sight() const {
  std::vector<std::uint32_t> out;
  for (const LaneBand& l : scene_.layout.lanes)
    if (l.y1 > cfg_.axis_height && l.y0 < view_.height) out.push_back(l.slot);
  return out;
}

void TimelineCanvas::step_animation(double dt) {
  if (flight_) {
    flight_t_ += dt;
    view_.viewport = flight_view(*flight_, flight_t_);
    if (flight_done(*flight_, flight_t_)) flight_.reset(), log_view();
    return;
  }
  if (anim_t_ >= 1.0) return;
  anim_t_ = std::min(1.0, anim_t_ + dt / kAnimSeconds);
  view_.viewport = Viewport::interpolate(anim_from_, target_, ease(anim_t_), anchor_x_);
  if (anim_t_ >= 1.0) log_view();
}

void TimelineCanvas::fit_all(const TimelineIndex& index) {
  const CanvasView fit = cs::fit_all(index, view_.width, view_.height, cfg_);
  animate_to(fit.viewport, fit.viewport.left() + fit.viewport.width() / 2);
  scroll_target_ = 0;
}

void TimelineCanvas::set_view(const Viewport& vp) {
  anim_t_ = 1.0;
  flight_.reset();
  view_.viewport = vp;
  view_.viewport.set_width(cfg_.header_width, std::max(1.f, view_.width - cfg_.header_width));
  target_ = view_.viewport;
}

void TimelineCanvas::zoom(double factor) {
  const double cx = target_.left() + target_.width() / 2;
  Viewport t = anim_t_ < 1.0 ? target_ : view_.viewport;
  t.zoom_at(cx, factor);
  animate_to(t, cx);
}

void TimelineCanvas::pan_fraction(double f) {
  Viewport t = anim_t_ < 1.0 ? target_ : view_.viewport;
  t.pan_pixels(-f * t.width());  // the content moves left: later times come into view
  animate_to(t, t.left() + t.width() / 2);
}

void TimelineCanvas::focus_event(const TimelineIndex& index, EventIndex e) {
  reveal_ = std::string{index.store().id(e)};
  reveal_frames_ = reveal_steady_ = 0;
  Seconds t0, t1, first, last;
  if (!index.extent(first, last)) last = Seconds{};
  event_focus_range(index.store().when(e), last, t0, t1);
  Viewport t = view_.viewport;
  t.show(t0, t1);
  animate_to(t, t.left() + t.width() / 2);
  // Bring the event's lane into view.
  for (const LaneBand& l : scene_.layout.lanes) {
    const auto lanes = index.store().lanes(e);
    const bool in_lane = l.slot < index.timeline().lanes.size()
                             ? std::find(lanes.begin(), lanes.end(), LaneId(l.slot)) != lanes.end()
                             : lanes.empty();
    if (!in_lane) continue;
    const float top = l.y0 + view_.scroll_y - cfg_.axis_height;
    if (top < view_.scroll_y || top + (l.y1 - l.y0) > view_.scroll_y + view_.height - cfg_.axis_height)
      scroll_target_ = top;
    break;
  }
}

// After focus_event: once the view settles, the event's mark must stand in the plot. Its lane may have
// moved as rows were shared anew at the new zoom, so the scroll follows the mark itself.
void TimelineCanvas::reveal(const CanvasFrame& f) {
  const auto e = f.doc.find_event(*reveal_);
  if (!e || !f.index.contains(*e)) {  // gone, or filtered out
    reveal_.reset();
    return;
  }
  const LayoutRecord* mark = nullptr;
  for (const LayoutRecord& r : scene_.layout.records)
    if (r.kind != RecordKind::Fold && r.event == *e) {
      mark = &r;
      break;
    }
  if (anim_t_ < 1.0) return;  // the zoom is still on its way
  const float top = cfg_.axis_height, bottom = view_.height;
  if (mark) {
    const float y0 = std::min(mark->box.y0, mark->has_label ? mark->label_box.y0 : mark->box.y0);
    const float y1 = std::max(mark->box.y1, mark->has_label ? mark->label_box.y1 : mark->box.y1);
    if (y0 < top || y1 > bottom) {
      // Its row a third of the way down the plot.
      scroll_target_ = view_.scroll_y + (y0 - top) - (bottom - top) / 3;
      clamp_scroll();
      reveal_steady_ = 0;
    } else if (scroll_target_ == view_.scroll_y && ++reveal_steady_ >= 2) {  // and stays there a frame
      const float s = f.fb_scale;
      const Box& b = mark->box;
      log_.line("revealed " + *reveal_ + " " + std::to_string(int((fb_x_ + b.x0) / s)) + " " +
                std::to_string(int((fb_y_ + b.y0) / s)) + " " + std::to_string(int(std::ceil((fb_x_ + b.x1) / s))) +
                " " + std::to_string(int(std::ceil((fb_y_ + b.y1) / s))));
      reveal_.reset();
      return;
    }
  }
  if (++reveal_frames_ > kRevealFrames) {
    log_.line("not revealed " + *reveal_);
    reveal_.reset();
  }
}

void TimelineCanvas::log_view() const {
  log_.line("view " + format_iso(view_.viewport.start()) + " " + format_iso(view_.viewport.end()));
}

void TimelineCanvas::clamp_scroll() {
  const float room = view_.height - cfg_.axis_height;
  const float max_scroll = std::max(0.f, scene_.layout.content_height - room + cfg_.row_height);
  scroll_target_ = std::clamp(scroll_target_, 0.f, max_scroll);
  view_.scroll_y = std::clamp(view_.scroll_y, 0.f, max_scroll);
}

// Beside the mark, below its row (above it near the bottom), so it never covers the mark or its label; the
// date written out.
void TimelineCanvas::tooltip(const CanvasFrame& f, const LayoutRecord& r) const {
  const float s = f.fb_scale;
  const float row_top = std::min(r.box.y0, r.has_label ? r.label_box.y0 : r.box.y0);
  const float row_bottom = std::max(r.box.y1, r.has_label ? r.label_box.y1 : r.box.y1);
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const int lines = r.kind == RecordKind::Fold ? 3 + std::min<int>(6, r.preview_count) : 2;
  const float est_h = float(lines) * line + ImGui::GetStyle().WindowPadding.y * 2;
  const float est_w = ImGui::GetFontSize() * 28 + ImGui::GetStyle().WindowPadding.x * 2;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  // At the mark's visible start (a long bar may begin far left of the plot), kept on the screen.
  const float mark_x = std::max(r.box.x0, cfg_.header_width);
  const float x = std::clamp((fb_x_ + mark_x) / s, 0.f, std::max(0.f, display.x - est_w));
  const float below = (fb_y_ + row_bottom) / s + 6;
  if (below + est_h <= display.y) ImGui::SetNextWindowPos({x, below});
  else ImGui::SetNextWindowPos({x, (fb_y_ + row_top) / s - 6}, ImGuiCond_Always, {0, 1});
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  const EventStore& st = f.index.store();
  if (r.kind == RecordKind::Fold) {
    ImGui::Text("%s events", compact_count(r.count).c_str());
    const FoldContents c = fold_contents(st, r, 6);
    for (const FoldEntry& e : c.first) {
      ImGui::Bullet();
      ImGui::SameLine();
      ImGui::TextWrapped("%s  (%s)", e.title.c_str(), describe(st.when(e.event)).c_str());
    }
    if (c.more) ImGui::TextDisabled("and %s more", compact_count(c.more).c_str());
    ImGui::TextDisabled("Double-click to zoom to them");
  } else {
    const std::string title = cap_text(st.title(r.event), kMaxLabelChars);
    ImGui::TextUnformatted(title.c_str());
    ImGui::TextDisabled("%s", describe(st.when(r.event)).c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// Presses and drags on the context bar; true while it has the mouse (the canvas then neither pans nor
// selects). A press on the bar's header cell switches between all events and per lane.
bool TimelineCanvas::handle_context_bar(float mx, float my, bool hovered) {
  const bool in_strip = my >= cfg_.context_bar_top() && my < cfg_.axis_height;
  if (hovered && in_strip && mx >= 0 && mx < cfg_.header_width) {
    ImGui::SetTooltip("Density of the whole timeline %s. Click: show it %s.", per_lane_ ? "per lane" : "of all events",
                      per_lane_ ? "for all events together" : "per lane");
    if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
      per_lane_ = !per_lane_;
      log_.line(std::string{"context bar "} + (per_lane_ ? "per lane" : "overall"));
    }
    return true;
  }
  const ContextBarPart part = hovered && in_strip ? context_bar_hit(bar_, mx, my) : ContextBarPart::None;
  if (part == ContextBarPart::LeftEdge || part == ContextBarPart::RightEdge || bar_drag_ == ContextBarPart::LeftEdge ||
      bar_drag_ == ContextBarPart::RightEdge)
    ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  else if (part != ContextBarPart::None || bar_drag_ != ContextBarPart::None)
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (part != ContextBarPart::None && ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
    bar_drag_ = part;
    bar_start_ = view_.viewport;
    bar_press_x_ = mx;
    anim_t_ = 1.0;
  }
  if (bar_drag_ == ContextBarPart::None) return in_strip && hovered;
  if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    view_.viewport = drag_context_bar(bar_, bar_drag_, bar_start_, bar_press_x_, mx - bar_press_x_);
    target_ = view_.viewport;
  } else {
    bar_drag_ = ContextBarPart::None;
    log_view();
  }
  return true;
}

// `editing`: a drag of app/canvas_editing owns the mouse this frame (no pan, no selection change).
void TimelineCanvas::handle_mouse(const CanvasFrame& f, Selection& sel, bool editing) {
  const ImGuiIO& io = ImGui::GetIO();
  const float s = f.fb_scale;
  const float mx = io.MousePos.x * s - fb_x_, my = io.MousePos.y * s - fb_y_;
  const bool hovered = f.input && ImGui::IsItemHovered();
  const EventStore& st = f.index.store();
  if (!editing && handle_context_bar(mx, my, hovered)) {
    if (!sel.hovered.empty()) log_.line("hover -");
    sel.hovered.clear();
    return;
  }
  // Hits in the header column and under the axis are not hits: those areas draw over the plot.
  const bool in_plot = mx >= cfg_.header_width && my >= cfg_.axis_height;
  const LayoutRecord* hit = hovered && in_plot ? hit_test(scene_.layout, mx, my) : nullptr;
  // The event under the mouse (a mark, a label or a ghost), or -1.
  const std::int64_t at_mouse = [&]() -> std::int64_t {
    if (!hovered || !in_plot) return -1;
    const auto e = event_at(scene_.layout, mx, my);
    return e ? std::int64_t(*e) : -1;
  }();
  const std::string hovered_id = at_mouse >= 0 ? std::string{st.id(EventIndex(at_mouse))} : std::string{};
  if (hovered_id != sel.hovered) log_.line("hover " + (hovered_id.empty() ? std::string{"-"} : hovered_id));
  sel.hovered = hovered_id;
  if (hit && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) tooltip(f, *hit);

  if (hovered && io.MouseWheel != 0) {
    if (io.KeyShift) {
      scroll_target_ -= io.MouseWheel * cfg_.row_height * 3;
    } else {
      Viewport t = anim_t_ < 1.0 ? target_ : view_.viewport;
      t.zoom_at(std::max<double>(mx, cfg_.header_width), std::pow(kWheelStep, io.MouseWheel));
      animate_to(t, std::max<double>(mx, cfg_.header_width));
    }
  }
  if (!editing && f.input && ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.f)) {
    if (!dragging_) anim_t_ = 1.0, flight_.reset();  // a drag takes over from any animation
    dragging_ = true;
    view_.viewport.pan_pixels(io.MouseDelta.x * s);
    view_.scroll_y -= io.MouseDelta.y * s;
    scroll_target_ = view_.scroll_y;
  }
  const bool was_drag = dragging_;
  if (dragging_ && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    dragging_ = false;
    log_view();
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    if (hit && hit->kind == RecordKind::Fold) {
      // To the fold's own extent: its events spread over the view (repeated, this reaches single events).
      const std::int64_t pad = std::max<std::int64_t>(60, (hit->t1 - hit->t0) / 10);
      Viewport t = view_.viewport;
      t.show(at(hit->t0 - pad), at(hit->t1 + pad));
      animate_to(t, t.left() + t.width() / 2);
    } else if (at_mouse >= 0) {
      sel.select(hovered_id);
      focus_event(f.index, EventIndex(at_mouse));
    }
  } else if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !was_drag && !editing) {
    if (at_mouse >= 0) {
      if (io.KeyCtrl) sel.toggle(hovered_id);
      else sel.select(hovered_id);
    } else if (!hit && !io.KeyCtrl) {
      sel.clear();
    }
  }
}

void TimelineCanvas::handle_keys(const TimelineIndex& index) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;  // Alt+arrows move the selected events
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) pan_fraction(0.125);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) pan_fraction(-0.125);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) scroll_target_ -= cfg_.row_height * 2;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) scroll_target_ += cfg_.row_height * 2;
  if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) zoom(0.6);
  if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) zoom(1 / 0.6);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) fit_all(index);
}

void TimelineCanvas::draw(const CanvasFrame& f, Selection& sel) {
  const float s = f.fb_scale;
  const Rect& r = f.rect;
  cfg_ = base_cfg_.with_context_bar(context_strip_height(base_cfg_, f.index.slots().size(), per_lane_))
             .with_calendars(int(f.calendars.size()));
  fb_x_ = std::round(r.x * s);
  fb_y_ = std::round(r.y * s);
  const float fw = std::round(r.w * s), fh = std::round(r.h * s);
  if (!initialised_ || fw != view_.width || fh != view_.height) {
    view_.width = fw;
    view_.height = fh;
    if (!initialised_) {
      view_ = cs::fit_all(f.index, fw, fh, cfg_);  // the canvas that is actually visible
      target_ = view_.viewport;
      initialised_ = true;
      log_view();
    } else {  // a panel opened or closed, the window was resized: the same time range, wider or narrower
      flight_.reset();
      for (Viewport* v : {&view_.viewport, &target_, &anim_from_}) {
        const Seconds a = v->start(), b = v->start() + std::chrono::seconds{std::llround(v->span_seconds())};
        v->set_width(cfg_.header_width, std::max(1.f, fw - cfg_.header_width));
        v->show(a, b);
      }
    }
    log_.line("canvas " + std::to_string(int(r.x)) + " " + std::to_string(int(r.y)) + " " + std::to_string(int(r.w)) +
              " " + std::to_string(int(r.h)));
  }
  ImGui::SetNextWindowPos({r.x, r.y});
  ImGui::SetNextWindowSize({r.w, r.h});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::Begin("##timeline", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::InvisibleButton("##plot", {r.w, r.h});
  const bool editing = f.editing && f.editing->frame({f.doc, f.index, scene_.layout, view_.viewport, cfg_, fb_x_, fb_y_, s,
                                                      f.input && ImGui::IsItemHovered()},
                                                     sel);
  handle_mouse(f, sel, editing);
  if (f.keys && (ImGui::IsWindowFocused() || !ImGui::IsAnyItemActive())) handle_keys(f.index);
  ImGui::End();
  ImGui::PopStyleVar(2);

  if (sel.focus_request) {
    if (const auto e = f.doc.find_event(*sel.focus_request)) focus_event(f.index, *e);
    sel.focus_request.reset();
  }
  step_animation(ImGui::GetIO().DeltaTime);
  // Vertical scroll eases towards its target.
  view_.scroll_y += (scroll_target_ - view_.scroll_y) * std::min(1.f, ImGui::GetIO().DeltaTime * 14.f);
  if (std::abs(scroll_target_ - view_.scroll_y) < 0.5f) view_.scroll_y = scroll_target_;
  clamp_scroll();
  if (view_.scroll_y == scroll_target_ && view_.scroll_y != logged_scroll_) {
    logged_scroll_ = view_.scroll_y;
    log_.line("scroll " + std::to_string(int(view_.scroll_y)));
  }
  // Events the filter leaves out are not in the index: they can be neither the layout's focus nor hovered.
  const auto shown = [&](const std::string* id) -> std::optional<EventIndex> {
    if (!id || id->empty()) return std::nullopt;
    const auto e = f.doc.find_event(*id);
    return e && f.index.contains(*e) ? e : std::nullopt;
  };
  state_.selected = shown(sel.primary());
  state_.hovered = shown(&sel.hovered);
  build_scene(scene_, f.index, view_, font_, cfg_, theme_, state_, f.calendars);
  draw_context_bar_strip(f);
  if (reveal_) reveal(f);
}

// The strip at the bottom of the axis: the profile (rebuilt only when the data, the width or the mode
// changed), the current view as its window, and the mode named in the header cell.
void TimelineCanvas::draw_context_bar_strip(const CanvasFrame& f) {
  const Box area = context_strip_area(cfg_, view_.width);
  const std::size_t bins = context_strip_bins(area.x1 - area.x0);
  if (density_generation_ != f.data_generation || density_index_ != &f.index || density_.bins != bins ||
      density_.per_lane != per_lane_) {
    density_ = build_density(f.index, bins, per_lane_);
    density_generation_ = f.data_generation;
    density_index_ = &f.index;
  }
  bar_ = make_context_bar(density_, area, view_.viewport);
  QuadSink sink{scene_.draw, font_};
  draw_context_strip(sink, cfg_, bar_, density_, f.index.timeline(), theme_, font_);
}

void TimelineCanvas::render_gl(gl::QuadRenderer& renderer, int fb_height) const {
  renderer.draw(scene_.draw, int(fb_x_), int(fb_y_), int(view_.width), int(view_.height), fb_height, theme_.background);
}

}  // namespace cs
