// A hand-written check of RFC 3986's grammar for http(s): scheme "://" authority path ["?" query]
// ["#" fragment], where authority is [userinfo "@"] host [":" port].
#include "model/url.hpp"

#include "model/utf8.hpp"

#include "model/diagnostics.hpp"

#include <cctype>

namespace cs {
namespace {

bool unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool sub_delim(char c) {
  switch (c) {
    case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',': case ';': case '=':
      return true;
    default: return false;
  }
}
bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// Code points an IRI may not hold even though they are valid UTF-8: C1 controls, spaces and line
// separators, and bidirectional formatting (RFC 3987 section 4.1).
bool forbidden_code_point(char32_t c) {
  return (c >= 0x80 && c <= 0xA0) || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
         c == 0x205F || (c >= 0x2066 && c <= 0x2069) || c == 0x061C || c == 0x3000 || c == 0xFEFF;
}

std::string hex_code(char32_t c, int digits) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string s;
  for (int d = digits - 1; d >= 0; --d) s += kDigits[(c >> (4 * d)) & 15];
  return s;
}

bool fail(std::string* why, std::string reason) {
  if (why) *why = std::move(reason);
  return false;
}

// Checks every character of `part` (starting at byte `base` of the url) against `allowed` plus %XX escapes
// and non-ASCII letters.
template <class Allowed>
bool check_chars(std::string_view part, std::size_t base, Allowed allowed, std::string* why) {
  for (std::size_t i = 0; i < part.size();) {
    const char c = part[i];
    const std::string at = " at position " + std::to_string(base + i + 1);
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) {
      const Utf8Step step = decode_utf8(part, i);
      if (step.code == kInvalidUtf8) return fail(why, "is not valid UTF-8" + at);
      if (forbidden_code_point(step.code))
        return fail(why, "contains the invisible or control character U+" + hex_code(step.code, 4) + at);
      i += step.length;
      continue;
    }
    if (c == ' ') return fail(why, "contains a space" + at);
    if (c == '\n' || c == '\r') return fail(why, "contains a line break" + at);
    if (b < 0x20 || b == 0x7F) return fail(why, "contains the control character U+" + hex_code(b, 4) + at);
    if (c == '%') {
      if (i + 2 >= part.size() || !is_hex(part[i + 1]) || !is_hex(part[i + 2]))
        return fail(why, "has a '%' that does not start a %XX escape" + at);
      i += 3;
      continue;
    }
    if (!unreserved(c) && !sub_delim(c) && !allowed(c))
      return fail(why, std::string{"contains '"} + c + "'" + at + ", which must be written %" + hex_code(b, 2));
    ++i;
  }
  return true;
}

// Between brackets: an IPv6 address (hex digits, ':' and '.', with at least one ':'; checked loosely, as
// a wrong one fails in the browser, harmlessly) or an IPvFuture ("v1.anything").
bool check_ip_literal(std::string_view lit, std::size_t base, std::string* why) {
  const bool future = lit.size() > 1 && (lit[0] == 'v' || lit[0] == 'V');
  if (!future && lit.find(':') == std::string_view::npos)
    return fail(why, "has a bracketed host that is not an IPv6 address at position " + std::to_string(base + 1));
  for (std::size_t i = 0; i < lit.size(); ++i) {
    const char c = lit[i];
    const bool ok = future ? unreserved(c) || sub_delim(c) || c == ':' : is_hex(c) || c == ':' || c == '.';
    if (!ok) return fail(why, std::string{"contains '"} + c + "' in its IPv6 host at position " + std::to_string(base + i + 1));
  }
  return true;
}

}  // namespace

bool is_valid_url(std::string_view url, std::string* why) {
  if (url.size() > kMaxUrlBytes)
    return fail(why, "is longer than " + with_thousands(kMaxUrlBytes) + " characters (" + with_thousands(url.size()) + ")");
  const auto lower_prefix = [&](std::string_view p) {
    if (url.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    return true;
  };
  std::size_t i = 0;
  if (lower_prefix("http://")) i = 7;
  else if (lower_prefix("https://")) i = 8;
  else return fail(why, "must start with http:// or https://");
  // The authority runs to the first '/', '?' or '#'.
  std::size_t end = url.find_first_of("/?#", i);
  if (end == std::string_view::npos) end = url.size();
  std::string_view auth = url.substr(i, end - i);
  std::size_t base = i;
  if (const auto at = auth.rfind('@'); at != std::string_view::npos) {
    if (!check_chars(auth.substr(0, at), base, [](char c) { return c == ':'; }, why)) return false;
    auth.remove_prefix(at + 1);
    base += at + 1;
  }
  std::string_view host = auth, port;
  if (!auth.empty() && auth[0] == '[') {
    const auto close = auth.find(']');
    if (close == std::string_view::npos) return fail(why, "has a '[' with no ']' in its host");
    if (!check_ip_literal(auth.substr(1, close - 1), base + 1, why)) return false;
    host = auth.substr(0, close + 1);
    const auto rest = auth.substr(close + 1);
    if (!rest.empty() && rest[0] != ':')
      return fail(why, "has text after its IPv6 host at position " + std::to_string(base + close + 2));
    if (!rest.empty()) port = rest.substr(1);
  } else {
    if (const auto colon = auth.rfind(':'); colon != std::string_view::npos) {
      host = auth.substr(0, colon);
      port = auth.substr(colon + 1);
    }
    if (!check_chars(host, base, [](char) { return false; }, why)) return false;
  }
  if (host.empty()) return fail(why, "has no host");
  if (!port.empty()) {
    unsigned long n = 0;
    for (const char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || (n = n * 10 + unsigned(c - '0')) > 65535)
        return fail(why, "has port '" + std::string{port.substr(0, 12)} + "', not a number from 0 to 65535");
    }
  }
  // Path, query and fragment: pchar plus '/', '?' (and '#' once, starting the fragment).
  const std::string_view rest = url.substr(end);
  const auto hash = rest.find('#');
  const auto path_query = rest.substr(0, hash);
  if (!check_chars(path_query, end, [](char c) { return c == '/' || c == '?' || c == ':' || c == '@'; }, why))
    return false;
  if (hash != std::string_view::npos &&
      !check_chars(rest.substr(hash + 1), end + hash + 1,
                   [](char c) { return c == '/' || c == '?' || c == ':' || c == '@'; }, why))
    return false;
  return true;
}

}  // namespace cs
