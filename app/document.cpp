// Loading a document for the window.
#include "app/document.hpp"

namespace cs {

std::unique_ptr<Document> Document::open(const std::string& path, std::atomic<float>* progress) {
  auto d = std::make_unique<Document>();
  d->path = path;
  d->diagnostics = Diagnostics{path};
  load_timeline_file(path, d->timeline, d->diagnostics, progress);
  d->index = std::make_unique<TimelineIndex>(d->timeline);
  return d;
}

}  // namespace cs
