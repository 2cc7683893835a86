// The two contents the kill test alternates: different sizes and bytes, so any mix of them shows.
#pragma once

#include <string>

namespace cs::test {

inline std::string atomic_save_content(int k) {
  return "version " + std::to_string(k) + "\n" + std::string(k ? 3'000'000 : 2'000'000, k ? 'b' : 'a');
}

}  // namespace cs::test
