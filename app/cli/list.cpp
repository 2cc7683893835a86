// `chronoscope list FILE`: the events that match --filter and --range in date order, as tab-separated
// lines under a header or as a JSON array, the same rows the window's list view shows.
#include "app/cli/commands.hpp"

#include "app/cli/output.hpp"
#include "app/cli/prepare.hpp"
#include "app/list_rows.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <limits>

namespace cs {
namespace {

// --range as the seconds it spans: [t0, t1). False with a message when it is not an interval.
bool range_of(const Options& o, std::int64_t& t0, std::int64_t& t1) {
  t0 = std::numeric_limits<std::int64_t>::min();
  t1 = std::numeric_limits<std::int64_t>::max();
  if (!o.range) return true;
  const EdtfResult r = parse_edtf(*o.range);
  if (!r.value || !r.value->is_interval() || r.value->is_set()) {
    std::cerr << "chronoscope: error: --range must be an EDTF interval such as 2015/2016-06 or 2015-09/.."
              << (r.value ? "" : ": " + escape_for_terminal(r.error.message)) << "\n";
    return false;
  }
  t0 = r.value->begin_time().time_since_epoch().count();
  t1 = r.value->end_time().time_since_epoch().count();
  return true;
}

}  // namespace

int run_list(const Options& o) {
  std::int64_t t0, t1;
  if (!range_of(o, t0, t1)) return 2;
  Prepared p;
  if (const int rc = prepare_events(o, p)) return rc;
  const Timeline& t = p.timeline;
  const EventStore& st = t.store();
  const std::vector<EventIndex> rows = list_rows(st, o.filter ? p.keep : std::vector<bool>{}, t0, t1);
  std::ostream& out = std::cout;
  if (o.json) {
    out << "[";
    bool first = true;
    for (EventIndex e : rows) {
      nlohmann::ordered_json lanes = nlohmann::ordered_json::array();
      for (LaneId l : st.lanes(e))
        if (l < t.lanes.size()) lanes.push_back(t.lanes[l].id);
      const nlohmann::ordered_json row = {{"id", st.id(e)},
                                          {"date", st.date_text(e)},
                                          {"title", st.title(e)},
                                          {"lanes", std::move(lanes)},
                                          {"citations", citation_count(st, e)},
                                          {"disputed", st.disputed(e)}};
      out << (first ? "\n" : ",\n") << terminal_safe_json(row);
      first = false;
    }
    out << (rows.empty() ? "]\n" : "\n]\n");
  } else {
    out << "id\tdate\ttitle\tlanes\tcitations\tdisputed\n";
    for (EventIndex e : rows) {
      out << escape_for_terminal(st.id(e)) << '\t' << escape_for_terminal(st.date_text(e)) << '\t'
          << escape_for_terminal(st.title(e)) << '\t' << escape_for_terminal(lanes_text(t, e)) << '\t'
          << citation_count(st, e) << '\t' << (st.disputed(e) ? "disputed" : "") << '\n';
    }
  }
  return finish_stdout();
}

}  // namespace cs
