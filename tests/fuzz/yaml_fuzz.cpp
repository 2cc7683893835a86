// Fuzz harness: YAML text through the loader, and every diagnostic formatted. Then, for every item of the
// events list, the fast reader against yaml-cpp: where the fast reader reads an item, yaml-cpp must read
// the same tree (nodes, styles, positions, values), or the harness stops.
#include "model/io/yaml_fast.hpp"
#include "model/io/yaml_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

bool same_tree(const cs::YNode& a, const cs::YNode& b) {
  if (a.kind != b.kind || a.style != b.style || a.quoted != b.quoted || a.value != b.value ||
      a.expanded_size != b.expanded_size || a.items.size() != b.items.size() || a.pos.line != b.pos.line ||
      a.pos.column != b.pos.column || a.pos.offset != b.pos.offset)
    return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same_tree(*a.items[i], *b.items[i])) return false;
  return true;
}

void fast_matches_yaml_cpp(std::string_view body, const cs::ListMap& l) {
  if (!l.block) return;
  for (std::size_t k = 0; k < l.items.size(); ++k) {
    cs::FastItem fast;
    const std::size_t begin = l.items[k].begin, end = l.item_end(k);
    if (!cs::read_fast_item(body, begin, end, int(l.items[k].line), l.indent, fast)) continue;
    cs::Diagnostics diag{"fuzz.yaml"};
    int items = 0;
    bool same = false;
    const cs::ItemsResult r = cs::parse_list_items(cs::YamlWindow{body, begin, end, int(l.items[k].line)}, diag,
                                                   [&](const cs::YNode& n) { same = ++items == 1 && same_tree(*fast.root, n); });
    if (r.stop != cs::ItemsStop::Done || items != 1 || !same || !diag.items().empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  cs::Timeline t;
  cs::Diagnostics diag{"fuzz.yaml"};
  const cs::YamlPrepared prepared = cs::prepare_yaml(text, diag);
  const std::string_view body = prepared.body(text);
  cs::SourceMap map;
  cs::YamlLoadOptions o;
  o.map = &map;
  cs::load_prepared_yaml(body, prepared, t, diag, o);
  (void)diag.format_all();
  for (cs::EventIndex i = 0; i < t.event_count() && i < 64; ++i) (void)t.event(i);
  if (map.cut && !map.whole)
    for (const cs::ListMap* l : {&map.lanes, &map.sources, &map.events, &map.stories}) fast_matches_yaml_cpp(body, *l);
  return 0;
}
