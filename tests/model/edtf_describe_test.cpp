// What describe() writes for each EDTF form: the date in words, exactly as precise as it is known.
#include "model/edtf.hpp"

#include <gtest/gtest.h>

using namespace cs;

namespace {
std::string words(std::string_view s) {
  const auto r = parse_edtf(s);
  EXPECT_TRUE(r.value) << s << ": " << r.error.message;
  return r.value ? describe(*r.value) : "";
}
}  // namespace

TEST(EdtfDescribe, AtPrecision) {
  EXPECT_EQ(words("2015-11-23"), "Monday, 23 November 2015");
  EXPECT_EQ(words("2015-09"), "September 2015");
  EXPECT_EQ(words("1979"), "1979");
  EXPECT_EQ(words("-0500"), "501 BCE");
  EXPECT_EQ(words("0000"), "1 BCE");
  EXPECT_EQ(words("1970-01-01"), "Thursday, 1 January 1970");
  EXPECT_EQ(words("1969-12-31"), "Wednesday, 31 December 1969");
}

TEST(EdtfDescribe, Times) {
  EXPECT_EQ(words("2015-11-23T10:30Z"), "10:30 UTC, Monday, 23 November 2015");
  EXPECT_EQ(words("2015-11-23T10:30:05Z"), "10:30:05 UTC, Monday, 23 November 2015");
  EXPECT_EQ(words("2015-11-23T01:30+03:00"), "22:30 UTC, Sunday, 22 November 2015");
}

TEST(EdtfDescribe, WholeDateQualifiers) {
  EXPECT_EQ(words("-0500~"), "about 501 BCE");
  EXPECT_EQ(words("2015-09?"), "September 2015 (uncertain)");
  EXPECT_EQ(words("2015-11-23%"), "perhaps about Monday, 23 November 2015");
  EXPECT_EQ(words("?2015"), "2015 (uncertain)");
  EXPECT_EQ(words("2004?-06?-11?"), "Friday, 11 June 2004 (uncertain)");  // every part: the whole date
}

TEST(EdtfDescribe, QualifiersOnParts) {
  EXPECT_EQ(words("2004?-06-11"), "11 June 2004, the year uncertain");
  EXPECT_EQ(words("2004-06~-11"), "11 June 2004, the year and month approximate");
  EXPECT_EQ(words("?2004-06-~11"), "11 June 2004, the year uncertain, the day approximate");
  EXPECT_EQ(words("2004-%06-11"), "11 June 2004, the month uncertain and approximate");
  EXPECT_EQ(words("?2004-06-11~"), "about 11 June 2004, the year uncertain");
  EXPECT_EQ(words("2004-?06"), "June 2004, the month uncertain");
}

TEST(EdtfDescribe, AQualifiedDateBuiltByHand) {  // as the event store rebuilds it: flags, no parts
  Date d = *parse_edtf_date("2015-09");
  d.uncertain = true;
  EXPECT_EQ(describe(d), "September 2015 (uncertain)");
}

TEST(EdtfDescribe, UnspecifiedYears) {
  EXPECT_EQ(words("201X"), "some year in the 2010s");
  EXPECT_EQ(words("19XX"), "some year from 1900 to 1999");
  EXPECT_EQ(words("XXXX"), "some year from 1 BCE to 9999");
  EXPECT_EQ(words("-19XX"), "some year from 2000 BCE to 1901 BCE");
  EXPECT_EQ(words("X984"), "some year matching X984 (984 to 9984)");
}

TEST(EdtfDescribe, UnspecifiedMonthsAndDays) {
  EXPECT_EQ(words("2004-XX"), "some month of 2004");
  EXPECT_EQ(words("1984-1X"), "October, November or December of 1984");
  EXPECT_EQ(words("2004-0X"), "some month from January to September of 2004");
  EXPECT_EQ(words("2004-X3"), "March 2004");
  EXPECT_EQ(words("1985-04-XX"), "some day in April 1985");
  EXPECT_EQ(words("1985-XX-XX"), "some day in 1985");
  EXPECT_EQ(words("1985-04-1X"), "some day from 10 to 19 April 1985");
  EXPECT_EQ(words("2004-02-X9"), "9, 19 or 29 February 2004");
  EXPECT_EQ(words("2004-XX-15"), "day 15 of some month of 2004");
}

TEST(EdtfDescribe, UnspecifiedYearWithKnownDay) {
  EXPECT_EQ(words("156X-12-25"), "25 December of some year in the 1560s");
  EXPECT_EQ(words("XXXX-12-XX"), "some day in December of some year from 1 BCE to 9999");
  EXPECT_EQ(words("1XXX-12"), "December of some year from 1000 to 1999");
}

TEST(EdtfDescribe, Seasons) {
  EXPECT_EQ(words("2001-21"), "spring 2001");
  EXPECT_EQ(words("2001-22"), "summer 2001");
  EXPECT_EQ(words("2001-23"), "autumn 2001");
  EXPECT_EQ(words("2001-24"), "winter 2001–2002");
  EXPECT_EQ(words("2001-26"), "summer 2001 (northern hemisphere)");
  EXPECT_EQ(words("2001-30"), "summer 2001–2002 (southern hemisphere)");
  EXPECT_EQ(words("2001-32"), "winter 2001 (southern hemisphere)");
  EXPECT_EQ(words("-0500-21"), "spring 501 BCE");
}

TEST(EdtfDescribe, QuartersQuadrimestersHalves) {
  EXPECT_EQ(words("2001-33"), "first quarter of 2001");
  EXPECT_EQ(words("2001-36"), "fourth quarter of 2001");
  EXPECT_EQ(words("2001-37"), "January to April 2001");
  EXPECT_EQ(words("2001-39"), "September to December 2001");
  EXPECT_EQ(words("2001-40"), "first half of 2001");
  EXPECT_EQ(words("2001-41"), "second half of 2001");
}

TEST(EdtfDescribe, LongYears) {
  EXPECT_EQ(words("Y170000"), "170,000");
  EXPECT_EQ(words("Y-17000"), "17,001 BCE");
  EXPECT_EQ(words("Y-17E7"), "170,000,001 BCE");
}

TEST(EdtfDescribe, ClosedIntervals) {
  EXPECT_EQ(words("2015-09-30/2016-03-14"), "Wednesday, 30 September 2015 – Monday, 14 March 2016");
  EXPECT_EQ(words("201X/2015"), "some year in the 2010s – 2015");
}

TEST(EdtfDescribe, OpenAndUnknownEnds) {
  EXPECT_EQ(words("2015-09-30/.."), "Wednesday, 30 September 2015 – ongoing");
  EXPECT_EQ(words("2004-06/"), "from June 2004, end unknown");
  EXPECT_EQ(words("/2006"), "until 2006, start unknown");
  EXPECT_EQ(words("../2006"), "until 2006, open start");
}

TEST(EdtfDescribe, OneOfSets) {
  EXPECT_EQ(words("[2018-05-28,2018-05-29]"), "one of 28 or 29 May 2018");
  EXPECT_EQ(words("[1667,1668,1670..1672]"), "one of 1667, 1668 or 1670 to 1672");
  EXPECT_EQ(words("[1667,1760-12]"), "one of 1667 or December 1760");
  EXPECT_EQ(words("[2018-05-28,2018-06-02]"), "one of Monday, 28 May 2018 or Saturday, 2 June 2018");
  EXPECT_EQ(words("[1984?,1985]"), "one of 1984 (uncertain) or 1985");
  EXPECT_EQ(words("[1760-01..1760-12]"), "one of January to December 1760");
}

TEST(EdtfDescribe, AllOfSets) {
  EXPECT_EQ(words("{1960,1961}"), "every one of 1960 and 1961");
  EXPECT_EQ(words("{1960,1961-12}"), "every one of 1960 and December 1961");
  EXPECT_EQ(words("{1667,1668,1670..1672}"), "every one of 1667, 1668 and 1670 to 1672");
  EXPECT_EQ(words("{1760-01..1760-12}"), "every one of January to December 1760");
}

TEST(EdtfDescribe, EarlierAndLaterMembers) {
  EXPECT_EQ(words("[..1760-12-03]"), "3 December 1760 or some earlier date");
  EXPECT_EQ(words("[1760-12..]"), "December 1760 or some later date");
  EXPECT_EQ(words("[1760-01,1760-02,1760-12..]"), "one of January, February or December 1760, or some later date");
  EXPECT_EQ(words("{..1984}"), "1984 and every earlier date");
}

TEST(EdtfDescribe, YearNames) {
  EXPECT_EQ(year_name(2015), "2015");
  EXPECT_EQ(year_name(0), "1 BCE");
  EXPECT_EQ(year_name(-500), "501 BCE");
  EXPECT_EQ(year_name(-9998), "9999 BCE");
  EXPECT_EQ(year_name(-9999), "10,000 BCE");
  EXPECT_EQ(year_name(99'999'999'999), "99,999,999,999");
}
