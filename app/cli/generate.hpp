// `chronoscope generate`: deterministic synthetic timelines for benchmarks and tests: bursts of activity
// over a quiet background, points at mixed precisions and ranges of every length, many lanes, spread
// over centuries. The same seed gives the same bytes on any machine (no std:: distributions).
#pragma once

#include <cstdint>
#include <ostream>

namespace cs {

struct GenerateOptions {
  std::uint64_t events = 1000;
  std::uint64_t seed = 1;
  int from_year = 1000;
  int to_year = 2100;
  int lanes = 0;  // 0: from the number of events (8 to 48)
  bool csv = false;
  bool prose = false;  // YAML: a folded summary, some notes, citations with locator, dating and quote
};

void generate_timeline(const GenerateOptions& o, std::ostream& out);

}  // namespace cs
