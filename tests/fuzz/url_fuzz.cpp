// Fuzz harness: link validation, and terminal escaping of the same bytes (both must accept anything).
#include "model/diagnostics.hpp"
#include "model/url.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  std::string why;
  (void)cs::is_valid_url(text, &why);
  (void)cs::escape_for_terminal(text);
  return 0;
}
