// Lists what loading found wrong, so a file with mistakes still opens and shows what it can: errors in red,
// warnings in amber, each as FILE:LINE:COL, and how many events were left out. Choosing a problem (click,
// or Up/Down and Enter while the panel has focus) selects its event when it loaded, and shows the place in
// the file with the line marked; "Open in editor" (Ctrl+E) opens the file there in $VISUAL or $EDITOR.
#pragma once

#include "app/session.hpp"
#include "app/ui_log.hpp"

#include <optional>

namespace cs {

class ProblemsWindow {
 public:
  // Returns a line to open the file at when the user asked for the editor.
  std::optional<int> draw(const Document& doc, Selection& sel, const UiLog& log);
  // The line of the chosen problem (0 when none is chosen).
  int chosen_line(const Document& doc) const;

 private:
  void choose(const Document& doc, Selection& sel, int n, const UiLog& log);
  void excerpt(const Document& doc, const Diagnostic& d);

  int chosen_ = -1;
  const Document* chosen_doc_ = nullptr;
  bool scroll_ = false;
};

}  // namespace cs
