// Saving a document and noticing outside changes: the text is written atomically (temp file, fsync,
// rename, fsync of the folder) and only over the file it was loaded from, unchanged since.
#include "model/document.hpp"

#include <sys/stat.h>

namespace cs {

bool Document::changed_on_disk() {
  if (!stamp_.exists) return false;
  struct stat st{};
  if (::stat(path_.c_str(), &st) != 0) return true;  // gone
  const std::int64_t mtime = std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  if (std::uint64_t(st.st_size) == stamp_.size && mtime == stamp_.mtime_ns && std::uint64_t(st.st_ino) == stamp_.ino)
    return false;
  const FileStamp now = stamp_file(path_);  // touched, or replaced: compare what it holds
  if (now.exists && now.hash == stamp_.hash && now.size == stamp_.size) {
    stamp_ = now;
    return false;
  }
  return true;
}

SaveResult Document::save(bool over) {
  if (const std::string why = read_only_reason(); !why.empty()) return {SaveStatus::Failed, why};
  if (!over && stamp_.exists && changed_on_disk())
    return {SaveStatus::Conflict, path_ + " was changed on disk since it was loaded; not saved over that change"};
  std::string error;
  if (!write_file_atomic(path_, text_, &error)) return {SaveStatus::Failed, error};
  stamp_ = stamp_file(path_);
  saved_at_ = done_;
  return {SaveStatus::Saved, "saved " + path_};
}

SaveResult Document::save_as(const std::string& path) {
  if (const std::string why = read_only_reason(); !why.empty()) return {SaveStatus::Failed, why};
  std::string error;
  if (!write_file_atomic(path, text_, &error)) return {SaveStatus::Failed, error};
  path_ = path;
  diag_ = [&] {
    Diagnostics d{path};
    for (const Diagnostic& x : diag_.items()) d.add(x);
    return d;
  }();
  stamp_ = stamp_file(path_);
  saved_at_ = done_;
  return {SaveStatus::Saved, "saved " + path_};
}

}  // namespace cs
