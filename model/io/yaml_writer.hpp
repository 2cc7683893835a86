// A whole timeline as a fresh YAML file in the style of events.yaml: block lists, lanes and citations as
// flow maps (wrapped where long), lanes and tags as flow lists, long text as folded blocks and multi-line
// text as literal blocks, values quoted only where YAML needs it (and where YAML 1.2 would read a number, a
// boolean or null, so that schema-aware editors see text). Stories follow issue 11's contract.
#pragma once

#include "model/diagnostics.hpp"
#include "model/timeline.hpp"

#include <string>

namespace cs {

struct YamlWriteOptions {
  int width = 110;  // lines are wrapped (folded blocks, flow maps) to stay within this many columns
};

std::string write_yaml(const Timeline& t, Diagnostics& losses, const YamlWriteOptions& o = {});

}  // namespace cs
