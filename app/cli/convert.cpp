// `chronoscope convert IN OUT [--from F] [--to F] [--filter EXPR]`: read one format, write another (only
// the events a filter keeps), say what is lost.
#include "app/cli/commands.hpp"

#include "app/cli/output.hpp"
#include "model/filter.hpp"
#include "model/io/formats.hpp"
#include "model/io/load_file.hpp"

#include <iostream>

namespace cs {
namespace {

// The timeline with only the events `keep` marks; lanes, sources and stories whole.
Timeline only(const Timeline& t, const std::vector<bool>& keep) {
  Timeline out;
  out.title = t.title;
  out.lanes = t.lanes;
  out.sources = t.sources;
  out.stories = t.stories;
  std::vector<std::uint32_t> tag_map;
  for (EventIndex i = 0; i < t.event_count(); ++i)
    if (keep[i]) out.store().append(t.store(), i, tag_map);
  return out;
}

}  // namespace

int run_convert(const Options& o) {
  if (output_overwrites_input(o.out, {o.file})) return 2;
  std::string text;
  if (!read_file(o.file, text)) {
    std::cerr << "chronoscope: error: cannot read " << quoted_name(o.file) << "\n";
    return 1;
  }
  std::string why;
  const std::optional<Format> from = o.from.empty() ? detect_input_format(o.file, text, &why) : format_from_name(o.from);
  if (!from) {
    std::cerr << "chronoscope: error: cannot tell the format of " << quoted_name(o.file) << ": " << why << "\n";
    return 2;
  }
  if (!can_read(*from)) {
    std::cerr << "chronoscope: error: " << format_name(*from) << " is written only; it cannot be read\n";
    return 2;
  }
  const std::optional<Format> to = o.to.empty() ? detect_output_format(o.out, &why) : format_from_name(o.to);
  if (!to) {
    std::cerr << "chronoscope: error: cannot tell which format to write " << quoted_name(o.out) << " in: " << why
              << "\n";
    return 2;
  }

  Timeline t;
  Diagnostics diag{o.file};
  read_timeline(*from, text, t, diag);
  std::cerr << diag.format_all();
  if (diag.has_errors()) {
    std::cerr << "chronoscope: error: " << quoted_name(o.file) << " has " << diag.error_count()
              << (diag.error_count() == 1 ? " error" : " errors") << "; nothing written\n";
    return 1;
  }

  if (o.filter) {
    FilterResult kept = run_filter(t, *o.filter);
    if (kept.error) {
      std::cerr << escape_for_terminal(kept.error->format("--filter")) << "\n";
      return 2;
    }
    t = only(t, kept.keep);
  }

  Diagnostics losses{o.out};
  const std::string bytes = write_timeline(*to, t, losses);
  std::cerr << losses.format_all();
  if (output_overwrites_input(o.out, {o.file})) return 2;  // the input may have been linked there meanwhile
  if (const int rc = write_output(o.out, bytes)) return rc;
  std::cerr << "wrote " << escape_for_terminal(o.out) << " (" << t.event_count() << " events, " << format_name(*to)
            << ")\n";
  return 0;
}

}  // namespace cs
