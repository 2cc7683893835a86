// The link opener: refused links never start a program, and an opener that fails after starting is
// reported by the next poll.
#include "app/open_url.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace cs;

namespace {
// Polls until the opener has finished (at most 10 s); the last message seen.
std::string wait_for(UrlOpener& o) {
  std::string message;
  for (int i = 0; i < 1000 && o.running() > 0; ++i) {
    if (std::string m = o.poll(); !m.empty()) message = m;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return message;
}
}  // namespace

TEST(OpenUrl, RefusesInvalidLinksWithoutStartingAnything) {
  UrlOpener o{"true"};
  std::string error;
  EXPECT_FALSE(o.open("http://a/\nfile:///etc/passwd", &error));
  EXPECT_EQ(error, "not opened: the link contains a line break at position 10");
  EXPECT_FALSE(o.open("file:///etc/passwd", &error));
  EXPECT_EQ(error, "not opened: the link must start with http:// or https://");
  EXPECT_EQ(o.running(), 0u);
  EXPECT_FALSE(is_openable_url("https://a b"));
  EXPECT_TRUE(is_openable_url("https://example.org/a"));
}

TEST(OpenUrl, AFailingOpenerIsReported) {
  UrlOpener failing{"false"};
  std::string error;
  ASSERT_TRUE(failing.open("https://example.org/", &error)) << error;
  EXPECT_EQ(wait_for(failing), "the link could not be opened: false says the link was not understood");
  UrlOpener fine{"true"};
  ASSERT_TRUE(fine.open("https://example.org/", &error)) << error;
  EXPECT_EQ(wait_for(fine), "");
}

TEST(OpenUrl, AMissingOpenerIsAnErrorAtOnce) {
  UrlOpener o{"chronoscope-no-such-opener"};
  std::string error;
  EXPECT_FALSE(o.open("https://example.org/", &error));
  EXPECT_EQ(error, "cannot start chronoscope-no-such-opener: No such file or directory (install xdg-utils)");
}
