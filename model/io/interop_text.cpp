// HTML reading is a small tag scanner, not a parser: enough for the text of a TimelineJS slide or a
// vis-timeline item, which are fragments of paragraphs, line breaks, links, lists and emphasis.
#include "model/io/interop_text.hpp"

#include "model/edtf_calendar.hpp"
#include "model/utf8.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace cs {
namespace {

struct Entity {
  std::string_view name;
  char32_t code;
};
constexpr std::array<Entity, 30> kEntities = {{
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},       {"apos", '\''},
    {"nbsp", ' '},      {"ndash", 0x2013},   {"mdash", 0x2014},   {"hellip", 0x2026},  {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"ldquo", 0x201C},   {"rdquo", 0x201D},   {"laquo", 0x00AB},   {"raquo", 0x00BB},
    {"copy", 0x00A9},   {"reg", 0x00AE},     {"trade", 0x2122},   {"euro", 0x20AC},    {"pound", 0x00A3},
    {"deg", 0x00B0},    {"middot", 0x00B7},  {"bull", 0x2022},    {"eacute", 0x00E9},  {"egrave", 0x00E8},
    {"aacute", 0x00E1}, {"uuml", 0x00FC},    {"ouml", 0x00F6},    {"auml", 0x00E4},    {"shy", 0x00AD},
}};

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool block_tag(std::string_view name) {
  static constexpr std::array<std::string_view, 24> kBlock = {
      "p",  "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",      "h6",
      "tr", "hr", "table", "blockquote", "section", "article", "header", "footer", "dd", "dt", "pre", "figure"};
  return std::find(kBlock.begin(), kBlock.end(), name) != kBlock.end();
}

// Decodes the entity at s[i] == '&'; appends it and returns the bytes used, or 0 when it is not one.
std::size_t entity(std::string_view s, std::size_t i, std::string& out) {
  const std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  const std::string_view body = s.substr(i + 1, semi - i - 1);
  if (body.size() > 1 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    std::uint32_t code = 0;
    const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
    if (ec != std::errc{} || p != digits.data() + digits.size() || digits.empty()) return 0;
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
    append_utf8(out, code == 0xA0 ? U' ' : char32_t(code));
    return semi - i + 1;
  }
  for (const Entity& e : kEntities)
    if (e.name == body) {
      append_utf8(out, e.code);
      return semi - i + 1;
    }
  return 0;
}

// The end of the tag that starts at s[i] == '<' (one past its '>'), quotes in attributes respected.
std::size_t tag_end(std::string_view s, std::size_t i) {
  char quote = 0;
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    const char c = s[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return k + 1;
    }
  }
  return s.size();
}

// Past the closing tag `</name>` at or after `from` (case-insensitive), or the end of the text.
std::size_t after_closing(std::string_view s, std::size_t from, std::string_view name) {
  for (std::size_t k = s.find("</", from); k != std::string_view::npos; k = s.find("</", k + 2)) {
    std::size_t j = 0;
    while (j < name.size() && k + 2 + j < s.size() && lower(s[k + 2 + j]) == name[j]) ++j;
    if (j == name.size()) return tag_end(s, k);
  }
  return s.size();
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string html_to_text(std::string_view s) {
  std::string raw;  // text with '\n' at block boundaries, white space not yet collapsed
  raw.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '&') {
      if (const std::size_t n = entity(s, i, raw)) {
        i += n;
        continue;
      }
      raw += c;
      ++i;
      continue;
    }
    if (c != '<') {
      raw += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
      ++i;
      continue;
    }
    if (s.substr(i, 4) == "<!--") {
      const std::size_t e = s.find("-->", i + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    const std::size_t end = tag_end(s, i);
    std::size_t k = i + 1;
    const bool closing = k < s.size() && s[k] == '/';
    if (closing) ++k;
    std::string name;
    while (k < end && (std::isalnum(static_cast<unsigned char>(s[k])))) name += lower(s[k++]);
    if (name.empty()) {  // a lone '<' is text
      raw += c;
      ++i;
      continue;
    }
    const std::string_view tag = s.substr(i, end - i);
    if (!closing && (name == "script" || name == "style" || tag.find("chronoscope-citations") != std::string_view::npos)) {
      i = after_closing(s, end, name);
      raw += '\n';
      continue;
    }
    if (block_tag(name)) raw += '\n';
    if (!closing && name == "li") raw += "- ";
    i = end;
  }
  // Collapse white space, trim lines, drop empty ones.
  std::string out;
  out.reserve(raw.size());
  bool space = false;
  for (const char c : raw) {
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (!out.empty() && out.back() != '\n') out += '\n';
      space = false;
    } else if (c == ' ') {
      space = true;
    } else {
      if (space && !out.empty() && out.back() != '\n') out += ' ';
      space = false;
      out += c;
    }
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string id_from_title(std::string_view title) {
  std::string out;
  for (std::size_t i = 0; i < title.size();) {
    const auto u = static_cast<unsigned char>(title[i]);
    if (u < 0x80) {
      if (std::isalnum(u)) out += lower(title[i]);
      else if (!out.empty() && out.back() != '-') out += '-';
      ++i;
    } else {
      const Utf8Step step = decode_utf8(title, i);
      if (step.code != kInvalidUtf8 && out.size() + step.length <= 60) out.append(title.substr(i, step.length));
      i += step.length;
    }
    if (out.size() >= 60) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "event" : out;
}

std::string with_count(std::size_t n, std::string_view unit) {
  std::string u{unit};
  if (n != 1) u = u.ends_with('y') ? u.substr(0, u.size() - 1) + "ies" : u + "s";
  return std::to_string(n) + " " + u;
}

std::string IdMaker::unique(std::string id) {
  if (used_.insert(id).second) return id;
  std::size_t& k = next_.try_emplace(id, 2).first->second;  // a title met 10,000 times costs no search
  for (;; ++k) {
    std::string next = id + "-" + std::to_string(k);
    if (used_.insert(next).second) return next;
  }
}

std::string edtf_year(std::int64_t y) {
  const std::uint64_t a = y < 0 ? std::uint64_t(-(y + 1)) + 1 : std::uint64_t(y);
  std::string digits = std::to_string(a);
  if (digits.size() > 4) return std::string{"Y"} + (y < 0 ? "-" : "") + digits;
  digits.insert(0, 4 - digits.size(), '0');
  return (y < 0 ? "-" : "") + digits;
}

When event_when(const EventStore& st, EventIndex i) {
  EdtfResult r = parse_edtf(st.date_text(i));
  return r.value ? *r.value : st.when(i);
}

std::string edtf_at(Seconds t, Precision p) {
  const calendar::Civil c = calendar::civil_of(t);
  const auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  std::string s = edtf_year(c.year);
  if (p >= Precision::Month) s += "-" + two(c.month);
  if (p >= Precision::Day) s += "-" + two(c.day);
  if (p >= Precision::Minute) {
    const std::int64_t secs = t.time_since_epoch().count();
    const std::int64_t tod = ((secs % 86400) + 86400) % 86400;
    s += "T" + two(tod / 3600) + ":" + two(tod / 60 % 60);
    if (p >= Precision::Second) s += ":" + two(tod % 60);
    s += "Z";
  }
  return s;
}

void warn_lost(Diagnostics& diag, std::string_view format, std::string_view what, std::size_t n,
               std::string_view unit, std::string_view how) {
  if (n == 0) return;
  diag.warning({}, std::string{format} + " cannot hold " + std::string{what} + "; " + std::string{how} + " (" +
                       with_count(n, unit) + ")");
}

}  // namespace cs
