// `chronoscope edit FILE ID --set KEY=VALUE ...`: the document's operations for scripts and tests. Reads its
// own arguments; applies them as one step; prints what was refused, or the diff (--dry-run), or saves.
#include "app/cli/commands.hpp"
#include "app/cli/output.hpp"

#include "model/document.hpp"
#include "model/io/load_file.hpp"
#include "model/text_diff.hpp"

#include <iostream>
#include <iterator>
#include <sstream>

namespace cs {
namespace {

struct EditArgs {
  std::string file, id;
  ListKind list = ListKind::Events;
  std::vector<EditOp> ops;
  std::string add_from;  // --add: a path, or "-" for standard input
  bool dry_run = false;
};

// The arguments, or an error message.
std::string parse(const std::vector<std::string>& args, EditArgs& e) {
  std::vector<std::pair<std::string, std::string>> sets;
  std::vector<std::string> unsets;
  bool del = false, dup = false, add = false;
  std::string dup_id;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--set") {
      if (!value(v)) return "--set needs KEY=VALUE";
      const auto eq = v.find('=');
      if (eq == std::string::npos || eq == 0) return "--set needs KEY=VALUE, not '" + v + "'";
      sets.emplace_back(v.substr(0, eq), v.substr(eq + 1));
    } else if (a == "--unset") {
      if (!value(v)) return "--unset needs a KEY";
      unsets.push_back(v);
    } else if (a == "--delete") {
      del = true;
    } else if (a == "--duplicate") {
      dup = true;
      if (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0 && positional.size() >= 2) dup_id = args[++i];
    } else if (a == "--add") {
      add = true;
      if (!value(e.add_from)) return "--add needs a file of YAML, or - for standard input";
    } else if (a == "--lane") {
      e.list = ListKind::Lanes;
    } else if (a == "--source") {
      e.list = ListKind::Sources;
    } else if (a == "--dry-run") {
      e.dry_run = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option '" + a + "'";
    } else {
      positional.push_back(a);
    }
  }
  if (positional.empty()) return "missing FILE";
  e.file = positional[0];
  const int kinds = int(!sets.empty() || !unsets.empty()) + int(del) + int(dup) + int(add);
  if (kinds == 0) return "nothing to do: give --set, --unset, --delete, --duplicate or --add";
  if (kinds > 1) return "--set/--unset, --delete, --duplicate and --add cannot be combined";
  if (add) {
    if (positional.size() > 1) return "--add takes no ID (the new item carries its own)";
    return {};
  }
  if (positional.size() < 2) return "missing the ID of the item to edit";
  if (positional.size() > 2) return "unexpected argument '" + positional[2] + "'";
  if (dup && e.list != ListKind::Events) return "--duplicate copies events only";
  e.id = positional[1];
  for (const auto& [k, v] : sets) e.ops.push_back(EditOp::set(e.id, k, v, e.list));
  for (const auto& k : unsets) e.ops.push_back(EditOp::unset(e.id, k, e.list));
  if (del) e.ops.push_back(EditOp::remove(e.id, e.list));
  if (dup) e.ops.push_back(EditOp::duplicate(e.id, dup_id));
  return {};
}

bool read_all(const std::string& from, std::string& out) {
  if (from == "-") {
    out.assign(std::istreambuf_iterator<char>{std::cin}, {});
    return true;
  }
  return read_file(from, out);
}

}  // namespace

int run_edit(const Options& o) {
  EditArgs e;
  if (const std::string err = parse(o.rest, e); !err.empty()) {
    std::cerr << "chronoscope: error: " << escape_for_terminal(err) << "\n" << usage(Mode::Edit);
    return 2;
  }
  if (!e.add_from.empty()) {
    std::string item;
    if (!read_all(e.add_from, item)) {
      std::cerr << "chronoscope: error: cannot read '" << escape_for_terminal(e.add_from) << "'\n";
      return 2;
    }
    e.ops.push_back(EditOp::add(item, e.list));
  }
  auto doc = Document::load(e.file);
  if (doc->diagnostics().has_errors() && doc->text().empty()) {
    std::cerr << doc->diagnostics().format_all();
    return 1;
  }
  if (const std::string why = doc->read_only_reason(); !why.empty()) {
    std::cerr << escape_for_terminal(e.file) << ": error: " << escape_for_terminal(why) << "\n";
    return 1;
  }
  if (!e.id.empty()) {
    const bool known = e.list == ListKind::Events  ? doc->find_event(e.id).has_value()
                       : e.list == ListKind::Lanes ? doc->timeline().find_lane(e.id) != nullptr
                                                   : doc->timeline().find_source(e.id) != nullptr;
    if (!known) {
      const char* what = e.list == ListKind::Events ? "event" : e.list == ListKind::Lanes ? "lane" : "source";
      std::cerr << escape_for_terminal(e.file) << ": error: no " << what << " has the id '" << escape_for_terminal(e.id) << "'\n";
      return 2;
    }
  }
  const std::string before = doc->text();
  const EditResult r = doc->apply(e.ops);
  if (!r.ok) {
    std::cerr << r.problems.format_all();
    return 1;
  }
  if (e.dry_run) {
    std::cout << escape_lines_for_terminal(unified_diff(before, doc->text(), e.file));  // the file may hold anything
    return 0;
  }
  const SaveResult saved = doc->save();
  if (saved.status != SaveStatus::Saved) {
    std::cerr << escape_for_terminal(e.file) << ": error: " << escape_for_terminal(saved.message) << "\n";
    return 1;
  }
  std::cerr << "edited " << escape_for_terminal(e.file);
  for (const std::string& id : r.ids) std::cerr << " " << escape_for_terminal(id);
  std::cerr << "\n";
  return 0;
}

}  // namespace cs
