// Running the real chronoscope binary from a test: its exit status and what it printed.
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace cs::test {

struct RunResult {
  int status = -1;
  std::string out;  // stdout and stderr together
};

// `redirect` is the shell's: by default stderr joins stdout.
inline RunResult run(const std::string& args, const std::string& redirect = " 2>&1") {
  RunResult r;
  const std::string cmd = std::string{CS_BINARY} + " " + args + redirect;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

}  // namespace cs::test
