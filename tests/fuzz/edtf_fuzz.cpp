// Fuzz harness: the EDTF parser, and describing and formatting whatever it accepts.
#include "model/edtf.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const cs::EdtfResult r = cs::parse_edtf(text);
  if (r.value) {
    (void)cs::describe(*r.value);
    (void)cs::format_iso(r.value->begin_time());
    if (r.value->end) (void)cs::format_iso(r.value->end_time());
  }
  (void)cs::parse_edtf_date(text);
  return 0;
}
