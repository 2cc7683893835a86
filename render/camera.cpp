// van Wijk and Nuij's path in closed form (their equations 9 and 10, with the pure zoom as its own case),
// reparametrised by time with smoothstep, and turned back into a Viewport by zooming and panning `from`.
#include "render/camera.hpp"

#include <algorithm>

namespace cs {
namespace {

double centre_of(const Viewport& v) { return v.offset_at(v.left() + v.width() / 2); }

}  // namespace

Flight plan_flight(const Viewport& from, const Viewport& to, double duration, double rho) {
  Flight f;
  f.from = from;
  f.to = to;
  f.rho = rho;
  f.duration = duration > 0 ? duration : kFlightSeconds;
  f.w0 = from.span_seconds();
  f.w1 = to.span_seconds();
  const double c0 = centre_of(from);
  const double c1 = double((to.origin() - from.origin()).count()) + centre_of(to);
  f.u1 = c1 - c0;
  // Both views whole: from the leftmost left edge to the rightmost right edge.
  const double lo = std::min(-f.w0 / 2, f.u1 - f.w1 / 2), hi = std::max(f.w0 / 2, f.u1 + f.w1 / 2);
  f.max_span = hi - lo;
  const double u = std::abs(f.u1);
  f.pan = u > 1e-9 * std::max(f.w0, f.w1);
  if (!f.pan) {
    f.length = std::abs(std::log(f.w1 / f.w0)) / rho;
    return f;
  }
  const double r2 = rho * rho, r4 = r2 * r2;
  const double b0 = (f.w1 * f.w1 - f.w0 * f.w0 + r4 * u * u) / (2 * f.w0 * r2 * u);
  const double b1 = (f.w1 * f.w1 - f.w0 * f.w0 - r4 * u * u) / (2 * f.w1 * r2 * u);
  // r = ln(-b + sqrt(b^2 + 1)) = -asinh(b), without the cancellation for large b.
  f.r0 = -std::asinh(b0);
  const double r1 = -std::asinh(b1);
  f.length = (r1 - f.r0) / rho;
  return f;
}

FlightPoint flight_path(const Flight& f, double s) {
  if (f.length <= 0) return {f.u1, f.w1};
  s = std::clamp(s, 0.0, f.length);
  FlightPoint p;
  if (!f.pan) {
    // w(s) = w0 exp(+-rho s); the centre's tiny offset (if any) is spread in proportion to the zoom.
    const double k = f.w1 >= f.w0 ? 1.0 : -1.0;
    p.span = f.w0 * std::exp(k * f.rho * s);
    p.centre = f.u1 * s / f.length;
  } else {
    const double a = f.rho * s + f.r0;
    const double sign = f.u1 < 0 ? -1.0 : 1.0;
    p.centre = sign * f.w0 / (f.rho * f.rho) * (std::cosh(f.r0) * std::tanh(a) - std::sinh(f.r0));
    p.span = f.w0 * std::cosh(f.r0) / std::cosh(a);
  }
  // Rounding aside, the optimal path stays within both views' union; this keeps "never further" exact.
  p.span = std::min(p.span, f.max_span);
  return p;
}

double flight_progress(const Flight& f, double t) {
  const double x = std::clamp(t / f.duration, 0.0, 1.0);
  return f.length * x * x * (3 - 2 * x);
}

Viewport flight_view(const Flight& f, double t) {
  if (t <= 0) return f.from;
  if (t >= f.duration || f.length <= 0) return f.to;
  const FlightPoint p = flight_path(f, flight_progress(f, t));
  Viewport v = f.from;
  const double mid = v.left() + v.width() / 2;
  v.zoom_at(mid, p.span / f.w0);                    // about the centre, which stays put ...
  v.pan_pixels(-p.centre / v.seconds_per_pixel());  // ... then the centre moves by p.centre seconds
  return v;
}

}  // namespace cs
