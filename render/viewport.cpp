// Viewport arithmetic: int64 origin, double offsets only relative to it.
#include "render/viewport.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cs {

namespace {
// The view stays within 140 billion years of 1970 on either side: its end (origin + span) stays inside
// int64 seconds. Axis labels beyond date::year's +-32767 come from int64 civil arithmetic.
constexpr double kLimit = 1.4e11 * 365.2425 * 86400.0;
}

Viewport::Viewport(Seconds t0, Seconds t1, double left, double width) : left_(left), width_(std::max(1.0, width)) {
  show(t0, t1);
}

double Viewport::to_x(Seconds t) const {
  // Subtract in int64 first: the difference is small where it matters (on screen), so the double is exact.
  // Far off screen (an open start at INT64_MIN) the difference saturates; it only has to stay off screen.
  std::int64_t d;
  if (__builtin_sub_overflow(t.time_since_epoch().count(), origin_.time_since_epoch().count(), &d))
    d = t < origin_ ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
  return left_ + (double(d) - frac_) / spp_;
}

Seconds Viewport::to_time(double x) const {
  const double off = std::floor(offset_at(x));
  return origin_ + std::chrono::seconds{std::int64_t(off)};
}

Seconds Viewport::end() const {
  return origin_ + std::chrono::seconds{std::int64_t(std::ceil(frac_ + span_seconds()))};
}

void Viewport::set_width(double left, double width) {
  left_ = left;
  width_ = std::max(1.0, width);
}

void Viewport::shift_origin(double seconds) {
  const double total = frac_ + seconds;
  const double whole = std::floor(total);
  origin_ += std::chrono::seconds{std::int64_t(whole)};
  frac_ = total - whole;
  // Keep the view inside what the calendar can name.
  const auto lo = Seconds{std::chrono::seconds{std::int64_t(-kLimit)}};
  const auto hi = Seconds{std::chrono::seconds{std::int64_t(kLimit - span_seconds())}};
  if (origin_ < lo) origin_ = lo, frac_ = 0;
  if (origin_ > hi) origin_ = hi, frac_ = 0;
}

void Viewport::clamp_span() { spp_ = std::clamp(spp_, kMinSpan / width_, kMaxSpan / width_); }

void Viewport::zoom_at(double x, double factor) {
  if (!(factor > 0) || !std::isfinite(factor)) return;
  const double anchor = offset_at(x);  // seconds from origin under x, before
  spp_ *= factor;
  clamp_span();
  // After: anchor must again sit at x, so the new origin is anchor - (x - left) * spp.
  shift_origin(anchor - (x - left_) * spp_ - frac_);
}

void Viewport::pan_pixels(double dx) { shift_origin(-dx * spp_); }

Viewport Viewport::interpolate(const Viewport& a, const Viewport& b, double t, double x) {
  if (t <= 0) return a;
  if (t >= 1) return b;
  // Times under x, in seconds from a's origin: exact int64 difference first, then the small fractions.
  const double ta = a.offset_at(x);
  const double tb = double((b.origin_ - a.origin_).count()) + b.offset_at(x);
  Viewport v = a;
  v.spp_ = std::exp(std::log(a.spp_) + (std::log(b.spp_) - std::log(a.spp_)) * t);
  v.frac_ = 0;
  v.shift_origin(ta + (tb - ta) * t - (x - v.left_) * v.spp_);
  return v;
}

void Viewport::show(Seconds t0, Seconds t1) {
  if (t1 <= t0) t1 = t0 + std::chrono::seconds{1};
  origin_ = t0;
  frac_ = 0;
  spp_ = double((t1 - t0).count()) / width_;
  clamp_span();
  // Centre the (possibly clamped) span on the requested one; this also clamps the origin.
  shift_origin(double((t1 - t0).count()) / 2.0 - spp_ * width_ / 2.0);
}

}  // namespace cs
