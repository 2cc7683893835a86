// Helper for atomic_file_test: saves one of two large contents over PATH, alternating, until killed
// (or once, with --once). The contents are what atomic_save_content() in the test builds.
#include "model/io/atomic_file.hpp"

#include "atomic_save_content.hpp"

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const std::string path = argv[1];
  const bool once = argc > 2 && std::string{argv[2]} == "--once";
  for (int k = 0;; k ^= 1) {
    std::string error;
    if (!cs::write_file_atomic(path, cs::test::atomic_save_content(k), &error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
    if (once) return 0;
  }
}
