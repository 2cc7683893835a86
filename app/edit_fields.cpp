// Fields that apply on Enter or on leaving them, the EDTF field's live reading, completion lists drawn
// inline under their field, chips, and wrapped text with a highlighted stretch.
#include "app/edit_fields.hpp"

#include "model/edtf.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>

namespace cs {
namespace {

const ImVec4 kError{0.75f, 0.15f, 0.1f, 1};
const ImVec4 kDim{0.42f, 0.42f, 0.45f, 1.f};

std::string lower(std::string_view s) {
  std::string out{s};
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

const char* precision_words(Precision p) {
  switch (p) {
    case Precision::Year: return "year precision";
    case Precision::Month: return "month precision";
    case Precision::Day: return "day precision";
    case Precision::Minute: return "to the minute";
    case Precision::Second: return "to the second";
  }
  return "";
}

}  // namespace

std::string date_reading(const When& w) {
  std::string s = describe(w);
  if (!w.is_interval() && !w.is_set() && !w.start.unspecified && !w.start.season)
    s += ", " + std::string{precision_words(w.start.precision)};
  return s;
}

EditFields::Buffer& EditFields::buffer(ImGuiID id, const std::string& value) {
  Buffer& b = buffers_[id];
  // While idle the field shows the document's value; a change there (undo, another edit) replaces what an
  // earlier, refused attempt left in it.
  if (!b.known || (b.value != value && !b.active)) b.text = b.value = value, b.known = true;
  return b;
}

void EditFields::take_focus() {
  if (!focus_next_) return;
  ImGui::SetKeyboardFocusHere();
  focus_next_ = false;
}

bool EditFields::text(const char* label, const std::string& value, std::string& out, const char* hint, bool multiline,
                      bool select_all) {
  const ImGuiID id = ImGui::GetID(label);
  Buffer& b = buffer(id, value);
  take_focus();
  bool enter = false;
  if (multiline) {
    // ImGui's multi-line field does not wrap: while idle it is drawn with its text wrapped over it (and the
    // field's own text hidden); typing in it shows the lines as they are.
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const float wrap = std::max(20.f, ImGui::GetContentRegionAvail().x - 2 * pad.x);
    const bool idle = !b.active;
    const float text_h = ImGui::CalcTextSize(b.text.c_str(), nullptr, false, wrap).y + ImGui::GetTextLineHeight();
    const float h = std::clamp(text_h, ImGui::GetTextLineHeight() * 3, ImGui::GetTextLineHeight() * 16) + 2 * pad.y;
    if (idle) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0, 0, 0, 0});
    enter = ImGui::InputTextMultiline(label, &b.text, {-1, h},
                                      ImGuiInputTextFlags_EnterReturnsTrue);  // Ctrl+Enter applies, Enter is a new line
    if (idle) {
      ImGui::PopStyleColor();
      const ImVec2 p = ImGui::GetItemRectMin();
      const bool empty = b.text.empty();
      ImGui::GetWindowDrawList()->PushClipRect(p, ImGui::GetItemRectMax(), true);
      ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), {p.x + pad.x, p.y + pad.y},
                                          ImGui::GetColorU32(empty ? ImGuiCol_TextDisabled : ImGuiCol_Text),
                                          empty ? (hint ? hint : "") : b.text.c_str(), nullptr, wrap);
      ImGui::GetWindowDrawList()->PopClipRect();
    }
  } else {
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (select_all) flags |= ImGuiInputTextFlags_AutoSelectAll;
    enter = ImGui::InputTextWithHint(label, hint ? hint : "", &b.text, flags);
  }
  b.active = ImGui::IsItemActive();
  typing_ += b.active ? 1 : 0;
  if (!(enter || ImGui::IsItemDeactivatedAfterEdit()) || b.text == value) return false;
  out = b.text;
  return true;
}

bool EditFields::date(const char* label, const std::string& value, std::string& out, DateKind kind, const char* hint,
                      bool optional) {
  const ImGuiID id = ImGui::GetID(label);
  Buffer& b = buffer(id, value);
  take_focus();
  const bool enter = ImGui::InputTextWithHint(label, hint ? hint : "", &b.text, ImGuiInputTextFlags_EnterReturnsTrue);
  b.active = ImGui::IsItemActive();
  typing_ += b.active ? 1 : 0;
  const bool done = enter || ImGui::IsItemDeactivatedAfterEdit();
  std::string error, reading;
  if (!b.text.empty() || !optional) {
    if (kind == DateKind::Single) {
      if (const auto d = parse_edtf_date(b.text, &error)) {
        When w;
        w.start = *d;
        reading = date_reading(w);
      }
    } else if (EdtfResult r = parse_edtf(b.text); r.value) {
      reading = date_reading(*r.value);
    } else {
      error = r.error.message;
    }
  }
  ImGui::PushTextWrapPos(0);
  if (!error.empty()) ImGui::TextColored(kError, "%s", error.c_str());
  else if (!reading.empty()) ImGui::TextColored(kDim, "%s", reading.c_str());
  ImGui::PopTextWrapPos();
  if (!done || b.text == value || !error.empty()) return false;  // nothing is applied while it is invalid
  out = b.text;
  return true;
}

bool EditFields::choose(const char* label, const char* hint, std::span<const Choice> choices, bool free_text,
                        std::string& out) {
  const ImGuiID id = ImGui::GetID(label);
  List& l = lists_[id];
  take_focus();
  struct Ctx {
    List* list;
    std::span<const Choice> choices;
  } ctx{&l, choices};
  const auto callback = [](ImGuiInputTextCallbackData* data) {
    auto* c = static_cast<Ctx*>(data->UserData);
    List& list = *c->list;
    const int n = int(list.shown.size());
    if (n == 0) return 0;
    if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory) {
      list.current = data->EventKey == ImGuiKey_UpArrow ? std::max(0, list.current - 1) : std::min(n - 1, list.current + 1);
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackCompletion) {
      const Choice& ch = c->choices[std::size_t(list.shown[std::size_t(std::max(0, list.current))])];
      data->DeleteChars(0, data->BufTextLen);
      data->InsertChars(0, ch.value.c_str());
    }
    return 0;
  };
  const bool enter = ImGui::InputTextWithHint(
      label, hint, &l.text,
      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory | ImGuiInputTextFlags_CallbackCompletion,
      callback, &ctx);
  const bool active = ImGui::IsItemActive();
  typing_ += active ? 1 : 0;
  // What matches: every choice whose value or label holds the typed text.
  const std::string typed = lower(l.text);
  l.shown.clear();
  for (int i = 0; i < int(choices.size()) && l.shown.size() < 8; ++i) {
    const Choice& c = choices[std::size_t(i)];
    if (typed.empty() || lower(c.value).find(typed) != std::string::npos || lower(c.label).find(typed) != std::string::npos)
      l.shown.push_back(i);
  }
  if (l.current >= int(l.shown.size())) l.current = int(l.shown.size()) - 1;
  bool took = false;
  if (enter) {
    const auto exact = std::find_if(choices.begin(), choices.end(), [&](const Choice& c) { return c.value == l.text; });
    if (l.current >= 0) out = choices[std::size_t(l.shown[std::size_t(l.current)])].value, took = true;
    else if (exact != choices.end()) out = exact->value, took = true;
    else if (free_text && !l.text.empty()) out = l.text, took = true;
    else if (l.shown.size() == 1) out = choices[std::size_t(l.shown[0])].value, took = true;
    if (took) {
      l.text.clear();
      l.current = -1;
    }
    ImGui::SetKeyboardFocusHere(-1);  // stay, to add another
  }
  if ((active || l.hovered) && !l.shown.empty()) {
    ImGui::BeginGroup();
    ImGui::Indent();
    for (int k = 0; k < int(l.shown.size()); ++k) {
      const Choice& c = choices[std::size_t(l.shown[std::size_t(k)])];
      ImGui::PushID(k);
      if (ImGui::Selectable(c.label.c_str(), k == l.current) && !took) {
        out = c.value, took = true;
        l.text.clear();
        l.current = -1;
      }
      ImGui::PopID();
    }
    ImGui::Unindent();
    ImGui::EndGroup();
    l.hovered = ImGui::IsItemHovered();
  } else {
    l.hovered = false;
    if (!active) l.current = -1;
  }
  return took;
}

void flow_item(float width) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine();
  if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

bool chip(const char* id, const std::string& text, const ImVec4* swatch, bool removable) {
  ImGui::PushID(id);
  const float sw = swatch ? ImGui::GetFontSize() * 0.7f : 0;
  const float w = ImGui::CalcTextSize(text.c_str()).x + sw + ImGui::GetStyle().ItemSpacing.x * 2 +
                  (removable ? ImGui::GetFrameHeight() : 0);
  flow_item(w);
  ImGui::BeginGroup();
  if (swatch) {
    ImGui::ColorButton("##c", *swatch, ImGuiColorEditFlags_NoTooltip, {sw, sw});
    ImGui::SameLine(0, 4);
  }
  ImGui::TextUnformatted(text.c_str());
  bool removed = false;
  if (removable) {
    ImGui::SameLine(0, 2);
    removed = ImGui::SmallButton("x");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove %s", text.c_str());
  }
  ImGui::EndGroup();
  ImGui::PopID();
  return removed;
}

void highlighted_text(const std::string& text, std::size_t begin, std::size_t end) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float wrap = std::max(40.f, ImGui::GetContentRegionAvail().x);
  const float line_h = ImGui::GetTextLineHeight();
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), mark_ink = ImGui::GetColorU32(ImVec4{0.35f, 0.2f, 0.f, 1});
  const ImU32 mark = ImGui::GetColorU32(ImVec4{1.f, 0.86f, 0.35f, 0.75f});
  float x = 0, y = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n') {
      x = 0, y += line_h, ++i;
      continue;
    }
    // A run up to the next space, line break or highlight boundary, with its spaces.
    const auto boundary = [&](std::size_t k) { return k != i && (k == begin || k == end); };
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && !boundary(j)) ++j;
    while (j < text.size() && text[j] == ' ' && !boundary(j)) ++j;
    if (j == i) ++j;  // never stuck (a lone byte would be a space here)
    const char* a = text.data() + i;
    const char* b = text.data() + j;
    const float w = ImGui::CalcTextSize(a, b).x;
    if (x > 0 && x + w > wrap && a[0] != ' ') x = 0, y += line_h;
    const bool quoted = begin != std::string::npos && i >= begin && i < end;
    const ImVec2 p{origin.x + x, origin.y + y};
    if (quoted) dl->AddRectFilled({p.x, p.y}, {p.x + w, p.y + line_h}, mark);
    dl->AddText(p, quoted ? mark_ink : ink, a, b);
    x += w;
    i = j;
  }
  ImGui::Dummy({wrap, y + line_h});
}

}  // namespace cs
