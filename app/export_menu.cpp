// The Import and Export menu items and their path dialog (a modal popup with a text field).
#include "app/export_menu.hpp"

#include "app/exports.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cfloat>
#include <filesystem>

namespace cs {
namespace {

struct TimelineFormat {
  Format format;
  const char* label;
  const char* extension;
};
constexpr TimelineFormat kFormats[] = {
    {Format::TimelineJs, "TimelineJS JSON…", ".json"},
    {Format::TimelineJsSheet, "TimelineJS spreadsheet (CSV)…", "-timelinejs.csv"},
    {Format::Vis, "vis-timeline JSON…", "-vis.json"},
    {Format::Csv, "CSV…", ".csv"},
    {Format::Markdown, "Markdown chronology…", ".md"},
    {Format::Yaml, "YAML…", "-copy.yaml"},
};

const char* extension_of(const PortChoice& c) {
  switch (c.action) {
    case PortAction::ViewPng: return ".png";
    case PortAction::ViewSvg: return ".svg";
    case PortAction::ViewPdf: return ".pdf";
    case PortAction::StoryDeck: return ".pdf";
    case PortAction::StoryHandout: return ".md";
    case PortAction::StoryPngs: return "/";
    case PortAction::Timeline:
      for (const TimelineFormat& f : kFormats)
        if (f.format == c.format) return f.extension;
      return "";
    default: return "";
  }
}

std::string describe(const PortChoice& c, const std::string& story) {
  switch (c.action) {
    case PortAction::Import: return "Import a timeline (TimelineJS JSON or spreadsheet, vis-timeline JSON, CSV, YAML) as a new, unsaved document";
    case PortAction::ViewPng: return "Export the view as a PNG image";
    case PortAction::ViewSvg: return "Export the view as an SVG drawing";
    case PortAction::ViewPdf: return "Export the view as a PDF page";
    case PortAction::StoryDeck: return "Export the story '" + story + "' as a PDF deck";
    case PortAction::StoryPngs: return "Export the story '" + story + "' as one PNG per step, into a folder";
    case PortAction::StoryHandout: return "Export the story '" + story + "' as a Markdown handout";
    case PortAction::Timeline:
      for (const TimelineFormat& f : kFormats)
        if (f.format == c.format) {
          std::string label = f.label;
          if (label.size() >= 3 && label.compare(label.size() - 3, 3, "…") == 0) label.resize(label.size() - 3);
          return "Export the timeline as " + label;
        }
      return {};
    default: return {};
  }
}

}  // namespace

PortChoice port_menu_items(const Document* doc) {
  PortChoice c;
  if (ImGui::MenuItem("Import…", "Ctrl+Shift+O")) c.action = PortAction::Import;
  if (!ImGui::BeginMenu("Export", doc != nullptr)) return c;
  ImGui::TextDisabled("The view");
  if (ImGui::MenuItem("PNG image…")) c.action = PortAction::ViewPng;
  if (ImGui::MenuItem("SVG drawing…")) c.action = PortAction::ViewSvg;
  if (ImGui::MenuItem("PDF page…")) c.action = PortAction::ViewPdf;
  ImGui::Separator();
  ImGui::TextDisabled("The story (Stories panel)");
  const bool stories = doc && !doc->timeline().stories.empty();
  if (ImGui::MenuItem("PDF deck…", nullptr, false, stories)) c.action = PortAction::StoryDeck;
  if (ImGui::MenuItem("PNG per step…", nullptr, false, stories)) c.action = PortAction::StoryPngs;
  if (ImGui::MenuItem("Markdown handout…", nullptr, false, stories)) c.action = PortAction::StoryHandout;
  ImGui::Separator();
  ImGui::TextDisabled("The timeline");
  for (const TimelineFormat& f : kFormats)
    if (ImGui::MenuItem(f.label)) c = {PortAction::Timeline, f.format};
  ImGui::EndMenu();
  return c;
}

std::string suggested_path(const PortChoice& c, const std::string& doc_path, const std::string& story_id) {
  namespace fs = std::filesystem;
  const fs::path doc{doc_path.empty() ? "timeline.yaml" : doc_path};
  const fs::path dir = doc.has_parent_path() ? doc.parent_path() : fs::path{"."};
  if (c.action == PortAction::Import) return (dir / "").string();
  std::string stem = doc.stem().string();
  const bool story = c.action == PortAction::StoryDeck || c.action == PortAction::StoryPngs ||
                     c.action == PortAction::StoryHandout;
  if (story && !story_id.empty()) stem += "-" + story_id;
  return (dir / stem).string() + extension_of(c);
}

void ExportMenu::begin(const PortChoice& c, const Document* doc, std::string story) {
  choice_ = c;
  story_ = std::move(story);
  path_ = suggested_path(c, doc ? doc->path() : std::string{}, story_);
  error_.clear();
  open_ = just_opened_ = true;
}

void ExportMenu::carry_out(Session& session, TimelineCanvas& canvas, const UiLog& log) {
  ExportResult r;
  if (choice_.action == PortAction::Import) {
    imported_ = import_timeline(path_, r);
    if (r.ok && session.loading()) r = {false, "a file is still loading; import it again when it is done"};
    if (!r.ok) imported_.reset();
  } else if (!session.doc()) {
    r = {false, "no timeline is open"};
  } else {
    export_open(*session.doc(), session, canvas, r);
  }
  log.line(std::string{r.ok ? "export " : "export failed "} + r.message);
  if (!r.ok) {
    error_ = r.message;
    return;
  }
  session.set_status(r.message);
  losses_ = std::move(r.losses);
  if (losses_.empty()) open_ = false;  // else the dialog says what the file could not hold
}

void ExportMenu::export_open(const Document& doc, const Session& session, const TimelineCanvas& canvas,
                             ExportResult& r) const {
  const auto as = [](PortAction a) {
    return a == PortAction::ViewPng ? OutputFormat::Png : a == PortAction::ViewSvg ? OutputFormat::Svg : OutputFormat::Pdf;
  };
  const Story* story = nullptr;
  for (const Story& s : doc.timeline().stories)
    if (s.id == story_) story = &s;
  switch (choice_.action) {
    case PortAction::ViewPng:
    case PortAction::ViewSvg:
    case PortAction::ViewPdf: {
      const CanvasView& v = canvas.view();
      ViewExport e{v.viewport.start(), v.viewport.end(), int(v.width), int(v.height)};
      if (const std::string* id = session.selection.primary()) e.selected = doc.find_event(*id);
      e.annotate = annotate_;
      r = export_view(doc.index(), e, as(choice_.action), path_);
      break;
    }
    case PortAction::StoryDeck:
    case PortAction::StoryPngs:
    case PortAction::StoryHandout:
      if (!story) {
        r = {false, "no story '" + story_ + "'"};
        break;
      }
      r = export_story(doc.index(), *story,
                       choice_.action == PortAction::StoryDeck   ? StoryExport::Deck
                       : choice_.action == PortAction::StoryPngs ? StoryExport::Pngs
                                                                 : StoryExport::Handout,
                       path_);
      break;
    case PortAction::Timeline: r = export_timeline(doc.timeline(), choice_.format, path_); break;
    case PortAction::Import:
    case PortAction::None: break;
  }
}

void ExportMenu::draw(Session& session, TimelineCanvas& canvas, const UiLog& log) {
  if (!open_ || (!session.doc() && choice_.action != PortAction::Import)) return;
  const char* title = choice_.action == PortAction::Import ? "Import" : "Export";
  if (just_opened_) {
    ImGui::OpenPopup(title);
    just_opened_ = false;
  }
  // As wide as a path wants, as tall as what it says (an error, the losses) needs.
  ImGui::SetNextWindowSizeConstraints({ImGui::GetFontSize() * 36, 0}, {ImGui::GetFontSize() * 60, FLT_MAX});
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    open_ = false;
    return;
  }
  if (!losses_.empty()) {  // written: what the format could not hold
    ImGui::TextWrapped("Wrote %s. The format could not hold:", path_.c_str());
    for (const std::string& l : losses_) ImGui::BulletText("%s", l.c_str());
    if (ImGui::Button("OK") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
      losses_.clear();
      open_ = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return;
  }
  ImGui::TextWrapped("%s", describe(choice_, story_).c_str());
  ImGui::TextUnformatted(choice_.action == PortAction::StoryPngs ? "Folder" : "File");
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  const bool folder = choice_.action == PortAction::StoryPngs;
  const float browse_w = folder ? 0 : ImGui::CalcTextSize("Browse…").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(folder ? -1 : -browse_w - ImGui::GetStyle().ItemSpacing.x);
  bool go = ImGui::InputText("##path", &path_, ImGuiInputTextFlags_EnterReturnsTrue);
  if (!folder) {
    ImGui::SameLine();
    if (ImGui::Button("Browse…"))
      browse_.open(choice_.action == PortAction::Import ? FileDialog::Mode::Open : FileDialog::Mode::Save, path_);
    if (const auto chosen = browse_.draw()) path_ = *chosen;  // a dialog over this one
  }
  if (choice_.action == PortAction::ViewPng || choice_.action == PortAction::ViewSvg ||
      choice_.action == PortAction::ViewPdf) {
    // The box drawn with a border: the theme's frame colour alone is too close to the dialog's background.
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    ImGui::Checkbox("Title, legend and credits", &annotate_);
    ImGui::PopStyleVar();
  }
  if (choice_.action == PortAction::Import && session.doc() && session.doc()->modified())
    ImGui::TextWrapped("The open timeline has unsaved edits: you will be asked whether to save them first.");
  if (!error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.75f, 0.15f, 0.1f, 1});
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::PopStyleColor();
  }
  go |= ImGui::Button(choice_.action == PortAction::Import ? "Import" : "Export");
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || (!browse_.active() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)))
    open_ = false;
  if (go && open_ && !path_.empty()) carry_out(session, canvas, log);
  if (!open_) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace cs
