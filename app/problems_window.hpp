// Lists what loading found wrong, so a file with mistakes still opens and shows what it can: errors in red,
// warnings in amber, each as FILE:LINE:COL, and how many events were left out. A click on a problem in an
// event selects that event (when it loaded) and shows it.
#pragma once

#include "app/session.hpp"

namespace cs {

struct ProblemsWindow {
  void draw(const Document& doc, Selection& sel);
};

}  // namespace cs
