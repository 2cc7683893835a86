// Opens a link in the system browser: http and https only, through `xdg-open` started with an argument
// vector (never a shell), so a URL cannot run commands.
#pragma once

#include <string>
#include <string_view>

namespace cs {

bool is_openable_url(std::string_view url);
// False with `error` set when the URL is refused or xdg-open cannot be started.
bool open_url(const std::string& url, std::string* error);
// Collects finished xdg-open children; call now and then (each frame is fine).
void reap_url_openers();

}  // namespace cs
