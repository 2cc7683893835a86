// Inspector layout: title, date at its precision (weekday where the day is known), lanes, tags, summary,
// sources (how each dates the event), notes.
#include "app/inspector_window.hpp"

#include "app/open_url.hpp"

#include <imgui.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace cs {
namespace {
const ImVec4 kLink{0.09f, 0.36f, 0.80f, 1.f};
const ImVec4 kDim{0.42f, 0.42f, 0.45f, 1.f};

void heading(const char* s) {
  ImGui::Spacing();
  ImGui::TextColored(kDim, "%s", s);
}

const char* dated_text(Dated d) {
  switch (d) {
    case Dated::Stated: return "date stated in the text";
    case Dated::Inferred: return "date inferred from the text";
    case Dated::External: return "date from outside knowledge";
  }
  return "";
}
}  // namespace

void InspectorWindow::link(const std::string& text, const std::string& url) {
  ImGui::PushStyleColor(ImGuiCol_Text, kLink);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine({a.x, b.y}, b, ImGui::GetColorU32(kLink));
    ImGui::SetTooltip("%s", url.c_str());
  }
  if (ImGui::IsItemClicked()) {
    link_error_.clear();
    opener_.open(url, &link_error_);
  }
}

void InspectorWindow::draw_source(const Timeline& t, const SourceRef& ref, int n) {
  const Source* s = t.find_source(ref.source);
  if (!s) return;
  ImGui::PushID(n);
  ImGui::Bullet();
  ImGui::SameLine();
  ImGui::BeginGroup();
  const std::string citation = s->title + (s->publisher.empty() ? "" : " — " + s->publisher) +
                               (s->published_text.empty() ? "" : ", " + s->published_text);
  if (!s->url.empty() && is_openable_url(s->url)) link(citation, s->url);
  else ImGui::TextWrapped("%s", citation.c_str());
  std::string where = ref.locator.empty() ? "" : ref.locator + " · ";
  ImGui::TextColored(kDim, "%s%s", where.c_str(), dated_text(ref.dated));
  if (ref.claims) ImGui::TextColored({0.7f, 0.35f, 0.f, 1}, "dates it %s", ref.claims_text.c_str());
  if (!ref.date_note.empty()) ImGui::TextWrapped("%s", ref.date_note.c_str());
  if (!ref.quote.empty()) ImGui::TextWrapped("“%s”", ref.quote.c_str());
  ImGui::EndGroup();
  ImGui::PopID();
}

void InspectorWindow::draw_event(const Timeline& t, const Event& e) {
  ImGui::PushTextWrapPos(0);
  ImGui::SetWindowFontScale(1.15f);
  ImGui::TextWrapped("%s", e.title.c_str());
  ImGui::SetWindowFontScale(1.f);
  ImGui::TextWrapped("%s", describe(e.when).c_str());
  ImGui::TextColored(kDim, "as written: %s", e.date_text.c_str());
  if (e.date_disputed()) {
    // One line per source and date it gives, with all the places it gives it.
    heading("Sources disagree on the date");
    std::vector<std::pair<std::string, std::string>> lines;  // (what, where)
    for (const SourceRef& ref : e.sources) {
      const Source* s = t.find_source(ref.source);
      const std::string date = ref.claims ? describe(*ref.claims) : describe(e.when) + " (as shown)";
      const std::string what = date + " — " + (s ? s->publisher + ", " + s->published_text : ref.source);
      auto it = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.first == what; });
      if (it == lines.end()) lines.emplace_back(what, ref.locator);
      else if (!ref.locator.empty()) it->second += (it->second.empty() ? "" : ", ") + ref.locator;
    }
    for (const auto& [what, where] : lines) {
      ImGui::Bullet();
      ImGui::SameLine();
      ImGui::TextWrapped("%s%s%s", what.c_str(), where.empty() ? "" : ", ", where.c_str());
    }
  }
  if (!e.lanes.empty()) {
    heading("Lanes");
    for (const auto& id : e.lanes) {
      const Lane* l = t.find_lane(id);
      if (!l) continue;
      ImGui::ColorButton(id.c_str(), {l->color.r / 255.f, l->color.g / 255.f, l->color.b / 255.f, 1.f},
                         ImGuiColorEditFlags_NoTooltip, {ImGui::GetFontSize() * 0.7f, ImGui::GetFontSize() * 0.7f});
      ImGui::SameLine();
      ImGui::TextUnformatted(l->name.c_str());
    }
  }
  if (!e.tags.empty()) {
    heading("Tags");
    std::string tags;
    for (const auto& tag : e.tags) tags += (tags.empty() ? "" : ", ") + tag;
    ImGui::TextWrapped("%s", tags.c_str());
  }
  if (!e.summary.empty()) {
    heading("Summary");
    ImGui::TextWrapped("%s", e.summary.c_str());
  }
  heading(e.sources.empty() ? "No sources cited" : "Sources");
  for (std::size_t i = 0; i < e.sources.size(); ++i) draw_source(t, e.sources[i], int(i));
  if (!link_error_.empty()) ImGui::TextColored({0.75f, 0.15f, 0.1f, 1}, "%s", link_error_.c_str());
  if (!e.notes.empty()) {
    heading("Notes");
    ImGui::TextWrapped("%s", e.notes.c_str());
  }
  ImGui::PopTextWrapPos();
}

void InspectorWindow::draw(const Document& doc, const Selection& sel, std::uint64_t generation, const UiLog& log) {
  if (std::string failed = opener_.poll(); !failed.empty()) link_error_ = std::move(failed);  // reported late
  const Timeline& t = doc.timeline();
  const std::string id = sel.primary() ? *sel.primary() : std::string{};
  if (id != shown_ || generation != shown_generation_) {
    if (id != shown_) link_error_.clear();
    if (id != shown_) log.line("inspector " + (id.empty() ? std::string{"-"} : id));
    shown_ = id;
    shown_generation_ = generation;
    const auto e = id.empty() ? std::nullopt : doc.find_event(id);
    event_ = e ? std::optional<Event>{t.event(*e)} : std::nullopt;
    if (event_) log.line("inspector shows " + event_->title);
  }
  if (event_) {
    draw_event(t, *event_);
    ImGui::Spacing();
    ImGui::TextColored(kDim, "%s:%d", doc.path().c_str(), event_->pos.line);
  } else {
    ImGui::TextColored(kDim, "Click an event to see its details and sources.");
    ImGui::Spacing();
    ImGui::TextWrapped("%s", t.title.c_str());
    ImGui::TextColored(kDim, "%s events, %zu lanes, %zu sources", with_thousands(t.event_count()).c_str(),
                       t.lanes.size(), t.sources.size());
  }
}

}  // namespace cs
