// Canvas input mapping and animation. All time<->pixel math goes through Viewport.
#include "app/timeline_canvas.hpp"

#include <imgui.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>

namespace cs {
namespace {
constexpr double kAnimSeconds = 0.22;
constexpr double kWheelStep = 0.8;  // span factor per wheel notch
double ease(double t) { return 1 - (1 - t) * (1 - t) * (1 - t); }
}  // namespace

void TimelineCanvas::animate_to(const Viewport& target, double anchor_x) {
  anim_from_ = view_.viewport;
  target_ = target;
  anchor_x_ = anchor_x;
  anim_t_ = 0;
}

void TimelineCanvas::step_animation(double dt) {
  if (anim_t_ >= 1.0) return;
  anim_t_ = std::min(1.0, anim_t_ + dt / kAnimSeconds);
  view_.viewport = Viewport::interpolate(anim_from_, target_, ease(anim_t_), anchor_x_);
  if (anim_t_ >= 1.0) log_view();
}

void TimelineCanvas::fit_all() {
  const CanvasView fit = cs::fit_all(index_, view_.width, view_.height, cfg_);
  animate_to(fit.viewport, fit.viewport.left() + fit.viewport.width() / 2);
  scroll_target_ = 0;
}

void TimelineCanvas::set_view(const Viewport& vp) {
  anim_t_ = 1.0;
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
  t.pan_pixels(-f * t.width());
  animate_to(t, t.left() + t.width() / 2);
}

void TimelineCanvas::focus_event(EventIndex e) {
  Seconds t0, t1, first, last;
  if (!index_.extent(first, last)) last = Seconds{};
  event_focus_range(index_.store().when(e), last, t0, t1);
  Viewport t = view_.viewport;
  t.show(t0, t1);
  animate_to(t, t.left() + t.width() / 2);
  // Bring the event's lane into view.
  for (const LaneBand& l : scene_.layout.lanes) {
    const auto lanes = index_.store().lanes(e);
    const bool in_lane = l.slot < index_.timeline().lanes.size()
                             ? std::find(lanes.begin(), lanes.end(), LaneId(l.slot)) != lanes.end()
                             : lanes.empty();
    if (!in_lane) continue;
    const float top = l.y0 + view_.scroll_y - cfg_.axis_height;
    if (top < view_.scroll_y || top + (l.y1 - l.y0) > view_.scroll_y + view_.height - cfg_.axis_height)
      scroll_target_ = top;
    break;
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

void TimelineCanvas::tooltip(const LayoutRecord& r) const {
  ImGui::BeginTooltip();
  if (r.kind == RecordKind::Fold) {
    ImGui::Text("%s events", compact_count(r.count).c_str());
    ImGui::TextDisabled("Zoom in or double-click to open them up");
  } else {
    const EventStore& st = index_.store();
    const std::string title{st.title(r.event)}, date{st.date_text(r.event)};
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s", date.c_str());
  }
  ImGui::EndTooltip();
}

void TimelineCanvas::handle_mouse(Selection& sel, float s) {
  const ImGuiIO& io = ImGui::GetIO();
  const float mx = io.MousePos.x * s - fb_x_, my = io.MousePos.y * s - fb_y_;
  const bool hovered = ImGui::IsItemHovered();
  const LayoutRecord* hit = hovered ? hit_test(scene_.layout, mx, my) : nullptr;
  // Ignore hits in the header column and under the axis: those areas draw over the plot.
  if (hit && (mx < cfg_.header_width || my < cfg_.axis_height)) hit = nullptr;
  const auto hovered_event = hit && hit->kind != RecordKind::Fold ? std::optional<EventIndex>{hit->event} : std::nullopt;
  if (hovered_event != sel.hovered)
    log_.line("hover " + (hovered_event ? std::string{index_.store().id(*hovered_event)} : std::string{"-"}));
  sel.hovered = hovered_event;
  if (hit && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) tooltip(*hit);

  if (hovered && io.MouseWheel != 0) {
    if (io.KeyShift) {
      scroll_target_ -= io.MouseWheel * cfg_.row_height * 3;
    } else {
      Viewport t = anim_t_ < 1.0 ? target_ : view_.viewport;
      t.zoom_at(std::max<double>(mx, cfg_.header_width), std::pow(kWheelStep, io.MouseWheel));
      animate_to(t, std::max<double>(mx, cfg_.header_width));
    }
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.f)) {
    if (!dragging_) anim_t_ = 1.0;  // a drag takes over from any animation
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
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && hit) {
    if (hit->kind == RecordKind::Fold) {
      Viewport t = view_.viewport;
      const double pad = std::max(20.0, double(hit->box.x1 - hit->box.x0) * 0.2);
      t.show(t.to_time(hit->box.x0 - pad), t.to_time(hit->box.x1 + pad));
      animate_to(t, (hit->box.x0 + hit->box.x1) / 2);
    } else {
      sel.selected = hit->event;
      focus_event(hit->event);
    }
  } else if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !was_drag) {
    if (hit && hit->kind != RecordKind::Fold) sel.selected = hit->event;
    else if (!hit) sel.selected.reset();
  }
}

void TimelineCanvas::handle_keys() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || io.KeyCtrl) return;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) pan_fraction(0.125);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) pan_fraction(-0.125);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) scroll_target_ -= cfg_.row_height * 2;
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) scroll_target_ += cfg_.row_height * 2;
  if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) zoom(0.6);
  if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) zoom(1 / 0.6);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) fit_all();
}

void TimelineCanvas::draw(float x, float y, float w, float h, float s, Selection& sel) {
  fb_x_ = std::round(x * s);
  fb_y_ = std::round(y * s);
  const float fw = std::round(w * s), fh = std::round(h * s);
  if (!initialised_ || fw != view_.width || fh != view_.height) {
    view_.width = fw;
    view_.height = fh;
    if (!initialised_) {
      view_ = cs::fit_all(index_, fw, fh, cfg_);
      target_ = view_.viewport;
      initialised_ = true;
      log_view();
    } else {
      view_.viewport.set_width(cfg_.header_width, std::max(1.f, fw - cfg_.header_width));
      target_.set_width(cfg_.header_width, std::max(1.f, fw - cfg_.header_width));
      anim_from_.set_width(cfg_.header_width, std::max(1.f, fw - cfg_.header_width));
    }
    log_.line("canvas " + std::to_string(int(x)) + " " + std::to_string(int(y)) + " " + std::to_string(int(w)) +
              " " + std::to_string(int(h)));
  }
  ImGui::SetNextWindowPos({x, y});
  ImGui::SetNextWindowSize({w, h});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::Begin("##timeline", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::InvisibleButton("##plot", {w, h});
  handle_mouse(sel, s);
  if (ImGui::IsWindowFocused() || !ImGui::IsAnyItemActive()) handle_keys();
  ImGui::End();
  ImGui::PopStyleVar(2);

  if (sel.focus_request) {
    focus_event(*sel.focus_request);
    sel.focus_request.reset();
  }
  step_animation(ImGui::GetIO().DeltaTime);
  // Vertical scroll eases towards its target.
  view_.scroll_y += (scroll_target_ - view_.scroll_y) * std::min(1.f, ImGui::GetIO().DeltaTime * 14.f);
  if (std::abs(scroll_target_ - view_.scroll_y) < 0.5f) view_.scroll_y = scroll_target_;
  clamp_scroll();
  state_.selected = sel.selected;
  state_.hovered = sel.hovered;
  build_scene(scene_, index_, view_, font_, cfg_, theme_, state_);
}

void TimelineCanvas::render_gl(gl::QuadRenderer& renderer, int fb_height) const {
  renderer.draw(scene_.draw, int(fb_x_), int(fb_y_), int(view_.width), int(view_.height), fb_height, theme_.background);
}

}  // namespace cs
