// `chronoscope render FILE -o OUT.png`: the canvas drawn without a window, through a headless GL context.
#include "app/cli/commands.hpp"

#include "app/cli/output.hpp"
#include "app/cli/prepare.hpp"
#include "render/gl/headless_context.hpp"
#include "render/gl/offscreen.hpp"
#include "render/gl/quad_renderer.hpp"

#include <iostream>

namespace cs {

int run_render(const Options& o) {
  if (output_overwrites_input(o.out, {o.file})) return 2;
  Prepared p;
  if (const int rc = prepare(o, p)) return rc;
  const TimelineIndex& index = *p.index;
  const CanvasView& view = p.view;
  const LayoutConfig& cfg = p.cfg;
  std::string err;
  auto ctx = gl::HeadlessContext::create(&err);
  if (!ctx) {
    std::cerr << "chronoscope: error: cannot render without a display: " << err << "\n";
    return 1;
  }
  const auto font = load_font(kCanvasFontPx);
  if (!font) return 1;
  gl::QuadRenderer renderer;
  gl::Offscreen target;
  if (!renderer.init(*font, &err) || !target.init(int(view.width), int(view.height), &err)) {
    std::cerr << "chronoscope: error: " << err << "\n";
    return 1;
  }
  Scene scene;
  build_scene(scene, index, view, *font, cfg, Theme{}, {}, p.calendars);
  add_context_bar(scene, p, *font);
  target.bind();
  renderer.draw(scene.draw, 0, 0, int(view.width), int(view.height), int(view.height), Theme{}.background);
  const std::string png = gl::encode_png(target.read());
  if (png.empty()) {
    std::cerr << "chronoscope: error: cannot encode the image as PNG\n";
    return 1;
  }
  if (output_overwrites_input(o.out, {o.file})) return 2;  // the input may have been linked there meanwhile
  if (const int rc = write_output(o.out, png)) return rc;
  std::cerr << "wrote " << escape_for_terminal(o.out) << " (" << int(view.width) << "x" << int(view.height) << ", "
            << scene.layout.records.size() << " records)\n";
  return 0;
}

}  // namespace cs
