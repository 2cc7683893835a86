// Opens a link in the system browser: only a valid http(s) URL (is_valid_url), through `xdg-open` started
// with an argument vector (never a shell), so a URL cannot run commands; an opener that fails later (its
// exit status) is reported back to the window.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace cs {

// is_valid_url: what the inspector shows as a link.
bool is_openable_url(std::string_view url);

class UrlOpener {
 public:
  // `program` is the opener to run with the URL as its one argument (tests pass another).
  explicit UrlOpener(std::string program = "xdg-open") : program_(std::move(program)) {}
  UrlOpener(const UrlOpener&) = delete;
  UrlOpener& operator=(const UrlOpener&) = delete;

  // False with `error` set when the URL is refused or the opener cannot be started.
  bool open(const std::string& url, std::string* error);
  // Collects finished openers without waiting (call every frame). Returns a message for the latest one
  // that failed since the last call, or an empty string.
  std::string poll();
  std::size_t running() const { return children_.size(); }

 private:
  std::string program_;
  std::vector<pid_t> children_;
};

}  // namespace cs
