// The loader runs in a thread; this one redraws the percentage every 100 ms.
#include "app/cli/load_progress.hpp"

#include "model/io/load_file.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <unistd.h>

namespace cs {

void with_progress(const std::string& path, const std::function<void(std::atomic<float>*)>& work) {
  if (!isatty(2)) {
    work(nullptr);
    return;
  }
  std::atomic<float> progress{0};
  std::atomic<bool> done{false};
  std::thread loader{[&] {
    work(&progress);
    done = true;
  }};
  const std::string shown_path = escape_for_terminal(path);
  bool shown = false;
  for (int tick = 0; !done; ++tick) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (tick % 5 == 4 && !done) {  // only loads that take a while show a line
      std::fprintf(stderr, "\rloading %s: %3.0f%%", shown_path.c_str(), 100.0 * progress.load());
      shown = true;
    }
  }
  loader.join();
  if (shown) std::fprintf(stderr, "\r%*s\r", int(shown_path.size()) + 16, "");
}

void load_with_progress(const std::string& path, Timeline& t, Diagnostics& diag) {
  with_progress(path, [&](std::atomic<float>* p) { load_timeline_file(path, t, diag, p); });
}

std::unique_ptr<Document> load_document_with_progress(const std::string& path) {
  std::unique_ptr<Document> d;
  with_progress(path, [&](std::atomic<float>* p) { d = Document::load(path, p); });
  return d;
}

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace cs
