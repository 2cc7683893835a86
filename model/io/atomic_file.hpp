// Writing a file so that a crash, a kill or a full disk leaves either the old file or the new one whole,
// never a mix; and telling files apart by identity and content (for saves and reload checks).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cs {

// Regular files (and new ones): a temp file ".NAME.tmp-XXXXXXXX" in the same folder (O_CREAT|O_EXCL), all
// bytes written (every write checked), fsync, rename over `path`, fsync of the folder. The existing file's
// permission bits are kept (new files get 0666 & ~umask). A symlink is followed: its target is replaced
// and the link stays. On any failure the temp file is removed, `path` is untouched, and `error` says what
// failed. Temp files left by a killed writer (no process holds their lock) are removed by the next write
// into the same folder for the same NAME.
//
// Paths that exist and are not regular files (/dev/stdout, /dev/full, a FIFO, a terminal) cannot be renamed
// over: they are written directly, every write and the close checked.
bool write_file_atomic(const std::string& path, std::string_view bytes, std::string* error);

// The same, streamed: open, write in pieces, commit. Destroying it uncommitted (or any failure) removes the
// temp file and leaves `path` as it was. Every call returns false with `error` set on failure, after
// which the writer is closed.
class AtomicFileWriter {
 public:
  AtomicFileWriter() = default;
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  bool open(const std::string& path, std::string* error);
  bool write(std::string_view bytes, std::string* error);
  bool commit(std::string* error);

 private:
  bool abandon(std::string* error, std::string what, int err);
  std::string path_, target_, folder_, temp_;
  int fd_ = -1;
  bool direct_ = false;  // a device or FIFO, written in place
};

struct FileStamp {
  bool exists = false;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t hash = 0;  // content_hash of the bytes read
  std::uint64_t dev = 0, ino = 0;
  bool operator==(const FileStamp&) const = default;
};

// Reads and hashes the file (following symlinks). exists = false when it cannot be read.
FileStamp stamp_file(const std::string& path);
// A fast 64-bit hash (XXH3), the one stamp_file uses.
std::uint64_t content_hash(std::string_view bytes);
// The same file by device and inode (through symlinks, hard links or other spellings); false if either is
// missing.
bool same_file(const std::string& a, const std::string& b);

}  // namespace cs
