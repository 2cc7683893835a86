// Citation fields and passages. The archived texts are read when the event or the document changes.
#include "app/citation_editor.hpp"

#include "model/event_edits.hpp"

#include <imgui.h>

namespace cs {
namespace {

const ImVec4 kLink{0.09f, 0.36f, 0.80f, 1.f};
const ImVec4 kDim{0.42f, 0.42f, 0.45f, 1.f};
const ImVec4 kWarn{0.6f, 0.42f, 0.f, 1};

const char* dated_text(Dated d) {
  switch (d) {
    case Dated::Stated: return "date stated in the text";
    case Dated::Inferred: return "date inferred from the text";
    case Dated::External: return "date from outside knowledge";
  }
  return "";
}

void label(const char* text) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(kDim, "%s", text);
  ImGui::SameLine(ImGui::GetFontSize() * 5.5f);
  ImGui::SetNextItemWidth(-1);
}

}  // namespace

void CitationEditor::refresh(const Session& session, const Event& e) {
  const Document* d = session.doc();
  if (d == passages_doc_ && session.generation() == passages_generation_ && e.id == passages_event_) return;
  passages_doc_ = d;
  passages_generation_ = session.generation();
  passages_event_ = e.id;
  passages_.clear();
  for (const SourceRef& r : e.sources) {
    const Source* s = d->timeline().find_source(r.source);
    passages_.push_back(s ? find_passage(d->path(), *s, r) : Passage{});
  }
}

void CitationEditor::source_line(const Source& s) {
  const std::string citation = s.title + (s.publisher.empty() ? "" : " — " + s.publisher) +
                               (s.published_text.empty() ? "" : ", " + s.published_text);
  if (s.url.empty() || !is_openable_url(s.url)) {
    ImGui::TextWrapped("%s", citation.c_str());
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, kLink);
  ImGui::TextWrapped("%s", citation.c_str());
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine({a.x, b.y}, b, ImGui::GetColorU32(kLink));
    ImGui::SetTooltip("%s", s.url.c_str());
  }
  if (ImGui::IsItemClicked()) {
    link_error_.clear();
    opener_.open(s.url, &link_error_);
  }
}

void CitationEditor::passage(const Passage& p, const SourceRef& ref) {
  if (p.status == Passage::Status::NoArchive) return;
  if (p.status != Passage::Status::Found) {
    ImGui::TextColored(kWarn, "Passage: %s", p.describe().c_str());
    return;
  }
  ImGui::TextColored(kDim, "%s", p.describe().c_str());
  ImGui::Indent(ImGui::GetFontSize() * 0.5f);
  highlighted_text(p.text, p.quote_begin, p.quote_end);
  ImGui::Unindent(ImGui::GetFontSize() * 0.5f);
  if (!ref.quote.empty() && p.quote_begin == std::string::npos)
    ImGui::TextColored(kWarn, "the quote is not in this paragraph");
}

CitationEdit CitationEditor::draw(Session& session, const Event& e, EditFields& fields, bool editable) {
  if (std::string failed = opener_.poll(); !failed.empty()) link_error_ = std::move(failed);
  refresh(session, e);
  const Timeline& t = session.doc()->timeline();
  CitationEdit out;
  std::vector<Choice> sources;
  for (const Source& s : t.sources)
    sources.push_back({s.id, s.title + (s.publisher.empty() ? "" : " — " + s.publisher) + "  (" + s.id + ")"});
  // Every edit below is the event's citations with one change.
  const auto change = [&](std::vector<SourceRef> refs, std::string what) {
    out.op = set_citations(e.id, refs);
    out.label = std::move(what) + " of " + e.id;
  };
  for (std::size_t i = 0; i < e.sources.size(); ++i) {
    const SourceRef& ref = e.sources[i];
    const Source* s = t.find_source(ref.source);
    const int n = int(i) + 1;
    ImGui::PushID(n);
    ImGui::Separator();
    ImGui::TextColored(kDim, "%d.", n);
    ImGui::SameLine();
    ImGui::BeginGroup();
    if (s) source_line(*s);
    else ImGui::TextColored(kWarn, "unknown source '%s'", ref.source.c_str());
    if (editable) {
      std::vector<SourceRef> refs = e.sources;
      if (i > 0 && ImGui::SmallButton("Up")) std::swap(refs[i], refs[i - 1]), change(refs, "Move citation " + std::to_string(n) + " up");
      if (i > 0) ImGui::SameLine();
      if (i + 1 < e.sources.size() && ImGui::SmallButton("Down"))
        std::swap(refs[i], refs[i + 1]), change(refs, "Move citation " + std::to_string(n) + " down");
      if (i + 1 < e.sources.size()) ImGui::SameLine();
      if (ImGui::SmallButton("Remove")) refs.erase(refs.begin() + long(i)), change(refs, "Remove citation " + std::to_string(n));
      refs = e.sources;
      const int typing_before = fields.typing_count();
      std::string v;
      label("Source");
      const std::string now = ref.source + "  (type another to change it)";
      if (fields.choose("##source", now.c_str(), sources, false, v) && v != ref.source)
        refs[i].source = v, change(refs, "Set the source of citation " + std::to_string(n));
      label("Locator");
      if (fields.text("##locator", ref.locator, v, "para N"))
        refs[i].locator = v, change(refs, "Set the locator of citation " + std::to_string(n));
      label("Dated");
      int dated = int(ref.dated);
      bool dated_changed = ImGui::RadioButton("stated", &dated, int(Dated::Stated));
      ImGui::SameLine();
      dated_changed |= ImGui::RadioButton("inferred", &dated, int(Dated::Inferred));
      ImGui::SameLine();
      dated_changed |= ImGui::RadioButton("external", &dated, int(Dated::External));
      if (dated_changed && dated != int(ref.dated))
        refs[i].dated = Dated(dated), change(refs, "Set how citation " + std::to_string(n) + " dates it");
      label("Quote");
      if (fields.text("##quote", ref.quote, v, "the words that matter, verbatim"))
        refs[i].quote = v, change(refs, "Set the quote of citation " + std::to_string(n));
      label("Date note");
      if (fields.text("##note", ref.date_note, v, "how the date was worked out"))
        refs[i].date_note = v, change(refs, "Set the date note of citation " + std::to_string(n));
      label("Claims");
      if (fields.date("##claims", ref.claims_text, v, DateKind::Any, "the date it gives, where it disagrees", true))
        refs[i].claims_text = v, change(refs, (v.empty() ? "Remove the date claimed by citation " : "Set the date claimed by citation ") + std::to_string(n));
      // From the keyboard, while typing in one of its fields: Alt+Up/Down moves the citation, Alt+Left/Right
      // changes how it dates the event, Alt+Delete removes it.
      if (fields.typing_count() > typing_before && ImGui::GetIO().KeyAlt && out.label.empty()) {
        const auto key = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
        refs = e.sources;
        if (key(ImGuiKey_UpArrow) && i > 0) std::swap(refs[i], refs[i - 1]), change(refs, "Move citation " + std::to_string(n) + " up");
        else if (key(ImGuiKey_DownArrow) && i + 1 < refs.size())
          std::swap(refs[i], refs[i + 1]), change(refs, "Move citation " + std::to_string(n) + " down");
        else if (key(ImGuiKey_LeftArrow) || key(ImGuiKey_RightArrow))
          refs[i].dated = Dated((int(ref.dated) + (key(ImGuiKey_RightArrow) ? 1 : 2)) % 3),
          change(refs, "Set how citation " + std::to_string(n) + " dates it");
        else if (key(ImGuiKey_Delete)) refs.erase(refs.begin() + long(i)), change(refs, "Remove citation " + std::to_string(n));
      }
    } else {
      ImGui::TextColored(kDim, "%s%s", ref.locator.empty() ? "" : (ref.locator + " · ").c_str(), dated_text(ref.dated));
      if (ref.claims) ImGui::TextColored({0.7f, 0.35f, 0.f, 1}, "dates it %s", ref.claims_text.c_str());
      if (!ref.date_note.empty()) ImGui::TextWrapped("%s", ref.date_note.c_str());
      if (!ref.quote.empty()) ImGui::TextWrapped("“%s”", ref.quote.c_str());
    }
    if (i < passages_.size()) passage(passages_[i], ref);
    ImGui::EndGroup();
    ImGui::PopID();
  }
  if (!link_error_.empty()) ImGui::TextColored({0.75f, 0.15f, 0.1f, 1}, "%s", link_error_.c_str());
  if (editable && !sources.empty()) {
    ImGui::Separator();
    ImGui::SetNextItemWidth(-1);
    if (std::string v; fields.choose("##add-citation", "cite a source (type to find it)", sources, false, v)) {
      std::vector<SourceRef> refs = e.sources;
      SourceRef r;
      r.source = v;
      refs.push_back(r);
      change(refs, "Cite " + v);
    }
  }
  return out;
}

}  // namespace cs
