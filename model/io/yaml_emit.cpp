// Scalars: plain when safe, else quoted (double quotes escape what single quotes cannot hold); text with line
// breaks as a literal block (|, |- or |+ for its trailing newlines). Lists and maps in flow or block style.
#include "model/io/yaml_emit.hpp"

#include <cstdio>

namespace cs {
namespace {

bool control(unsigned char c) { return c < 0x20 || c == 0x7f; }

std::string double_quoted(std::string_view v) {
  std::string out = "\"";
  for (const char ch : v) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (control(c)) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02X", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string single_quoted(std::string_view v) {
  std::string out = "'";
  for (const char c : v) out += c == '\'' ? std::string{"''"} : std::string(1, c);
  return out + "'";
}

// A literal block scalar: header (with an indentation indicator when the first line starts with a space,
// and the chomping that keeps the trailing newlines exactly), then the lines at c.indent.
std::string literal_block(std::string_view v, const EmitContext& c) {
  std::size_t trailing = 0;
  while (trailing < v.size() && v[v.size() - 1 - trailing] == '\n') ++trailing;
  const std::string_view body = v.substr(0, v.size() - trailing);
  std::string out = "|";
  // YAML finds a block's indentation on its first non-empty line: say it when that line starts with a space.
  const std::size_t first = body.find_first_not_of('\n');
  if (first != std::string_view::npos && (body[first] == ' ' || body[first] == '\t')) out += std::to_string(c.indent - c.parent);
  out += trailing == 0 ? "-" : trailing == 1 ? "" : "+";
  const std::string pad(std::size_t(c.indent), ' ');
  std::size_t a = 0;
  while (true) {
    const std::size_t nl = body.find('\n', a);
    const std::string_view line = body.substr(a, nl == std::string_view::npos ? std::string_view::npos : nl - a);
    out += c.newline;
    if (!line.empty()) out += pad + std::string{line};
    if (nl == std::string_view::npos) break;
    a = nl + 1;
  }
  for (std::size_t k = 1; k < trailing; ++k) out += c.newline;
  return out;
}

}  // namespace

bool plain_ok(std::string_view v, bool flow) {
  if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return false;
  if (v.front() == ' ' || v.front() == '\t' || v.back() == ' ' || v.back() == '\t' || v.back() == ':') return false;
  for (const char c : v)
    if (control(static_cast<unsigned char>(c))) return false;
  const char first = v.front();
  if (std::string_view{",[]{}#&*!|>'\"%@`"}.find(first) != std::string_view::npos) return false;
  if ((first == '-' || first == '?' || first == ':') && (v.size() == 1 || v[1] == ' ')) return false;
  if (v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos) return false;
  if (flow && v.find_first_of(",[]{}?~%") != std::string_view::npos) return false;
  return true;
}

std::string emit_scalar(std::string_view v, YStyle preferred, const EmitContext& c) {
  const bool multi_line = v.find('\n') != std::string_view::npos;
  const bool only_breaks = v.find_first_not_of('\n') == std::string_view::npos;
  if (multi_line) return c.flow || only_breaks ? double_quoted(v) : literal_block(v, c);
  switch (preferred) {
    case YStyle::Literal:
    case YStyle::Folded:
      if (!c.flow && v.find_first_of("\r\t") == std::string_view::npos && !v.empty() && v.front() != ' ') {
        const std::string pad(std::size_t(c.indent), ' ');
        return std::string{preferred == YStyle::Literal ? "|-" : ">-"} + std::string{c.newline} + pad + std::string{v};
      }
      break;
    case YStyle::Single: {
      bool ok = true;
      for (const char ch : v) ok = ok && !control(static_cast<unsigned char>(ch));
      if (ok) return single_quoted(v);
      break;
    }
    case YStyle::Double: return double_quoted(v);
    default: break;
  }
  return plain_ok(v, c.flow) ? std::string{v} : double_quoted(v);
}

std::string emit_value(const YNode& v, const StyleHint& hint, const EmitContext& c, bool* starts_new_line) {
  if (starts_new_line) *starts_new_line = false;
  if (v.is_scalar()) return emit_scalar(v.value, hint.scalar, c);
  if (v.kind == YNode::Kind::Null) return "";
  EmitContext inner = c;
  inner.flow = true;
  const auto key_text = [&](const YNode& k) { return emit_scalar(k.value, YStyle::Plain, inner); };
  if (v.is_sequence()) {
    if (c.flow || hint.list == YStyle::Flow) {
      std::string out = "[";
      for (std::size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + emit_value(*v.items[i], {}, inner);
      return out + "]";
    }
    if (starts_new_line) *starts_new_line = true;
    std::string out;
    const std::string pad(std::size_t(c.indent), ' ');
    EmitContext item = c;
    item.parent = c.indent;
    item.indent = c.indent + 2;
    for (const YNode* n : v.items) {
      out += std::string{c.newline} + pad + "- ";
      if (n->is_map() && hint.item == YStyle::Block) {
        const std::string key_pad(std::size_t(item.indent), ' ');
        for (std::size_t i = 0; i < n->map_size(); ++i) {
          if (i) out += std::string{c.newline} + key_pad;
          EmitContext val = item;
          val.parent = item.indent;
          val.indent = item.indent + 2;
          bool own_line = false;
          const std::string text = emit_value(n->val(i), {}, val, &own_line);
          out += key_text(n->key(i)) + ":" + (own_line || text.empty() ? "" : " ") + text;
        }
      } else {
        out += emit_value(*n, {}, n->is_map() ? inner : item);
      }
    }
    return out;
  }
  // A map: flow unless asked for block (and not inside a flow collection).
  if (c.flow || hint.map == YStyle::Flow) {
    std::string out = "{";
    for (std::size_t i = 0; i < v.map_size(); ++i)
      out += (i ? ", " : "") + key_text(v.key(i)) + ": " + emit_value(v.val(i), {}, inner);
    return out + "}";
  }
  if (starts_new_line) *starts_new_line = true;
  std::string out;
  const std::string pad(std::size_t(c.indent), ' ');
  for (std::size_t i = 0; i < v.map_size(); ++i) {
    EmitContext val = c;
    val.parent = c.indent;
    val.indent = c.indent + 2;
    bool own_line = false;
    const std::string text = emit_value(v.val(i), {}, val, &own_line);
    out += std::string{c.newline} + pad + key_text(v.key(i)) + ":" + (own_line || text.empty() ? "" : " ") + text;
  }
  return out;
}

}  // namespace cs
