// Viewport: time<->pixel round trips, zoom at the cursor keeps its time, pixel-exact marks far from 1970.
#include "render/viewport.hpp"

#include "model/edtf_calendar.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace cs;
using namespace date;

namespace {
Seconds at(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
  return Seconds{sys_days{year{y} / m / d}} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
         std::chrono::seconds{ss};
}
}  // namespace

TEST(Viewport, ShowMapsRangeOntoWidth) {
  Viewport vp{at(2015, 1, 1), at(2016, 1, 1), 100, 1000};
  EXPECT_DOUBLE_EQ(vp.to_x(at(2015, 1, 1)), 100);
  EXPECT_DOUBLE_EQ(vp.to_x(at(2016, 1, 1)), 1100);
  EXPECT_EQ(vp.to_time(100), at(2015, 1, 1));
  EXPECT_EQ(vp.start(), at(2015, 1, 1));
  EXPECT_EQ(vp.end(), at(2016, 1, 1));
}

TEST(Viewport, ZoomAtCursorKeepsTheTimeUnderTheCursor) {
  Viewport vp{at(1900, 1, 1), at(2100, 1, 1), 160, 1760};
  const double x = 777.25;
  const double before = vp.offset_at(x);
  const Seconds origin_before = vp.origin();
  for (int i = 0; i < 200; ++i) {
    vp.zoom_at(x, 0.8);
    // Time under x, measured from the old origin in exact integer seconds plus the fraction.
    const double now = double((vp.origin() - origin_before).count()) + vp.offset_at(x);
    ASSERT_NEAR(now, before, 1e-3 + vp.seconds_per_pixel() * 1e-6) << "step " << i;
  }
  EXPECT_NEAR(vp.span_seconds(), Viewport::kMinSpan, 1e-6);  // clamped at one minute
  for (int i = 0; i < 400; ++i) vp.zoom_at(x, 1.25);
  EXPECT_NEAR(vp.span_seconds(), Viewport::kMaxSpan, 1.0);  // clamped at 20,000 years
}

TEST(Viewport, ZoomOutAndBackIsTheSameView) {
  Viewport vp{at(2015, 9, 30), at(2015, 10, 1), 0, 1000};
  const Viewport copy = vp;
  vp.zoom_at(333, 0.5);
  vp.zoom_at(333, 2.0);
  EXPECT_NEAR(vp.to_x(at(2015, 9, 30, 12)), copy.to_x(at(2015, 9, 30, 12)), 1e-6);
}

TEST(Viewport, PanMovesContentByPixels) {
  Viewport vp{at(2015, 1, 1), at(2016, 1, 1), 0, 1000};
  const double x = vp.to_x(at(2015, 6, 1));
  vp.pan_pixels(37.5);
  EXPECT_NEAR(vp.to_x(at(2015, 6, 1)), x + 37.5, 1e-6);
}

// At the deepest zoom (one minute across 1920 px, ~32 px per second) every second lands on its own pixel
// column, exactly, for dates far from 1970: 2018 and 3000 BCE.
class DeepZoom : public ::testing::TestWithParam<int> {};

TEST_P(DeepZoom, MarksStayPutToThePixel) {
  const int y = GetParam();
  const Seconds t = at(y, 5, 10, 13, 37, 0);
  Viewport vp{t - std::chrono::seconds{30}, t + std::chrono::seconds{30}, 0, 1920};
  ASSERT_NEAR(vp.span_seconds(), 60, 1e-9);
  const double ppx = 1920.0 / 60.0;
  for (int s = -30; s <= 30; ++s) EXPECT_NEAR(vp.to_x(t + std::chrono::seconds{s}), (s + 30) * ppx, 1e-6);
  // Zooming and panning around keeps a second's mark where arithmetic says it is.
  vp.zoom_at(500, 1.7);
  vp.zoom_at(1200, 1 / 1.7);
  vp.pan_pixels(-123.0);
  const double x0 = vp.to_x(t), x1 = vp.to_x(t + std::chrono::seconds{1});
  EXPECT_NEAR(x1 - x0, 1.0 / vp.seconds_per_pixel(), 1e-6);
  EXPECT_EQ(vp.to_time(x0 + 0.5), t);
  EXPECT_EQ(vp.to_time(x1 + 0.5), t + std::chrono::seconds{1});
}

INSTANTIATE_TEST_SUITE_P(FarFrom1970, DeepZoom, ::testing::Values(2018, -3000));

TEST(Viewport, DoublesFromTheEpochWouldJitter) {
  // Why the origin is int64: a float of seconds since 1970 cannot even tell the seconds of 3000 BCE apart
  // at pixel scale, while the viewport can.
  const Seconds t = at(-3000, 5, 10, 13, 37, 0);
  const float naive = float(t.time_since_epoch().count());
  EXPECT_EQ(naive, float(t.time_since_epoch().count() + 1));  // 1 second vanishes in a float
  Viewport vp{t, t + std::chrono::seconds{60}, 0, 1920};
  EXPECT_GT(vp.to_x(t + std::chrono::seconds{1}) - vp.to_x(t), 31.9);
}

TEST(Viewport, ClampsToTheCalendar) {
  Viewport vp{at(2000, 1, 1), at(2001, 1, 1), 0, 1000};
  for (int i = 0; i < 100; ++i) vp.pan_pixels(1e6);
  EXPECT_GT(int(year_month_day{floor<days>(vp.start())}.year()), -32767);
  for (int i = 0; i < 100; ++i) vp.pan_pixels(-1e6);
  EXPECT_LT(int(year_month_day{floor<days>(vp.end())}.year()), 32767);
}

TEST(Viewport, ZoomsOutFarEnoughForLongYears) {
  // EDTF "Y-17E7" (170 million years ago) and "Y170000" fit in one view; the view's end stays in int64.
  Viewport vp{calendar::start_of(-170'000'000), calendar::start_of(170'001), 0, 1000};
  EXPECT_LT(vp.start(), calendar::start_of(-169'000'000));
  EXPECT_GT(vp.end(), calendar::start_of(170'000));
  for (int i = 0; i < 200; ++i) vp.zoom_at(500, 4.0);  // as far out as it goes
  EXPECT_GT(vp.span_seconds(), 1e11 * 365 * 86400.0);
  EXPECT_GT(vp.end(), vp.start());
}

TEST(Viewport, InterpolationEndsAtBothViewsAndKeepsTheAnchor) {
  const Viewport a{at(2015, 1, 1), at(2016, 1, 1), 100, 1000};
  Viewport b = a;
  b.zoom_at(420, 0.01);
  EXPECT_EQ(Viewport::interpolate(a, b, 0, 420), a);
  EXPECT_EQ(Viewport::interpolate(a, b, 1, 420), b);
  const double anchor = a.offset_at(420);
  for (double t : {0.1, 0.5, 0.9}) {
    const Viewport m = Viewport::interpolate(a, b, t, 420);
    EXPECT_NEAR(double((m.origin() - a.origin()).count()) + m.offset_at(420), anchor, 1e-3);
    EXPECT_LT(m.span_seconds(), a.span_seconds());
    EXPECT_GT(m.span_seconds(), b.span_seconds());
  }
}
