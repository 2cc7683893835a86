// POSIX file writing: temp + fsync + rename, a lock on the temp file so a later writer can tell a dead
// writer's leftovers from a live one's, and device/inode identity.
#include "model/io/atomic_file.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

namespace cs {
namespace {

// Closes on scope exit unless released.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now; the close's own result (a delayed write error shows up here on some file systems).
  int close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

bool fail(std::string* error, std::string what, int err) {
  if (error) *error = what + ": " + std::strerror(err);
  return false;
}

bool write_all(int fd, std::string_view bytes, int& err) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      return false;
    }
    if (n == 0) {
      err = ENOSPC;
      return false;
    }
    bytes.remove_prefix(std::size_t(n));
  }
  return true;
}

std::string folder_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string name_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The path a symlink chain ends at (the link's target may not exist yet); `path` itself when not a link.
std::string resolve_links(const std::string& path) {
  std::string p = path;
  for (int hops = 0; hops < 40; ++hops) {
    std::vector<char> buf(PATH_MAX);
    const ssize_t n = ::readlink(p.c_str(), buf.data(), buf.size());
    if (n <= 0) return p;
    std::string target(buf.data(), std::size_t(n));
    p = target[0] == '/' ? target : folder_of(p) + "/" + target;
  }
  return p;
}

// Removes ".NAME.tmp-*" files in `folder` that no live writer holds locked.
void remove_stale_temps(const std::string& folder, const std::string& name) {
  DIR* d = ::opendir(folder.c_str());
  if (!d) return;
  const std::string prefix = "." + name + ".tmp-";
  while (const dirent* e = ::readdir(d)) {
    const std::string entry = e->d_name;
    if (entry.rfind(prefix, 0) != 0) continue;
    const std::string p = folder + "/" + entry;
    Fd fd{::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
    if (fd.get() < 0) continue;
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) == 0) ::unlink(p.c_str());  // its writer is gone
  }
  ::closedir(d);
}

}  // namespace

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ < 0) return;
  ::close(fd_);
  if (!direct_) ::unlink(temp_.c_str());
}

bool AtomicFileWriter::open(const std::string& path, std::string* error) {
  if (fd_ >= 0) return fail(error, "cannot write '" + path + "'", EBUSY);
  path_ = path;
  struct stat st{};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return fail(error, "cannot write '" + path + "'", EISDIR);
  // Device and process files (/dev/stdout may be a link to a pipe or to a file the shell opened) are
  // written in place, like any non-regular file.
  direct_ = (exists && !S_ISREG(st.st_mode)) || path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0;
  if (direct_) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    return fd_ >= 0 || fail(error, "cannot open '" + path + "'", errno);
  }
  target_ = resolve_links(path);
  folder_ = folder_of(target_);
  const std::string name = name_of(target_);
  remove_stale_temps(folder_, name);  // before ours exists: a killed save leaves at most one behind
  std::random_device rd;
  std::mt19937_64 rng{(std::uint64_t(rd()) << 32) ^ rd() ^ std::uint64_t(::getpid())};
  for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
    char suffix[17];
    std::snprintf(suffix, sizeof suffix, "%08llx", static_cast<unsigned long long>(rng() & 0xFFFFFFFFull));
    temp_ = folder_ + "/." + name + ".tmp-" + suffix;
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd_ < 0 && errno != EEXIST) return fail(error, "cannot create a temporary file in '" + folder_ + "'", errno);
    if (fd_ >= 0) {
      // Held until the rename: a later writer that can take this lock knows this temp file is abandoned.
      struct stat t{};
      if (::flock(fd_, LOCK_EX) != 0 || ::fstat(fd_, &t) != 0 || t.st_nlink == 0) {
        ::close(fd_);  // a cleaner removed it between our open and our lock: take another name
        fd_ = -1;
      }
    }
  }
  if (fd_ < 0) return fail(error, "cannot create a temporary file in '" + folder_ + "'", EEXIST);
  if (exists) {
    [[maybe_unused]] const int kept_owner = ::fchown(fd_, st.st_uid, st.st_gid);  // allowed for root only
    if (::fchmod(fd_, st.st_mode & 07777) != 0) return abandon(error, "cannot set the mode of '" + temp_ + "'", errno);
  }
  return true;
}

bool AtomicFileWriter::abandon(std::string* error, std::string what, int err) {
  if (fd_ >= 0) ::close(fd_);
  if (fd_ >= 0 && !direct_) ::unlink(temp_.c_str());
  fd_ = -1;
  return fail(error, std::move(what), err);
}

bool AtomicFileWriter::write(std::string_view bytes, std::string* error) {
  if (fd_ < 0) return fail(error, "writing '" + path_ + "' failed", EBADF);
  int err = 0;
  return write_all(fd_, bytes, err) || abandon(error, "writing '" + path_ + "' failed", err);
}

bool AtomicFileWriter::commit(std::string* error) {
  if (fd_ < 0) return fail(error, "writing '" + path_ + "' failed", EBADF);
  if (direct_) {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0 || fail(error, "writing '" + path_ + "' failed", errno);
  }
  if (::fsync(fd_) != 0) return abandon(error, "writing '" + path_ + "' failed (fsync)", errno);
  if (::rename(temp_.c_str(), target_.c_str()) != 0) return abandon(error, "cannot replace '" + path_ + "'", errno);
  const int rc = ::close(fd_);
  fd_ = -1;
  if (rc != 0) return fail(error, "writing '" + path_ + "' failed (close)", errno);
  // The rename is durable once the folder is synced; a folder that cannot be synced (some file systems
  // refuse) still holds the whole new file.
  if (Fd dir{::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)}; dir.get() >= 0) ::fsync(dir.get());
  return true;
}

bool write_file_atomic(const std::string& path, std::string_view bytes, std::string* error) {
  AtomicFileWriter w;
  return w.open(path, error) && w.write(bytes, error) && w.commit(error);
}

std::uint64_t content_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

FileStamp stamp_file(const std::string& path) {
  FileStamp s;
  Fd fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat st{};
  if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0) return s;
  XXH3_state_t* state = XXH3_createState();
  if (!state) return s;
  XXH3_64bits_reset(state);
  std::vector<char> buf(1 << 20);
  std::uint64_t size = 0;
  bool ok = true;
  while (true) {
    const ssize_t n = ::read(fd.get(), buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ok = false;
    if (n <= 0) break;
    XXH3_64bits_update(state, buf.data(), std::size_t(n));
    size += std::uint64_t(n);
  }
  s.hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  if (!ok) return FileStamp{};
  s.exists = true;
  s.size = size;
  s.mtime_ns = std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.dev = std::uint64_t(st.st_dev);
  s.ino = std::uint64_t(st.st_ino);
  return s;
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa{}, sb{};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace cs
