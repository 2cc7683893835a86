// Argument parsing with a clear message for every mistake.
#include "app/cli/cli.hpp"

#include "model/diagnostics.hpp"
#include "model/io/formats.hpp"

#include <algorithm>
#include <charconv>
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
             "                         [--title TEXT] [--legend] [--credits] [--scale F] [--hide-empty-lanes]\n"
             "Draws the timeline canvas without a window, as the window shows it: a PNG (the window's pixels), or an\n"
             "SVG or PDF (the same drawing as vectors, with real text). The extension picks the format.\n"
             "  -o, --output OUT       where to write the image (required): .png, .svg or .pdf\n"
             "  --range A/B            the time range across the plot, e.g. 2015-09/2016-03 (default: everything)\n"
             "  --size WxH             image size in pixels (default 1920x1080; a PDF page at 96 pixels per inch)\n"
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
             "  --scale F          type and marks F times the canvas's (default: 1.5 x height / 1080, and at\n"
             "                     least 1.5, to be read from across a room)\n"
             "  --hide-empty-lanes steps that name no lanes show only the lanes with events in their range\n";
    case Mode::Present:
      return "usage: chronoscope present FILE [--story ID] [--step N] [--notes]\n"
             "Opens FILE's window and presents a story full screen (what F5 does in the window): the step's view\n"
             "with its focus outlined and labelled and the rest dimmed, its caption on a card, type scaled to the\n"
             "screen. Next: Right, Page Down, Space, Enter; previous: Left, Page Up, Backspace; Home, End; a number\n"
             "then Enter jumps to that step; B blanks the screen; Esc leaves for the window.\n"
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
             "  --json       print every figure as one JSON object (load_s, peak_rss_bytes, and layout_ms,\n"
             "               frame_ms, window_ms, edit_ms, save_ms each with median and p95)\n";
    case Mode::Generate:
      return "usage: chronoscope generate --events N [--seed S] [--from YEAR] [--to YEAR] [--lanes L] -o FILE.yaml|FILE.csv\n"
             "Writes a deterministic synthetic timeline: bursts of activity over a quiet background, points at\n"
             "mixed precisions, ranges from an hour to decades, many lanes. The same seed gives the same file.\n"
             "  --from, --to  years the events fall in (default 1000 to 2100; -3000 is 3001 BCE)\n";
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
      return "usage: chronoscope layout FILE [--range EDTF-INTERVAL] [--size WxH]\n"
             "Prints the layout the canvas would draw as JSON: {\"records\": [{kind, lane, ids|count, x0, x1, y0, y1,\n"
             "label: {text, box}}...]}. Options as for render.\n";
    default:
      return "usage: chronoscope [FILE] [--size WxH]\n"
             "       chronoscope check FILE\n"
             "       chronoscope render FILE -o OUT.png|OUT.svg|OUT.pdf [--range EDTF-INTERVAL] [--size WxH] [...]\n"
             "       chronoscope export FILE --story ID -o DECK.pdf|DIR/|HANDOUT.md [--size WxH] [...]\n"
             "       chronoscope present FILE [--story ID] [--step N] [--notes]\n"
             "       chronoscope layout FILE [--range EDTF-INTERVAL] [--size WxH]\n"
             "       chronoscope bench FILE [--frames N] [--size WxH] [--window]\n"
             "       chronoscope generate --events N [--seed S] -o FILE.yaml|FILE.csv\n"
             "       chronoscope convert IN OUT [--from FORMAT] [--to FORMAT] [--filter EXPR]\n"
             "       chronoscope --version | --help | COMMAND --help\n"
             "Opens FILE (default: events.yaml) in a zoomable timeline window.\n"
             "In the window: wheel zooms at the cursor, drag pans, double-click zooms to an event,\n"
             "arrows pan, +/- zoom, Home fits everything, Ctrl+F searches, Esc clears, F5 presents a story.\n";
  }
}

namespace {

ParsedArgs parse(const std::vector<std::string>& args) {
  ParsedArgs r;
  Options& o = r.options;
  std::size_t i = 0;
  if (!args.empty()) {
    const std::string& cmd = args[0];
    if (cmd == "check") o.mode = Mode::Check, i = 1;
    else if (cmd == "render") o.mode = Mode::Render, i = 1;
    else if (cmd == "export") o.mode = Mode::Export, i = 1;
    else if (cmd == "present") o.mode = Mode::Present, i = 1;
    else if (cmd == "layout") o.mode = Mode::Layout, i = 1;
    else if (cmd == "bench") o.mode = Mode::Bench, i = 1;
    else if (cmd == "generate") o.mode = Mode::Generate, i = 1;
    else if (cmd == "edit") {
      o.mode = Mode::Edit;
      o.rest.assign(args.begin() + 1, args.end());
      if (std::find(o.rest.begin(), o.rest.end(), "--help") != o.rest.end() ||
          std::find(o.rest.begin(), o.rest.end(), "-h") != o.rest.end())
        o.help_for = Mode::Edit, o.mode = Mode::Help;
      return r;  // app/cli/edit.cpp reads its own arguments
    }
    else if (cmd == "convert") o.mode = Mode::Convert, i = 1;
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
    } else if (a == "--frames" && o.mode == Mode::Bench) {
      if (!number(o.frames, 1, 100000)) return r;
    } else if (a == "--window" && o.mode == Mode::Bench) {
      o.window = true;
    } else if (a == "--edits" && o.mode == Mode::Bench) {
      if (!number(o.edits, 1, 100000)) return r;
    } else if (a == "--json" && o.mode == Mode::Bench) {
      o.json = true;
    } else if (a == "--range" && (o.mode == Mode::Render || o.mode == Mode::Layout)) {
      std::string v;
      if (!value(v)) return r;
      o.range = v;
    } else if (a == "--size" && o.mode != Mode::Check && o.mode != Mode::Convert && !gen) {
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
    } else if (a == "--filter" && o.mode == Mode::Convert) {
      std::string v;
      if (!value(v)) return r;
      o.filter = v;
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
