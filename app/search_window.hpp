// Ctrl+F search: incremental over titles, summaries and tags; arrows pick a result, Enter goes to it.
#pragma once

#include "app/document.hpp"
#include "app/ui_log.hpp"

#include <string>
#include <vector>

namespace cs {

struct SearchWindow {
  void open() { open_ = true, focus_input_ = true; }
  void close() { open_ = false; }
  bool is_open() const { return open_; }
  void draw(const Timeline& t, Selection& sel, float x, float y, float w, const UiLog& log);

 private:
  bool open_ = false;
  bool logged_open_ = false;
  bool focus_input_ = false;
  std::string query_;
  std::string last_query_;
  std::vector<EventIndex> results_;
  int current_ = 0;
};

}  // namespace cs
