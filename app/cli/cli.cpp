// Argument parsing with a clear message for every mistake.
#include "app/cli/cli.hpp"

#include "model/diagnostics.hpp"
#include "model/io/formats.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <limits>
#include <type_traits>

namespace cs {
namespace {

bool parse_size(const std::string& s, int& w, int& h) {
  const auto x = s.find('x');
  if (x == std::string::npos) return false;
  const auto num = [](std::string_view v, int& out) {
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    return ec == std::errc{} && p == v.data() + v.size() && out >= 64 && out <= 16384;
  };
  return num(std::string_view{s}.substr(0, x), w) && num(std::string_view{s}.substr(x + 1), h);
}

}  // namespace

std::string version_text() { return "chronoscope " CS_VERSION "\n"; }

std::string usage(Mode mode) {
  switch (mode) {
    case Mode::Check:
      return "usage: chronoscope check FILE\n"
             "Loads FILE and prints every problem as FILE:LINE:COL: error|warning: message.\n"
             "Exit status: 1 if there is any error, else 0.\n";
    case Mode::Render:
      return "usage: chronoscope render FILE -o OUT.png|OUT.svg|OUT.pdf [--range EDTF-INTERVAL] [--size WxH]\n"
             "                         [--filter EXPR] [--calendars LIST] [--context-bar] [--title TEXT] [--legend]\n"
             "                         [--credits] [--scale F] [--hide-empty-lanes]\n"
             "Draws the timeline canvas without a window, as the window shows it: a PNG (the window's pixels), or an\n"
             "SVG or PDF (the same drawing as vectors, with real text in the PDF). The extension picks the format.\n"
             "  -o, --output OUT       where to write the image (required): .png, .svg or .pdf\n"
             "  --range A/B            the time range across the plot, e.g. 2015-09/2016-03 (default: everything)\n"
             "  --size WxH             image size in pixels (default 1920x1080; a PDF page at 96 pixels per inch)\n"
             "  --filter EXPR          only the events that match, e.g. 'lane:iran -tag:diplomacy from:2015'\n"
             "                         (docs/filters.md); folds count only those\n"
             "  --calendars LIST       rows for parallel calendars under the axis, comma-separated:\n"
             "                         solar-hijri, islamic, julian\n"
             "  --context-bar          the window's context bar under the axis: the whole timeline's density\n"
             "                         with the range shown as a window\n"
             "  --title TEXT           a title above the canvas\n"
             "  --legend               the lanes' colours below the canvas\n"
             "  --credits              the sources of the events shown, below the canvas\n"
             "  --scale F              type and marks F times their size (default: height / 1080, at least 1)\n"
             "  --hide-empty-lanes     leave out lanes with nothing in the range\n";
    case Mode::Export:
      return "usage: chronoscope export FILE --story ID -o DECK.pdf|DIR/|HANDOUT.md [--size WxH] [--scale F]\n"
             "                         [--hide-empty-lanes]\n"
             "Exports a story (FILE's `stories:`) for a briefing:\n"
             "  DECK.pdf     a vector PDF: a title page, a page per step (its title, its view with the focused events\n"
             "               outlined and labelled and the rest dimmed, its caption), and the sources the focused\n"
             "               events cite; speaker notes are left out\n"
             "  DIR/         one PNG per step: DIR/step-01.png, DIR/step-02.png, ... (the folder is made if missing)\n"
             "  HANDOUT.md   the story as Markdown: per step its title, caption, and each focused event with its\n"
             "               date as written, summary, and citations with locators and urls\n"
             "  --story ID         the story to export (required)\n"
             "  --size WxH         page size in pixels (default 1920x1080; a PDF page at 96 pixels per inch)\n"
             "  --scale F          type and marks F times the canvas's (default: 1.75 x height / 1080, and at\n"
             "                     least 1.75, to be read from the back of a room)\n"
             "  --hide-empty-lanes steps that name no lanes show only the lanes with events in their range\n";
    case Mode::Present:
      return "usage: chronoscope present FILE [--story ID] [--step N] [--notes]\n"
             "Opens FILE's window and presents a story full screen (what F5 does in the window): the step's view\n"
             "with its focus outlined and labelled and the rest dimmed, its caption on a card, type scaled to the\n"
             "screen. Next: Right, Page Down, Space, Enter; previous: Left, Page Up, Backspace; Home, End; a number\n"
             "then Enter jumps to that step; B or . blanks the screen; Esc leaves for the window. In the window,\n"
             "F5 presents the story shown in the Stories panel from its first step, Shift+F5 from its selected one.\n"
             "  --story ID   the story (default: the first in the file)\n"
             "  --step N     start at step N (from 1)\n"
             "  --notes      the speaker notes window (notes, next step, clock) even with one monitor; with two\n"
             "               monitors it is on the window's monitor and the story on the other\n";
    case Mode::Edit:
      return "usage: chronoscope edit FILE ID --set KEY=VALUE [--set KEY=VALUE ...] [--unset KEY ...] [--dry-run]\n"
             "       chronoscope edit FILE ID --delete [--dry-run]\n"
             "       chronoscope edit FILE ID --duplicate [NEW-ID] [--dry-run]\n"
             "       chronoscope edit FILE --add ITEM.yaml|- [--dry-run]\n"
             "Changes one event (or with --lane / --source, one lane or source) as a minimal patch of the file's text:\n"
             "every other byte stays as written (comments, key order, quoting, blank lines, line ends). An edit\n"
             "that would make the file invalid is refused with the messages `check` would print, and the file is\n"
             "not touched. The file is written atomically, and not at all if it changed while being edited.\n"
             "  --set KEY=VALUE   VALUE is YAML: a scalar (title=Putin in Tehran, date=2015-11-23,\n"
             "                    summary=\"two\\nlines\") or a flow node (lanes=[russia, iran],\n"
             "                    sources=[{source: s1, locator: para 2}]); for text keys anything else is the text\n"
             "  --unset KEY       remove the key\n"
             "  --delete          remove the item\n"
             "  --duplicate [ID]  copy the event right after itself, with a new id (default: ID-copy)\n"
             "  --add FILE|-      add the item (a YAML map) at the end of its list, in the style of its neighbours\n"
             "  --lane, --source  the ID names a lane or a source (with --add: add a lane or a source)\n"
             "  --dry-run         print the unified diff that would be written, and write nothing\n"
             "Exit status: 0 done, 1 refused (the file is untouched), 2 bad arguments or an unknown id.\n";
    case Mode::Bench:
      return "usage: chronoscope bench FILE [--frames N] [--size WxH] [--window] [--edits N] [--json]\n"
             "Loads FILE, plays a fixed path of zooms and pans offscreen, and prints the load time, peak memory,\n"
             "and median and 95th-percentile times for layout and for whole frames (layout, draw list, GL draw).\n"
             "  --frames N   frames in the path (default 120)\n"
             "  --size WxH   canvas size (default 1920x1080)\n"
             "  --window     play the same path in a real window as well (needs a display, e.g. xvfb-run)\n"
             "  --edits N    also time N edits (apply and the next layout) and N atomic saves, on a copy of FILE\n"
             "  --json       print every figure as one JSON object (load_s, peak_rss_bytes, rss_before_load_bytes,\n"
             "               rss_after_load_bytes, and layout_ms, frame_ms, window_ms, edit_ms, save_ms each with\n"
             "               median and p95)\n";
    case Mode::Generate:
      return "usage: chronoscope generate --events N [--seed S] [--from YEAR] [--to YEAR] [--lanes L] [--prose] -o FILE.yaml|FILE.csv\n"
             "Writes a deterministic synthetic timeline: bursts of activity over a quiet background, points at\n"
             "mixed precisions, ranges from an hour to decades, many lanes. The same seed gives the same file.\n"
             "  --events N      how many events (required)\n"
             "  --seed S        the random seed (default 1)\n"
             "  --from, --to    years the events fall in (default 1000 to 2100; -3000 is 3001 BCE)\n"
             "  --lanes L       how many lanes (default: 8, and one more per 25,000 events, up to 48)\n"
             "  --prose         YAML events as curated ones are: a folded summary of a few sentences, notes on\n"
             "                  some, and citations with locator, dating and quote (about 2.3x the bytes)\n"
             "  -o, --output F  where to write: YAML, or CSV when F ends in .csv (required)\n";
    case Mode::Convert:
      return "usage: chronoscope convert IN OUT [--from FORMAT] [--to FORMAT] [--filter EXPR]\n"
             "Reads IN in one format and writes OUT in another. FORMAT is one of:\n"
             "  yaml              this program's file (events.yaml): .yaml, .yml\n"
             "  csv               this program's columns id,title,start,end,lanes,tags,url: .csv\n"
             "  timelinejs        TimelineJS 3 JSON\n"
             "  timelinejs-sheet  the CSV of TimelineJS's Google Sheets template (Year, Month, Day, ... Headline)\n"
             "  vis               vis-timeline DataSets as JSON: {\"items\": [...], \"groups\": [...]}\n"
             "  markdown          a chronology by year (written only): .md\n"
             "The input's format is told by its extension, a .csv by its header, JSON by its content; the\n"
             "output's by its extension (.csv is our columns; .json needs --to timelinejs or --to vis).\n"
             "What OUT's format cannot hold is said on stderr, once per kind. OUT is never the input.\n"
             "  --from FORMAT   read IN as FORMAT\n"
             "  --to FORMAT     write OUT as FORMAT\n"
             "  --filter EXPR   only the events EXPR keeps (docs/filters.md), e.g. 'lane:iran from:2015 -tag:diplomacy'\n";
    case Mode::Layout:
      return "usage: chronoscope layout FILE [--range EDTF-INTERVAL] [--size WxH] [--filter EXPR] [--calendars LIST]\n"
             "                          [--context-bar]\n"
             "Prints the layout the canvas would draw as JSON: {\"size\", \"range\", \"lanes\": [{id, y0, y1, rows}],\n"
             "\"records\": [{kind, lane, ids | count and first, x0, x1, y0, y1, label: {text, box}}],\n"
             "\"ghosts\": [{id, lane, source, x0, x1, y0, y1, label}], \"axis\": [{calendar, ticks: [{x, label}]}]}.\n"
             "Boxes are in canvas pixels; label boxes stay inside the canvas.\n"
             "  --range A/B         the time range across the plot, e.g. 2015-09/2016-03 (default: everything)\n"
             "  --size WxH          canvas size in pixels (default 1920x1080)\n"
             "  --filter EXPR       only the events that match (docs/filters.md)\n"
             "  --calendars LIST    axis rows for solar-hijri, islamic, julian (comma-separated)\n"
             "  --context-bar       lay out the canvas with the window's context bar under the axis, and give\n"
             "                      its place: \"context_bar\": {y0, y1, window: [x0, x1]}\n";
    case Mode::List:
      return "usage: chronoscope list FILE [--filter EXPR] [--range EDTF-INTERVAL] [--json]\n"
             "Prints the events in date order, one a line, tab-separated under a header line: id, date as written,\n"
             "title, lanes, how many citations, and 'disputed' where a source gives another date.\n"
             "  --filter EXPR   only the events that match (docs/filters.md)\n"
             "  --range A/B     only the events whose span meets the interval, e.g. 2015/2016-06 (end inclusive)\n"
             "  --json          a JSON array of {id, date, title, lanes, citations, disputed} instead\n";
    default:
      return "usage: chronoscope [FILE] [--filter EXPR] [--calendars LIST] [--size WxH] [--log-ui]\n"
             "       chronoscope COMMAND ARGS...   (chronoscope help COMMAND, or COMMAND --help, for its options)\n"
             "       chronoscope --version | --help\n"
             "Opens FILE (default: events.yaml; YAML or CSV) in a zoomable timeline window.\n"
             "  --filter EXPR      open with this filter, e.g. 'lane:iran -tag:diplomacy from:2015' (docs/filters.md)\n"
             "  --calendars LIST   show rows for parallel calendars: solar-hijri, islamic, julian (comma-separated)\n"
             "  --size WxH         window size (default 1440x880)\n"
             "  --log-ui           print a line on stderr whenever what the window shows changes (for tests)\n"
             "Commands:\n"
             "  check FILE         print every problem in FILE as FILE:LINE:COL; exit 1 on errors\n"
             "  render FILE        draw the canvas without a window, into a PNG, an SVG or a PDF\n"
             "  export FILE        a story as a PDF deck, a PNG per step, or a Markdown handout\n"
             "  present FILE       present a story full screen (F5 in the window)\n"
             "  layout FILE        print the canvas layout (marks, folds, labels, axis) as JSON\n"
             "  list FILE          print the events in date order, as a table or JSON\n"
             "  convert IN OUT     write a timeline in another format (TimelineJS, vis, CSV, Markdown, YAML)\n"
             "  edit FILE ID       change an event, lane or source as a minimal patch of the file's text\n"
             "  generate           write a deterministic synthetic timeline\n"
             "  bench FILE         time loading, layout and frames over a fixed path\n"
             "  help [COMMAND]     this text, or a command's options\n"
             "In the window: wheel zooms at the cursor, drag pans, double-click zooms to an event or a block,\n"
             "Left/Right earlier/later, +/- zoom, Home fits everything, Ctrl+F search, Ctrl+L filter, Esc clears,\n"
             "F5 presents the story shown in the Stories panel.\n";
  }
}

namespace {

// The commands by name (edit and help are read apart).
std::optional<Mode> command_named(std::string_view cmd) {
  if (cmd == "check") return Mode::Check;
  if (cmd == "render") return Mode::Render;
  if (cmd == "export") return Mode::Export;
  if (cmd == "present") return Mode::Present;
  if (cmd == "layout") return Mode::Layout;
  if (cmd == "list") return Mode::List;
  if (cmd == "bench") return Mode::Bench;
  if (cmd == "generate") return Mode::Generate;
  if (cmd == "edit") return Mode::Edit;
  if (cmd == "convert") return Mode::Convert;
  return std::nullopt;
}

// A first argument that is no command, no option and no file there is, and has no '.' or '/' to make it
// look like a file name, is taken for a mistyped command ("chronoscope lsit events.yaml").
bool looks_like_command(const std::string& a) {
  if (a.empty() || a[0] == '-' || a.find_first_of("./") != std::string::npos) return false;
  std::error_code ec;
  return !std::filesystem::exists(a, ec);
}

ParsedArgs parse(const std::vector<std::string>& args) {
  ParsedArgs r;
  Options& o = r.options;
  std::size_t i = 0;
  if (!args.empty()) {
    const std::string& cmd = args[0];
    if (cmd == "help") {
      o.mode = Mode::Help;
      if (args.size() > 2) r.error = "unexpected argument '" + args[2] + "'";
      else if (args.size() == 2 && args[1] != "help") {
        const auto m = command_named(args[1]);
        if (m) o.help_for = *m;
        else r.error = "unknown command '" + args[1] + "'";
      }
      return r;
    }
    if (const auto m = command_named(cmd)) o.mode = *m, i = 1;
    else if (looks_like_command(cmd)) {
      r.error = "unknown command '" + cmd + "'";
      return r;
    }
    if (o.mode == Mode::Edit) {
      o.rest.assign(args.begin() + 1, args.end());
      if (std::find(o.rest.begin(), o.rest.end(), "--help") != o.rest.end() ||
          std::find(o.rest.begin(), o.rest.end(), "-h") != o.rest.end())
        o.help_for = Mode::Edit, o.mode = Mode::Help;
      return r;  // app/cli/edit.cpp reads its own arguments
    }
  }
  bool have_file = false;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) {
        r.error = "option '" + a + "' needs a value";
        return false;
      }
      out = args[++i];
      return true;
    };
    if (a == "--help" || a == "-h") {
      o.help_for = o.mode;
      o.mode = Mode::Help;
      return r;
    }
    if (a == "--version") {
      o.mode = Mode::Version;
      return r;
    }
    auto number = [&](auto& out, long long lo, long long hi) {
      std::string v;
      if (!value(v)) return false;
      long long n = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc{} || p != v.data() + v.size() || n < lo || n > hi) {
        r.error = "option '" + a + "' needs a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                  ", not '" + v + "'";
        return false;
      }
      out = static_cast<std::remove_reference_t<decltype(out)>>(n);
      return true;
    };
    const bool gen = o.mode == Mode::Generate;
    const bool render = o.mode == Mode::Render, exporting = o.mode == Mode::Export;
    if ((a == "-o" || a == "--output") && (render || exporting || gen)) {
      if (!value(o.out)) return r;
    } else if (a == "--title" && render) {
      if (!value(o.title)) return r;
    } else if (a == "--legend" && render) {
      o.legend = true;
    } else if (a == "--credits" && render) {
      o.credits = true;
    } else if (a == "--hide-empty-lanes" && (render || exporting)) {
      o.hide_empty_lanes = true;
    } else if (a == "--step" && o.mode == Mode::Present) {
      if (!number(o.step, 1, 100000)) return r;
    } else if (a == "--notes" && o.mode == Mode::Present) {
      o.notes = true;
    } else if (a == "--story" && (exporting || o.mode == Mode::Present)) {
      if (!value(o.story)) return r;
    } else if (a == "--scale" && (render || exporting)) {
      std::string v;
      if (!value(v)) return r;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), o.scale);
      if (ec != std::errc{} || p != v.data() + v.size() || !(o.scale >= 0.5f && o.scale <= 10.f)) {
        r.error = "--scale needs a number from 0.5 to 10, not '" + v + "'";
        return r;
      }
    } else if (a == "--events" && gen) {
      if (!number(o.events, 1, 100'000'000)) return r;
    } else if (a == "--seed" && gen) {
      if (!number(o.seed, 0, std::numeric_limits<long long>::max())) return r;
    } else if (a == "--from" && gen) {
      if (!number(o.from_year, -29000, 29000)) return r;
    } else if (a == "--to" && gen) {
      if (!number(o.to_year, -29000, 29000)) return r;
    } else if (a == "--lanes" && gen) {
      if (!number(o.lanes, 1, 1000)) return r;
    } else if (a == "--prose" && gen) {
      o.prose = true;
    } else if (a == "--frames" && o.mode == Mode::Bench) {
      if (!number(o.frames, 1, 100000)) return r;
    } else if (a == "--window" && o.mode == Mode::Bench) {
      o.window = true;
    } else if (a == "--edits" && o.mode == Mode::Bench) {
      if (!number(o.edits, 1, 100000)) return r;
    } else if (a == "--json" && (o.mode == Mode::Bench || o.mode == Mode::List)) {
      o.json = true;
    } else if (a == "--range" && (o.mode == Mode::Render || o.mode == Mode::Layout || o.mode == Mode::List)) {
      std::string v;
      if (!value(v)) return r;
      o.range = v;
    } else if (a == "--filter" && (o.mode == Mode::Open || o.mode == Mode::Render || o.mode == Mode::Layout ||
                                   o.mode == Mode::List || o.mode == Mode::Convert)) {
      std::string v;
      if (!value(v)) return r;
      o.filter = v;
    } else if (a == "--calendars" && (o.mode == Mode::Open || o.mode == Mode::Render || o.mode == Mode::Layout)) {
      std::string v, why;
      if (!value(v)) return r;
      auto list = parse_calendar_list(v, &why);
      if (!list) {
        r.error = "--calendars: " + why;
        return r;
      }
      std::erase(*list, Calendar::Gregorian);  // always there
      o.calendars = *list;
    } else if (a == "--context-bar" && (o.mode == Mode::Render || o.mode == Mode::Layout)) {
      o.context_bar = true;
    } else if (a == "--size" && o.mode != Mode::Check && o.mode != Mode::List && o.mode != Mode::Convert && !gen) {
      std::string v;
      if (!value(v)) return r;
      if (!parse_size(v, o.width, o.height)) {
        r.error = "--size must be WIDTHxHEIGHT with each between 64 and 16384, not '" + v + "'";
        return r;
      }
    } else if ((a == "--from" || a == "--to") && o.mode == Mode::Convert) {
      std::string v;
      if (!value(v)) return r;
      if (!format_from_name(v)) {
        r.error = "option '" + a + "' needs a format: yaml, csv, timelinejs, timelinejs-sheet, vis or markdown, not '" +
                  v + "'";
        return r;
      }
      (a == "--from" ? o.from : o.to) = v;
    } else if (a == "--log-ui" && (o.mode == Mode::Open || o.mode == Mode::Present)) {
      o.log_ui = true;
    } else if (a.size() > 1 && a[0] == '-') {
      r.error = "unknown option '" + a + "'";
      return r;
    } else if (!have_file && !gen) {
      o.file = a;
      have_file = true;
    } else if (o.mode == Mode::Convert && o.out.empty()) {
      o.out = a;
    } else {
      r.error = "unexpected argument '" + a + "'";
      return r;
    }
  }
  if (o.mode == Mode::Generate) {
    if (o.events == 0) r.error = "missing --events N";
    else if (o.out.empty()) r.error = "missing -o FILE.yaml or FILE.csv";
    else if (o.from_year >= o.to_year) r.error = "--from must be before --to";
  } else if (!have_file && o.mode != Mode::Open) {
    r.error = "missing FILE";
  } else if (o.mode == Mode::Render && o.out.empty()) {
    r.error = "missing -o OUT.png, OUT.svg or OUT.pdf";
  } else if (o.mode == Mode::Convert && o.out.empty()) {
    r.error = "missing OUT";
  } else if (o.mode == Mode::Export && o.story.empty()) {
    r.error = "missing --story ID";
  } else if (o.mode == Mode::Export && o.out.empty()) {
    r.error = "missing -o DECK.pdf, DIR/ or HANDOUT.md";
  }
  return r;
}

}  // namespace

ParsedArgs parse_command_line(const std::vector<std::string>& args) {
  ParsedArgs r = parse(args);
  r.error = escape_for_terminal(r.error);  // it quotes arguments, which may hold anything
  return r;
}

}  // namespace cs
