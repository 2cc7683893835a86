// Scalars through yaml_emit's plain_ok/emit_scalar; the layout (keys, lists, folding, wrapping) here.
#include "model/io/yaml_writer.hpp"

#include "model/io/interop_text.hpp"
#include "model/io/yaml_emit.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace cs {
namespace {

bool all_of_chars(std::string_view s, std::string_view set) {
  return !s.empty() && s.find_first_not_of(set) == std::string_view::npos;
}

// Would YAML 1.2's core schema (or 1.1's booleans) read this plain scalar as something other than text?
bool reads_as_non_text(std::string_view v) {
  static constexpr std::array<std::string_view, 22> kWords = {
      "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~",  "yes",
      "Yes",  "YES",  "no",   "No",    "NO",    "on",    "On",   "ON",   "off",  "Off", "OFF"};
  if (std::find(kWords.begin(), kWords.end(), v) != kWords.end()) return true;
  std::string_view s = v;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (all_of_chars(s, "0123456789")) return true;                                   // 12, -0499
  if ((s.starts_with("0o") || s.starts_with("0x")) && s.size() > 2) return all_of_chars(s.substr(2), "0123456789abcdefABCDEF");
  if (s == ".inf" || s == ".Inf" || s == ".INF" || v == ".nan" || v == ".NaN" || v == ".NAN") return true;
  // [0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)? with at least one digit before the exponent
  std::size_t i = 0, digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t exp = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == exp) return false;
  }
  return i == s.size();
}

// Can `v` be a folded block, broken at single spaces? (Every line then starts with a non-space.)
bool foldable(std::string_view v) {
  if (v.empty() || v.front() == ' ' || v.back() == ' ') return false;
  for (const char c : v)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  return v.find(' ') != std::string_view::npos;
}

class Writer {
 public:
  explicit Writer(const YamlWriteOptions& o) : o_(o) {}

  std::string out;

  // A plain-or-quoted scalar.
  std::string scalar(std::string_view v, bool flow, int indent) const {
    EmitContext c;
    c.flow = flow;
    c.parent = indent;
    c.indent = indent + 2;
    if (reads_as_non_text(v)) return emit_scalar(v, YStyle::Double, c);
    return emit_scalar(v, YStyle::Plain, c);
  }

  // "key: value" on a line at `indent` (nothing when the value is empty and optional).
  void pair(int indent, std::string_view key, std::string_view v, bool first_in_item = false) {
    if (v.empty()) return;
    const std::string head = first_in_item ? std::string{key} + ":" : std::string(std::size_t(indent), ' ') + std::string{key} + ":";
    const int column = indent + int(key.size()) + 2;
    EmitContext c;
    c.parent = indent;
    c.indent = indent + 2;
    if (v.find('\n') != std::string_view::npos) {
      out += head + " " + emit_scalar(v, YStyle::Literal, c) + "\n";
    } else if (column + int(v.size()) > o_.width && foldable(v)) {
      out += head + " >-\n" + folded(v, indent + 2);
    } else {
      out += head + " " + scalar(v, false, indent) + "\n";
    }
  }

  // The lines of a folded block at `indent`, broken at single spaces to stay within the width.
  std::string folded(std::string_view v, int indent) const {
    const std::size_t room = std::size_t(std::max(20, o_.width - indent));
    const std::string pad(std::size_t(indent), ' ');
    std::string lines;
    while (!v.empty()) {
      std::size_t cut = std::string_view::npos;
      if (v.size() > room) {
        // The last single space within the room, else the first one after it.
        for (std::size_t k = std::min(room, v.size() - 1); k > 0; --k)
          if (v[k] == ' ' && v[k - 1] != ' ' && k + 1 < v.size() && v[k + 1] != ' ') {
            cut = k;
            break;
          }
        if (cut == std::string_view::npos)
          for (std::size_t k = room; k + 1 < v.size(); ++k)
            if (v[k] == ' ' && v[k - 1] != ' ' && v[k + 1] != ' ') {
              cut = k;
              break;
            }
      }
      lines += pad + std::string{v.substr(0, cut)} + "\n";
      if (cut == std::string_view::npos) break;
      v.remove_prefix(cut + 1);
    }
    return lines;
  }

  // "[a, b]".
  std::string flow_list(const std::vector<std::string>& items, int indent) const {
    std::string s = "[";
    for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + scalar(items[i], true, indent);
    return s + "]";
  }

  // "- {k: v, ...}" at `indent`, continued on lines at indent + 3 where it would pass the width.
  struct Entry {
    std::string_view key;
    std::string value;  // empty: left out
    bool raw = false;   // written as it is (a number)
  };
  void flow_map_item(int indent, const std::vector<Entry>& entries) {
    std::string line = std::string(std::size_t(indent), ' ') + "- {";
    const std::string cont(std::size_t(indent + 3), ' ');
    bool first = true;
    for (const Entry& e : entries) {
      if (e.value.empty()) continue;
      const std::string entry = std::string{e.key} + ": " + (e.raw ? e.value : scalar(e.value, true, indent + 2));
      if (!first && int(line.size() + 2 + entry.size() + 1) > o_.width) {
        out += line + ",\n";
        line = cont + entry;
      } else {
        line += (first ? "" : ", ") + entry;
      }
      first = false;
    }
    out += line + "}\n";
  }

 private:
  const YamlWriteOptions& o_;
};

std::string hex(Rgba c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

}  // namespace

std::string write_yaml(const Timeline& t, Diagnostics& losses, const YamlWriteOptions& o) {
  Writer w{o};
  w.pair(0, "title", t.title);
  if (!t.lanes.empty()) {
    // Lanes are in display order already; `order` is written only where it says more than that.
    bool all_same = true, positions = true;
    for (std::size_t k = 0; k < t.lanes.size(); ++k) {
      all_same = all_same && t.lanes[k].order == t.lanes[0].order;
      positions = positions && t.lanes[k].order == int(k);
    }
    const bool orders = !all_same && !positions;
    w.out += "lanes:\n";
    for (const Lane& l : t.lanes)
      w.flow_map_item(2, {{"id", l.id},
                          {"name", l.name == l.id ? std::string{} : l.name},
                          {"color", hex(l.color)},
                          {"order", orders && l.order ? std::to_string(l.order) : std::string{}, true}});
  }
  if (!t.sources.empty()) {
    w.out += "\nsources:\n";
    for (const Source& s : t.sources) {
      w.out += "  - ";
      w.pair(4, "id", s.id, true);
      w.pair(4, "title", s.title);
      w.pair(4, "publisher", s.publisher);
      w.pair(4, "published", s.published_text);
      w.pair(4, "url", s.url);
      w.pair(4, "notes", s.notes);
      w.pair(4, "archive", s.archive);
    }
  }
  const EventStore& st = t.store();
  std::size_t linked = 0;
  w.out += "\nevents:";
  w.out += st.size() ? "\n" : " []\n";
  std::vector<std::string> lanes, tags;
  for (EventIndex i = 0; i < st.size(); ++i) {
    w.out += "  - ";
    w.pair(4, "id", st.id(i), true);
    w.pair(4, "title", st.title(i));
    w.pair(4, "date", st.date_text(i));
    lanes.clear();
    for (const LaneId l : st.lanes(i)) lanes.push_back(t.lanes[l].id);
    if (!lanes.empty()) w.out += "    lanes: " + w.flow_list(lanes, 4) + "\n";
    tags.clear();
    for (const auto tag : st.tags(i)) tags.emplace_back(tag);
    if (!tags.empty()) w.out += "    tags: " + w.flow_list(tags, 4) + "\n";
    linked += !st.url(i).empty();
    const auto d = st.details(i);
    if (!d) continue;
    w.pair(4, "summary", d->summary);
    w.pair(4, "notes", d->notes);
    if (d->sources.empty()) continue;
    w.out += "    sources:\n";
    for (const CitationView r : d->sources)
      w.flow_map_item(6, {{"source", std::string{r.source}},
                          {"locator", std::string{r.locator}},
                          {"dated", std::string{to_string(r.dated)}},
                          {"quote", std::string{r.quote}},
                          {"date_note", std::string{r.date_note}},
                          {"claims", std::string{r.claims_text}}});
  }
  if (!t.stories.empty()) {
    w.out += "\nstories:\n";
    for (const Story& s : t.stories) {
      w.out += "  - ";
      w.pair(4, "id", s.id, true);
      w.pair(4, "title", s.title);
      w.out += "    steps:";
      w.out += s.steps.empty() ? " []\n" : "\n";
      for (const StoryStep& step : s.steps) {
        w.out += "      - ";
        bool first = true;
        const auto field = [&](std::string_view k, std::string_view v) {
          if (v.empty()) return;
          w.pair(8, k, v, first);
          first = false;
        };
        field("title", step.title);
        field("range", step.range_text);
        if (!step.focus.empty()) {
          w.out += (first ? "" : "        ") + std::string{"focus: "} + w.flow_list(step.focus, 8) + "\n";
          first = false;
        }
        if (!step.lanes.empty()) {
          w.out += (first ? "" : "        ") + std::string{"lanes: "} + w.flow_list(step.lanes, 8) + "\n";
          first = false;
        }
        field("caption", step.caption);
        field("notes", step.notes);
        if (first) w.out += "{}\n";
      }
    }
  }
  warn_lost(losses, "YAML", "event links (url)", linked, "event");
  return std::move(w.out);
}

}  // namespace cs
