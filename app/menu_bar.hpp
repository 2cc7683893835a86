// The main menu bar: File, Edit, View, Help, every action with its shortcut shown. It only reports what was
// chosen; the window carries it out (keyboard shortcuts end up in the same actions).
#pragma once

#include "app/dock.hpp"
#include "app/export_menu.hpp"
#include "app/session.hpp"
#include "model/calendars.hpp"

#include <span>
#include <string>
#include <vector>

namespace cs {

struct MenuActions {
  bool quit = false, save = false, reload = false, undo = false, redo = false;
  bool fit = false, zoom_in = false, zoom_out = false, search = false, filter = false;
  bool calendars = false;  // the View > Calendars choice changed
  std::string toggle_panel;  // a panel's name, from the View menu
  // File and Edit (the editor).
  bool open = false, save_as = false, close = false, open_in_editor = false;
  std::string open_recent;  // a path from File > Open Recent
  bool new_event = false, duplicate = false, delete_selection = false, edit_title = false;
  int nudge = 0;  // Alt+Left / Alt+Right: move the selection a unit of its precision earlier / later
  PortChoice port;           // File > Import, File > Export
  bool present = false, present_here = false;  // F5: the story from its start; Shift+F5: from its selected step
};

// What the View > Calendars menu toggles.
struct CalendarChoice {
  bool solar_hijri = false, islamic = false, julian = false;
  std::vector<Calendar> enabled() const;
  void set(std::span<const Calendar> calendars);  // exactly these (Gregorian is always shown)
};

// Draws the menu bar; `height` gets its height. `status` is shown at its right end; `recent` is File >
// Open Recent.
MenuActions menu_bar(const Session& session, const Dock& dock, CalendarChoice& calendars, const std::string& status,
                     float& height, const std::vector<std::string>& recent = {});

// The same actions from the keyboard (Ctrl+S, Ctrl+Z, N, Delete, ...). While `typing` in a text field only
// the Ctrl shortcuts other than Ctrl+Z and Ctrl+Y (the field's own undo) count.
MenuActions shortcuts(bool typing);
// Merges the keyboard's actions into the menu's.
void merge(MenuActions& a, const MenuActions& k);

}  // namespace cs
