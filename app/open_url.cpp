// posix_spawnp("xdg-open", {"xdg-open", url}) and child reaping.
#include "app/open_url.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstring>
#include <vector>

extern char** environ;

namespace cs {
namespace {
std::vector<pid_t> g_children;  // openers not yet reaped (process-level by nature: children of this process)
}

bool is_openable_url(std::string_view url) {
  const bool scheme = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  const bool clean = std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == ' ';
  });
  return scheme && clean && url.size() > 8;
}

bool open_url(const std::string& url, std::string* error) {
  if (!is_openable_url(url)) {
    if (error) *error = "only http and https links are opened";
    return false;
  }
  std::string prog = "xdg-open";
  std::vector<char*> argv = {prog.data(), const_cast<char*>(url.c_str()), nullptr};
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv.data(), environ);
  if (rc != 0) {
    if (error) *error = std::string{"cannot start xdg-open: "} + std::strerror(rc) + " (install xdg-utils)";
    return false;
  }
  g_children.push_back(pid);
  return true;
}

void reap_url_openers() {
  std::erase_if(g_children, [](pid_t pid) { return waitpid(pid, nullptr, WNOHANG) != 0; });
}

}  // namespace cs
