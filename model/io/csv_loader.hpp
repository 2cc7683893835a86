// Loads a timeline from CSV (RFC 4180): a header row naming the columns id,title,start,end,lanes,tags,url
// (any order; id, title and start required), dates in the same EDTF subset as YAML (end empty for a point,
// ".." for an interval still going on), lanes and tags separated by ';'. Lanes are created as they appear.
// Problems are reported as FILE:LINE:COL like the YAML loader's.
#pragma once

#include "model/diagnostics.hpp"
#include "model/timeline.hpp"

#include <atomic>
#include <string_view>

namespace cs {

// `progress`, when given, is raised from 0 to 1 as the text is read (for a progress bar in another thread).
void load_timeline_csv(std::string_view text, Timeline& t, Diagnostics& diag, std::atomic<float>* progress = nullptr);

}  // namespace cs
