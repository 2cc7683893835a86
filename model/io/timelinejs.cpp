// The slide mapping (dates, HTML, groups, ids) and the JSON reader and writer on top of it.
#include "model/io/timelinejs.hpp"

#include "model/edtf_calendar.hpp"
#include "model/io/csv_reader.hpp"
#include "model/io/json_doc.hpp"
#include "model/url.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

namespace cs {
namespace {

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

TimelineJsDate parts_at(Seconds t, Precision p) {
  const calendar::Civil c = calendar::civil_of(t);
  TimelineJsDate d;
  d.year = timelinejs_year(c.year);
  if (p >= Precision::Month) d.month = int(c.month);
  if (p >= Precision::Day) d.day = int(c.day);
  if (p >= Precision::Minute) {
    const std::int64_t s = t.time_since_epoch().count();
    const std::int64_t tod = ((s % 86400) + 86400) % 86400;
    d.hour = int(tod / 3600);
    d.minute = int(tod / 60 % 60);
    if (p >= Precision::Second) d.second = int(tod % 60);
  }
  return d;
}

// A's and B's written parts agree (a part given in only one of them does not count).
bool agree(const TimelineJsDate& a, const TimelineJsDate& b) {
  return a.year == b.year && (!a.month || !b.month || a.month == b.month) && (!a.day || !b.day || a.day == b.day);
}

std::string parts_text(const TimelineJsDate& d) {
  std::string s = std::to_string(d.year);
  if (d.month) s += "-" + two(d.month);
  if (d.day) s += "-" + two(d.day);
  return s;
}

}  // namespace

std::int64_t timelinejs_year(std::int64_t astronomical) { return astronomical <= 0 ? astronomical - 1 : astronomical; }
std::int64_t astronomical_year(std::int64_t timelinejs) { return timelinejs < 0 ? timelinejs + 1 : timelinejs; }

TimelineJsDate timelinejs_first(const Date& d) { return parts_at(d.start, d.precision); }
TimelineJsDate timelinejs_last(const Date& d) { return parts_at(d.end() - std::chrono::seconds{1}, d.precision); }

TimelineJsSpan timelinejs_span(const When& w) {
  TimelineJsSpan s;
  const bool start_known = w.start_bound == Bound::Known;
  s.start = timelinejs_first(start_known || !w.end ? w.start : *w.end);
  const TimelineJsDate last = w.end ? timelinejs_last(*w.end) : timelinejs_last(w.start);
  if (!(last == s.start)) s.end = last;
  return s;
}

std::string edtf_from_timelinejs(const TimelineJsDate& d) {
  std::string s = edtf_year(astronomical_year(d.year));
  if (d.month) s += "-" + two(d.month);
  if (d.day) s += "-" + two(d.day);
  if (d.hour >= 0) {
    s += "T" + two(d.hour) + ":" + two(std::max(0, d.minute));
    if (d.second >= 0) s += ":" + two(d.second);
    s += "Z";
  }
  return s;
}

std::string slide_html(const Timeline& t, std::string_view summary, const Citations& citations) {
  std::string out;
  for (std::size_t a = 0; a <= summary.size();) {
    const std::size_t nl = std::min(summary.find('\n', a), summary.size());
    const std::string_view line = summary.substr(a, nl - a);
    if (!trim_blanks(line).empty()) out += "<p>" + html_escape(line) + "</p>";
    a = nl + 1;
  }
  if (citations.empty()) return out;
  out += "<ul class=\"chronoscope-citations\">";
  for (const CitationView r : citations) {
    std::string item;
    const Source* s = t.find_source(r.source);
    if (!s) {
      item = html_escape(r.source);
    } else {
      if (!s->publisher.empty()) item += html_escape(s->publisher) + ", ";
      item += "<cite>" + html_escape(s->title) + "</cite>";
      if (!s->published_text.empty()) item += " (" + html_escape(s->published_text) + ")";
    }
    if (!r.locator.empty()) item += ", " + html_escape(r.locator);
    if (!r.quote.empty()) item += ": \xE2\x80\x9C" + html_escape(r.quote) + "\xE2\x80\x9D";
    if (!r.claims_text.empty()) item += " (dates it " + html_escape(r.claims_text) + ")";
    if (s && !s->url.empty()) item += " <a href=\"" + html_escape(s->url) + "\">" + html_escape(s->url) + "</a>";
    out += "<li>" + item + "</li>";
  }
  return out + "</ul>";
}

LaneId SlideReader::lane_for(const std::string& group) {
  if (const auto it = groups_.find(group); it != groups_.end()) return it->second;
  if (!lane_ids_ready_) {
    for (const Lane& l : t_.lanes) lane_ids_.take(l.id);
    lane_ids_ready_ = true;
  }
  LaneId k = kNoLane;
  for (std::size_t i = 0; i < t_.lanes.size() && k == kNoLane; ++i)
    if (t_.lanes[i].name == group || t_.lanes[i].id == group) k = LaneId(i);
  if (k == kNoLane) {
    Lane l;
    std::string slug = id_from_title(group);
    l.id = lane_ids_.unique(slug == "event" ? "lane" : slug);
    l.name = group;
    l.color = generated_lane_color(t_.lanes.size());
    l.order = int(t_.lanes.size());
    t_.add_lane(l);
    k = LaneId(t_.lanes.size() - 1);
  }
  groups_.emplace(group, k);
  return k;
}

void SlideReader::add(const SlideIn& s) {
  std::string title = html_to_text(s.headline);
  std::replace(title.begin(), title.end(), '\n', ' ');
  if (title.empty()) {
    diag_.error(s.headline_pos.line ? s.headline_pos : s.pos, "the slide has no headline (Chronoscope needs a title)");
    return;
  }
  // The date: display_date when it is EDTF, else the numbers.
  std::string date_text, display_note;
  When when;
  const std::string_view display = trim_blanks(s.display);
  EdtfResult shown_date = display.empty() ? EdtfResult{} : parse_edtf(display);
  if (shown_date.value) {
    date_text = std::string{display};
    when = *shown_date.value;
    if (s.start && !agree(*s.start, timelinejs_span(when).start))
      diag_.warning(s.start_pos, "the start date (" + parts_text(*s.start) + ") disagrees with display_date '" +
                                     date_text + "'; the display date is used");
  } else {
    if (!display.empty()) display_note = "Display date in " + std::string{format_} + ": " + std::string{display};
    if (!s.start) {
      diag_.error(s.start_pos.line ? s.start_pos : s.pos, "the slide has no start date");
      return;
    }
    for (const auto* d : {&s.start, &s.end})
      if (*d && (*d)->year == 0)
        diag_.warning(d == &s.start ? s.start_pos : s.end_pos,
                      "TimelineJS has no year 0 (-1 is 1 BCE); read as 1 BCE (EDTF 0000)");
    date_text = edtf_from_timelinejs(*s.start);
    if (s.end) {
      const std::string end = edtf_from_timelinejs(*s.end);
      if (end != date_text) date_text += "/" + end;
    }
    EdtfResult r = parse_edtf(date_text);
    if (!r.value) {
      diag_.error(s.start_pos.line ? s.start_pos : s.pos, r.error.message);
      return;
    }
    when = *r.value;
  }
  std::string id{trim_blanks(s.id)};
  if (id.empty()) {
    id = ids_.unique(id_from_title(title));
  } else if (!ids_.take(id)) {
    const std::string renamed = ids_.unique(id);
    diag_.warning(s.id_pos, "duplicate unique_id '" + shown(id) + "': read as '" + shown(renamed) + "'");
    id = renamed;
  }
  std::vector<LaneId> lanes;
  if (const std::string_view g = trim_blanks(s.group); !g.empty()) lanes.push_back(lane_for(std::string{g}));
  std::string_view url = trim_blanks(s.media);
  if (!url.empty() && !is_valid_url(url, nullptr)) {
    ++media_not_links_;
    url = {};
  }
  const std::string summary = html_to_text(s.text);
  t_.store().add({id, title, date_text, url, when, lanes, {}, s.pos.line, s.pos.column, summary, display_note});
}

void SlideReader::finish() {
  const std::string f{format_};
  if (media_not_links_)
    diag_.warning({}, f + ": media that are not http(s) links (embedded HTML, files) are not kept (" +
                          with_count(media_not_links_, "slide") + ")");
  if (media_extras)
    diag_.warning({}, f + ": media captions, credits and thumbnails are not kept (" +
                          with_count(media_extras, "slide") + ")");
  if (backgrounds)
    diag_.warning({}, f + ": slide backgrounds are not kept (" + with_count(backgrounds, "slide") + ")");
}

void warn_timelinejs_losses(const Timeline& t, Diagnostics& losses, std::string_view format) {
  const EventStore& st = t.store();
  std::size_t extra_lanes = 0, tagged = 0, cited = 0, disputed = 0, noted = 0, undrawable = 0;
  for (EventIndex i = 0; i < st.size(); ++i) {
    extra_lanes += st.lanes(i).size() > 1;
    tagged += st.any_tag(i, [](std::string_view) { return true; });
    if (const auto d = st.details(i)) {
      cited += !d->sources.empty();
      noted += !d->notes.empty();
    }
    disputed += st.disputed(i);
    const When w = event_when(st, i);
    undrawable += w.is_set() || w.start_bound != Bound::Known || w.end_bound == Bound::Unknown || w.open_end;
  }
  warn_lost(losses, format, "more than one group per slide", extra_lanes, "event",
            "only the first lane is kept, as the group");
  if (!t.lanes.empty())
    warn_lost(losses, format, "lane ids and colours", t.lanes.size(), "lane",
              "groups are named by the lane's name");
  warn_lost(losses, format, "tags", tagged, "event");
  warn_lost(losses, format, "citations as data", cited, "event", "they are written as text in each slide");
  warn_lost(losses, format, "disputed dates (claims)", disputed, "event", "the other dates are written as text in the citations");
  warn_lost(losses, format, "notes", noted, "event");
  warn_lost(losses, format, "open or unknown ends and sets of dates", undrawable, "event",
            "the nearest span is drawn, and display_date keeps the date as written");
  warn_lost(losses, format, "stories", t.stories.size(), "story");
}

namespace {

using OJson = nlohmann::ordered_json;

OJson date_json(const TimelineJsDate& d) {
  OJson j;
  j["year"] = d.year;
  if (d.month) j["month"] = d.month;
  if (d.day) j["day"] = d.day;
  if (d.hour >= 0) j["hour"] = d.hour;
  if (d.minute >= 0) j["minute"] = d.minute;
  if (d.second >= 0) j["second"] = d.second;
  return j;
}

// Reads the slides of a TimelineJS JSON tree.
class JsonSlides {
 public:
  JsonSlides(SlideReader& out, Diagnostics& diag) : out_(out), diag_(diag) {}

  // A date part: a whole number, or a string holding one ("numeric-ish"); "" and null are absent.
  bool part(const JNode& date, std::string_view name, std::string_view key, std::int64_t lo, std::int64_t hi,
            std::optional<std::int64_t>& v) {
    const JNode* n = date.find(key);
    if (!n || n->is_null()) return true;
    if (!n->is_number() && !n->is_string()) {
      diag_.error(n->pos, std::string{name} + "." + std::string{key} + " must be a number, not " +
                              std::string{json_kind_name(n->kind)});
      return false;
    }
    std::string_view s = trim_blanks(n->text);
    if (s.empty()) return true;
    if (s.front() == '+') s.remove_prefix(1);
    std::int64_t x = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
    if (ec != std::errc{} || p != s.data() + s.size() || x < lo || x > hi) {
      diag_.error(n->pos, std::string{name} + "." + std::string{key} + " must be a whole number from " +
                              std::to_string(lo) + " to " + std::to_string(hi) + ", not '" + shown(n->text) + "'");
      return false;
    }
    v = x;
    return true;
  }

  // A date object; false (reported) when it is not one.
  bool date(const JNode& n, std::string_view name, std::optional<TimelineJsDate>& out) {
    if (!n.is_object()) {
      diag_.error(n.pos, std::string{name} + " must be an object, not " + std::string{json_kind_name(n.kind)});
      return false;
    }
    std::optional<std::int64_t> y, m, d, h, mi, s;
    bool ok = part(n, name, "year", -99'999'999'999, 99'999'999'999, y) && part(n, name, "month", 1, 12, m) &&
              part(n, name, "day", 1, 31, d) && part(n, name, "hour", 0, 23, h) && part(n, name, "minute", 0, 59, mi) &&
              part(n, name, "second", 0, 59, s);
    if (!ok) return false;
    const char* missing = !y                 ? " has no year"
                          : (d && !m)          ? " has a day but no month"
                          : (h && !d)          ? " has an hour but no day"
                          : ((mi || s) && !h)  ? " has minutes or seconds but no hour"
                                               : nullptr;
    if (missing) {
      diag_.error(n.pos, std::string{name} + missing);
      return false;
    }
    TimelineJsDate t;
    t.year = *y;
    t.month = int(m.value_or(0));
    t.day = int(d.value_or(0));
    t.hour = h ? int(*h) : -1;
    t.minute = h ? int(mi.value_or(0)) : -1;
    t.second = s ? int(*s) : -1;
    out = t;
    return true;
  }

  std::string text_of(const JNode* n, std::string_view name) { return json_text(n, name, diag_); }

  void slide(const JNode& n) {
    if (!n.is_object()) {
      diag_.error(n.pos, "a slide must be an object, not " + std::string{json_kind_name(n.kind)});
      return;
    }
    SlideIn s;
    s.pos = s.headline_pos = s.start_pos = n.pos;
    if (const JNode* id = n.find("unique_id")) s.id = text_of(id, "unique_id"), s.id_pos = id->pos;
    if (const JNode* text = n.find("text"); text && text->is_object()) {
      if (const JNode* h = text->find("headline")) s.headline = text_of(h, "text.headline"), s.headline_pos = h->pos;
      s.text = text_of(text->find("text"), "text.text");
    }
    if (const JNode* d = n.find("display_date")) s.display = text_of(d, "display_date"), s.display_pos = d->pos;
    const JNode* start = n.find("start_date");
    const JNode* end = n.find("end_date");
    if (start) {
      s.start_pos = start->pos;
      if (!date(*start, "start_date", s.start)) return;
      if (s.display.empty() && !end && start->find("display_date"))
        s.display = text_of(start->find("display_date"), "start_date.display_date");
    }
    if (end && !end->is_null()) {
      s.end_pos = end->pos;
      if (!date(*end, "end_date", s.end)) return;
    }
    s.group = text_of(n.find("group"), "group");
    if (const JNode* m = n.find("media"); m && m->is_object()) {
      s.media = text_of(m->find("url"), "media.url");
      for (const char* k : {"caption", "credit", "thumbnail"})
        if (!text_of(m->find(k), k).empty()) {
          ++out_.media_extras;
          break;
        }
    }
    if (const JNode* b = n.find("background"); b && !b->is_null()) ++out_.backgrounds;
    out_.add(s);
  }

 private:
  SlideReader& out_;
  Diagnostics& diag_;
};

}  // namespace

void read_timelinejs(std::string_view text, Timeline& t, Diagnostics& diag) {
  JsonDoc doc{text, diag};
  const JNode* root = doc.root();
  if (!root) return;
  if (!root->is_object() || !root->find("events")) {
    diag.error(root->pos, "a TimelineJS file is an object with an \"events\" list");
    return;
  }
  SlideReader slides{t, diag, "TimelineJS"};
  JsonSlides reader{slides, diag};
  if (const JNode* title = root->find("title"); title && title->is_object()) {
    if (const JNode* tt = title->find("text"); tt && tt->is_object()) {
      t.title = html_to_text(reader.text_of(tt->find("headline"), "title.text.headline"));
      std::replace(t.title.begin(), t.title.end(), '\n', ' ');
      if (!html_to_text(reader.text_of(tt->find("text"), "title.text.text")).empty())
        diag.warning(tt->pos, "the title slide's text is not kept (only its headline, as the timeline's title)");
    }
  }
  const JNode& events = *root->find("events");
  if (!events.is_array()) {
    diag.error(events.pos, "\"events\" must be an array, not " + std::string{json_kind_name(events.kind)});
    return;
  }
  for (const JNode& e : events.items) reader.slide(e);
  if (const JNode* eras = root->find("eras"); eras && eras->is_array())
    for (const JNode& era : eras->items) diag.warning(era.pos, "an era is not an event; skipped");
  slides.finish();
  t.store().shrink_to_fit();
  diag.sort();
}

std::string write_timelinejs(const Timeline& t, Diagnostics& losses) {
  OJson root;
  if (!t.title.empty()) root["title"]["text"] = {{"headline", html_escape(t.title)}, {"text", ""}};
  OJson& events = root["events"] = OJson::array();
  const EventStore& st = t.store();
  for (EventIndex i = 0; i < st.size(); ++i) {
    OJson slide;
    slide["unique_id"] = st.id(i);
    const TimelineJsSpan span = timelinejs_span(event_when(st, i));
    slide["start_date"] = date_json(span.start);
    if (span.end) slide["end_date"] = date_json(*span.end);
    slide["display_date"] = st.date_text(i);
    const auto d = st.details(i);
    slide["text"] = {{"headline", html_escape(st.title(i))},
                     {"text", slide_html(t, d ? d->summary : "", d ? d->sources : Citations{})}};
    if (!st.lanes(i).empty()) slide["group"] = t.lanes[st.lanes(i)[0]].name;
    if (!st.url(i).empty()) slide["media"] = {{"url", st.url(i)}};
    events.push_back(std::move(slide));
  }
  warn_timelinejs_losses(t, losses, "TimelineJS");
  return root.dump(2, ' ', false, OJson::error_handler_t::replace) + "\n";
}

}  // namespace cs
