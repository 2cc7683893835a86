// EDTF subset: valid forms keep precision and qualifiers; invalid and impossible dates are rejected.
#include "model/edtf.hpp"

#include <gtest/gtest.h>

using namespace cs;
using namespace date;

namespace {
When ok(std::string_view s) {
  auto r = parse_edtf(s);
  EXPECT_TRUE(r.value) << s << ": " << r.error.message;
  return r.value.value_or(When{});
}
std::string err(std::string_view s) {
  auto r = parse_edtf(s);
  EXPECT_FALSE(r.value) << s;
  return r.error.message;
}
Seconds at(int y, unsigned m, unsigned d) { return Seconds{sys_days{year{y} / m / d}}; }
}  // namespace

TEST(Edtf, YearCoversTheWholeYear) {
  const When w = ok("2015");
  EXPECT_EQ(w.start.precision, Precision::Year);
  EXPECT_EQ(w.begin_time(), at(2015, 1, 1));
  EXPECT_EQ(w.end_time(), at(2016, 1, 1));
  EXPECT_FALSE(w.is_interval());
}

TEST(Edtf, MonthCoversTheMonth) {
  const When w = ok("2016-02");
  EXPECT_EQ(w.start.precision, Precision::Month);
  EXPECT_EQ(w.begin_time(), at(2016, 2, 1));
  EXPECT_EQ(w.end_time(), at(2016, 3, 1));
  EXPECT_EQ(ok("2015-12").end_time(), at(2016, 1, 1));
}

TEST(Edtf, DayCoversTheDay) {
  const When w = ok("2015-11-23");
  EXPECT_EQ(w.start.precision, Precision::Day);
  EXPECT_EQ(w.begin_time(), at(2015, 11, 23));
  EXPECT_EQ(w.end_time(), at(2015, 11, 24));
}

TEST(Edtf, TimeWithZoneIsUtc) {
  EXPECT_EQ(ok("2015-11-23T10:30:00Z").begin_time(), at(2015, 11, 23) + std::chrono::minutes{630});
  EXPECT_EQ(ok("2015-11-23T10:30:00Z").start.precision, Precision::Second);
  EXPECT_EQ(ok("2015-11-23T14:00+03:30").begin_time(), at(2015, 11, 23) + std::chrono::minutes{630});
  EXPECT_EQ(ok("2015-11-23T14:00+03:30").start.precision, Precision::Minute);
}

TEST(Edtf, NegativeAstronomicalYears) {
  const When w = ok("-0500");
  EXPECT_EQ(w.begin_time(), at(-500, 1, 1));
  EXPECT_EQ(w.end_time(), at(-499, 1, 1));
  EXPECT_EQ(year_name(-500), "501 BCE");
  EXPECT_EQ(year_name(0), "1 BCE");
  EXPECT_EQ(ok("-3000-03-01").begin_time(), at(-3000, 3, 1));
}

TEST(Edtf, Qualifiers) {
  EXPECT_TRUE(ok("2014~").start.approximate);
  EXPECT_FALSE(ok("2014~").start.uncertain);
  EXPECT_TRUE(ok("2015-09?").start.uncertain);
  EXPECT_EQ(ok("2015-09?").start.precision, Precision::Month);
  EXPECT_TRUE(ok("2015%").start.uncertain);
  EXPECT_TRUE(ok("2015%").start.approximate);
}

TEST(Edtf, ClosedInterval) {
  const When w = ok("2015-09-30/2016-03-14");
  ASSERT_TRUE(w.end);
  EXPECT_EQ(w.begin_time(), at(2015, 9, 30));
  EXPECT_EQ(w.end_time(), at(2016, 3, 15));
  EXPECT_TRUE(w.is_interval());
  EXPECT_EQ(ok("2015/2016-03").end_time(), at(2016, 4, 1));
}

TEST(Edtf, OpenInterval) {
  const When w = ok("2015-09-30/..");
  EXPECT_TRUE(w.open_end);
  EXPECT_EQ(w.end_time(), Seconds::max());
}

TEST(Edtf, LeapDays) {
  ok("2016-02-29");
  ok("2000-02-29");
  EXPECT_EQ(err("1900-02-29"), "impossible date '1900-02-29': February 1900 has no day 29");
}

TEST(Edtf, InvalidForms) {
  EXPECT_EQ(err("2017-02-30"), "impossible date '2017-02-30': February 2017 has no day 30");
  EXPECT_EQ(err("2015-13"), "invalid date '2015-13': month must be 01 to 12");
  EXPECT_EQ(err("15"), "malformed date '15': expected a four-digit year such as 2015 or -0500");
  EXPECT_EQ(err("20155"), "malformed date '20155': expected a four-digit year such as 2015 or -0500");
  EXPECT_EQ(err("2015-1"), "malformed date '2015-1': expected -MM after the year");
  EXPECT_EQ(err("2015-11-23T25:00Z"), "invalid date '2015-11-23T25:00Z': time of day out of range");
  EXPECT_EQ(err("2015-11-23x"), "malformed date '2015-11-23x': unexpected 'x'");
  EXPECT_EQ(err("May 2015"), "malformed date 'May 2015': expected a four-digit year such as 2015 or -0500");
  EXPECT_EQ(err(""), "empty date");
  EXPECT_EQ(err("-0000"), "malformed date '-0000': year -0000 is not allowed, write 0000");
}

TEST(Edtf, IntervalErrors) {
  EXPECT_EQ(err("2016-03-14/2015-09-30"), "interval '2016-03-14/2015-09-30' ends before it starts");
  EXPECT_EQ(err("../2015"), "interval '../2015' needs a known start (open starts are not supported)");
  EXPECT_EQ(err("2015/2017-02-30"), "impossible date '2017-02-30': February 2017 has no day 30");
}

TEST(Edtf, DescribeAtPrecision) {
  EXPECT_EQ(describe(ok("2015-11-23")), "Monday, 23 November 2015");
  EXPECT_EQ(describe(ok("2015-09")), "September 2015");
  EXPECT_EQ(describe(ok("1979")), "1979");
  EXPECT_EQ(describe(ok("-0500~")), "about 501 BCE");
  EXPECT_EQ(describe(ok("2015-09?")), "September 2015 (uncertain)");
  EXPECT_EQ(describe(ok("2015-11-23T10:30Z")), "10:30 UTC, Monday, 23 November 2015");
  EXPECT_EQ(describe(ok("2015-09-30/..")), "Wednesday, 30 September 2015 – ongoing");
}
