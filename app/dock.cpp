// Area windows are plain ImGui windows at fixed places (no docking branch in 1.86); a splitter is a thin
// invisible button on the border between an area and the canvas.
#include "app/dock.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace cs {
namespace {
constexpr float kSplitter = 6;   // width of the grip, unscaled
constexpr float kMinCanvas = 240;  // the canvas keeps at least this much, unscaled
const char* area_name(Area a) { return a == Area::Left ? "left" : a == Area::Right ? "right" : "bottom"; }
}  // namespace

void Dock::install_settings(ImGuiContext* ctx) {
  ImGuiSettingsHandler h;
  h.TypeName = "ChronoscopeDock";
  h.TypeHash = ImHashStr("ChronoscopeDock");
  h.ReadOpenFn = read_open;
  h.ReadLineFn = read_line;
  h.WriteAllFn = write_all;
  h.UserData = this;
  ctx->SettingsHandlers.push_back(h);
}

void* Dock::read_open(ImGuiContext*, ImGuiSettingsHandler* h, const char*) { return h->UserData; }

void Dock::read_line(ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line) {
  auto* d = static_cast<Dock*>(entry);
  float v = 0;
  char name[64] = {}, where[16] = {};
  int open = 0;
  if (std::sscanf(line, "Left=%f", &v) == 1) d->left_ = v;
  else if (std::sscanf(line, "Right=%f", &v) == 1) d->right_ = v;
  else if (std::sscanf(line, "Bottom=%f", &v) == 1) d->bottom_ = v;
  else if (std::sscanf(line, "Panel=%63[^,],%15[^,],%d", name, where, &open) == 3)
    if (Panel* p = d->find(name)) {
      p->area = std::strcmp(where, "left") == 0 ? Area::Left : std::strcmp(where, "right") == 0 ? Area::Right : Area::Bottom;
      p->open = open != 0;
    }
}

void Dock::write_all(ImGuiContext*, ImGuiSettingsHandler* h, ImGuiTextBuffer* out) {
  const auto* d = static_cast<const Dock*>(h->UserData);
  out->appendf("[%s][Layout]\nLeft=%.0f\nRight=%.0f\nBottom=%.0f\n", h->TypeName, d->left_, d->right_, d->bottom_);
  for (const Panel& p : d->panels_) out->appendf("Panel=%s,%s,%d\n", p.name.c_str(), area_name(p.area), p.open ? 1 : 0);
  out->append("\n");
}

void Dock::add(std::string name, std::string title, Area area, bool open) {
  panels_.push_back({std::move(name), std::move(title), area, open});
}

Dock::Panel* Dock::find(const std::string& name) {
  auto it = std::find_if(panels_.begin(), panels_.end(), [&](const Panel& p) { return p.name == name; });
  return it == panels_.end() ? nullptr : &*it;
}
const Dock::Panel* Dock::find(const std::string& name) const { return const_cast<Dock*>(this)->find(name); }

bool Dock::is_open(const std::string& name) const {
  const Panel* p = find(name);
  return p && p->open;
}

void Dock::set_open(const std::string& name, bool open) {
  if (Panel* p = find(name); p && p->open != open) {
    p->open = open;
    ImGui::MarkIniSettingsDirty();
  }
}

void Dock::show(const std::string& name) {
  if (Panel* p = find(name)) {
    set_open(name, true);
    p->bring_to_front = true;
  }
}

Area Dock::area_of(const std::string& name) const {
  const Panel* p = find(name);
  return p ? p->area : Area::Right;
}

std::vector<std::string> Dock::names() const {
  std::vector<std::string> out;
  for (const Panel& p : panels_) out.push_back(p.name);
  return out;
}

const std::string& Dock::title_of(const std::string& name) const { return find(name)->title; }

bool Dock::any_open(Area a) const {
  return std::any_of(panels_.begin(), panels_.end(), [&](const Panel& p) { return p.open && p.area == a; });
}

Rect Dock::layout(Rect c, float scale) {
  scale_ = scale;
  const float min_canvas = kMinCanvas * scale, split = kSplitter * scale;
  // Areas give way to the canvas when the window is small; their remembered sizes stay.
  float l = any_open(Area::Left) ? left_ * scale : 0, r = any_open(Area::Right) ? right_ * scale : 0;
  if (l + r + min_canvas > c.w) {
    const float room = std::max(0.f, c.w - min_canvas), k = l + r > 0 ? room / (l + r) : 0;
    l *= k, r *= k;
  }
  float b = any_open(Area::Bottom) ? std::min(bottom_ * scale, std::max(0.f, c.h - min_canvas / 2)) : 0;
  left_r_ = {c.x, c.y, l, c.h};
  right_r_ = {c.x + c.w - r, c.y, r, c.h};
  const float mid_x = c.x + l + (l > 0 ? split : 0), mid_w = c.w - l - r - (l > 0 ? split : 0) - (r > 0 ? split : 0);
  bottom_r_ = {mid_x, c.y + c.h - b, mid_w, b};
  return {mid_x, c.y, mid_w, c.h - b - (b > 0 ? split : 0)};
}

void Dock::splitter(int which, Rect r, bool horizontal) {
  ImGui::SetNextWindowPos({r.x, r.y});
  ImGui::SetNextWindowSize({r.w, r.h});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, {1, 1});
  const char* ids[] = {"##split-left", "##split-right", "##split-bottom"};
  ImGui::Begin(ids[which], nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBackground);
  ImGui::InvisibleButton("##grip", {r.w, r.h});
  const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
  if (hot) ImGui::SetMouseCursor(horizontal ? ImGuiMouseCursor_ResizeNS : ImGuiMouseCursor_ResizeEW);
  ImGui::GetWindowDrawList()->AddRectFilled({r.x, r.y}, {r.x + r.w, r.y + r.h},
                                            ImGui::GetColorU32(hot ? ImGuiCol_SeparatorActive : ImGuiCol_Separator));
  if (ImGui::IsItemActive()) {
    drag_ = which;
    const float d = (horizontal ? ImGui::GetIO().MouseDelta.y : ImGui::GetIO().MouseDelta.x) / scale_;
    float& size = which == 0 ? left_ : which == 1 ? right_ : bottom_;
    size = std::clamp(size + (which == 0 ? d : -d), 120.f, 1600.f);
    if (d != 0) ImGui::MarkIniSettingsDirty();
  } else if (drag_ == which) {
    drag_ = -1;
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

void Dock::area_window(Area a, Rect r, const std::function<void(const std::string&)>& panel) {
  if (r.w <= 0 || r.h <= 0) return;
  ImGui::SetNextWindowPos({r.x, r.y});
  ImGui::SetNextWindowSize({r.w, r.h});
  const std::string id = std::string{"##dock-"} + area_name(a);
  ImGui::Begin(id.c_str(), nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_Reorderable | ImGuiTabBarFlags_FittingPolicyScroll)) {
    for (Panel& p : panels_) {
      if (!p.open || p.area != a) continue;
      bool open = true;
      const ImGuiTabItemFlags flags = p.bring_to_front ? ImGuiTabItemFlags_SetSelected : 0;
      p.bring_to_front = false;
      const std::string label = p.title + "###" + p.name;
      const bool visible = ImGui::BeginTabItem(label.c_str(), &open, flags);
      if (ImGui::BeginPopupContextItem()) {  // move the panel to another area
        for (Area to : {Area::Left, Area::Right, Area::Bottom})
          if (to != p.area && ImGui::MenuItem((std::string{"Dock "} + area_name(to)).c_str())) {
            p.area = to;
            p.bring_to_front = true;
            ImGui::MarkIniSettingsDirty();
          }
        if (ImGui::MenuItem("Close")) open = false;
        ImGui::EndPopup();
      }
      if (visible) {
        ImGui::BeginChild("##panel", {0, 0}, false);
        panel(p.name);
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
      if (!open) set_open(p.name, false);
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

void Dock::draw(const std::function<void(const std::string&)>& panel) {
  const float split = kSplitter * scale_;
  area_window(Area::Left, left_r_, panel);
  area_window(Area::Right, right_r_, panel);
  area_window(Area::Bottom, bottom_r_, panel);
  if (left_r_.w > 0) splitter(0, {left_r_.x + left_r_.w, left_r_.y, split, left_r_.h}, false);
  if (right_r_.w > 0) splitter(1, {right_r_.x - split, right_r_.y, split, right_r_.h}, false);
  if (bottom_r_.h > 0) splitter(2, {bottom_r_.x, bottom_r_.y - split, bottom_r_.w, split}, true);
}

}  // namespace cs
