// The inspector: everything about the selected event, with each source as a link or a full citation.
#pragma once

#include "app/session.hpp"
#include "app/open_url.hpp"
#include "app/ui_log.hpp"

#include <optional>
#include <string>

namespace cs {

struct InspectorWindow {
  // The contents of its dock tab. `generation`: the session's, so an edit or reload shows at once.
  void draw(const Document& doc, const Selection& sel, std::uint64_t generation, const UiLog& log);

 private:
  void draw_event(const Timeline& t, const Event& e);
  void draw_source(const Timeline& t, const SourceRef& ref, int n);
  void link(const std::string& text, const std::string& url);

  std::string shown_;               // the id of the event shown ...
  std::uint64_t shown_generation_ = 0;  // ... as of this generation
  std::optional<Event> event_;      // copied out of the store once
  std::string link_error_;
  UrlOpener opener_;  // xdg-open children; a failure shows under the sources
};

}  // namespace cs
