// The story camera's flight path (van Wijk and Nuij): exact ends, a zoom-out bounded by both views, time
// that only moves forward, and a pure pan and a pure zoom as the special cases they are. No GL.
#include "render/camera.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace cs;
using namespace date;

namespace {
Seconds at(int y, unsigned m = 1, unsigned d = 1) { return Seconds{sys_days{year{y} / m / d}}; }
Viewport view(Seconds a, Seconds b) { return Viewport{a, b, 160, 1760}; }

// A view's centre in seconds from `ref`'s origin, exactly (int64 difference first).
double centre(const Viewport& v, const Viewport& ref) {
  return double((v.origin() - ref.origin()).count()) + v.offset_at(v.left() + v.width() / 2);
}

struct Case {
  const char* name;
  Viewport from, to;
};
std::vector<Case> cases() {
  return {
      {"pan a year on", view(at(2015, 9), at(2015, 12)), view(at(2016, 9), at(2016, 12))},
      {"pan back", view(at(2018, 5), at(2018, 6)), view(at(2015, 9), at(2015, 12))},
      {"zoom in far", view(at(1979), at(2019)), view(at(2015, 11, 20), at(2015, 11, 27))},
      {"zoom out and over", view(at(2016, 2, 1), at(2016, 2, 8)), view(at(2017), at(2019))},
      {"a day to a distant day", view(at(2015, 9, 30), at(2015, 10, 1)), view(at(2018, 5, 10), at(2018, 5, 11))},
      {"across the era", view(at(-3000), at(-2990)), view(at(2015), at(2025))},
  };
}
}  // namespace

TEST(Camera, StartAndEndViewsAreExact) {
  for (const Case& c : cases()) {
    const Flight f = plan_flight(c.from, c.to);
    EXPECT_EQ(flight_view(f, 0), c.from) << c.name;
    EXPECT_EQ(flight_view(f, -1), c.from) << c.name;
    EXPECT_EQ(flight_view(f, f.duration), c.to) << c.name;
    EXPECT_EQ(flight_view(f, 5), c.to) << c.name;
    // The path itself arrives (the closed form, not just the last frame): centre and span of `to`.
    const FlightPoint end = flight_path(f, f.length);
    EXPECT_NEAR(end.centre, f.u1, 1e-9 * std::max(std::abs(f.u1), f.w1)) << c.name;
    EXPECT_NEAR(end.span, f.w1, 1e-9 * f.w1) << c.name;
    const FlightPoint start = flight_path(f, 0);
    EXPECT_NEAR(start.centre, 0, 1e-9 * f.w0) << c.name;
    EXPECT_NEAR(start.span, f.w0, 1e-9 * f.w0) << c.name;
    // Just before the end the view is all but `to`: within a hundredth of a pixel at its edges.
    const Viewport last = flight_view(f, f.duration * (1 - 1e-7));
    EXPECT_NEAR(last.to_x(c.to.start()), c.to.left(), 0.01) << c.name;
    EXPECT_NEAR(last.span_seconds(), c.to.span_seconds(), 1e-3 * c.to.seconds_per_pixel()) << c.name;
  }
}

TEST(Camera, TheZoomOutIsBoundedByBothViewsAndNeverZoomsInPastThem) {
  for (const Case& c : cases()) {
    const Flight f = plan_flight(c.from, c.to);
    const double lo = std::min(-f.w0 / 2, f.u1 - f.w1 / 2), hi = std::max(f.w0 / 2, f.u1 + f.w1 / 2);
    for (int i = 0; i <= 1000; ++i) {
      const Viewport v = flight_view(f, f.duration * i / 1000.0);
      EXPECT_LE(v.span_seconds(), (hi - lo) * (1 + 1e-9)) << c.name << " at " << i;
      EXPECT_GE(v.span_seconds(), std::min(f.w0, f.w1) * (1 - 1e-9)) << c.name << " at " << i;
    }
  }
}

TEST(Camera, APanZoomsOutOnTheWayAndNoFurtherThanThePaperSays) {
  // Equal spans w, a pan of u: the path's widest view is w cosh(r0) = sqrt(w^2 + u^2) for rho = sqrt 2, at
  // half way, centred half way; the same span at t and at duration - t.
  const Viewport a = view(at(2015, 9), at(2015, 12)), b = view(at(2016, 9), at(2016, 12));
  const Flight f = plan_flight(a, b);
  ASSERT_TRUE(f.pan);
  EXPECT_DOUBLE_EQ(f.w0, f.w1);
  const FlightPoint mid = flight_path(f, f.length / 2);
  EXPECT_NEAR(mid.span, std::sqrt(f.w0 * f.w0 + f.u1 * f.u1), 1e-6 * f.w0);
  EXPECT_NEAR(mid.centre, f.u1 / 2, 1e-6 * f.w0);
  EXPECT_GT(mid.span, f.w0 * 1.5);  // it does zoom out: both views are in sight half way
  const Viewport half = flight_view(f, f.duration / 2);
  EXPECT_LE(half.to_x(a.start()), half.left() + 1);
  EXPECT_GE(half.to_x(b.end()), half.right() - 1);
  for (double t : {0.1, 0.25, 0.4})
    EXPECT_NEAR(flight_view(f, t * f.duration).span_seconds(), flight_view(f, (1 - t) * f.duration).span_seconds(),
                1e-6 * f.w0);
}

TEST(Camera, APureZoomKeepsTheCentreAndZoomsGeometrically) {
  const Seconds c = at(2015, 11, 24);
  const Viewport a = view(c - std::chrono::days{3650}, c + std::chrono::days{3650});
  const Viewport b = view(c - std::chrono::days{2}, c + std::chrono::days{2});
  const Flight f = plan_flight(a, b);
  ASSERT_FALSE(f.pan);
  EXPECT_NEAR(f.length, std::log(3650.0 / 2.0) / kFlightRho, 1e-9);
  double last_log = std::log(f.w0);
  for (int i = 1; i <= 100; ++i) {
    const Viewport v = flight_view(f, f.duration * i / 100.0);
    EXPECT_NEAR(centre(v, a), centre(a, a), 1e-3) << i;  // the centre stays put, to a millisecond
    // log(span) is linear in the path parameter: the same zoom per unit of progress.
    const double s = flight_progress(f, f.duration * i / 100.0);
    EXPECT_NEAR(std::log(v.span_seconds()), std::log(f.w0) - kFlightRho * s, 1e-9) << i;
    EXPECT_LE(std::log(v.span_seconds()), last_log + 1e-12) << i;
    last_log = std::log(v.span_seconds());
  }
}

TEST(Camera, TimeOnlyMovesForwardAndTheCentreNeverTurnsBack) {
  for (const Case& c : cases()) {
    const Flight f = plan_flight(c.from, c.to);
    double last_s = -1, last_c = 0;
    for (int i = 0; i <= 500; ++i) {
      const double t = f.duration * i / 500.0;
      const double s = flight_progress(f, t);
      if (i > 0 && i < 500) {
        EXPECT_GT(s, last_s) << c.name << " at " << i;
      }
      last_s = s;
      const double cx = centre(flight_view(f, t), c.from);
      if (i > 0) {
        if (f.u1 >= 0) {
          EXPECT_GE(cx, last_c - 1e-6 * f.w0) << c.name << " at " << i;
        } else {
          EXPECT_LE(cx, last_c + 1e-6 * f.w0) << c.name << " at " << i;
        }
      }
      last_c = cx;
    }
    // Eased: slow at both ends, fastest half way.
    const double d = f.duration / 100;
    EXPECT_LT(flight_progress(f, d), flight_progress(f, f.duration / 2 + d / 2) - flight_progress(f, f.duration / 2 - d / 2))
        << c.name;
    EXPECT_DOUBLE_EQ(flight_progress(f, f.duration), f.length) << c.name;
    EXPECT_DOUBLE_EQ(flight_progress(f, 0), 0) << c.name;
  }
}

TEST(Camera, SameViewIsNoFlight) {
  const Viewport a = view(at(2015), at(2016));
  const Flight f = plan_flight(a, a);
  EXPECT_EQ(f.length, 0);
  EXPECT_EQ(flight_view(f, 0.5), a);
  EXPECT_TRUE(flight_done(f, 1.0));
  EXPECT_FALSE(flight_done(f, 0.5));
}
