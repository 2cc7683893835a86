// Command line: `chronoscope [FILE]`, `check FILE`, `render FILE -o OUT.png|.svg|.pdf`, `export FILE --story ID`,
// `present FILE`, `layout FILE`, `list FILE`, `convert IN OUT`, `generate`, `edit`, `bench`, `help`, `--version`.
#pragma once

#include "model/calendars.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cs {

enum class Mode { Open, Check, Render, Export, Present, Layout, List, Bench, Generate, Edit, Convert, Version, Help };

struct Options {
  Mode mode = Mode::Open;
  Mode help_for = Mode::Open;  // with Mode::Help
  std::string file = "events.yaml";
  std::string out;                   // render: PNG, SVG or PDF path; export: PDF, Markdown or a folder; convert: OUT
  std::optional<std::string> range;  // EDTF interval
  std::optional<std::string> filter;  // window, render, layout, list, convert: the filter expression (docs/filters.md)
  std::vector<Calendar> calendars;    // window, render, layout: parallel calendar rows under the axis
  bool context_bar = false;           // render, layout: the window's context bar under the axis
  int width = 0, height = 0;         // 0: the command's default
  // render and export
  std::string title;              // render: a title above the canvas
  bool legend = false;            // render: the lanes' colours below it
  bool credits = false;           // render: the sources of the events shown, below it
  float scale = 0;                // type and marks (0: output height / 1080, at least 1)
  bool hide_empty_lanes = false;  // lanes with nothing in the range left out
  std::string story;              // export, present: the story's id
  int step = 0;                   // present: the step to start at, from 1 (0: the first)
  bool notes = false;             // present: the speaker notes window even with one monitor
  bool log_ui = false;               // window: print UI state changes on stderr (for tests and debugging)
  // generate
  std::uint64_t events = 0;
  std::uint64_t seed = 1;
  int from_year = 1000, to_year = 2100, lanes = 0;
  bool prose = false;  // generate: summaries, notes and citations
  // bench
  int frames = 120;
  bool window = false;  // bench: also play the path in a real window
  int edits = 0;        // bench: edits to time (and saves)
  bool json = false;    // bench: print the figures as one JSON object; list: the rows as a JSON array
  // Commands that read their own arguments (edit): everything after the command's name.
  std::vector<std::string> rest;
  // convert: formats by name (empty: by extension or content)
  std::string from, to;
};

struct ParsedArgs {
  Options options;
  std::string error;  // set when the arguments are wrong; print with the usage, exit 2
};

ParsedArgs parse_command_line(const std::vector<std::string>& args);
// The usage of one command, or (Mode::Open, Mode::Help) of the program with the list of commands.
std::string usage(Mode mode);
std::string version_text();

}  // namespace cs
