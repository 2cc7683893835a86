// The filter bar, docked (Ctrl+L): the expression field (docs/filters.md), its error with the column
// marked under the text, how many events match, and counts per facet (lanes, tags, sources, dating basis,
// precision) whose entries switch terms on and off: a click keeps only those (toggle_term), a right-click
// leaves them out. It never edits the filter itself: it returns the expression the user made.
#pragma once

#include "app/session.hpp"
#include "app/ui_log.hpp"

#include <optional>
#include <string>

namespace cs {

struct FilterBar {
  void focus() { focus_input_ = true; }  // Ctrl+L: the next frame types into the field
  // The contents of its dock tab. `data_generation` changes whenever the events or the filter change (the
  // counts are rebuilt then). Returns the new expression when the user changed it.
  std::optional<std::string> draw(const Document& doc, const FilterState& filter, const std::vector<bool>& keep,
                                   std::uint64_t data_generation, const UiLog& log);

 private:
  void count_facets(const Timeline& t, const std::string& applied, const std::vector<bool>& keep);
  std::optional<std::string> facet(const char* heading, FilterField field, const std::vector<FacetCount>& counts,
                                   const Filter* parsed, std::size_t show);

  bool focus_input_ = false;
  std::string text_;         // the field, as typed
  std::string synced_;       // the session's expression the field last took
  Facets facets_;
  std::uint64_t built_ = ~std::uint64_t{0};
  bool all_tags_ = false;    // every tag, not only the most frequent
  bool all_sources_ = false;
};

}  // namespace cs
