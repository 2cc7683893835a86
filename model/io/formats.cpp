// Dispatch to the readers and writers of model/io, and format detection.
#include "model/io/formats.hpp"

#include "model/io/csv_loader.hpp"
#include "model/io/csv_writer.hpp"
#include "model/io/json_doc.hpp"
#include "model/io/markdown.hpp"
#include "model/io/timelinejs.hpp"
#include "model/io/timelinejs_sheet.hpp"
#include "model/io/vis_json.hpp"
#include "model/io/yaml_loader.hpp"
#include "model/io/yaml_writer.hpp"

#include <algorithm>
#include <cctype>

namespace cs {
namespace {

std::string extension(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext{name.substr(dot)};
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext;
}

std::string_view first_line(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text.substr(0, std::min(text.find('\n'), std::size_t{64 * 1024}));
}

bool is_our_csv_header(std::string_view line) {
  std::vector<std::string> names;
  std::size_t a = 0;
  while (a <= line.size()) {
    const std::size_t comma = std::min(line.find(',', a), line.size());
    std::string n{line.substr(a, comma - a)};
    n.erase(std::remove_if(n.begin(), n.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '"'; }),
            n.end());
    names.push_back(n);
    a = comma + 1;
  }
  const auto has = [&](std::string_view n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  return has("id") && has("title") && has("start");
}

std::optional<Format> csv_flavour(std::string_view text) {
  const std::string_view line = first_line(text);
  if (is_our_csv_header(line)) return Format::Csv;
  if (is_timelinejs_sheet_header(line)) return Format::TimelineJsSheet;
  return std::nullopt;
}

std::optional<Format> json_flavour(std::string_view text) {
  // Both may have a "title" (an object in TimelineJS, a string in ours for vis): it decides nothing.
  const JsonShape shape = json_shape(text, {"events", "eras", "items", "groups"});
  if (shape.array) return Format::Vis;
  if (!shape.object || shape.keys.empty()) return std::nullopt;
  const std::string& k = shape.keys.back();
  if (k == "events" || k == "eras") return Format::TimelineJs;
  if (k == "items" || k == "groups") return Format::Vis;
  return std::nullopt;
}

}  // namespace

std::string_view format_name(Format f) {
  switch (f) {
    case Format::Yaml: return "yaml";
    case Format::Csv: return "csv";
    case Format::TimelineJs: return "timelinejs";
    case Format::TimelineJsSheet: return "timelinejs-sheet";
    case Format::Vis: return "vis";
    case Format::Markdown: return "markdown";
  }
  return "yaml";
}

const std::vector<Format>& all_formats() {
  static const std::vector<Format> kAll = {Format::Yaml, Format::Csv, Format::TimelineJs, Format::TimelineJsSheet,
                                           Format::Vis, Format::Markdown};
  return kAll;
}

std::optional<Format> format_from_name(std::string_view name) {
  for (const Format f : all_formats())
    if (format_name(f) == name) return f;
  return std::nullopt;
}

bool can_read(Format f) { return f != Format::Markdown; }

std::optional<Format> detect_input_format(std::string_view path, std::string_view text, std::string* why) {
  const std::string ext = extension(path);
  if (ext == ".yaml" || ext == ".yml") return Format::Yaml;
  if (ext == ".md" || ext == ".markdown") return Format::Markdown;
  if (ext == ".csv") {
    if (const auto f = csv_flavour(text)) return f;
    *why = "its first line is neither this program's CSV header (id,title,start,...) nor TimelineJS's sheet header "
           "(Year,Month,Day,...,Headline,...); say --from csv or --from timelinejs-sheet";
    return std::nullopt;
  }
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  if (i < text.size() && (text[i] == '{' || text[i] == '[')) {
    if (const auto f = json_flavour(text)) return f;
    if (ext == ".json") {
      *why = "it is neither TimelineJS JSON (an object with \"events\") nor vis-timeline JSON (an object with "
             "\"items\"); say --from timelinejs or --from vis";
      return std::nullopt;
    }
  } else if (ext == ".json") {
    *why = "it does not start as JSON ('{' or '[')";
    return std::nullopt;
  }
  if (const auto f = csv_flavour(text)) return f;
  return Format::Yaml;
}

std::optional<Format> detect_output_format(std::string_view path, std::string* why) {
  const std::string ext = extension(path);
  if (ext == ".yaml" || ext == ".yml") return Format::Yaml;
  if (ext == ".md" || ext == ".markdown") return Format::Markdown;
  if (ext == ".csv") return Format::Csv;
  if (ext == ".json") *why = "a .json file can be TimelineJS or vis-timeline JSON: say --to timelinejs or --to vis";
  else *why = "the extension does not say which format to write: say --to FORMAT";
  return std::nullopt;
}

void read_timeline(Format f, std::string_view text, Timeline& t, Diagnostics& diag) {
  switch (f) {
    case Format::Yaml: load_timeline_yaml(text, t, diag); return;
    case Format::Csv: load_timeline_csv(text, t, diag); return;
    case Format::TimelineJs: read_timelinejs(text, t, diag); return;
    case Format::TimelineJsSheet: read_timelinejs_sheet(text, t, diag); return;
    case Format::Vis: read_vis_json(text, t, diag); return;
    case Format::Markdown: diag.error({}, "Markdown is written only, not read"); return;
  }
}

std::string write_timeline(Format f, const Timeline& t, Diagnostics& losses) {
  switch (f) {
    case Format::Yaml: return write_yaml(t, losses);
    case Format::Csv: return write_csv(t, losses);
    case Format::TimelineJs: return write_timelinejs(t, losses);
    case Format::TimelineJsSheet: return write_timelinejs_sheet(t, losses);
    case Format::Vis: return write_vis_json(t, losses);
    case Format::Markdown: return write_markdown(t, losses);
  }
  return {};
}

}  // namespace cs
