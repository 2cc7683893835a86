// One event in the inspector, every field editable in place: title, date (EDTF with its reading, the dates
// in the enabled calendars, and the sources that date it otherwise), lanes picked from the lanes, tags with
// completion from the tags in use, summary, citations, notes, id, and where the event is in the file. Each
// change is one undoable edit of the document; a refused one shows why.
#pragma once

#include "app/citation_editor.hpp"
#include "app/edit_fields.hpp"
#include "app/session.hpp"
#include "app/ui_log.hpp"
#include "model/calendars.hpp"

#include <span>
#include <string>
#include <vector>

namespace cs {

class EventEditor {
 public:
  // `editable`: false for a read-only document (the fields are shown as text).
  void draw(Session& session, const Event& e, std::span<const Calendar> calendars, bool editable, const UiLog& log);
  void focus_title() { focus_title_ = true; }
  void reset() { fields_.clear(), error_.clear(); }
  bool typing() const { return fields_.typing(); }

 private:
  void apply(Session& session, std::span<const EditOp> ops, std::string label);
  void apply(Session& session, const EditOp& op, std::string label) {
    apply(session, std::span<const EditOp>{&op, 1}, std::move(label));
  }
  void date_details(const Timeline& t, const Event& e, std::span<const Calendar> calendars);
  void lanes(Session& session, const Event& e, bool editable);
  void tags(Session& session, const Event& e, bool editable);
  const std::vector<Choice>& tags_in_use(const Session& session);

  EditFields fields_;
  CitationEditor citations_;
  std::string error_;  // why the last edit was refused
  bool focus_title_ = false;
  std::vector<Choice> tags_;
  std::uint64_t tags_generation_ = ~std::uint64_t{0};
  const Document* tags_doc_ = nullptr;
};

// A dim heading over a field or a group.
void field_heading(const char* text);

}  // namespace cs
