// Items are collected per event id first (an event's items merge into one), then added to the store.
#include "model/io/vis_json.hpp"

#include "model/edtf_calendar.hpp"
#include "model/io/csv_reader.hpp"
#include "model/io/interop_text.hpp"
#include "model/io/json_doc.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <unordered_map>

namespace cs {
namespace {

using OJson = nlohmann::ordered_json;

std::string hex_color(Rgba c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

// "color: #c0392b" (or background-color) in a style attribute.
std::optional<Rgba> style_color(std::string_view style) {
  for (std::size_t k = style.find('#'); k != std::string_view::npos; k = style.find('#', k + 1)) {
    const std::string_view hex = style.substr(k + 1, 6);
    if (hex.size() == 6 && std::all_of(hex.begin(), hex.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }) &&
        (k + 7 >= style.size() || !std::isxdigit(static_cast<unsigned char>(style[k + 7])))) {
      const auto byte = [&](int i) { return std::uint8_t(std::stoi(std::string{hex.substr(std::size_t(i), 2)}, nullptr, 16)); };
      return Rgba{byte(0), byte(2), byte(4), 255};
    }
  }
  return std::nullopt;
}

struct VisTime {
  std::string edtf;         // as an EDTF date
  Seconds instant{};        // the instant vis reads
  bool date_only = false;   // no time of day written: a calendar date (or month, or year)
  Precision precision = Precision::Day;
};

// A vis start or end: milliseconds since 1970, or an ISO 8601 text ("2015", "2015-11", "2015-11-23",
// "2015-11-23T10:30", "2015-11-23 10:30:00.000+03:00", "+002015-11-23", "-000499-03-01T00:00:00Z").
// Times without an offset are read as UTC.
std::optional<VisTime> vis_time(const JNode& n, std::string* why) {
  VisTime v;
  if (n.is_number()) {
    double ms = 0;
    const auto [p, ec] = std::from_chars(n.text.data(), n.text.data() + n.text.size(), ms);
    if (ec != std::errc{} || p != n.text.data() + n.text.size() || !(std::abs(ms) < 8.64e15 + 1)) {
      *why = " is not a time vis can hold";
      return std::nullopt;
    }
    const auto s = std::int64_t(std::floor(ms / 1000));
    v.instant = Seconds{std::chrono::seconds{s}};
    v.date_only = s % 86400 == 0;
    v.precision = v.date_only ? Precision::Day : Precision::Second;
    v.edtf = edtf_at(v.instant, v.precision);
    return v;
  }
  if (!n.is_string()) {
    *why = " must be a date string or milliseconds, not " + std::string{json_kind_name(n.kind)};
    return std::nullopt;
  }
  std::string_view s = trim_blanks(n.text);
  // The year: four digits, or an expanded year of six with a sign.
  bool negative = false;
  std::size_t digits = 0;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) negative = s[0] == '-', s.remove_prefix(1), digits = 6;
  else digits = 4;
  std::int64_t year = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + std::min(digits, s.size()), year);
  if (s.size() < digits || ec != std::errc{} || p != s.data() + digits) {
    *why = " is not an ISO 8601 date (2015-11-23 or 2015-11-23T10:30:00Z)";
    return std::nullopt;
  }
  s.remove_prefix(digits);
  if (negative) year = -year;
  std::string rest{s};
  const std::size_t t = rest.find_first_of("T ");
  if (t != std::string::npos) {
    rest[t] = 'T';
    const std::string_view time = std::string_view{rest}.substr(t + 1);
    if (time.find_first_of("Z+-") == std::string_view::npos) rest += "Z";
  }
  v.date_only = t == std::string::npos;
  v.edtf = edtf_year(year) + rest;
  std::string err;
  const auto d = parse_edtf_date(v.edtf, &err);
  if (!d || d->uncertain || d->approximate || d->unspecified || d->season) {
    *why = d ? " is not an ISO 8601 date (2015-11-23 or 2015-11-23T10:30:00Z)" : ": " + err;
    return std::nullopt;
  }
  v.instant = d->start;
  v.precision = d->precision;
  return v;
}

struct Pending {
  std::string id, title, date_text, summary;
  When when;
  std::vector<LaneId> lanes;
  TextPos pos;
};

class VisReader {
 public:
  VisReader(Timeline& t, Diagnostics& diag) : t_(t), diag_(diag) {}

  std::string text_of(const JNode* n, std::string_view name) { return json_text(n, name, diag_); }

  void groups(const JNode& list) {
    if (!list.is_array()) {
      diag_.error(list.pos, "\"groups\" must be an array, not " + std::string{json_kind_name(list.kind)});
      return;
    }
    std::vector<std::pair<double, Lane>> lanes;
    bool all_ordered = true;
    for (const JNode& g : list.items) {
      if (!g.is_object()) {
        diag_.error(g.pos, "a group must be an object, not " + std::string{json_kind_name(g.kind)});
        continue;
      }
      Lane l;
      l.pos = g.pos;
      l.id = std::string{trim_blanks(text_of(g.find("id"), "group id"))};
      if (l.id.empty()) {
        diag_.error(g.pos, "the group has no id");
        continue;
      }
      l.name = html_to_text(text_of(g.find("content"), "group content"));
      std::replace(l.name.begin(), l.name.end(), '\n', ' ');
      if (l.name.empty()) l.name = l.id;
      const auto c = style_color(text_of(g.find("style"), "group style"));
      l.color = c ? *c : generated_lane_color(lanes.size());
      double order = 0;
      const JNode* o = g.find("order");
      if (o && o->is_number()) std::from_chars(o->text.data(), o->text.data() + o->text.size(), order);
      else all_ordered = false;
      lanes.emplace_back(order, std::move(l));
    }
    if (all_ordered)
      std::stable_sort(lanes.begin(), lanes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [order, l] : lanes) {
      l.order = int(t_.lanes.size());
      const TextPos at = l.pos;
      const std::string id = l.id;
      if (!t_.add_lane(std::move(l))) diag_.warning(at, "duplicate group id '" + shown(id) + "' (ignored)");
    }
  }

  void item(const JNode& n) {
    if (!n.is_object()) {
      diag_.error(n.pos, "an item must be an object, not " + std::string{json_kind_name(n.kind)});
      return;
    }
    if (text_of(n.find("type"), "type") == "background") {
      diag_.warning(n.pos, "a background item is not an event; skipped");
      return;
    }
    std::string title = html_to_text(text_of(n.find("content"), "content"));
    std::replace(title.begin(), title.end(), '\n', ' ');
    const JNode* group = n.find("group");
    const std::string lane{trim_blanks(text_of(group, "group"))};
    std::string id{trim_blanks(text_of(n.find("id"), "id"))};
    const JNode* id_node = n.find("id");
    // EVENT#LANE: one event's item in one of its lanes.
    if (!lane.empty() && id.size() > lane.size() + 1 && id.ends_with(lane) && id[id.size() - lane.size() - 1] == '#') {
      const std::string base = id.substr(0, id.size() - lane.size() - 1);
      if (const auto it = by_id_.find(base); it != by_id_.end()) {
        add_lane(pending_[it->second], lane);
        return;
      }
      id = base;
    }
    if (title.empty()) {
      diag_.error(n.find("content") ? n.find("content")->pos : n.pos, "the item has no content (Chronoscope needs a title)");
      return;
    }
    Pending e;
    e.pos = n.pos;
    e.title = std::move(title);
    if (!date(n, e)) return;
    if (id.empty()) {
      id = ids_.unique(id_from_title(e.title));
    } else if (!ids_.take(id)) {
      const std::string renamed = ids_.unique(id);
      diag_.warning(id_node->pos, "duplicate item id '" + shown(id) + "': read as '" + shown(renamed) + "'");
      id = renamed;
    }
    e.id = id;
    e.summary = html_to_text(text_of(n.find("title"), "title"));
    if (!lane.empty()) add_lane(e, lane);
    by_id_.emplace(e.id, pending_.size());
    pending_.push_back(std::move(e));
  }

  void finish() {
    EventStore& st = t_.store();
    st.reserve(pending_.size(), 0);
    for (const Pending& e : pending_)
      st.add({e.id, e.title, e.date_text, {}, e.when, e.lanes, {}, e.pos.line, e.pos.column, e.summary});
    st.shrink_to_fit();
  }

 private:
  void add_lane(Pending& e, const std::string& lane) {
    const LaneId k = t_.lane_index(lane, true);
    if (k != kNoLane && std::find(e.lanes.begin(), e.lanes.end(), k) == e.lanes.end()) e.lanes.push_back(k);
  }

  // chronoscope_date when it is EDTF, else start and end.
  bool date(const JNode& n, Pending& e) {
    const JNode* start = n.find("start");
    const JNode* end = n.find("end");
    std::string why;
    std::optional<VisTime> s, f;
    if (start) s = vis_time(*start, &why);
    if (const JNode* ours = n.find("chronoscope_date"); ours && ours->is_string()) {
      const EdtfResult r = parse_edtf(trim_blanks(ours->text));
      if (r.value) {
        e.date_text = std::string{trim_blanks(ours->text)};
        e.when = *r.value;
        const Seconds expected = e.when.start_bound == Bound::Known || !e.when.end ? e.when.start.start
                                                                                   : e.when.end->start;
        if (s && s->instant != expected)
          diag_.warning(start->pos, "start (" + shown(start->text) + ") disagrees with chronoscope_date '" +
                                        e.date_text + "'; chronoscope_date is used");
        return true;
      }
      diag_.warning(ours->pos, "chronoscope_date '" + shown(ours->text) + "': " + r.error.message +
                                   "; start and end are used");
    }
    if (!start) {
      diag_.error(n.pos, "the item has no start");
      return false;
    }
    if (!s) {
      diag_.error(start->pos, "start '" + shown(start->text) + "'" + why);
      return false;
    }
    e.date_text = s->edtf;
    if (end && !end->is_null()) {
      f = vis_time(*end, &why);
      if (!f) {
        diag_.error(end->pos, "end '" + shown(end->text) + "'" + why);
        return false;
      }
      if (f->instant < s->instant) {
        diag_.error(end->pos, "end '" + shown(end->text) + "' comes before the start");
        return false;
      }
      // vis ends a range at an instant; a calendar date there is the first day no longer covered.
      std::string last = f->edtf;
      if (f->date_only) {
        const Seconds before = f->instant - std::chrono::seconds{1};
        last = before < s->instant ? std::string{} : edtf_at(before, f->precision);
      }
      if (!last.empty() && last != s->edtf) e.date_text += "/" + last;
    }
    const EdtfResult r = parse_edtf(e.date_text);
    if (!r.value) {
      diag_.error(start->pos, r.error.message);
      return false;
    }
    e.when = *r.value;
    return true;
  }

  Timeline& t_;
  Diagnostics& diag_;
  IdMaker ids_;
  std::vector<Pending> pending_;
  std::unordered_map<std::string, std::size_t> by_id_;
};

}  // namespace

std::string vis_timestamp(Seconds t) {
  const calendar::Civil c = calendar::civil_of(t);
  const std::int64_t secs = t.time_since_epoch().count();
  const std::int64_t tod = ((secs % 86400) + 86400) % 86400;
  char buf[64];
  if (c.year >= 0 && c.year <= 9999)
    std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(c.year));
  else
    std::snprintf(buf, sizeof buf, "%c%06lld", c.year < 0 ? '-' : '+', static_cast<long long>(std::llabs(c.year)));
  char rest[48];
  std::snprintf(rest, sizeof rest, "-%02u-%02uT%02lld:%02lld:%02lldZ", c.month, c.day, static_cast<long long>(tod / 3600),
                static_cast<long long>(tod / 60 % 60), static_cast<long long>(tod % 60));
  return std::string{buf} + rest;
}

void read_vis_json(std::string_view text, Timeline& t, Diagnostics& diag) {
  JsonDoc doc{text, diag};
  const JNode* root = doc.root();
  if (!root) return;
  VisReader reader{t, diag};
  const JNode* items = root->is_array() ? root : root->is_object() ? root->find("items") : nullptr;
  if (!items) {
    diag.error(root->pos, "a vis-timeline file is an object with an \"items\" list (or a list of items)");
    return;
  }
  if (root->is_object()) {
    if (const JNode* title = root->find("title"); title && title->is_string()) t.title = title->text;
    if (const JNode* groups = root->find("groups"); groups && !groups->is_null()) reader.groups(*groups);
  }
  if (!items->is_array()) {
    diag.error(items->pos, "\"items\" must be an array, not " + std::string{json_kind_name(items->kind)});
    return;
  }
  for (const JNode& item : items->items) reader.item(item);
  reader.finish();
  diag.sort();
}

std::string write_vis_json(const Timeline& t, Diagnostics& losses) {
  OJson items = OJson::array(), groups = OJson::array();
  for (std::size_t k = 0; k < t.lanes.size(); ++k)
    groups.push_back({{"id", t.lanes[k].id},
                      {"content", html_escape(t.lanes[k].name)},
                      {"style", "color: " + hex_color(t.lanes[k].color)},
                      {"order", k}});
  const EventStore& st = t.store();
  std::size_t tagged = 0, cited = 0, noted = 0, linked = 0;
  for (EventIndex i = 0; i < st.size(); ++i) {
    const When w = event_when(st, i);
    OJson item;
    item["content"] = html_escape(st.title(i));
    const bool start_known = w.start_bound == Bound::Known || !w.end;
    item["start"] = vis_timestamp(start_known ? w.start.start : w.end->start);
    if (w.end) {
      item["end"] = vis_timestamp(w.end->end());
      item["type"] = "range";
    }
    item["chronoscope_date"] = st.date_text(i);
    const auto d = st.details(i);
    if (d && !d->summary.empty()) {
      std::string html = html_escape(d->summary);
      for (std::size_t k = html.find('\n'); k != std::string::npos; k = html.find('\n', k)) html.replace(k, 1, "<br>");
      item["title"] = html;
    }
    tagged += st.any_tag(i, [](std::string_view) { return true; });
    cited += d && !d->sources.empty();
    noted += d && !d->notes.empty();
    linked += !st.url(i).empty();
    const auto lanes = st.lanes(i);
    if (lanes.empty()) {
      item["id"] = st.id(i);
      items.push_back(std::move(item));
      continue;
    }
    for (const LaneId l : lanes) {
      const std::string& lane = t.lanes[l].id;
      const std::string_view id = st.id(i);
      // EVENT#LANE for events in several lanes, and for one whose own id would read as that.
      const bool suffix = lanes.size() > 1 || (id.size() > lane.size() && id.ends_with(lane) &&
                                               id[id.size() - lane.size() - 1] == '#');
      OJson one = item;
      one["id"] = suffix ? std::string{id} + "#" + lane : std::string{id};
      one["group"] = lane;
      items.push_back(std::move(one));
    }
  }
  OJson root;
  if (!t.title.empty()) root["title"] = t.title;
  root["items"] = std::move(items);
  if (!groups.empty()) root["groups"] = std::move(groups);  // vis shows no item at all under an empty group set
  warn_lost(losses, "vis-timeline JSON", "tags", tagged, "event");
  warn_lost(losses, "vis-timeline JSON", "citations", cited, "event");
  warn_lost(losses, "vis-timeline JSON", "notes", noted, "event");
  warn_lost(losses, "vis-timeline JSON", "event links (url)", linked, "event");
  warn_lost(losses, "vis-timeline JSON", "sources", t.sources.size(), "source");
  warn_lost(losses, "vis-timeline JSON", "stories", t.stories.size(), "story");
  return root.dump(2, ' ', false, OJson::error_handler_t::replace) + "\n";
}

}  // namespace cs
