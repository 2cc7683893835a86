// One pass over the text: fields are string_views into it (quoted ones unescaped into a scratch buffer),
// each row validated and appended to the column store.
#include "model/io/csv_loader.hpp"

#include "model/id_set.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace cs {
namespace {

enum Column { kId, kTitle, kStart, kEnd, kLanes, kTags, kUrl, kColumns };
constexpr std::array<std::string_view, kColumns> kNames = {"id", "title", "start", "end", "lanes", "tags", "url"};

struct Field {
  std::string_view text;
  int line, column;
};

// Reads one record starting at `pos`; false at the end of the text. Quoted fields are unescaped into
// `scratch` (stable until the next call). Unterminated quotes are reported.
class Reader {
 public:
  Reader(std::string_view text, Diagnostics& diag) : s_(text), diag_(diag) {}

  bool next(std::vector<Field>& fields, std::string& scratch, int& record_line) {
    fields.clear();
    scratch.clear();
    if (pos_ >= s_.size()) return false;
    record_line = line_;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // scratch ranges of quoted fields
    while (true) {
      const int col = int(pos_ - line_start_) + 1;
      if (pos_ < s_.size() && s_[pos_] == '"') {
        const std::size_t begin = scratch.size();
        const int open_line = line_;
        ++pos_;
        bool closed = false;
        while (pos_ < s_.size()) {
          const char c = s_[pos_++];
          if (c == '"') {
            if (pos_ < s_.size() && s_[pos_] == '"') {
              scratch += '"';
              ++pos_;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line_, line_start_ = pos_;
            scratch += c;
          }
        }
        if (!closed) diag_.error({open_line, col, -1}, "quoted field is not closed");
        spans.emplace_back(begin, scratch.size());
        fields.push_back({{}, open_line, col});
        if (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n' && s_[pos_] != '\r') {
          diag_.error({line_, int(pos_ - line_start_) + 1, -1}, "unexpected text after a quoted field");
          while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n') ++pos_;
        }
      } else {
        const std::size_t b = pos_;
        while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\n') ++pos_;
        std::size_t e = pos_;
        if (e > b && s_[e - 1] == '\r') --e;
        fields.push_back({s_.substr(b, e - b), line_, col});
      }
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '\r') ++pos_;
      if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_, ++line_, line_start_ = pos_;
      break;
    }
    // Quoted fields point into scratch only now that it no longer grows.
    std::size_t q = 0;
    for (Field& f : fields)
      if (f.text.data() == nullptr && q < spans.size()) {
        f.text = std::string_view{scratch}.substr(spans[q].first, spans[q].second - spans[q].first);
        ++q;
      }
    return true;
  }

  std::size_t position() const { return pos_; }

 private:
  std::string_view s_;
  Diagnostics& diag_;
  std::size_t pos_ = 0, line_start_ = 0;
  int line_ = 1;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

template <class F>
void split(std::string_view s, F&& each) {
  while (!s.empty()) {
    const auto semi = s.find(';');
    const auto part = trim(s.substr(0, semi));
    if (!part.empty()) each(part);
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
}

}  // namespace

void load_timeline_csv(std::string_view text, Timeline& t, Diagnostics& diag, std::atomic<float>* progress) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a BOM
  Reader reader{text, diag};
  std::vector<Field> fields;
  std::string scratch;
  int line = 1;
  if (!reader.next(fields, scratch, line)) {
    diag.error({1, 1, 0}, "the file is empty");
    return;
  }
  std::array<int, kColumns> where;
  where.fill(-1);
  for (std::size_t c = 0; c < fields.size(); ++c) {
    const auto name = trim(fields[c].text);
    const auto k = std::find(kNames.begin(), kNames.end(), name);
    if (k == kNames.end()) {
      diag.warning({fields[c].line, fields[c].column, -1}, "unknown column '" + std::string{name} + "' (ignored)");
    } else if (where[std::size_t(k - kNames.begin())] >= 0) {
      diag.error({fields[c].line, fields[c].column, -1}, "column '" + std::string{name} + "' appears twice");
    } else {
      where[std::size_t(k - kNames.begin())] = int(c);
    }
  }
  for (Column c : {kId, kTitle, kStart})
    if (where[c] < 0) diag.error({1, 1, 0}, "the header has no '" + std::string{kNames[c]} + "' column");
  if (diag.has_errors()) return;

  // Reserve from a count of lines: one allocation per column, no doubling past the need.
  const std::size_t rows = std::size_t(std::count(text.begin(), text.end(), '\n')) + 1;
  EventStore& st = t.store();
  st.reserve(rows, text.size());
  IdSet ids{st, rows};
  std::unordered_map<std::string, LaneId> lane_ids;
  std::vector<LaneId> lanes;
  std::vector<std::string_view> tags;
  std::size_t next_report = 0;
  while (reader.next(fields, scratch, line)) {
    if (fields.size() == 1 && fields[0].text.empty()) continue;  // a blank line
    if (progress && reader.position() >= next_report) {
      progress->store(float(double(reader.position()) / double(text.size())), std::memory_order_relaxed);
      next_report = reader.position() + (1 << 20);
    }
    const auto get = [&](Column c) -> const Field* {
      return where[c] >= 0 && std::size_t(where[c]) < fields.size() ? &fields[std::size_t(where[c])] : nullptr;
    };
    const auto at = [](const Field* f) { return TextPos{f->line, f->column, -1}; };
    bool ok = true;
    const Field* id = get(kId);
    const Field* title = get(kTitle);
    const Field* start = get(kStart);
    if (!id || !title || !start) {
      diag.error({line, 1, -1}, "the row has " + std::to_string(fields.size()) + " fields; the header names more");
      continue;
    }
    if (trim(id->text).empty()) diag.error(at(id), "empty id"), ok = false;
    if (trim(title->text).empty()) diag.error(at(title), "empty title"), ok = false;
    std::string err;
    const auto s = parse_edtf_date(trim(start->text), &err);
    if (!s) diag.error(at(start), trim(start->text).empty() ? "empty start date" : err), ok = false;
    When w;
    if (s) w.start = *s;
    const Field* end = get(kEnd);
    const std::string_view end_text = end ? trim(end->text) : std::string_view{};
    if (s && end_text == "..") {
      w.open_end = true;
    } else if (s && !end_text.empty()) {
      const auto e = parse_edtf_date(end_text, &err);
      if (!e) diag.error(at(end), err), ok = false;
      else if (e->end() <= s->start) diag.error(at(end), "the end comes before the start"), ok = false;
      else w.end = *e;
    }
    const Field* url = get(kUrl);
    std::string_view url_text = url ? trim(url->text) : std::string_view{};
    if (!url_text.empty() && url_text.rfind("http://", 0) != 0 && url_text.rfind("https://", 0) != 0) {
      diag.error(at(url), "url '" + std::string{url_text} + "' must start with http:// or https://");
      url_text = {};
    }
    const std::string_view id_text = trim(id->text);
    if (const auto first = ids.find(id_text)) {
      diag.error(at(id), "duplicate event id '" + std::string{id_text} + "' (first at line " +
                             std::to_string(st.pos(*first).line) + ")");
      ok = false;
    }
    if (!ok) continue;
    lanes.clear();
    if (const Field* l = get(kLanes))
      split(l->text, [&](std::string_view name) {
        auto it = lane_ids.find(std::string{name});
        LaneId k;
        if (it == lane_ids.end()) {
          k = t.lane_index(name, true);
          lane_ids.emplace(std::string{name}, k);
        } else {
          k = it->second;
        }
        if (k != kNoLane && std::find(lanes.begin(), lanes.end(), k) == lanes.end()) lanes.push_back(k);
      });
    tags.clear();
    if (const Field* g = get(kTags)) split(g->text, [&](std::string_view tag) { tags.push_back(tag); });
    std::string date_text{trim(start->text)};
    if (!end_text.empty()) date_text += "/" + std::string{end_text};
    ids.insert(st.add({id_text, trim(title->text), date_text, url_text, w, lanes, tags, nullptr, id->line, id->column}));
  }
  st.shrink_to_fit();
  if (progress) progress->store(1.f);
  diag.sort();
}

}  // namespace cs
