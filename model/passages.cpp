// Paragraph counting and archive lookup for citations; see passages.hpp for the rule.
#include "model/passages.hpp"

#include "model/io/load_file.hpp"

#include <charconv>
#include <filesystem>

namespace cs {
namespace {

namespace fs = std::filesystem;

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// A whole number at the start of `s`, moving `s` past it.
std::optional<int> number(std::string_view& s) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end == s.data()) return std::nullopt;
  s.remove_prefix(std::size_t(end - s.data()));
  return v;
}

}  // namespace

std::vector<std::string_view> archive_paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  bool started = false;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (blank(line)) continue;
    started = started || line.size() >= kProseLineBytes;
    if (started) out.push_back(line);
  }
  return out;
}

std::optional<ParagraphRange> paragraph_locator(std::string_view locator) {
  std::string_view s = locator;
  if (s.starts_with("paras ")) s.remove_prefix(6);
  else if (s.starts_with("para ")) s.remove_prefix(5);
  else return std::nullopt;
  const auto first = number(s);
  if (!first || *first < 1) return std::nullopt;
  ParagraphRange r{*first, *first};
  if (s.starts_with("-") || s.starts_with("\u2013")) {
    s.remove_prefix(s[0] == '-' ? 1 : 3);
    const auto last = number(s);
    if (!last || *last < *first) return std::nullopt;
    r.last = *last;
  }
  if (!s.empty()) return std::nullopt;
  return r;
}

std::vector<std::string> archive_candidates(const std::string& timeline_path, std::string_view archive) {
  if (archive.empty()) return {};
  const fs::path a{std::string{archive}};
  if (a.is_absolute()) return {a.string()};
  const fs::path dir = fs::path{timeline_path}.parent_path();
  std::vector<std::string> out{(dir / a).lexically_normal().string(), (dir / (a.string() + ".txt")).lexically_normal().string()};
  if (!a.has_parent_path())
    out.push_back((dir / ".." / "shared" / "seeds" / (a.string() + ".txt")).lexically_normal().string());
  return out;
}

std::string Passage::describe() const {
  const auto paras = [&] {
    return range.first == range.last ? "paragraph " + std::to_string(range.first)
                                     : "paragraphs " + std::to_string(range.first) + "-" + std::to_string(range.last);
  };
  switch (status) {
    case Status::Found: return paras() + " of " + std::to_string(paragraphs) + ", " + path;
    case Status::NoArchive: return "the source names no archived text";
    case Status::Missing: return "the archived text is not here (looked for " + path + ")";
    case Status::NoLocator: return "the locator names no paragraph (write it as \"para N\")";
    case Status::OutOfRange: return path + " has " + std::to_string(paragraphs) + " paragraphs, not " + paras().substr(paras().find(' ') + 1);
  }
  return {};
}

Passage cited_passage(std::string_view text, const SourceRef& ref) {
  Passage p;
  p.status = Passage::Status::Found;
  const auto range = paragraph_locator(ref.locator);
  const std::vector<std::string_view> paras = archive_paragraphs(text);
  p.paragraphs = int(paras.size());
  if (!range) {
    p.status = Passage::Status::NoLocator;
    return p;
  }
  p.range = *range;
  if (range->last > int(paras.size())) {
    p.status = Passage::Status::OutOfRange;
    return p;
  }
  for (int n = range->first; n <= range->last; ++n) {
    if (n > range->first) p.text += '\n';
    p.text += paras[std::size_t(n - 1)];
  }
  if (!ref.quote.empty())
    if (const std::size_t at = p.text.find(ref.quote); at != std::string::npos) {
      p.quote_begin = at;
      p.quote_end = at + ref.quote.size();
    }
  return p;
}

Passage find_passage(const std::string& timeline_path, const Source& source, const SourceRef& ref) {
  Passage p;
  const std::vector<std::string> places = archive_candidates(timeline_path, source.archive);
  if (places.empty()) return p;  // NoArchive
  for (const std::string& place : places) {
    std::error_code ec;
    std::string text;
    if (!fs::is_regular_file(place, ec) || !read_file(place, text)) continue;
    p = cited_passage(text, ref);
    p.path = place;
    return p;
  }
  p.status = Passage::Status::Missing;
  for (const std::string& place : places) p.path += (p.path.empty() ? "" : ", ") + place;
  return p;
}

}  // namespace cs
