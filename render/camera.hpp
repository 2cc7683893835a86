// The story camera: the flight between two views along van Wijk and Nuij's optimal path ("Smooth and
// efficient zooming and panning", InfoVis 2003), which zooms out on the way just enough to keep both views
// in sight, eased, over about a second. Pure functions; no clock, no GL.
#pragma once

#include "render/viewport.hpp"

#include <cmath>

namespace cs {

// The paper's curvature: how far the path zooms out for a given pan (sqrt 2, as its users preferred).
inline const double kFlightRho = std::sqrt(2.0);
inline constexpr double kFlightSeconds = 1.0;

// A planned flight. Times are seconds relative to the centre of `from` (whose origin is int64 seconds),
// so the arithmetic stays exact far from 1970.
struct Flight {
  Viewport from, to;
  double u1 = 0;         // centre of `to` minus centre of `from`, in seconds
  double w0 = 1, w1 = 1; // the two spans, in seconds
  double rho = 1;
  double length = 0;     // S, the path's length in the paper's units (0: nothing to fly)
  double r0 = 0;         // the paper's r0 (panning paths)
  bool pan = false;      // false: a pure zoom about a (nearly) fixed centre
  double max_span = 1;   // the span that shows both views whole: the path never zooms out further
  double duration = kFlightSeconds;  // wall-clock seconds
};

// Plans the flight from `from` to `to` (views of the same width in pixels; the result keeps from's).
Flight plan_flight(const Viewport& from, const Viewport& to, double duration = kFlightSeconds,
                   double rho = kFlightRho);

// A point of the path: where the view's centre is (seconds from from's centre) and its span (seconds).
struct FlightPoint {
  double centre = 0;
  double span = 1;
};
// The path at s in [0, length]: s = 0 is `from`, s = length is `to`.
FlightPoint flight_path(const Flight& f, double s);
// How far along the path the flight is `t` seconds after it started: 0 before, length after, eased in
// and out (smoothstep) in between, and never decreasing.
double flight_progress(const Flight& f, double t);
// The view `t` seconds into the flight: exactly `from` at t <= 0 and exactly `to` at t >= duration.
Viewport flight_view(const Flight& f, double t);
inline bool flight_done(const Flight& f, double t) { return t >= f.duration; }

}  // namespace cs
