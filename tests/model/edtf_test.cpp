// EDTF parser: the span (start, end, precision) of every valid form per level, the exact message of every
// invalid one, and the fields the new forms fill (per-part qualifiers, interval bounds, sets).
#include "model/edtf.hpp"

#include <gtest/gtest.h>

using namespace cs;

namespace {

struct Valid {
  const char* text;
  const char* begin;  // format_iso of begin_time(), or "min"
  const char* end;    // format_iso of end_time(), or "max"
  Precision precision;  // of When::start
};

struct Invalid {
  const char* text;
  const char* message;
};

std::string iso(Seconds t) {
  if (t == Seconds::min()) return "min";
  if (t == Seconds::max()) return "max";
  return format_iso(t);
}

When ok(std::string_view s) {
  auto r = parse_edtf(s);
  EXPECT_TRUE(r.value) << s << ": " << r.error.message;
  return r.value.value_or(When{});
}

void expect_valid(std::initializer_list<Valid> rows) {
  for (const Valid& v : rows) {
    SCOPED_TRACE(v.text);
    const auto r = parse_edtf(v.text);
    ASSERT_TRUE(r.value) << r.error.message;
    EXPECT_EQ(iso(r.value->begin_time()), v.begin);
    EXPECT_EQ(iso(r.value->end_time()), v.end);
    EXPECT_EQ(r.value->start.precision, v.precision);
  }
}

void expect_invalid(std::initializer_list<Invalid> rows) {
  for (const Invalid& v : rows) {
    SCOPED_TRACE(v.text);
    const auto r = parse_edtf(v.text);
    EXPECT_FALSE(r.value);
    EXPECT_EQ(r.error.message, v.message);
  }
}

constexpr auto Y = Precision::Year, M = Precision::Month, D = Precision::Day, Mi = Precision::Minute,
               S = Precision::Second;

}  // namespace

TEST(Edtf, PrecisionKeepsItsStoredNumbers) {
  EXPECT_EQ(int(Precision::Year), 0);
  EXPECT_EQ(int(Precision::Month), 1);
  EXPECT_EQ(int(Precision::Day), 2);
  EXPECT_EQ(int(Precision::Minute), 3);
  EXPECT_EQ(int(Precision::Second), 4);
}

TEST(Edtf, Level0Spans) {
  expect_valid({
      {"2015", "2015-01-01T00:00:00Z", "2016-01-01T00:00:00Z", Y},
      {"2016-02", "2016-02-01T00:00:00Z", "2016-03-01T00:00:00Z", M},
      {"2015-12", "2015-12-01T00:00:00Z", "2016-01-01T00:00:00Z", M},
      {"2015-11-23", "2015-11-23T00:00:00Z", "2015-11-24T00:00:00Z", D},
      {"2016-02-29", "2016-02-29T00:00:00Z", "2016-03-01T00:00:00Z", D},
      {"2000-02-29", "2000-02-29T00:00:00Z", "2000-03-01T00:00:00Z", D},
      {"0000", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", Y},
      {"-0500", "-0500-01-01T00:00:00Z", "-0499-01-01T00:00:00Z", Y},
      {"-3000-03-01", "-3000-03-01T00:00:00Z", "-3000-03-02T00:00:00Z", D},
      {"2015-11-23T10:30Z", "2015-11-23T10:30:00Z", "2015-11-23T10:31:00Z", Mi},
      {"2015-11-23T10:30", "2015-11-23T10:30:00Z", "2015-11-23T10:31:00Z", Mi},  // no offset: UTC
      {"2015-11-23T10:30:00Z", "2015-11-23T10:30:00Z", "2015-11-23T10:30:01Z", S},
      {"2015-11-23T10:30:00.75Z", "2015-11-23T10:30:00Z", "2015-11-23T10:30:01Z", S},  // the whole second
      {"2015-11-23T14:00+03:30", "2015-11-23T10:30:00Z", "2015-11-23T10:31:00Z", Mi},
      {"2015-11-23T10:30:00+14:00", "2015-11-22T20:30:00Z", "2015-11-22T20:30:01Z", S},
      {"2015-11-23T10:30:00-12:00", "2015-11-23T22:30:00Z", "2015-11-23T22:30:01Z", S},
      {"2015-11-23T10:30:00+05", "2015-11-23T05:30:00Z", "2015-11-23T05:30:01Z", S},
      {"2015-11-23T10:30:00+0530", "2015-11-23T05:00:00Z", "2015-11-23T05:00:01Z", S},
      {"2015-11-23T10:30:00\u221205:00", "2015-11-23T15:30:00Z", "2015-11-23T15:30:01Z", S},  // U+2212
      {"2015-11-23T24:00Z", "2015-11-24T00:00:00Z", "2015-11-24T00:01:00Z", Mi},
      {"2015-09-30/2016-03-14", "2015-09-30T00:00:00Z", "2016-03-15T00:00:00Z", D},
      {"2015/2016-03", "2015-01-01T00:00:00Z", "2016-04-01T00:00:00Z", Y},
      {"2015-06/2015", "2015-06-01T00:00:00Z", "2016-01-01T00:00:00Z", M},
      {"2004-06-11/2004-06-11", "2004-06-11T00:00:00Z", "2004-06-12T00:00:00Z", D},
  });
}

TEST(Edtf, Level0Errors) {
  expect_invalid({
      {"", "empty date"},
      {"15", "malformed date '15': expected a four-digit year such as 2015 or -0500 (write some year of a "
             "century as 19XX, of a decade as 201X)"},
      {"20155", "malformed date '20155': expected a four-digit year such as 2015 or -0500 (write a longer "
                "year as Y17000)"},
      {"May 2015", "malformed date 'May 2015': expected a four-digit year such as 2015 or -0500"},
      {"2015-1", "malformed date '2015-1': expected -MM after the year"},
      {"2015x", "malformed date '2015x': expected -MM after the year"},
      {"2015-11T10:00Z", "malformed date '2015-11T10:00Z': expected -DD after the month"},
      {"2015-11-23x", "malformed date '2015-11-23x': unexpected 'x'"},
      {"2015-13", "invalid date '2015-13': month must be 01 to 12"},
      {"2015-00", "invalid date '2015-00': month must be 01 to 12"},
      {"2017-02-30", "impossible date '2017-02-30': February 2017 has no day 30"},
      {"2017-02-29", "impossible date '2017-02-29': February 2017 has no day 29"},
      {"1900-02-29", "impossible date '1900-02-29': February 1900 has no day 29"},
      {"-0001-02-29", "impossible date '-0001-02-29': February 2 BCE has no day 29"},
      {"2015-01-32", "impossible date '2015-01-32': January 2015 has no day 32"},
      {"-0000", "malformed date '-0000': year -0000 is not allowed, write 0000"},
      {"2015-11-23T25:00Z", "invalid date '2015-11-23T25:00Z': time of day out of range"},
      {"2015-11-23T24:00:01Z", "invalid date '2015-11-23T24:00:01Z': time of day out of range"},
      {"2015-11-23T10", "malformed date '2015-11-23T10': expected THH:MM after the day"},
      {"2015-11-23T10:30:", "malformed date '2015-11-23T10:30:': expected :SS"},
      {"2015-11-23T10:30:00.Z", "malformed date '2015-11-23T10:30:00.Z': expected digits after the decimal point"},
      {"2015-12-31T23:59:60Z", "invalid date '2015-12-31T23:59:60Z': leap seconds (:60) are not supported: time "
                               "is counted as in Unix time, without them"},
      {"2015-11-23T10:30:00+14:01", "invalid date '2015-11-23T10:30:00+14:01': zone offset +14:01 is out of "
                                    "range (offsets run from -12:00 to +14:00)"},
      {"2015-11-23T10:30:00-12:30", "invalid date '2015-11-23T10:30:00-12:30': zone offset -12:30 is out of "
                                    "range (offsets run from -12:00 to +14:00)"},
      {"2015-11-23T10:30:00+05:60", "invalid date '2015-11-23T10:30:00+05:60': zone offset +05:60 is out of "
                                    "range (offsets run from -12:00 to +14:00)"},
      {"2015-11-23T10:30:00-00:00",
       "invalid date '2015-11-23T10:30:00-00:00': zone offset -00:00 is not allowed: write Z or +00:00"},
      {"2015-11-23T10:30:00+3", "malformed date '2015-11-23T10:30:00+3': expected a zone offset such as +03:30"},
      {"2016-03-14/2015-09-30", "interval '2016-03-14/2015-09-30' ends before it starts"},
      {"2015-11-23T10:00Z/2015-11-23T09:00Z", "interval '2015-11-23T10:00Z/2015-11-23T09:00Z' ends before it starts"},
      {"2015/2017-02-30", "impossible date '2017-02-30': February 2017 has no day 30"},
      {"2015/2016/2017", "malformed interval '2015/2016/2017': more than one '/'"},
  });
}

TEST(Edtf, Level1Spans) {
  expect_valid({
      {"2015?", "2015-01-01T00:00:00Z", "2016-01-01T00:00:00Z", Y},
      {"2015-09~", "2015-09-01T00:00:00Z", "2015-10-01T00:00:00Z", M},
      {"2015-09-30%", "2015-09-30T00:00:00Z", "2015-10-01T00:00:00Z", D},
      {"201X", "2010-01-01T00:00:00Z", "2020-01-01T00:00:00Z", Y},
      {"19XX", "1900-01-01T00:00:00Z", "2000-01-01T00:00:00Z", Y},
      {"XXXX", "0000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", Y},
      {"-19XX", "-1999-01-01T00:00:00Z", "-1899-01-01T00:00:00Z", Y},
      {"-000X", "-0009-01-01T00:00:00Z", "0000-01-01T00:00:00Z", Y},  // -0000 is no year
      {"2004-XX", "2004-01-01T00:00:00Z", "2005-01-01T00:00:00Z", Y},
      {"1985-04-XX", "1985-04-01T00:00:00Z", "1985-05-01T00:00:00Z", M},
      {"1985-02-XX", "1985-02-01T00:00:00Z", "1985-03-01T00:00:00Z", M},
      {"1985-XX-XX", "1985-01-01T00:00:00Z", "1986-01-01T00:00:00Z", Y},
      {"2001-21", "2001-03-01T00:00:00Z", "2001-06-01T00:00:00Z", M},
      {"2001-22", "2001-06-01T00:00:00Z", "2001-09-01T00:00:00Z", M},
      {"2001-23", "2001-09-01T00:00:00Z", "2001-12-01T00:00:00Z", M},
      {"2001-24", "2001-12-01T00:00:00Z", "2002-03-01T00:00:00Z", M},
      {"-0001-24", "-0001-12-01T00:00:00Z", "0000-03-01T00:00:00Z", M},
      {"Y170000", "170000-01-01T00:00:00Z", "170001-01-01T00:00:00Z", Y},
      {"Y-17000", "-17000-01-01T00:00:00Z", "-16999-01-01T00:00:00Z", Y},
      {"Y40000", "40000-01-01T00:00:00Z", "40001-01-01T00:00:00Z", Y},
      {"Y99999999999", "99999999999-01-01T00:00:00Z", "100000000000-01-01T00:00:00Z", Y},
      {"Y-99999999999", "-99999999999-01-01T00:00:00Z", "-99999999998-01-01T00:00:00Z", Y},
      {"/2006", "2006-01-01T00:00:00Z", "2007-01-01T00:00:00Z", D},  // start unused: Date{}
      {"2004-06-11/", "2004-06-11T00:00:00Z", "2004-06-12T00:00:00Z", D},
      {"2015/", "2015-01-01T00:00:00Z", "2016-01-01T00:00:00Z", Y},
      {"../2006", "min", "2007-01-01T00:00:00Z", D},
      {"2004-06-11/..", "2004-06-11T00:00:00Z", "max", D},
      {"../1985-04-12", "min", "1985-04-13T00:00:00Z", D},
      {"1984~/2004-06", "1984-01-01T00:00:00Z", "2004-07-01T00:00:00Z", Y},
      {"1984?/2004%", "1984-01-01T00:00:00Z", "2005-01-01T00:00:00Z", Y},
  });
}

TEST(Edtf, Level1Errors) {
  expect_invalid({
      {"2001-20", "invalid date '2001-20': month must be 01 to 12"},
      {"2001-42", "invalid date '2001-42': month must be 01 to 12"},
      {"2001-21-05", "malformed date '2001-21-05': a season (21 to 41) has no day"},
      {"2001-21?", "malformed date '2001-21?': a season takes no qualifier"},
      {"201X-21", "malformed date '201X-21': a season takes no unspecified digits (X)"},
      {"201X?", "malformed date '201X?': a date with unspecified digits (X) takes no qualifier"},
      {"1985-04-XXT10:00Z", "malformed date '1985-04-XXT10:00Z': a date with unspecified digits (X) takes no time"},
      {"2004-2X", "invalid date '2004-2X': month must be 01 to 12"},
      {"2004-01-4X", "invalid date '2004-01-4X': day must be 01 to 31"},
      {"-0000-XX", "malformed date '-0000-XX': year -0000 is not allowed, write 0000"},
      {"Y1700", "malformed date 'Y1700': a Y-prefixed year has more than four digits (write 1700 without the Y)"},
      {"Y017000", "malformed date 'Y017000': a Y-prefixed year has no leading zero"},
      {"Y", "malformed date 'Y': expected the digits of a year after Y"},
      {"Y100000000000", "invalid date 'Y100000000000': year out of range: years run from -99,999,999,999 to "
                        "99,999,999,999"},
      {"Y17000?", "malformed date 'Y17000?': a Y-prefixed year takes no qualifier"},
      {"Y17000-05", "malformed date 'Y17000-05': a Y-prefixed year has no month or day"},
      {"/", "interval '/' has no date: at least one end must be a date"},
      {"../..", "interval '../..' has no date: at least one end must be a date"},
      {"/..", "interval '/..' has no date: at least one end must be a date"},
      {"../", "interval '../' has no date: at least one end must be a date"},
      {"2001-21/2001-23",
       "interval '2001-21/2001-23': a season cannot be an interval end (write its months: 2001-03/2001-05)"},
      {"Y-17000/2000", "interval 'Y-17000/2000': a Y-prefixed year cannot be an interval end"},
      {"2015/[2016,2017]", "interval '2015/[2016,2017]': a set cannot be an interval end"},
  });
}

TEST(Edtf, Level2Spans) {
  expect_valid({
      {"2004?-06-11", "2004-06-11T00:00:00Z", "2004-06-12T00:00:00Z", D},
      {"?2015", "2015-01-01T00:00:00Z", "2016-01-01T00:00:00Z", Y},
      {"?-2004", "-2004-01-01T00:00:00Z", "-2003-01-01T00:00:00Z", Y},
      {"2004-06~-11", "2004-06-11T00:00:00Z", "2004-06-12T00:00:00Z", D},
      {"?2004-06-~11", "2004-06-11T00:00:00Z", "2004-06-12T00:00:00Z", D},
      {"156X-12-25", "1560-12-25T00:00:00Z", "1569-12-26T00:00:00Z", D},
      {"15XX-12-25", "1500-12-25T00:00:00Z", "1599-12-26T00:00:00Z", D},
      {"XXXX-12-XX", "0000-12-01T00:00:00Z", "10000-01-01T00:00:00Z", M},
      {"1XXX-12", "1000-12-01T00:00:00Z", "2000-01-01T00:00:00Z", M},
      {"1984-1X", "1984-10-01T00:00:00Z", "1985-01-01T00:00:00Z", M},
      {"2004-X3", "2004-03-01T00:00:00Z", "2004-04-01T00:00:00Z", M},
      {"2004-XX-31", "2004-01-31T00:00:00Z", "2005-01-01T00:00:00Z", D},
      {"2004-02-X9", "2004-02-09T00:00:00Z", "2004-03-01T00:00:00Z", D},
      {"2005-02-X9", "2005-02-09T00:00:00Z", "2005-02-20T00:00:00Z", D},  // no 29 February 2005
      {"XXXX-02-29", "0000-02-29T00:00:00Z", "9996-03-01T00:00:00Z", D},
      {"2001-25", "2001-03-01T00:00:00Z", "2001-06-01T00:00:00Z", M},
      {"2001-28", "2001-12-01T00:00:00Z", "2002-03-01T00:00:00Z", M},
      {"2001-29", "2001-09-01T00:00:00Z", "2001-12-01T00:00:00Z", M},
      {"2001-30", "2001-12-01T00:00:00Z", "2002-03-01T00:00:00Z", M},
      {"2001-31", "2001-03-01T00:00:00Z", "2001-06-01T00:00:00Z", M},
      {"2001-32", "2001-06-01T00:00:00Z", "2001-09-01T00:00:00Z", M},
      {"2001-33", "2001-01-01T00:00:00Z", "2001-04-01T00:00:00Z", M},
      {"2001-36", "2001-10-01T00:00:00Z", "2002-01-01T00:00:00Z", M},
      {"2001-37", "2001-01-01T00:00:00Z", "2001-05-01T00:00:00Z", M},
      {"2001-38", "2001-05-01T00:00:00Z", "2001-09-01T00:00:00Z", M},
      {"2001-39", "2001-09-01T00:00:00Z", "2002-01-01T00:00:00Z", M},
      {"2001-40", "2001-01-01T00:00:00Z", "2001-07-01T00:00:00Z", M},
      {"2001-41", "2001-07-01T00:00:00Z", "2002-01-01T00:00:00Z", M},
      {"Y-17E7", "-170000000-01-01T00:00:00Z", "-169999999-01-01T00:00:00Z", Y},
      {"Y17E3", "17000-01-01T00:00:00Z", "17001-01-01T00:00:00Z", Y},
      {"201X/2015", "2010-01-01T00:00:00Z", "2016-01-01T00:00:00Z", Y},
      {"2004-06-XX/2004-07-03", "2004-06-01T00:00:00Z", "2004-07-04T00:00:00Z", M},
      {"2004-06-~01/2004-06-~20", "2004-06-01T00:00:00Z", "2004-06-21T00:00:00Z", D},
      {"[2018-05-28,2018-05-29]", "2018-05-28T00:00:00Z", "2018-05-30T00:00:00Z", D},
      {"{1960,1961}", "1960-01-01T00:00:00Z", "1962-01-01T00:00:00Z", Y},
      {"[1760-01..1760-12]", "1760-01-01T00:00:00Z", "1761-01-01T00:00:00Z", M},
      {"[..1760-12-03]", "min", "1760-12-04T00:00:00Z", D},
      {"[1760-12..]", "1760-12-01T00:00:00Z", "max", M},
      {"[1760-01,1760-02,1760-12..]", "1760-01-01T00:00:00Z", "max", M},
      {"[1667,1668,1670..1672]", "1667-01-01T00:00:00Z", "1673-01-01T00:00:00Z", Y},
      {"{1960,1961-12}", "1960-01-01T00:00:00Z", "1962-01-01T00:00:00Z", Y},
      {"[1667,1760-12]", "1667-01-01T00:00:00Z", "1761-01-01T00:00:00Z", Y},
      {"[1668,1667]", "1667-01-01T00:00:00Z", "1669-01-01T00:00:00Z", Y},
      {"[1960-05,1960]", "1960-01-01T00:00:00Z", "1961-01-01T00:00:00Z", Y},
      {"[1667 , 1668]", "1667-01-01T00:00:00Z", "1669-01-01T00:00:00Z", Y},
      {"[1984?,1985]", "1984-01-01T00:00:00Z", "1986-01-01T00:00:00Z", Y},
      {"[201X,1990-XX]", "1990-01-01T00:00:00Z", "2020-01-01T00:00:00Z", Y},
      {"{..1984}", "min", "1985-01-01T00:00:00Z", Y},
      {"[..1984..]", "min", "max", Y},
  });
}

TEST(Edtf, Level2Errors) {
  expect_invalid({
      {"?2004?", "malformed date '?2004?': a year alone takes one qualifier, before or after it (% is both)"},
      {"-?2004", "malformed date '-?2004': a qualifier goes before the minus sign (?-2004)"},
      {"2004?\?", "malformed date '2004?\?': expected -MM after the year"},
      {"2015-11-23?T10:30Z", "malformed date '2015-11-23?T10:30Z': a date with a time takes its qualifier after "
                             "the time"},
      {"156X?-12-25", "malformed date '156X?-12-25': a date with unspecified digits (X) takes no qualifier"},
      {"XXX1-02-29", "impossible date 'XXX1-02-29': no calendar date matches it"},
      {"2004-02-3X", "impossible date '2004-02-3X': no calendar date matches it"},
      {"2004-X4-31", "impossible date '2004-X4-31': no calendar date matches it"},
      {"1950S2", "malformed date '1950S2': significant digits (S) are not supported"},
      {"Y-0E5", "malformed date 'Y-0E5': year -0 is not allowed"},
      {"Y1E99", "invalid date 'Y1E99': year out of range: years run from -99,999,999,999 to 99,999,999,999"},
      {"[]", "set '[]' has no members"},
      {"[..]", "set '[..]' has no members"},
      {"[1667,]", "malformed set '[1667,]': an empty member"},
      {"[ 1667]", "malformed set '[ 1667]': a space stands only next to a comma"},
      {"{1960,1961]", "malformed set '{1960,1961]': expected '}' at the end"},
      {"[1667,1668]/1670", "malformed set '[1667,1668]/1670': expected ']' at the end"},
      {"[1670..1668]", "set '[1670..1668]': the range '1670..1668' runs backwards"},
      {"[1760-01..1760-12-03]",
       "set '[1760-01..1760-12-03]': a range joins two plain dates of one precision ('1760-01..1760-12-03')"},
      {"[1984?..1986]", "set '[1984?..1986]': a range joins two plain dates of one precision ('1984?..1986')"},
      {"[1984..,1990]",
       "malformed set '[1984..,1990]': '..' stands at the start or end of a set, or between two dates"},
      {"[2015-11-23T10:30Z]", "set '[2015-11-23T10:30Z]': a date with a time cannot be a member"},
      {"[2001-21]", "set '[2001-21]': a season cannot be a member"},
      {"[Y17000]", "set '[Y17000]': a Y-prefixed year cannot be a member"},
      {"[1667,2017-02-29]", "impossible date '2017-02-29': February 2017 has no day 29"},
  });
}

TEST(Edtf, UnspecifiedDigitsCoverLikeTheirInterval) {  // 201X draws exactly like 2010/2019
  for (const auto& [masked, interval] : {std::pair{"201X", "2010/2019"}, std::pair{"19XX", "1900/1999"},
                                         std::pair{"1985-04-XX", "1985-04-01/1985-04-30"},
                                         std::pair{"156X-12-25", "1560-12-25/1569-12-25"}}) {
    EXPECT_EQ(ok(masked).begin_time(), ok(interval).begin_time()) << masked;
    EXPECT_EQ(ok(masked).end_time(), ok(interval).end_time()) << masked;
  }
}

TEST(Edtf, QualifiersNameTheirParts) {
  const auto parts = [](std::string_view s) {
    const Date d = ok(s).start;
    return std::pair{int(d.uncertain_parts), int(d.approximate_parts)};
  };
  EXPECT_EQ(parts("2004?-06-11"), std::pair(int(kYearPart), 0));
  EXPECT_EQ(parts("2004-06~-11"), std::pair(0, int(kYearPart | kMonthPart)));
  EXPECT_EQ(parts("?2004-06-~11"), std::pair(int(kYearPart), int(kDayPart)));
  EXPECT_EQ(parts("2004-%06-11"), std::pair(int(kMonthPart), int(kMonthPart)));
  EXPECT_EQ(parts("2004-06-11?"), std::pair(int(kYearPart | kMonthPart | kDayPart), 0));
  EXPECT_EQ(parts("2015-09?"), std::pair(int(kYearPart | kMonthPart), 0));
  EXPECT_EQ(parts("?2015"), std::pair(int(kYearPart), 0));
  EXPECT_EQ(parts("2015-11-23T10:30Z~"), std::pair(0, int(kYearPart | kMonthPart | kDayPart)));
  EXPECT_TRUE(ok("2004?-06-11").start.uncertain);
  EXPECT_FALSE(ok("2004?-06-11").start.approximate);
  EXPECT_TRUE(ok("2015%").start.uncertain);
  EXPECT_TRUE(ok("2015%").start.approximate);
  EXPECT_FALSE(ok("2015").start.uncertain || ok("2015").start.approximate);
}

TEST(Edtf, UnspecifiedDigitsAndSeasonsAreMarked) {
  EXPECT_EQ(ok("201X").start.unspecified, 0x08);
  EXPECT_EQ(ok("156X-12-25").start.unspecified, 0x08);
  EXPECT_EQ(ok("1985-04-XX").start.unspecified, kDayDigits);
  EXPECT_EQ(ok("XXXX-12-XX").start.unspecified, kYearDigits | kDayDigits);
  EXPECT_EQ(ok("2015-11").start.unspecified, 0);
  EXPECT_EQ(ok("2001-21").start.season, 21);
  EXPECT_EQ(ok("2001-41").start.season, 41);
  EXPECT_EQ(ok("2001-06").start.season, 0);
}

TEST(Edtf, IntervalBounds) {
  const When unknown_start = ok("/2006");
  EXPECT_EQ(unknown_start.start_bound, Bound::Unknown);
  EXPECT_EQ(unknown_start.end_bound, Bound::Known);
  ASSERT_TRUE(unknown_start.end);
  EXPECT_EQ(unknown_start.end->precision, Precision::Year);
  EXPECT_TRUE(unknown_start.is_interval());

  const When open_start = ok("../2006");
  EXPECT_EQ(open_start.start_bound, Bound::Open);
  EXPECT_FALSE(open_start.open_end);

  const When unknown_end = ok("2004-06-11/");
  EXPECT_EQ(unknown_end.end_bound, Bound::Unknown);
  EXPECT_FALSE(unknown_end.end);
  EXPECT_FALSE(unknown_end.open_end);
  EXPECT_TRUE(unknown_end.is_interval());

  const When open_end = ok("2004-06-11/..");
  EXPECT_EQ(open_end.end_bound, Bound::Open);
  EXPECT_TRUE(open_end.open_end);

  const When point = ok("2004-06-11");
  EXPECT_EQ(point.start_bound, Bound::Known);
  EXPECT_EQ(point.end_bound, Bound::Known);
  EXPECT_FALSE(point.is_interval());
}

TEST(Edtf, OpenEndSetByHandStillCountsAsOpen) {  // the event store and CSV reader set only open_end
  When w = ok("2015-09-30");
  w.open_end = true;
  EXPECT_EQ(w.end_time(), Seconds::max());
  EXPECT_TRUE(w.is_interval());
}

TEST(Edtf, SetsKeepKindMembersAndHull) {
  const When one = ok("[1667,1668,1670..1672]");
  ASSERT_TRUE(one.set);
  EXPECT_TRUE(one.is_set());
  EXPECT_EQ(one.set->kind, SetKind::OneOf);
  ASSERT_EQ(one.set->members.size(), 3u);
  EXPECT_EQ(one.set->members[1].first, *parse_edtf_date("1668"));
  EXPECT_FALSE(one.set->members[1].last);
  ASSERT_TRUE(one.set->members[2].last);
  EXPECT_EQ(one.set->members[2].begin_time(), parse_edtf_date("1670")->start);
  EXPECT_EQ(one.set->members[2].end_time(), parse_edtf_date("1673")->start);
  EXPECT_EQ(one.start, *parse_edtf_date("1667"));
  EXPECT_EQ(one.end, parse_edtf_date("1672"));

  const When all = ok("{1960,1961-12}");
  EXPECT_EQ(all.set->kind, SetKind::AllOf);
  EXPECT_FALSE(all.set->earlier || all.set->later);

  const When earlier = ok("[..1760-12-03]");
  EXPECT_TRUE(earlier.set->earlier);
  EXPECT_EQ(earlier.start_bound, Bound::Open);
  const When later = ok("[1760-12..]");
  EXPECT_TRUE(later.set->later);
  EXPECT_TRUE(later.open_end);
  EXPECT_EQ(later.end_bound, Bound::Open);

  EXPECT_FALSE(ok("[2018-05-28]").is_interval());
  EXPECT_FALSE(ok("2018-05-28").is_set());
}

TEST(Edtf, ParseDateReadsEverySingleDateForm) {
  for (const char* s : {"201X", "156X-12-25", "1985-XX-XX", "2001-21", "2001-41", "Y-17000", "Y-17E7",
                        "2004?-06-11", "?2004-06-~11", "2015-11-23T10:30:00.5+03:30", "2015-09~"}) {
    std::string err;
    EXPECT_TRUE(parse_edtf_date(s, &err)) << s << ": " << err;
    EXPECT_EQ(*parse_edtf_date(s), ok(s).start) << s;
  }
  std::string err;
  EXPECT_FALSE(parse_edtf_date("2015/2016", &err));
  EXPECT_EQ(err, "malformed date '2015/2016': expected -MM after the year");
  EXPECT_FALSE(parse_edtf_date("[2015,2016]", &err));
  EXPECT_EQ(err, "malformed date '[2015,2016]': a set is not a single date");
  EXPECT_FALSE(parse_edtf_date("", &err));
  EXPECT_EQ(err, "empty date");
}

TEST(Edtf, IntervalFromTwoFields) {
  const auto r = parse_edtf_interval("2004-06-11", "");
  ASSERT_TRUE(r.value);
  EXPECT_EQ(*r.value, ok("2004-06-11/"));
  EXPECT_EQ(*parse_edtf_interval("..", "2006").value, ok("../2006"));
  EXPECT_EQ(parse_edtf_interval("2016", "2015").error.message, "interval '2016/2015' ends before it starts");
  EXPECT_EQ(parse_edtf_interval("", "..").error.message, "interval '/..' has no date: at least one end must be a date");
}

TEST(Edtf, LongYearsBeyondHinnantsRange) {
  // date::year ends at 32767: the next year comes from days_from_civil and follows on without a gap.
  const Date last = *parse_edtf_date("Y32767");
  const Date next = *parse_edtf_date("Y32768");
  EXPECT_EQ(last.end(), next.start);
  EXPECT_EQ(next.start - last.start, date::days{365});
  EXPECT_EQ(parse_edtf_date("Y-32768")->end(), parse_edtf_date("Y-32767")->start);
  EXPECT_EQ(year_name(-17000), "17,001 BCE");
  EXPECT_EQ(year_name(170000), "170,000");
  EXPECT_EQ(year_name(9999), "9999");
}

TEST(Edtf, DateEndWithoutTheNewFields) {  // a Date built by hand, as the event store rebuilds them
  const Date d{parse_edtf_date("2016-02")->start, Precision::Month};
  EXPECT_EQ(d.end(), parse_edtf_date("2016-03")->start);
  const Date y{parse_edtf_date("-0500")->start, Precision::Year};
  EXPECT_EQ(y.end(), parse_edtf_date("-0499")->start);
}

TEST(Edtf, FormatIso) {
  EXPECT_EQ(format_iso(parse_edtf_date("2015-11-23T10:30:05Z")->start), "2015-11-23T10:30:05Z");
  EXPECT_EQ(format_iso(parse_edtf_date("-3000-05-10")->start), "-3000-05-10T00:00:00Z");
  EXPECT_EQ(format_iso(parse_edtf_date("0005")->start), "0005-01-01T00:00:00Z");
  EXPECT_EQ(format_iso(parse_edtf_date("Y-17000")->start), "-17000-01-01T00:00:00Z");
  EXPECT_EQ(format_iso(Seconds{std::chrono::seconds{-1}}), "1969-12-31T23:59:59Z");
}
