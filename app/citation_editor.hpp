// An event's citations in the inspector: each as its source (a link where it prints a URL), and, editable,
// its source picker, locator, how it dates the event, quote, date note and the date it claims; moved up or
// down, removed, or added. Under each, the cited paragraph of the source's archived text with the quote
// highlighted, or why it cannot be shown. A change sets the event's whole `sources` list, one undo step.
#pragma once

#include "app/edit_fields.hpp"
#include "app/open_url.hpp"
#include "app/session.hpp"
#include "app/ui_log.hpp"
#include "model/passages.hpp"

#include <string>
#include <vector>

namespace cs {

struct CitationEdit {
  EditOp op;
  std::string label;  // empty: nothing to do
};

class CitationEditor {
 public:
  CitationEdit draw(Session& session, const Event& e, EditFields& fields, bool editable);

 private:
  void source_line(const Source& s);
  void passage(const Passage& p, const SourceRef& ref);
  void refresh(const Session& session, const Event& e);

  std::vector<Passage> passages_;  // per citation, for ...
  const Document* passages_doc_ = nullptr;
  std::uint64_t passages_generation_ = ~std::uint64_t{0};
  std::string passages_event_;
  UrlOpener opener_;
  std::string link_error_;
};

}  // namespace cs
