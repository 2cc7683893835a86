// Lane rows and source sections, and the edits they make.
#include "app/lanes_sources_window.hpp"

#include "model/event_edits.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace cs {
namespace {

const ImVec4 kDim{0.42f, 0.42f, 0.45f, 1.f};

void label(const char* text) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(kDim, "%s", text);
  ImGui::SameLine(ImGui::GetFontSize() * 5.5f);
  ImGui::SetNextItemWidth(-1);
}

// The first of base, base-2, base-3, ... that `taken` does not know.
template <class Taken>
std::string fresh_id(const std::string& base, Taken taken) {
  std::string id = base;
  for (int n = 2; taken(id); ++n) id = base + "-" + std::to_string(n);
  return id;
}

}  // namespace

std::string hex_colour(const Rgba& c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

std::optional<Rgba> parse_hex_colour(std::string_view s) {
  if (s.size() != 7 || s[0] != '#') return std::nullopt;
  Rgba c;
  std::uint8_t* parts[3] = {&c.r, &c.g, &c.b};
  for (int i = 0; i < 3; ++i) {
    unsigned v = 0;
    for (int k = 0; k < 2; ++k) {
      const char ch = s[std::size_t(1 + 2 * i + k)];
      const int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
      if (d < 0) return std::nullopt;
      v = v * 16 + unsigned(d);
    }
    *parts[i] = std::uint8_t(v);
  }
  return c;
}

void LanesSourcesWindow::apply(Session& session, std::span<const EditOp> ops, std::string label) {
  if (ops.empty()) return;
  const EditResult r = session.apply(ops, std::move(label));
  error_ = r.ok ? std::string{} : r.problems.format_all();
}

// Lanes show by (order, place in the file): the new arrangement is written as `order` on each lane whose
// order is not its new place (a lane already in place keeps its text untouched).
void LanesSourcesWindow::move_lane(Session& session, std::size_t from, std::size_t to) {
  const Timeline& t = session.doc()->timeline();
  std::vector<const Lane*> order;
  for (const Lane& l : t.lanes) order.push_back(&l);
  std::swap(order[from], order[to]);
  std::vector<EditOp> ops;
  for (std::size_t k = 0; k < order.size(); ++k)
    if (order[k]->order != int(k)) ops.push_back(EditOp::set(order[k]->id, "order", std::to_string(k), ListKind::Lanes));
  apply(session, ops, "Move lane " + order[to]->id + (to < from ? " up" : " down"));
}

void LanesSourcesWindow::lanes(Session& session) {
  const Timeline& t = session.doc()->timeline();
  std::string v;
  // Copies: an edit below changes the timeline's lanes while the rest of the list is drawn.
  const std::vector<Lane> all = t.lanes;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Lane& l = all[i];
    ImGui::PushID(l.id.c_str());
    ImGui::Separator();
    const int typing_before = fields_.typing_count();
    const ImVec4 c{l.color.r / 255.f, l.color.g / 255.f, l.color.b / 255.f, 1.f};
    if (ImGui::ColorButton("##swatch", c, ImGuiColorEditFlags_NoTooltip)) {
      picking_ = l.id;
      picked_[0] = c.x, picked_[1] = c.y, picked_[2] = c.z;
      ImGui::OpenPopup("colour");
    }
    if (ImGui::BeginPopup("colour")) {
      ImGui::ColorPicker3("##picker", picked_, ImGuiColorEditFlags_NoSidePreview | ImGuiColorEditFlags_DisplayHex);
      const Rgba picked{std::uint8_t(std::lround(picked_[0] * 255)), std::uint8_t(std::lround(picked_[1] * 255)),
                        std::uint8_t(std::lround(picked_[2] * 255)), 255};
      if (ImGui::Button("Apply") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
        apply(session, EditOp::set(picking_, "color", yaml_scalar(hex_colour(picked)), ListKind::Lanes),
              "Set the colour of lane " + picking_);
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (fields_.text("##name", l.name, v, "name"))
      apply(session, EditOp::set(l.id, "name", yaml_scalar(v), ListKind::Lanes), "Rename lane " + l.id);
    label("Colour");
    if (fields_.text("##hex", hex_colour(l.color), v, "#rrggbb")) {
      if (parse_hex_colour(v)) apply(session, EditOp::set(l.id, "color", yaml_scalar(v), ListKind::Lanes), "Set the colour of lane " + l.id);
      else error_ = "a colour is written #rrggbb, e.g. #c0392b";
    }
    label("Id");
    if (fields_.text("##id", l.id, v) && !v.empty())
      apply(session, EditOp::set(l.id, "id", yaml_scalar(v), ListKind::Lanes), "Rename lane id " + l.id);
    ImGui::SetCursorPosX(ImGui::GetFontSize() * 5.5f);
    if (i > 0 && ImGui::SmallButton("Up")) move_lane(session, i, i - 1);
    if (i > 0) ImGui::SameLine();
    if (i + 1 < all.size() && ImGui::SmallButton("Down")) move_lane(session, i, i + 1);
    if (i + 1 < all.size()) ImGui::SameLine();
    if (ImGui::SmallButton("Remove")) apply(session, EditOp::remove(l.id, ListKind::Lanes), "Remove lane " + l.id);
    // From the keyboard, while typing in one of its fields: Alt+Up/Down moves the lane, Alt+Delete removes it.
    if (fields_.typing_count() > typing_before && ImGui::GetIO().KeyAlt) {
      const auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
      if (key(ImGuiKey_UpArrow) && i > 0) move_lane(session, i, i - 1);
      else if (key(ImGuiKey_DownArrow) && i + 1 < all.size()) move_lane(session, i, i + 1);
      else if (key(ImGuiKey_Delete)) apply(session, EditOp::remove(l.id, ListKind::Lanes), "Remove lane " + l.id);
    }
    ImGui::PopID();
  }
  ImGui::Separator();
  if (ImGui::Button("Add a lane")) {
    const std::string id = fresh_id("lane", [&](const std::string& x) { return t.find_lane(x) != nullptr; });
    const std::string item = "{id: " + id + ", name: New lane, color: \"" + hex_colour(generated_lane_color(t.lanes.size())) + "\"}";
    apply(session, EditOp::add(item, ListKind::Lanes), "Add lane " + id);
  }
}

void LanesSourcesWindow::sources(Session& session) {
  const Timeline& t = session.doc()->timeline();
  std::string v;
  const std::vector<Source> all = t.sources;  // a copy, as for the lanes
  for (const Source& s : all) {
    ImGui::PushID(s.id.c_str());
    const std::string heading = (s.title.empty() ? s.id : s.title) + "  (" + s.id + ")###source";
    if (ImGui::TreeNode(heading.c_str())) {
      const auto field = [&](const char* name, const char* key, const std::string& value, const char* hint, bool multiline = false) {
        label(name);
        const std::string id = std::string{"##"} + key;
        if (!fields_.text(id.c_str(), value, v, hint, multiline)) return;
        if (v.empty() && std::string_view{key} != "id" && std::string_view{key} != "title")
          apply(session, EditOp::unset(s.id, key, ListKind::Sources), "Unset " + std::string{key} + " of source " + s.id);
        else apply(session, EditOp::set(s.id, key, yaml_scalar(v), ListKind::Sources), "Set " + std::string{key} + " of source " + s.id);
      };
      field("Title", "title", s.title, "the article's title");
      field("Publisher", "publisher", s.publisher, "who published it");
      label("Published");
      if (fields_.date("##published", s.published_text, v, DateKind::Single, "EDTF, e.g. 2016-04-13 or 2016?", true)) {
        if (v.empty()) apply(session, EditOp::unset(s.id, "published", ListKind::Sources), "Unset published of source " + s.id);
        else apply(session, EditOp::set(s.id, "published", yaml_scalar(v), ListKind::Sources), "Set published of source " + s.id);
      }
      field("Url", "url", s.url, "only where the article prints one");
      field("Archive", "archive", s.archive, "the archived text, beside the file");
      field("Notes", "notes", s.notes, "e.g. how an unprinted date was inferred", true);
      field("Id", "id", s.id, "");
      if (ImGui::SmallButton("Remove this source"))
        apply(session, EditOp::remove(s.id, ListKind::Sources), "Remove source " + s.id);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (ImGui::Button("Add a source")) {
    const std::string id = fresh_id("source", [&](const std::string& x) { return t.find_source(x) != nullptr; });
    apply(session, EditOp::add("{id: " + id + ", title: New source}", ListKind::Sources), "Add source " + id);
  }
}

void LanesSourcesWindow::draw(Session& session) {
  const Document& doc = *session.doc();
  fields_.new_frame();
  const std::string read_only = doc.read_only_reason();
  ImGui::PushTextWrapPos(0);
  if (!read_only.empty()) ImGui::TextColored({0.6f, 0.42f, 0.f, 1}, "Read-only: %s", read_only.c_str());
  if (!error_.empty()) ImGui::TextColored({0.75f, 0.15f, 0.1f, 1}, "%s", error_.c_str());
  ImGui::PopTextWrapPos();
  const Timeline& t = doc.timeline();
  ImGui::BeginDisabled(!read_only.empty());
  const std::string lanes_heading = "Lanes (" + std::to_string(t.lanes.size()) + ")###lanes";
  if (ImGui::CollapsingHeader(lanes_heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) lanes(session);
  const std::string sources_heading = "Sources (" + std::to_string(t.sources.size()) + ")###sources";
  if (ImGui::CollapsingHeader(sources_heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) sources(session);
  ImGui::EndDisabled();
}

}  // namespace cs
