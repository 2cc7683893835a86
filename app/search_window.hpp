// Search, docked: incremental over titles, summaries and tags; the results (title, and the date as written
// in a column of its own) follow the arrow keys; Enter goes to the current one: selected, its lane scrolled
// into view, zoomed until it stands unfolded.
#pragma once

#include "app/session.hpp"
#include "app/ui_log.hpp"

#include <string>
#include <vector>

namespace cs {

struct SearchWindow {
  void focus() { focus_input_ = true; }  // Ctrl+F: the next frame types into the field
  // The contents of its dock tab.
  void draw(const Document& doc, Selection& sel, std::uint64_t generation, const UiLog& log);

 private:
  bool focus_input_ = false;
  bool typing_ = false;  // the field had the keys last frame
  std::string query_;
  std::string last_query_;
  std::uint64_t generation_ = 0;
  std::vector<std::string> results_;  // event ids, in date order
  int current_ = 0;
};

}  // namespace cs
