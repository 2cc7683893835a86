// posix_spawnp(program, {program, url}) and non-blocking reaping with the exit status read.
#include "app/open_url.hpp"

#include "model/url.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cstring>

extern char** environ;

namespace cs {
namespace {

// What xdg-open's exit statuses mean (xdg-open(1)).
std::string exit_meaning(int status) {
  switch (status) {
    case 1: return "the link was not understood";
    case 2: return "the link's target does not exist";
    case 3: return "no program to open it was found (install a web browser)";
    case 4: return "the browser failed to open it";
    default: return "exit status " + std::to_string(status);
  }
}

}  // namespace

bool is_openable_url(std::string_view url) { return is_valid_url(url, nullptr); }

bool UrlOpener::open(const std::string& url, std::string* error) {
  if (std::string why; !is_valid_url(url, &why)) {
    if (error) *error = "not opened: the link " + why;
    return false;
  }
  std::vector<char*> argv = {program_.data(), const_cast<char*>(url.c_str()), nullptr};
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, program_.c_str(), nullptr, nullptr, argv.data(), environ);
  if (rc != 0) {
    if (error) *error = "cannot start " + program_ + ": " + std::strerror(rc) + " (install xdg-utils)";
    return false;
  }
  children_.push_back(pid);
  return true;
}

std::string UrlOpener::poll() {
  std::string message;
  std::erase_if(children_, [&](pid_t pid) {
    int status = 0;
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == 0) return false;  // still running
    if (r == pid && WIFEXITED(status) && WEXITSTATUS(status) != 0)
      message = "the link could not be opened: " + program_ + " says " + exit_meaning(WEXITSTATUS(status));
    else if (r == pid && WIFSIGNALED(status))
      message = "the link could not be opened: " + program_ + " was stopped by signal " + std::to_string(WTERMSIG(status));
    return true;
  });
  return message;
}

}  // namespace cs
