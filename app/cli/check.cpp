// `chronoscope check FILE`: every problem as FILE:LINE:COL, then a count; exit 1 on errors.
#include "app/cli/commands.hpp"

#include "app/cli/load_progress.hpp"
#include "app/cli/output.hpp"

#include <iostream>

namespace cs {

int run_check(const Options& o) {
  Diagnostics d{o.file};
  Timeline t;
  load_with_progress(o.file, t, d);
  std::cout << d.format_all();
  std::cout << escape_for_terminal(o.file) << ": " << t.event_count() << " events, " << d.error_count() << " errors, "
            << d.warning_count() << " warnings\n";
  if (const int rc = finish_stdout()) return rc;
  return d.has_errors() ? 1 : 0;
}

}  // namespace cs
