// chronoscope: entry point; dispatches to the window or to a window-less command.
#include "app/cli/cli.hpp"
#include "app/cli/bench.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/prepare.hpp"
#include "app/window_app.hpp"
#include "model/diagnostics.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const cs::ParsedArgs parsed = cs::parse_command_line(args);
  const cs::Options& o = parsed.options;
  if (!parsed.error.empty()) {
    std::cerr << "chronoscope: error: " << parsed.error << "\n" << cs::usage(o.mode);
    return 2;
  }
  try {
    switch (o.mode) {
      case cs::Mode::Help: std::cout << cs::usage(o.help_for); return 0;
      case cs::Mode::Version: std::cout << cs::version_text(); return 0;
      case cs::Mode::Check: return cs::run_check(o);
      case cs::Mode::Layout: return cs::run_layout(o);
      case cs::Mode::Render: return cs::run_render(o);
      case cs::Mode::List: return cs::run_list(o);
      case cs::Mode::Export: return cs::run_export(o);
      case cs::Mode::Present: return cs::run_present(o);
      case cs::Mode::Bench: return cs::run_bench(o);
      case cs::Mode::Generate: return cs::run_generate(o);
      case cs::Mode::Edit: return cs::run_edit(o);
      case cs::Mode::Convert: return cs::run_convert(o);
      case cs::Mode::Open:
        // Said before a window opens: a folder or a device is no timeline, and a filter that cannot parse.
        if (const std::string why = cs::unreadable_input(o.file); !why.empty()) {
          std::cerr << cs::escape_for_terminal(o.file) << ": error: cannot read the file: " << why << "\n";
          return 1;
        }
        if (!cs::filter_syntax_ok(o)) return 2;
        return cs::run_window(o);
    }
  } catch (const std::exception& e) {
    std::cerr << "chronoscope: internal error: " << cs::escape_for_terminal(e.what()) << "\n";
    return 3;
  }
  return 0;
}
