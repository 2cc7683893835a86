// An opened file: its timeline, the index over it, and what loading found wrong.
#pragma once

#include "model/timeline_index.hpp"
#include "model/io/load_file.hpp"

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace cs {

struct Document {
  std::string path;
  Timeline timeline;
  Diagnostics diagnostics;
  std::unique_ptr<TimelineIndex> index;  // points into `timeline`: a Document does not move

  // Loads and indexes PATH; `progress` (optional) rises from 0 to 1, for a progress bar in another thread.
  static std::unique_ptr<Document> open(const std::string& path, std::atomic<float>* progress = nullptr);
};

// What the user is looking at, shared by the windows: they read and write it, never each other.
struct Selection {
  std::optional<EventIndex> selected;
  std::optional<EventIndex> hovered;
  std::optional<EventIndex> focus_request;  // "move the view to this event", consumed by the canvas
};

}  // namespace cs
