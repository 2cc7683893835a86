// Text helpers shared by the interop readers and writers: HTML to plain text and back, ids made from
// titles for formats that have none, years written as EDTF writes them, and the warnings for what a format
// cannot hold (one per kind).
#pragma once

#include "model/diagnostics.hpp"
#include "model/edtf.hpp"
#include "model/event_store.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace cs {

// `s` safe inside HTML text and attribute values: & < > " as entities.
std::string html_escape(std::string_view s);
// The text a reader sees: tags dropped (block tags such as <p>, <br>, <li>, <div> end a line), comments,
// <script> and <style> dropped, entities decoded (named ones of HTML's common set, &#N; and &#xH;),
// white space collapsed as a browser does, lines trimmed, no empty lines. An element whose class is
// "chronoscope-citations" is dropped whole: it is the citation list our writers add, read back from the
// event's sources rather than as text.
std::string html_to_text(std::string_view html);

// An id for an event from its title: lower-case ASCII letters and digits, other ASCII as '-', non-ASCII
// text kept; "event" when nothing is left. At most 60 bytes.
std::string id_from_title(std::string_view title);

// Hands out ids that are unique within one file: a taken id gets "-2", "-3", ...
class IdMaker {
 public:
  // Reserves `id` as it is; false if it was taken.
  bool take(const std::string& id) { return used_.insert(id).second; }
  std::string unique(std::string id);

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, std::size_t> next_;  // per wanted id: the suffix to try first
};

// An astronomical year as EDTF writes it: "2015", "0000", "-0499", "Y170000", "Y-17000".
std::string edtf_year(std::int64_t astronomical_year);

// Event i's date whole (sets, open and unknown ends, seasons, X digits), parsed again from its text: the
// store keeps only what drawing needs.
When event_when(const EventStore& st, EventIndex i);

// An instant as an EDTF date at a precision, UTC: "2015", "2015-11", "2015-11-23", "2015-11-23T10:30Z",
// "2015-11-23T10:30:15Z".
std::string edtf_at(Seconds t, Precision p);

// "1 event", "12 events", "2 stories".
std::string with_count(std::size_t n, std::string_view unit);

// "TimelineJS cannot hold tags; they are left out (12 events)" as a warning without a position, when n > 0.
void warn_lost(Diagnostics& diag, std::string_view format, std::string_view what, std::size_t n,
               std::string_view unit, std::string_view how = "they are left out");

}  // namespace cs
