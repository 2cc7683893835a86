#version 330 core
// Shapes: 0 solid rectangle, 1 glyph (coverage from the atlas), 2 filled diamond, 3 hollow diamond.
in vec2 v_uv;
in vec4 v_color;
flat in uint v_shape;
uniform sampler2D u_atlas;
out vec4 o_color;
void main() {
  float a = 1.0;
  if (v_shape == 1u) {
    a = texture(u_atlas, v_uv).r;
  } else if (v_shape >= 2u) {
    float d = abs(v_uv.x) + abs(v_uv.y);
    float w = max(fwidth(d), 1e-4);
    a = 1.0 - smoothstep(1.0 - w, 1.0, d);
    if (v_shape == 3u) a *= smoothstep(0.55 - w, 0.55, d);
  }
  o_color = vec4(v_color.rgb, v_color.a * a);
  if (o_color.a <= 0.0) discard;
}
