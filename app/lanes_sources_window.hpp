// The lanes and sources panel: each lane's name, colour (hex, or picked), id and place in the order; each
// source's id, title, publisher, publication date, url, archive and notes; lanes and sources added and
// removed. Every change is one undoable edit of the document, as a minimal patch of the file.
#pragma once

#include "app/edit_fields.hpp"
#include "app/session.hpp"
#include "app/ui_log.hpp"

#include <string>

namespace cs {

class LanesSourcesWindow {
 public:
  void draw(Session& session);
  bool typing() const { return fields_.typing(); }

 private:
  void apply(Session& session, std::span<const EditOp> ops, std::string label);
  void apply(Session& session, const EditOp& op, std::string label) {
    apply(session, std::span<const EditOp>{&op, 1}, std::move(label));
  }
  void lanes(Session& session);
  void sources(Session& session);
  void move_lane(Session& session, std::size_t from, std::size_t to);

  EditFields fields_;
  std::string error_;
  std::string picking_;  // the lane whose colour picker is open
  float picked_[3] = {0, 0, 0};
};

// "#c0392b" for a colour; and back (nothing when it is not #rrggbb).
std::string hex_colour(const Rgba& c);
std::optional<Rgba> parse_hex_colour(std::string_view s);

}  // namespace cs
