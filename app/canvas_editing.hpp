// Editing on the canvas: drag an event to move it in time (snapped to its own precision, the new date shown
// while dragging) and to another lane (Alt: add that lane instead); drag an interval's end to resize it;
// Shift+drag on empty canvas selects with a rubber band (Ctrl+Shift adds to the selection). The canvas calls
// frame() once a frame with what it shows; a finished drag becomes one edit request that the workspace
// applies. Also where N puts a new event (the date and lane under the mouse).
#pragma once

#include "app/session.hpp"
#include "app/ui_log.hpp"
#include "model/snap.hpp"
#include "render/layout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cs {

// What the canvas shows this frame (framebuffer pixels, the canvas's top-left at 0,0 as in the layout).
struct EditingView {
  const Document& doc;
  const TimelineIndex& index;
  const Layout& layout;
  const Viewport& viewport;
  const LayoutConfig& cfg;
  float origin_x = 0, origin_y = 0;  // the canvas's top-left in framebuffer pixels
  float fb_scale = 1;                // framebuffer pixels per window unit
  bool hovered = false;              // the mouse is on the canvas and the canvas takes input
};

struct EditRequest {
  std::vector<EditOp> ops;
  std::string label;
  std::vector<std::string> select;  // ids to select once applied (empty: keep the selection)
};

class CanvasEditing {
 public:
  explicit CanvasEditing(const UiLog& log) : log_(log) {}

  // Follows the mouse and draws the drag's preview. True while a drag or a rubber band owns the mouse (and on
  // the frame it ends): the canvas then neither pans nor changes the selection.
  bool frame(const EditingView& v, Selection& sel);
  // The edit a finished drag asks for, taken once.
  std::optional<EditRequest> take_request();

  // Where N adds an event: the date under the mouse, written at a precision that suits the zoom (a year,
  // a month or a day), and the lane under it; off the canvas, the middle of the view and no lane.
  struct Place {
    std::string date;
    std::string lane;
  };
  Place new_event_place() const;

 private:
  enum class Gesture { None, ArmedMove, ArmedBand, Move, Band };
  const LayoutRecord* grabbable(const EditingView& v, float x, float y, DragPart& part) const;
  std::string lane_at(const EditingView& v, float y) const;
  void start_move(const EditingView& v, Selection& sel);
  void preview_move(const EditingView& v);
  void finish_move(const EditingView& v);
  void finish_band(const EditingView& v, Selection& sel);
  std::int64_t drag_seconds(const EditingView& v) const;

  const UiLog& log_;
  Gesture gesture_ = Gesture::None;
  float press_x_ = 0, press_y_ = 0, mouse_x_ = 0, mouse_y_ = 0;  // layout pixels
  std::string grabbed_;          // the event pressed on
  std::string from_lane_;        // the lane it was grabbed in ("" for none)
  DragPart part_ = DragPart::Whole;
  std::vector<std::string> moving_;  // every event the drag moves
  std::optional<EditRequest> request_;
  // For N: the time and lane under the mouse, and the view's span.
  Seconds cursor_{};
  std::string cursor_lane_;
  double span_ = 0;
};

}  // namespace cs
