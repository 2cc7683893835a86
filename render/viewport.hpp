// The one place that turns time into pixels and back. The view origin is int64 seconds plus a fraction,
// and every conversion works on (t - origin), so marks stay put to the pixel at any date and any zoom.
#pragma once

#include "model/edtf.hpp"

#include <cstdint>

namespace cs {

class Viewport {
 public:
  // Zoom limits: one minute across the plot at the deepest; at the widest, 280 billion years (long EDTF
  // years, "Y-17E7", reach +-100 billion; the view stays inside what int64 seconds can hold).
  static constexpr double kMinSpan = 60.0;
  static constexpr double kMaxSpan = 2.8e11 * 365.2425 * 86400.0;

  Viewport() = default;
  // Shows [t0, t1) across `width` pixels starting at screen x `left`.
  Viewport(Seconds t0, Seconds t1, double left, double width);

  double left() const { return left_; }
  double width() const { return width_; }
  double right() const { return left_ + width_; }
  double seconds_per_pixel() const { return spp_; }
  double span_seconds() const { return spp_ * width_; }

  double to_x(Seconds t) const;
  // The whole second at or before screen x (floored), and the fraction of a second left over.
  Seconds to_time(double x) const;
  double offset_at(double x) const { return (x - left_) * spp_ + frac_; }  // seconds from origin

  // Visible range, rounded outwards to whole seconds.
  Seconds start() const { return origin_; }
  Seconds end() const;

  void set_width(double left, double width);
  // Keeps the time under screen x fixed while the span is multiplied by `factor` (< 1 zooms in).
  void zoom_at(double x, double factor);
  void pan_pixels(double dx);  // content moves right by dx pixels
  void show(Seconds t0, Seconds t1);

  // Between a (t = 0) and b (t = 1): the time under screen x moves linearly and the span geometrically, so
  // a zoom animated about the cursor keeps the cursor's time still. Both must have the same width.
  static Viewport interpolate(const Viewport& a, const Viewport& b, double t, double anchor_x);

  Seconds origin() const { return origin_; }

  bool operator==(const Viewport&) const = default;

 private:
  void shift_origin(double seconds);
  void clamp_span();

  Seconds origin_{};   // whole seconds at the left edge ...
  double frac_ = 0.0;  // ... plus this fraction of a second, in [0, 1)
  double spp_ = 1.0;   // seconds per pixel
  double left_ = 0.0;
  double width_ = 1.0;
};

}  // namespace cs
