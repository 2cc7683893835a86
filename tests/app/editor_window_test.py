#!/usr/bin/env python3
"""Drives the real chronoscope window as an editor, under Xvfb with xdotool: edit a title in the inspector, undo
and redo it, delete an event, drag an event by a month, add one with N, save with Ctrl+S, and check the file on
disk: exactly the edited lines changed, every other byte as it was. Also an invalid date that is never applied,
a multi-selection with the rubber band, the unsaved-changes question on quitting and on opening another file
(through the file dialog), and the recent files. Screenshots of the
inspector in edit mode, an invalid date and a multi-selection are left in OUTDIR.

Run as: xvfb-run -a -s "-screen 0 1280x720x24" python3 editor_window_test.py BINARY FIXTURE OUTDIR
Prints 'N passed, N failed'.
"""
import calendar
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import time

from ui_log import UiLogReader

BINARY, SOURCE, OUTDIR = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(OUTDIR, exist_ok=True)
FIXTURE = os.path.join(OUTDIR, "timeline.yaml")  # a copy: the test saves over it
shutil.copyfile(SOURCE, FIXTURE)
with open(FIXTURE, "rb") as f:
    ORIGINAL = f.read()
results = []
DAY = 86400
# A stand-in for the user's editor, named vi (an editor that takes +LINE): writes its arguments, one a line.
os.makedirs(os.path.join(OUTDIR, "bin"), exist_ok=True)
STUB_EDITOR = os.path.join(OUTDIR, "bin", "vi")
EDITOR_ARGS = os.path.join(OUTDIR, "editor-args")
if os.path.exists(EDITOR_ARGS):
    os.remove(EDITOR_ARGS)
with open(STUB_EDITOR, "w") as f:
    f.write("#!/bin/sh\nprintf '%%s\\n' \"$@\" > '%s'\n" % EDITOR_ARGS)
os.chmod(STUB_EDITOR, 0o755)


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok     " if ok else "FAILED ") + name + ("" if ok else ": " + detail), flush=True)


class App(UiLogReader):
    def __init__(self):
        self.log_path = os.path.join(OUTDIR, "ui.log")
        self.log = open(self.log_path, "w")
        for d in ("config", "state"):  # remembered panels and recent files: start from none, never the user's
            shutil.rmtree(os.path.join(OUTDIR, d), ignore_errors=True)
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(OUTDIR, "config"),
                   XDG_STATE_HOME=os.path.join(OUTDIR, "state"))
        env.pop("EDITOR", None)
        env["VISUAL"] = STUB_EDITOR  # records the arguments it is started with
        if shutil.which("zenity"):  # the built-in file browser, which the keys below drive (the app runs nothing else)
            env["PATH"] = "/nonexistent"
        self.proc = subprocess.Popen([BINARY, FIXTURE, "--size", "1280x720", "--log-ui"],
                                     stdout=subprocess.DEVNULL, stderr=self.log, env=env)
        m = self.wait_for(r"ui: canvas (\d+) (\d+) (\d+) (\d+)")
        self.canvas = tuple(int(v) for v in m.groups())
        self.window = self.find_window()

    def find_window(self):
        for _ in range(100):
            out = subprocess.run(["xdotool", "search", "--name", "Chronoscope"], capture_output=True, text=True)
            if out.stdout.strip():
                return out.stdout.split()[0]
            time.sleep(0.1)
        raise RuntimeError("window not found")

    def title(self):
        return subprocess.run(["xdotool", "getwindowname", self.window], capture_output=True, text=True).stdout.strip()

    def xdo(self, *args):
        subprocess.run(["xdotool", *args], check=True)
        time.sleep(0.15)

    def move(self, x, y):
        self.xdo("mousemove", "--window", self.window, str(int(x)), str(int(y)))

    def click_at(self, x, y):
        self.move(x, y)
        self.xdo("click", "1")

    def key(self, *keys):
        for k in keys:
            self.xdo("key", k)

    def type(self, text):
        self.xdo("type", "--delay", "40", text)

    def drag(self, x0, y0, x1, y1, steps=12, modifier=None):
        self.move(x0, y0)
        if modifier:
            self.xdo("keydown", modifier)
        self.xdo("mousedown", "1")
        for s in range(1, steps + 1):
            self.move(x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps)
        self.xdo("mouseup", "1")
        if modifier:
            self.xdo("keyup", modifier)

    def screenshot(self, name):
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", os.path.join(OUTDIR, name)], check=False)

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def expect_line(app, name, pattern, after):
    """Passes when the window logs a line matching `pattern` after line `after`; returns the match."""
    try:
        m = app.wait_for(pattern, after=after)
        check(name, True)
        return m
    except TimeoutError as e:
        check(name, False, str(e))
        return None


def no_line(app, name, pattern, after, wait=0.8):
    time.sleep(wait)
    found = [l for l in app.lines()[after:] if re.match(pattern, l)]
    check(name, not found, "\n".join(found))


def layout(width, height):
    # --context-bar: the canvas as the window lays it out, with the context bar under the axis.
    out = subprocess.run([BINARY, "layout", FIXTURE, "--size", "%dx%d" % (width, height), "--context-bar"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def record(lay, event_id, lane):
    for r in lay["records"]:
        if r.get("ids") == [event_id] and r["lane"] == lane:
            return r
    raise KeyError(event_id)


def lane_band(lay, lane):
    return next(l for l in lay["lanes"] if l["id"] == lane)


def centre(r):
    return (r["x0"] + r["x1"]) / 2, (r["y0"] + r["y1"]) / 2


def only_these_lines_changed(before, after, removed, added):
    """The files differ in exactly these lines (every other line, and the order, as it was)."""
    a, b = before.decode().splitlines(keepends=True), after.decode().splitlines(keepends=True)
    gone, new = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            gone += a[i1:i2]
            new += b[j1:j2]
    ok = len(gone) == len(removed) and len(new) == len(added) and \
        all(g == r for g, r in zip(gone, removed)) and all(re.fullmatch(p, n) for n, p in zip(new, added))
    return ok, "removed %r, added %r" % (gone, new)


def main():
    app = App()
    cx, cy, cw, ch = app.canvas
    lay = layout(cw, ch)
    header = 160  # LayoutConfig.header_width at scale 1
    t0, t1 = [calendar.timegm(time.strptime(s, "%Y-%m-%dT%H:%M:%SZ")) for s in lay["range"]]
    seconds_per_px = (t1 - t0) / (cw - header)

    # Select the Tehran visit: the inspector shows its fields (a screenshot of the editor).
    vx, vy = centre(record(lay, "visit", "iran"))
    n = len(app.lines())
    app.click_at(cx + vx, cy + vy)
    expect_line(app, "click shows the event in the inspector", r"ui: inspector visit$", n)
    app.move(cx + cw + 150, cy + ch - 10)  # off the canvas: no tooltip over the panel
    time.sleep(0.3)
    app.screenshot("inspector-edit.png")

    # F2 puts the keys in the title field; typing replaces the title, Enter applies it as one edit.
    n = len(app.lines())
    app.key("F2")
    expect_line(app, "F2 focuses the title field", r"ui: inspector title focus$", n)
    app.type("Putin in Tehran")
    app.key("Return")
    expect_line(app, "Enter applies the title", r"ui: edit Set title of visit$", n)
    expect_line(app, "the inspector shows the new title", r"ui: inspector shows Putin in Tehran$", n)
    check("the title bar shows the unsaved dot", app.title().endswith("•"), app.title())

    n = len(app.lines())
    app.key("ctrl+z")
    expect_line(app, "Ctrl+Z undoes the title", r"ui: undo Set title of visit$", n)
    expect_line(app, "the old title is back", r"ui: inspector shows Putin visits Tehran$", n)
    time.sleep(0.3)
    check("undone to the saved text: no dot", not app.title().endswith("•"), app.title())
    n = len(app.lines())
    app.key("ctrl+shift+z")
    expect_line(app, "Ctrl+Shift+Z redoes it", r"ui: redo Set title of visit$", n)
    expect_line(app, "the new title is back", r"ui: inspector shows Putin in Tehran$", n)

    # Ctrl+E opens the file in $VISUAL at the selected event's line.
    n = len(app.lines())
    app.key("ctrl+e")
    expect_line(app, "Ctrl+E opens the file in the editor", r"ui: editor %s:11$" % re.escape(FIXTURE), n)
    args = ""
    for _ in range(50):
        if os.path.exists(EDITOR_ARGS):
            with open(EDITOR_ARGS) as f:
                args = f.read()
            if args:
                break
        time.sleep(0.1)
    check("the editor gets +LINE and the file, as arguments", args == "+11\n" + FIXTURE + "\n", repr(args))

    # An impossible date shows its error and is never applied (screenshot), Escape gives the field back.
    n = len(app.lines())
    app.key("F2")
    app.wait_for(r"ui: inspector title focus$", after=n)
    app.key("Tab")
    app.type("2015-02-30")
    app.move(cx + cw + 150, cy + ch - 10)
    time.sleep(0.3)
    app.screenshot("invalid-date.png")
    app.key("Return")
    no_line(app, "an invalid date is not applied", r"ui: edit ", n)
    app.key("Escape")
    app.key("Escape")

    # Delete: Burst 8 selected, then the Delete key.
    bx, by = centre(record(lay, "b8", "syria"))
    n = len(app.lines())
    app.click_at(cx + bx, cy + by)
    app.wait_for(r"ui: inspector b8$", after=n)
    app.key("Delete")
    expect_line(app, "Delete removes the selected event", r"ui: edit Delete b8$", n)

    # Drag the month-precise event (June 2015) a month later: it moves by whole months.
    m = record(lay, "month-event", "iran")
    mx, my = centre(m)
    month_px = 31 * DAY / seconds_per_px
    n = len(app.lines())
    app.drag(cx + mx, cy + my, cx + mx + month_px, cy + my)
    expect_line(app, "dragging an event moves it", r"ui: drag month-event$", n)
    expect_line(app, "a month's drag moves the date by a month", r"ui: edit Move month-event$", n)
    # The keyboard moves it too: Alt+Right a month later, Alt+Left back (the dragged event is selected).
    n = len(app.lines())
    app.key("alt+Right")
    expect_line(app, "Alt+Right moves the selection a unit later", r"ui: edit Move later: month-event$", n)
    app.key("alt+Left")
    expect_line(app, "Alt+Left moves it back", r"ui: edit Move earlier: month-event$", n)

    # N over Syria's lane on empty canvas adds an event there, at the date under the mouse, and opens it with
    # the title field taking the keys.
    syria = lane_band(lay, "syria")
    nx = header + (cw - header) * 0.75
    n = len(app.lines())
    app.move(cx + nx, cy + (syria["y0"] + syria["y1"]) / 2 + 20)
    app.key("n")
    added = expect_line(app, "N adds an event in the lane under the mouse", r"ui: new event (\S+) (\S+) syria$", n)
    expect_line(app, "the new event's title takes the keys", r"ui: inspector title focus$", n)
    app.type("Added in the test")
    app.key("Return")
    new_id = added.group(1) if added else "new-event"
    expect_line(app, "its title is applied", r"ui: edit Set title of %s$" % re.escape(new_id), n)
    new_date = added.group(2) if added else "?"
    expected_t = t0 + (nx - header) * seconds_per_px
    check("the new event is dated at the mouse", added is not None and
          abs(calendar.timegm(time.strptime(new_date, "%Y-%m-%d")) - expected_t) < 2 * DAY, new_date)

    # Save with Ctrl+S; exactly the edited lines changed on disk.
    n = len(app.lines())
    app.key("ctrl+s")
    expect_line(app, "Ctrl+S saves", r"ui: save saved .*timeline\.yaml$", n)
    time.sleep(0.3)
    check("saved: no dot in the title bar", not app.title().endswith("•"), app.title())
    with open(FIXTURE, "rb") as f:
        saved = f.read()
    ok, detail = only_these_lines_changed(
        ORIGINAL, saved,
        removed=["    title: Putin visits Tehran\n", "    date: 2015-06\n",
                 "  - {id: b8, title: Burst 8, date: 2015-03-04, lanes: [syria]}\n"],
        added=[r"    title: Putin in Tehran\n", r"    date: 2015-07\n",
               r"  - \{id: %s, title: Added in the test, date: %s, lanes: \[syria\]\}\n"
               % (re.escape(new_id), re.escape(new_date))])
    check("only the edited lines changed on disk", ok, detail)
    out = subprocess.run([BINARY, "check", FIXTURE], capture_output=True, text=True)
    check("the saved file checks clean", out.returncode == 0 and ", 0 errors, 0 warnings" in out.stdout,
          out.stdout + out.stderr)

    # A rubber band (Shift+drag on empty canvas, from the gap above the first burst) over the burst selects
    # several (screenshot). Escape first: a selected event takes the first row of its lanes.
    app.key("Escape")
    b1 = record(lay, "b1", "syria")
    b5 = record(lay, "b5", "syria")
    n = len(app.lines())
    app.drag(cx + b1["x0"] - 40, cy + b1["y0"] - 3, cx + b5["x1"] + 40, cy + b5["y1"] + 3, modifier="shift")
    band = expect_line(app, "Shift+drag selects with a rubber band", r"ui: band (\d+)$", n)
    check("the band holds the five bursts it covers", band is not None and band.group(1) == "5",
          band.group(0) if band else "")
    app.move(cx + cw + 150, cy + ch - 10)
    time.sleep(0.3)
    app.screenshot("multi-selection.png")

    # Quitting with unsaved changes asks; Escape cancels, D discards and quits.
    n = len(app.lines())
    app.key("Escape")
    app.key("ctrl+z")  # undo the title of the new event: unsaved again
    app.wait_for(r"ui: undo ", after=n)
    app.key("ctrl+q")
    expect_line(app, "quitting with unsaved changes asks", r"ui: ask unsaved$", n)
    app.screenshot("unsaved-question.png")
    app.key("Escape")
    expect_line(app, "Escape cancels the question", r"ui: answer cancel$", n)
    check("the window stays after Cancel", app.proc.poll() is None)
    # File > Import (Ctrl+Shift+O) asks too before the imported timeline takes the unsaved one's place:
    # Cancel keeps the edits, Discard shows the import as a new unsaved document.
    csv = os.path.join(OUTDIR, "imported.csv")
    subprocess.run([BINARY, "convert", SOURCE, csv], check=True, capture_output=True)
    for answer in ("Escape", "d"):
        n = len(app.lines())
        app.key("ctrl+shift+o")
        time.sleep(0.4)
        app.key("ctrl+a")
        time.sleep(0.2)
        app.type(csv)
        time.sleep(0.2)
        app.key("Return")
        expect_line(app, "importing over unsaved changes asks (%s)" % answer, r"ui: ask unsaved$", n)
        app.key(answer)
        if answer == "Escape":
            expect_line(app, "Cancel keeps the unsaved document", r"ui: answer cancel$", n)
            no_line(app, "nothing is imported after Cancel", r"ui: adopted ", n)
        else:
            expect_line(app, "Discard puts the import in its place", r"ui: adopted .*imported\.yaml 13$", n)
            check("the import is unsaved", app.title().endswith("\u2022"), app.title())
    # Opening another file with the file dialog (typed path, Enter) asks too; Discard opens it, and it goes
    # first in the recent files.
    other = os.path.join(OUTDIR, "other.yaml")
    shutil.copyfile(SOURCE, other)
    n = len(app.lines())
    app.key("ctrl+o")
    expect_line(app, "Ctrl+O opens the file dialog", r"ui: dialog (open|zenity)", n)
    app.type(other)
    app.key("Return")
    expect_line(app, "the dialog returns the typed file", r"ui: dialog chose %s$" % re.escape(other), n)
    expect_line(app, "opening another file with unsaved changes asks", r"ui: ask unsaved$", n)
    app.key("d")
    expect_line(app, "Discard opens the other file", r"ui: loaded %s 13$" % re.escape(other), n)
    with open(os.path.join(OUTDIR, "state", "chronoscope", "recent")) as f:
        recent = f.read().splitlines()
    check("recent files: the newest first", recent[:2] == [other, FIXTURE], repr(recent))
    with open(FIXTURE, "rb") as f:
        check("discarding leaves the file as saved", f.read() == saved)

    # Nothing unsaved now: Ctrl+Q quits at once.
    app.key("ctrl+q")
    try:
        app.proc.wait(timeout=10)
        check("Ctrl+Q quits when nothing is unsaved", app.proc.returncode == 0, str(app.proc.returncode))
    except subprocess.TimeoutExpired:
        check("Ctrl+Q quits when nothing is unsaved", False, "still running")
    app.close()


try:
    main()
except Exception as e:  # a crash of the driver or the app is a failure, not a skip
    check("editor window session", False, repr(e))
failed = results.count(False)
print("%d passed, %d failed" % (len(results) - failed, failed))
sys.exit(1 if failed else 0)
