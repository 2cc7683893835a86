// A story as a Markdown handout: per step its title, range and caption, and each focused event with its date
// as written, its summary, and its citations with locators and urls. Speaker notes are left out.
#pragma once

#include "model/timeline.hpp"

#include <string>
#include <string_view>

namespace cs {

std::string story_handout(const Timeline& t, const Story& story);

// `s` as Markdown text that reads as written: punctuation that would start markup is escaped, and a line
// that would begin a heading, list, quote or table is escaped at its start.
std::string markdown_text(std::string_view s);

}  // namespace cs
