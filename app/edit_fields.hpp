// The editor's fields: text that is applied when the user presses Enter or leaves the field (never per
// keystroke: each change is one undo step), EDTF dates with a live reading under them and the error in red
// while they are invalid, and a field that completes from a list (lanes, tags, sources). What is typed lives
// here between frames, keyed by the field's ImGui id, and follows the document while the field is idle.
#pragma once

#include "model/edtf.hpp"

#include <imgui.h>

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace cs {

struct Choice {
  std::string value;  // what is written in the file (an id, a tag)
  std::string label;  // what the list shows
};

enum class DateKind { Any, Single };  // Any: a date, interval or set (events); Single: one date (published)

// The reading under a date: its words and, for a single date, its precision ("Monday, 23 November 2015,
// day precision").
std::string date_reading(const When& w);

class EditFields {
 public:
  // A one-line field (Enter or leaving it applies) or a multi-line one (leaving it, or Ctrl+Enter). True once
  // with `out` set when the user applied a text that differs from `value`. `hint` shows while it is empty.
  bool text(const char* label, const std::string& value, std::string& out, const char* hint = nullptr,
            bool multiline = false, bool select_all = false);
  // An EDTF field: applies only valid text; shows the reading ("Monday, 23 November 2015") or the error.
  // `optional`: an empty field is valid too (the key is then removed).
  bool date(const char* label, const std::string& value, std::string& out, DateKind kind = DateKind::Any,
            const char* hint = nullptr, bool optional = false);
  // A field offering the `choices` that match what is typed; Up/Down move, Tab completes, Enter or a click
  // takes one. With `free_text`, Enter also takes what was typed. True once with `out` set.
  bool choose(const char* label, const char* hint, std::span<const Choice> choices, bool free_text, std::string& out);

  // The next field drawn takes the keyboard (e.g. the title of an event just added).
  void focus_next() { focus_next_ = true; }
  // Is any of these fields being typed in? (How many, so far this frame: to tell which group has the keys.)
  bool typing() const { return typing_ > 0; }
  int typing_count() const { return typing_; }
  // Forget what was typed (another event is shown).
  void clear() { buffers_.clear(), lists_.clear(); }
  // Call once a frame before the fields.
  void new_frame() { typing_ = 0; }

 private:
  struct Buffer {
    std::string text, value;
    bool known = false;
    bool active = false;  // being typed in (as of its last drawing)
  };
  struct List {
    std::string text;
    int current = -1;
    bool hovered = false;
    std::vector<int> shown;  // indices of the choices listed
  };
  Buffer& buffer(ImGuiID id, const std::string& value);
  void take_focus();

  std::unordered_map<ImGuiID, Buffer> buffers_;
  std::unordered_map<ImGuiID, List> lists_;
  bool focus_next_ = false;
  int typing_ = 0;
};

// A small labelled tag with a remove button; true when the button was clicked. `swatch` draws a colour
// square before the text (lanes). Chips flow along the line and wrap.
bool chip(const char* id, const std::string& text, const ImVec4* swatch = nullptr, bool removable = true);
// Before a chip or a field that follows chips: continues the line when `width` still fits.
void flow_item(float width);

// Text wrapped to the panel with [begin, end) drawn highlighted (a quotation in its paragraph); line
// breaks in `text` start new lines.
void highlighted_text(const std::string& text, std::size_t begin, std::size_t end);

}  // namespace cs
