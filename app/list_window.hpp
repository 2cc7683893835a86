// The list view, docked: the events the filter shows as a chronological table (date as written, title,
// lanes, citations, disputed), sortable by any column, virtualised so a million rows scroll smoothly.
// It follows the selection (a click on the canvas scrolls to the row) and leads it: a click or the arrow
// keys select, Enter or a double-click takes the canvas there. Page Up/Down, Home and End move by pages
// and to either end.
#pragma once

#include "app/list_rows.hpp"
#include "app/session.hpp"
#include "app/ui_log.hpp"

#include <string>
#include <vector>

namespace cs {

struct ListWindow {
  // The contents of its dock tab. `keep` is the filter's mask (empty: every event); `data_generation`
  // changes whenever the events or the filter change.
  void draw(const Document& doc, const std::vector<bool>& keep, std::uint64_t data_generation, Selection& sel,
            const UiLog& log);
  // The list has the keyboard (it was focused in the last frame): the canvas leaves the arrows to it.
  bool has_keys() const;
  std::size_t rows() const { return rows_.size(); }

 private:
  void rebuild(const Timeline& t, const std::vector<bool>& keep);
  void follow_selection(const Document& doc, const Selection& sel, const UiLog& log);
  void select_row(int i, const EventStore& st, Selection& sel, const UiLog& log);
  int keyboard(int page) const;  // the row the keys move to, or -1

  std::vector<EventIndex> rows_;
  std::uint64_t built_ = ~std::uint64_t{0};
  ListColumn sort_ = ListColumn::Date;
  bool descending_ = false;
  int current_ = -1;         // the selected event's row, -1 when it is not listed
  std::string followed_;     // the selection the list last followed
  bool scroll_to_current_ = false;
  float row_height_ = 0;
  int focused_frame_ = -10;  // ImGui frame in which the list last had the focus
};

}  // namespace cs
