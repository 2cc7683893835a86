// The handout's Markdown: headings per step, a list item per focused event, a sub-list of its citations.
#include "model/io/handout.hpp"

#include <cctype>

namespace cs {
namespace {

std::string heading_of(const StoryStep& step, std::size_t n) {
  return step.title.empty() ? "Step " + std::to_string(n) : step.title;
}

// An autolink when the url can be one, else the url as text.
std::string markdown_url(std::string_view url) {
  for (char c : url)
    if (c == ' ' || c == '<' || c == '>' || static_cast<unsigned char>(c) < 0x20) return markdown_text(url);
  return "<" + std::string{url} + ">";
}

// Text over several lines, each after the first indented by `indent` (to stay inside a list item).
std::string indented(std::string_view s, std::string_view indent) {
  std::string out = markdown_text(s);
  for (std::size_t i = out.find('\n'); i != std::string::npos; i = out.find('\n', i + 1 + indent.size()))
    out.insert(i + 1, indent);
  return out;
}

std::string citation(const Timeline& t, const SourceRef& ref) {
  const Source* src = t.find_source(ref.source);
  std::string out;
  if (!src) return markdown_text(ref.source + (ref.locator.empty() ? "" : ", " + ref.locator));
  out = markdown_text(src->publisher.empty() ? src->id : src->publisher);
  if (!src->title.empty()) out += ", \u201C" + markdown_text(src->title) + "\u201D";
  if (!src->published_text.empty()) out += " (" + markdown_text(src->published_text) + ")";
  if (!ref.locator.empty()) out += ", " + markdown_text(ref.locator);
  if (!src->url.empty()) out += ": " + markdown_url(src->url);
  return out;
}

}  // namespace

std::string markdown_text(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  bool line_start = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\r') continue;
    if (line_start) {
      line_start = false;
      // What would begin a block: "1." or "1)", "#", ">", "-", "+", "|", "=".
      std::size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      if (j > i && j < s.size() && (s[j] == '.' || s[j] == ')')) {
        out.append(s.substr(i, j - i)).append("\\").push_back(s[j]);
        i = j;
        continue;
      }
      if (c == '#' || c == '>' || c == '-' || c == '+' || c == '|' || c == '=') {
        out.append("\\").push_back(c);
        continue;
      }
    }
    // Inline markup anywhere: emphasis, code, links, html, strikethrough, tables.
    if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>' || c == '~' ||
        c == '|')
      out += '\\';
    out += c;
    line_start = c == '\n';
  }
  return out;
}

std::string story_handout(const Timeline& t, const Story& story) {
  std::string md = "# " + markdown_text(story.title.empty() ? story.id : story.title) + "\n\n";
  if (!t.title.empty()) md += "*" + markdown_text(t.title) + "*\n\n";
  for (std::size_t k = 0; k < story.steps.size(); ++k) {
    const StoryStep& step = story.steps[k];
    md += "## " + std::to_string(k + 1) + ". " + markdown_text(heading_of(step, k + 1)) + "\n\n";
    if (step.range) md += "*" + markdown_text(describe(*step.range, false)) + "*\n\n";
    if (!step.caption.empty()) md += markdown_text(step.caption) + "\n\n";
    for (const std::string& id : step.focus) {
      const auto e = t.find_event(id);
      if (!e) continue;
      const Event ev = t.event(*e);
      md += "- **" + markdown_text(ev.title) + "** (" + markdown_text(ev.date_text) + ")";
      if (!ev.summary.empty()) md += "  \n  " + indented(ev.summary, "  ");
      md += "\n";
      for (const SourceRef& ref : ev.sources) md += "  - " + citation(t, ref) + "\n";
    }
    if (!step.focus.empty()) md += "\n";
  }
  while (md.size() > 1 && md[md.size() - 1] == '\n' && md[md.size() - 2] == '\n') md.pop_back();
  return md;
}

}  // namespace cs
