// Snapping a drag to the date's own precision, and the EDTF text written for the moved date.
#include "model/snap.hpp"

#include <gtest/gtest.h>

namespace cs {
namespace {

constexpr std::int64_t kDay = 86400;

When when(const char* text) {
  EdtfResult r = parse_edtf(text);
  EXPECT_TRUE(r.value) << text << ": " << r.error.message;
  return r.value.value_or(When{});
}

Date date(const char* text) { return when(text).start; }

// The text of the date moved by `delta` seconds, or "-" when it cannot move.
std::string moved(const char* text, std::int64_t delta, DragPart part = DragPart::Whole) {
  const auto m = move_date(when(text), delta, part);
  return m ? m->text : "-";
}

TEST(Snap, AMonthPreciseDateMovesByWholeMonths) {
  EXPECT_EQ(snap_units(date("2015-06"), 40 * kDay), 1);
  EXPECT_EQ(snap_units(date("2015-06"), 10 * kDay), 0);
  EXPECT_EQ(snap_units(date("2015-06"), -50 * kDay), -2);  // 1 April is nearer than 1 May
  EXPECT_EQ(moved("2015-06", 40 * kDay), "2015-07");
  EXPECT_EQ(moved("2015-11", 70 * kDay), "2016-01");
  EXPECT_EQ(moved("2015-06", 10 * kDay), "2015-06");
}

TEST(Snap, AYearPreciseDateMovesByWholeYears) {
  EXPECT_EQ(snap_units(date("2015"), 200 * kDay), 1);
  EXPECT_EQ(snap_units(date("2015"), 150 * kDay), 0);
  EXPECT_EQ(moved("2015", 3 * 365 * kDay), "2018");
  EXPECT_EQ(moved("0001", -400 * kDay), "0000");
  EXPECT_EQ(moved("0000", -400 * kDay), "-0001");
}

// A nudge from the keyboard is one unit of the date's own precision, whatever the month or year.
TEST(Snap, OneUnitMovesEveryPrecisionByExactlyOne) {
  for (const char* d : {"2015-01", "2015-02", "2015-12", "2016-02", "1900", "2000", "-0500", "2015-11-23",
                         "2015-11-23T10:30Z", "2015-11-23T10:30:15Z"}) {
    const Date x = date(d);
    EXPECT_EQ(snap_units(x, one_unit_seconds(x.precision)), 1) << d;
    EXPECT_EQ(snap_units(x, -one_unit_seconds(x.precision)), -1) << d;
  }
  EXPECT_EQ(moved("2015-12", one_unit_seconds(Precision::Month)), "2016-01");
  EXPECT_EQ(moved("2015-09/2016-03", -one_unit_seconds(Precision::Month)), "2015-08/2016-02");
}

TEST(Snap, DaysMinutesAndSecondsMoveByTheirUnit) {
  EXPECT_EQ(moved("2015-11-23", kDay + 3600), "2015-11-24");
  EXPECT_EQ(moved("2015-11-23", kDay / 2 - 1), "2015-11-23");
  EXPECT_EQ(moved("2016-02-28", 2 * kDay), "2016-03-01");  // across the leap day, by the calendar
  EXPECT_EQ(moved("2015-11-23T10:30Z", 90 * 60 + 20), "2015-11-23T12:00Z");
  EXPECT_EQ(moved("2015-11-23T23:59:58Z", 3), "2015-11-24T00:00:01Z");
}

TEST(Snap, QualifiersStayOnTheMovedDate) {
  EXPECT_EQ(moved("2015-09~", 31 * kDay), "2015-10~");
  EXPECT_EQ(moved("2015?", 366 * kDay), "2016?");
  EXPECT_EQ(moved("2015-11-23%", kDay), "2015-11-24%");
  EXPECT_EQ(moved("2004?-06-11", kDay), "?2004-06-12");  // the year alone is uncertain
  const auto m = move_date(when("2004-06~-11"), kDay);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->when.start.approximate_parts, kYearPart | kMonthPart);
}

TEST(Snap, AnIntervalMovesBothEndsEachByItsOwnUnit) {
  EXPECT_EQ(moved("2015-09-30/2016-03-14", 31 * kDay), "2015-10-31/2016-04-14");
  EXPECT_EQ(moved("2015-09-30/2016-03", 31 * kDay), "2015-10-31/2016-04");
  EXPECT_EQ(moved("2016-01-15/..", 2 * kDay), "2016-01-17/..");  // still going on
  EXPECT_EQ(moved("2004-06-11/", kDay), "2004-06-12/");         // end still unknown
  EXPECT_EQ(moved("/2006", 366 * kDay), "/2007");               // start still unknown
  EXPECT_EQ(moved("../2006", 366 * kDay), "../2007");
}

TEST(Snap, ResizingMovesOneEndAndNeverPastTheOther) {
  EXPECT_EQ(moved("2015-09-30/2016-03-14", 10 * kDay, DragPart::End), "2015-09-30/2016-03-24");
  EXPECT_EQ(moved("2015-09-30/2016-03-14", -10 * kDay, DragPart::Start), "2015-09-20/2016-03-14");
  EXPECT_EQ(moved("2015-09-30/2016-03-14", 400 * kDay, DragPart::Start), "2016-03-14/2016-03-14");
  EXPECT_EQ(moved("2015-09-30/2016-03-14", -400 * kDay, DragPart::End), "2015-09-30/2015-09-30");
  EXPECT_EQ(moved("2015/2017", -5 * 365 * kDay, DragPart::End), "2015/2015");
  EXPECT_EQ(moved("2016-01-15/..", 5 * kDay, DragPart::End), "-");  // an open end is not a date to pull
  EXPECT_EQ(moved("2015-11-23", kDay, DragPart::End), "-");         // a point has no end
}

TEST(Snap, FormsWithoutASingleNextUnitDoNotMove) {
  EXPECT_EQ(moved("201X", 3650 * kDay), "-");
  EXPECT_EQ(moved("2001-21", 365 * kDay), "-");
  EXPECT_EQ(moved("[2015,2016]", 365 * kDay), "-");
  EXPECT_FALSE(shift_date(date("1985-04-XX"), 1));
}

TEST(Snap, MovedReportsWhetherAnythingMoved) {
  EXPECT_FALSE(move_date(when("2015-06"), 5 * kDay)->changed);
  EXPECT_TRUE(move_date(when("2015-06"), 25 * kDay)->changed);
}

TEST(Snap, TextReadsBackAsTheSameDate) {
  for (const char* text : {"2015", "2015-06", "2015-11-23", "-0500", "0000", "2015-11-23T10:30Z",
                           "2015-11-23T10:30:05Z", "2015-09~", "2015?", "2015%", "?2004-06-11", "2004-~06-11",
                           "Y170000", "Y-17000", "2015-11-23T10:30Z?"}) {
    const auto t = edtf_text(date(text));
    ASSERT_TRUE(t) << text;
    EXPECT_EQ(*t, text);
  }
  EXPECT_EQ(edtf_text(date("2015-11-23T10:30+03:30")), "2015-11-23T07:00Z");  // the same instant, in UTC
  EXPECT_FALSE(edtf_text(date("156X-12-25")));
  EXPECT_EQ(edtf_text(when("2015-09-30/2016-03-14")), "2015-09-30/2016-03-14");
  EXPECT_EQ(edtf_text(when("../2006")), "../2006");
  EXPECT_FALSE(edtf_text(when("{1960,1961-12}")));
}

TEST(Snap, YearsBeyondFourDigitsAreWrittenWithY) {
  EXPECT_EQ(moved("9999", 366 * kDay), "Y10000");
  EXPECT_EQ(moved("Y10000", -366 * kDay), "9999");
}

}  // namespace
}  // namespace cs
