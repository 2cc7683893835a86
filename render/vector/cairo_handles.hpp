// Small owning handles for cairo and fontconfig objects (private to render/vector): each releases its
// object with the library's own destroy function when it goes.
#pragma once

#include <cairo-ft.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <memory>

namespace cs::vec {

template <class T, void (*Destroy)(T*)>
struct Destroyer {
  void operator()(T* p) const {
    if (p) Destroy(p);
  }
};

using SurfaceHandle = std::unique_ptr<cairo_surface_t, Destroyer<cairo_surface_t, cairo_surface_destroy>>;
using ContextHandle = std::unique_ptr<cairo_t, Destroyer<cairo_t, cairo_destroy>>;
using FontFaceHandle = std::unique_ptr<cairo_font_face_t, Destroyer<cairo_font_face_t, cairo_font_face_destroy>>;
using FontOptionsHandle =
    std::unique_ptr<cairo_font_options_t, Destroyer<cairo_font_options_t, cairo_font_options_destroy>>;
using PatternHandle = std::unique_ptr<FcPattern, Destroyer<FcPattern, FcPatternDestroy>>;

}  // namespace cs::vec
