// Link validation: what passes, and the exact reason for each kind of refusal.
#include "model/url.hpp"

#include <gtest/gtest.h>

using namespace cs;

namespace {
std::string why(std::string_view url) {
  std::string w;
  return is_valid_url(url, &w) ? "valid" : w;
}
}  // namespace

TEST(Url, AcceptsOrdinaryLinks) {
  for (const char* u : {"https://example.org", "http://a/", "HTTPS://Example.org/a/b?x=1&y=%20#frag",
                        "https://user:pw@host:8080/p;q=1", "http://[::1]:80/", "https://de.wikipedia.org/wiki/K\xC3\xB6ln",
                        "https://web.archive.org/web/2015/https://x.org/a(b)", "http://a:/"})
    EXPECT_EQ(why(u), "valid") << u;
  EXPECT_TRUE(is_valid_url("https://a", nullptr));
}

TEST(Url, RefusesWithAReason) {
  EXPECT_EQ(why("ftp://x"), "must start with http:// or https://");
  EXPECT_EQ(why("javascript:alert(1)"), "must start with http:// or https://");
  EXPECT_EQ(why("http://"), "has no host");
  EXPECT_EQ(why("https:///path"), "has no host");
  EXPECT_EQ(why("https://a b"), "contains a space at position 10");
  EXPECT_EQ(why("http://a/\nfile:///etc/passwd"), "contains a line break at position 10");
  EXPECT_EQ(why("http://a/\x1B]0;x"), "contains the control character U+001B at position 10");
  EXPECT_EQ(why("http://a/\tb"), "contains the control character U+0009 at position 10");
  EXPECT_EQ(why("http://a/b|c"), "contains '|' at position 11, which must be written %7C");
  EXPECT_EQ(why("http://a/%zz"), "has a '%' that does not start a %XX escape at position 10");
  EXPECT_EQ(why("http://a/%4"), "has a '%' that does not start a %XX escape at position 10");
  EXPECT_EQ(why("http://a:99999/"), "has port '99999', not a number from 0 to 65535");
  EXPECT_EQ(why("http://a:8x/"), "has port '8x', not a number from 0 to 65535");
  EXPECT_EQ(why("http://a/\xFF"), "is not valid UTF-8 at position 10");
  EXPECT_EQ(why("http://a/\xE2\x80\xAE" "fdp.exe"), "contains the invisible or control character U+202E at position 10");
  EXPECT_EQ(why("http://a/\xC2\xA0"), "contains the invisible or control character U+00A0 at position 10");
  EXPECT_EQ(why("http://[::zz]/"), "contains 'z' in its IPv6 host at position 11");
  EXPECT_EQ(why("http://[zz]/"), "has a bracketed host that is not an IPv6 address at position 9");
  EXPECT_EQ(why("http://[::1/"), "has a '[' with no ']' in its host");
  EXPECT_EQ(why("http://a#b#c"), "contains '#' at position 11, which must be written %23");
}

TEST(Url, RefusesOverlongLinks) {
  const std::string ok = "https://a/" + std::string(kMaxUrlBytes - 10, 'x');
  EXPECT_EQ(why(ok), "valid");
  EXPECT_EQ(why(ok + "x"), "is longer than 4,096 characters (4,097)");
  EXPECT_EQ(why("https://a/" + std::string(200'000, 'x')), "is longer than 4,096 characters (200,010)");
}
