// The field, the error marker, and the facet lists. Term states come from parsing the expression (a few
// bytes, each frame); counts from facet_counts, once per change of the data or the filter.
#include "app/filter_bar.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace cs {
namespace {

enum class TermState { Off, Kept, Left };

bool same_value(FilterField f, std::string_view a, std::string_view b) {
  if (f == FilterField::Lane || f == FilterField::Source) return a == b;  // ids are exact
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lo = [](char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; };
           return lo(x) == lo(y);
         });
}

TermState state_of(const Filter* f, FilterField field, std::string_view value) {
  if (!f) return TermState::Off;
  for (const FilterTerm& t : f->terms) {
    if (t.field != field) continue;
    for (const FilterValue& v : t.values)
      if (same_value(field, v.text, value)) return t.negated ? TermState::Left : TermState::Kept;
  }
  return TermState::Off;
}

// The field just let go of the keys on Escape (call right after it).
bool escaped_field() {
  return ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

// The first `chars` code points of s.
std::string_view prefix_chars(std::string_view s, int chars) {
  std::size_t i = 0;
  for (int n = 0; n < chars && i < s.size(); ++n) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return s.substr(0, i);
}

}  // namespace

// Counts of what matches; a field the filter has terms of is counted without them (lane:syria still shows
// how many Iran would add), so its entries can be added as alternatives.
void FilterBar::count_facets(const Timeline& t, const std::string& applied, const std::vector<bool>& keep) {
  facets_ = facet_counts(t, keep);
  const FilterParse p = parse_filter(applied);
  if (!p.filter) return;
  const std::pair<FilterField, std::vector<FacetCount> Facets::*> fields[] = {
      {FilterField::Lane, &Facets::lanes},     {FilterField::Tag, &Facets::tags},
      {FilterField::Source, &Facets::sources}, {FilterField::Dated, &Facets::dated},
      {FilterField::Precision, &Facets::precision}};
  for (const auto& [field, list] : fields) {
    std::string rest;
    bool has = false;
    for (const FilterTerm& term : p.filter->terms) {
      if (term.field == field) has = true;
      else rest += (rest.empty() ? "" : " ") + applied.substr(term.offset, term.length);
    }
    if (!has) continue;
    const FilterResult r = run_filter(t, rest);
    if (!r.error) facets_.*list = std::move(facet_counts(t, r.keep).*list);
  }
}

std::optional<std::string> FilterBar::facet(const char* heading, FilterField field,
                                            const std::vector<FacetCount>& counts, const Filter* parsed,
                                            std::size_t show) {
  std::optional<std::string> out;
  if (!ImGui::CollapsingHeader(heading, ImGuiTreeNodeFlags_DefaultOpen)) return out;
  ImGui::PushID(heading);
  if (!ImGui::BeginTable("##facet", 2, ImGuiTableFlags_SizingFixedFit)) {
    ImGui::PopID();
    return out;
  }
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("count", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("000000").x);
  std::size_t shown = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const FacetCount& c = counts[i];
    const TermState st = state_of(parsed, field, c.value);
    if (c.count == 0 && st == TermState::Off) continue;  // nothing to choose there
    if (shown++ >= show && st == TermState::Off) continue;
    ImGui::PushID(int(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string label = (st == TermState::Left ? "not " : "") + c.label;
    if (st == TermState::Left) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.65f, 0.2f, 0.15f, 1.f});
    const bool clicked = ImGui::Selectable(label.c_str(), st == TermState::Kept, ImGuiSelectableFlags_SpanAllColumns);
    if (st == TermState::Left) ImGui::PopStyleColor();
    const bool right = ImGui::IsItemClicked(ImGuiMouseButton_Right);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s:%s\nClick: only these (or not any more). Right-click: leave these out.",
                        std::string{filter_field_name(field)}.c_str(), c.value.c_str());
    ImGui::TableNextColumn();
    const std::string n = std::to_string(c.count);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(n.c_str()).x);
    ImGui::TextDisabled("%s", n.c_str());
    if (clicked || right) {
      FilterError err;
      const bool negated = right || st == TermState::Left;  // a click on a left-out entry takes it back
      out = toggle_term(text_, field, c.value, negated, &err);
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (shown > show) ImGui::TextDisabled("and %zu more", shown - show);
  ImGui::PopID();
  return out;
}

std::optional<std::string> FilterBar::draw(const Document& doc, const FilterState& filter,
                                           const std::vector<bool>& keep, std::uint64_t data_generation,
                                           const UiLog& log) {
  std::optional<std::string> out;
  if (filter.text() != synced_) text_ = synced_ = filter.text();  // set elsewhere (--filter, a facet)
  if (data_generation != built_) {
    built_ = data_generation;
    count_facets(doc.timeline(), filter.applied(), keep);
  }
  if (focus_input_) {
    ImGui::SetKeyboardFocusHere();
    focus_input_ = false;
  }
  const float clear_w = ImGui::CalcTextSize("Clear").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(-clear_w - ImGui::GetStyle().ItemSpacing.x);
  const std::string typed = text_;
  if (ImGui::InputTextWithHint("##filter", "lane:iran tag:military -tag:diplomacy from:2015 \"words\"", &text_))
    out = text_;
  if (escaped_field()) {  // Escape leaves the field; ImGui would also revert what was typed
    text_ = typed;
    out.reset();
  }
  const ImVec2 field_min = ImGui::GetItemRectMin(), field_max = ImGui::GetItemRectMax();
  ImGui::SameLine();
  if (ImGui::Button("Clear")) out = std::string{};
  if (const auto& e = filter.error(); e && filter.text() == text_) {
    // Under the field, a mark at the column the message names.
    const float pad = ImGui::GetStyle().FramePadding.x;
    const float x = std::min(field_max.x - 4, field_min.x + pad + ImGui::CalcTextSize(std::string{prefix_chars(text_, e->column - 1)}.c_str()).x);
    ImGui::GetWindowDrawList()->AddRectFilled({x, field_max.y - 3}, {x + ImGui::CalcTextSize("m").x, field_max.y - 1},
                                              IM_COL32(200, 40, 30, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.75f, 0.12f, 0.08f, 1.f});
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(e->format().c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    if (filter.active()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("Showing the last filter that worked: %s", filter.applied().c_str());
      ImGui::PopTextWrapPos();
    }
  }
  const std::size_t total = doc.timeline().event_count();
  if (filter.active()) ImGui::Text("%llu of %zu events match", static_cast<unsigned long long>(filter.matching()), total);
  else ImGui::TextDisabled("%zu events, no filter", total);

  const FilterParse parsed = parse_filter(text_);
  const Filter* f = parsed.filter ? &*parsed.filter : nullptr;
  const auto take = [&](std::optional<std::string> s) {
    if (s) out = std::move(s);
  };
  ImGui::BeginChild("##facets");
  take(facet("Lanes", FilterField::Lane, facets_.lanes, f, 1000));
  take(facet("Tags", FilterField::Tag, facets_.tags, f, all_tags_ ? 100000 : 12));
  if (!all_tags_ && facets_.tags.size() > 12 && ImGui::SmallButton("Show every tag")) all_tags_ = true;
  take(facet("Sources", FilterField::Source, facets_.sources, f, all_sources_ ? 100000 : 12));
  if (!all_sources_ && facets_.sources.size() > 12 && ImGui::SmallButton("Show every source")) all_sources_ = true;
  take(facet("Dating basis", FilterField::Dated, facets_.dated, f, 10));
  take(facet("Precision", FilterField::Precision, facets_.precision, f, 10));
  ImGui::EndChild();
  if (out) {
    text_ = *out;
    log.line("filter typed '" + *out + "'");
  }
  return out;
}

}  // namespace cs
