// inotify on the file's folder, filtered by name (IN_CLOSE_WRITE, IN_MOVED_TO, IN_CREATE, IN_DELETE,
// IN_MOVED_FROM, IN_ATTRIB); without it, stat every 250 ms. Reports after 100 ms without further events.
#include "model/io/file_watcher.hpp"

#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <filesystem>

namespace cs {
namespace {
constexpr auto kSettle = std::chrono::milliseconds(100);
constexpr auto kPollEvery = std::chrono::milliseconds(250);
}  // namespace

FileWatcher::FileWatcher(std::string path, bool poll_only) : path_(std::move(path)) {
  const std::filesystem::path p{path_};
  dir_ = p.has_parent_path() ? p.parent_path().string() : ".";
  name_ = p.filename().string();
  last_stat_ = stat_of(path_);
  if (poll_only) return;
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) return;
  const std::uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB | IN_MODIFY;
  if (inotify_add_watch(fd_, dir_.c_str(), mask) < 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

FileWatcher::Stat FileWatcher::stat_of(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) return {};
  return {true, std::uint64_t(st.st_size), std::uint64_t(st.st_ino),
          std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

bool FileWatcher::changed() {
  const auto now = Clock::now();
  if (fd_ >= 0) {
    alignas(inotify_event) std::array<char, 8192> buf;
    for (;;) {
      const ssize_t n = ::read(fd_, buf.data(), buf.size());
      if (n <= 0) break;  // EAGAIN: nothing more now
      for (ssize_t off = 0; off < n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(buf.data() + off);
        if (e->len > 0 && name_ == e->name) pending_ = true, last_event_ = now;
        if (e->mask & IN_Q_OVERFLOW) pending_ = true, last_event_ = now;  // events were lost: check anyway
        off += ssize_t(sizeof(inotify_event) + e->len);
      }
    }
  } else if (now - last_poll_ >= kPollEvery) {
    last_poll_ = now;
    if (const Stat s = stat_of(path_); !(s == last_stat_)) {
      last_stat_ = s;
      pending_ = true;
      last_event_ = now;
    }
  }
  if (!pending_ || now - last_event_ < kSettle) return false;
  pending_ = false;
  return true;
}

}  // namespace cs
