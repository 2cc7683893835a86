// Following a citation's locator into its source's archived text: paragraphs counted as events.yaml's
// header says (lines that are empty or only spaces are skipped; paragraph 1 is the first line of 120 bytes or
// more; from there every non-empty line is one paragraph), the archive found beside the timeline file, and
// the cited paragraph with the quote's place in it.
#pragma once

#include "model/timeline.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// Paragraph 1 is the first line of at least this many bytes (UTF-8 bytes; a line's CR is not counted).
inline constexpr std::size_t kProseLineBytes = 120;

// The article body as paragraphs, views into `text`, without line ends.
std::vector<std::string_view> archive_paragraphs(std::string_view text);

// The paragraphs a locator names: "para 9" (9 to 9), "paras 6-7" or "para 6-7" (6 to 7). Nothing for other
// locators ("p. 3", "section 2") or numbers below 1.
struct ParagraphRange {
  int first = 0, last = 0;
  bool operator==(const ParagraphRange&) const = default;
};
std::optional<ParagraphRange> paragraph_locator(std::string_view locator);

// The files an archive may be, in the order they are tried: `archive` as a path relative to the folder of
// the timeline file, the same with ".txt" added, and (the layout events.yaml's header describes) the key
// plus ".txt" in ../shared/seeds/ beside that folder. An absolute `archive` is itself alone.
std::vector<std::string> archive_candidates(const std::string& timeline_path, std::string_view archive);

struct Passage {
  enum class Status {
    Found,        // text holds the cited paragraphs
    NoArchive,    // the source names no archive
    Missing,      // no archive file was found (path: the first place tried)
    NoLocator,    // the locator names no paragraph
    OutOfRange,   // the archive has fewer paragraphs
  };
  Status status = Status::NoArchive;
  std::string path;  // the archive file read; when Missing, every place looked at ("a, b, c")
  ParagraphRange range;
  int paragraphs = 0;  // how many the archive has
  std::string text;    // the cited paragraphs, one per line
  // Where the quote is in `text` (byte offsets; quote_begin == npos: no quote, or not found there).
  std::size_t quote_begin = std::string::npos, quote_end = std::string::npos;

  // One line for the user: "paragraph 9 of 14, archive/000.txt", "archive 000 not found at ...", ...
  std::string describe() const;
};

// The passage a citation points at: `text` is the archive's text already read (see archive_candidates).
Passage cited_passage(std::string_view text, const SourceRef& ref);
// The same, finding and reading the archive of `source` beside `timeline_path`.
Passage find_passage(const std::string& timeline_path, const Source& source, const SourceRef& ref);

}  // namespace cs
