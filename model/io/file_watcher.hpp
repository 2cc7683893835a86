// Tells when a file changes on disk: inotify on its folder (so a save by rename, as editors do, is seen too),
// or a stat poll where inotify is unavailable. Never blocks; the window asks every frame. A change is
// reported once writing has settled for a moment, so a file written in several steps is read once.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace cs {

class FileWatcher {
 public:
  // `poll_only`: skip inotify (for tests of the fallback, and file systems without it).
  explicit FileWatcher(std::string path, bool poll_only = false);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // True once after the file was written, replaced, created or removed (it may hold the same bytes:
  // compare contents before reloading).
  bool changed();
  bool using_inotify() const { return fd_ >= 0; }
  const std::string& path() const { return path_; }

 private:
  using Clock = std::chrono::steady_clock;
  struct Stat {
    bool exists = false;
    std::uint64_t size = 0, ino = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const Stat&) const = default;
  };
  static Stat stat_of(const std::string& path);

  std::string path_, dir_, name_;
  int fd_ = -1;
  bool pending_ = false;          // something happened, not reported yet
  Clock::time_point last_event_;  // when it last happened
  Stat last_stat_;
  Clock::time_point last_poll_{};
};

}  // namespace cs
