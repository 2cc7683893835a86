// The inspector: everything about the selected event, with each source as a link or a full citation.
#pragma once

#include "app/document.hpp"
#include "app/open_url.hpp"
#include "app/ui_log.hpp"

#include <optional>
#include <string>

namespace cs {

struct InspectorWindow {
  void draw(const Timeline& t, const Selection& sel, float x, float y, float w, float h, const UiLog& log);

 private:
  void draw_event(const Timeline& t, const Event& e);
  void draw_source(const Timeline& t, const SourceRef& ref, int n);
  void link(const std::string& text, const std::string& url);

  std::optional<EventIndex> shown_;  // the event shown, copied out of the store once
  Event event_;
  std::string link_error_;
  UrlOpener opener_;  // xdg-open children; a failure shows under the sources
};

}  // namespace cs
