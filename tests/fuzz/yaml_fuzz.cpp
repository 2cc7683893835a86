// Fuzz harness: YAML text through the loader, and every diagnostic formatted.
#include "model/io/yaml_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  cs::Timeline t;
  cs::Diagnostics diag{"fuzz.yaml"};
  cs::load_timeline_yaml(text, t, diag);
  (void)diag.format_all();
  for (cs::EventIndex i = 0; i < t.event_count() && i < 64; ++i) (void)t.event(i);
  return 0;
}
