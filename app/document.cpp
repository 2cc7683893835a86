// Loading a document for the window.
#include "document.hpp"

namespace cs {

std::unique_ptr<Document> Document::open(const std::string& path) {
  auto d = std::make_unique<Document>();
  d->path = path;
  d->diagnostics = Diagnostics{path};
  d->timeline = load_timeline_file(path, d->diagnostics);
  d->index = std::make_unique<TimelineIndex>(d->timeline);
  return d;
}

}  // namespace cs
