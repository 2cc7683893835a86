// `chronoscope check FILE`: every problem as FILE:LINE:COL, then a count; exit 1 on errors.
#include "app/cli/commands.hpp"

#include "app/cli/load_progress.hpp"
#include "app/cli/output.hpp"

#include <iostream>

namespace cs {

int run_check(const Options& o) {
  const auto doc = load_document_with_progress(o.file);
  const Diagnostics& d = doc->diagnostics();
  std::cout << d.format_all();
  // "42 events", or "41 events (1 of 42 skipped)": how much of the file made it.
  std::string events = count_of(doc->timeline().event_count(), "event", "events");
  if (const std::size_t skipped = doc->events_skipped())
    events += " (" + std::to_string(skipped) + " of " + std::to_string(doc->events_listed()) + " skipped)";
  std::cout << escape_for_terminal(o.file) << ": " << events << ", " << count_of(std::size_t(d.error_count()), "error", "errors")
            << ", " << count_of(std::size_t(d.warning_count()), "warning", "warnings") << "\n";
  if (const int rc = finish_stdout()) return rc;
  return d.has_errors() ? 1 : 0;
}

}  // namespace cs
