#version 330 core
// One instance per quad: a rectangle in screen pixels, texture or shape coordinates, colour and shape.
layout(location = 0) in vec2 a_corner;
layout(location = 1) in vec4 i_rect;
layout(location = 2) in vec4 i_uv;
layout(location = 3) in vec4 i_color;
layout(location = 4) in uint i_shape;
uniform vec2 u_screen;
out vec2 v_uv;
out vec4 v_color;
flat out uint v_shape;
void main() {
  vec2 p = mix(i_rect.xy, i_rect.zw, a_corner);
  v_uv = mix(i_uv.xy, i_uv.zw, a_corner);
  v_color = i_color;
  v_shape = i_shape;
  gl_Position = vec4(p.x / u_screen.x * 2.0 - 1.0, 1.0 - p.y / u_screen.y * 2.0, 0.0, 1.0);
}
