#!/usr/bin/env python3
"""The analyst's desk in the real window, under Xvfb with xdotool: panels beside the canvas (closing the
inspector widens the canvas, Home fits into what is visible), Right pans later, the filter bar narrows the
canvas, the list follows and leads the selection, the context bar drags the view, double-clicks on a fold
reach single events, Escape closes menus, the calendars are remembered. With --million: search and Enter
at a million events reveal an event that sat in a fold of a lane scrolled out of view.

Run as: xvfb-run -a -s "-screen 0 1440x880x24" python3 desk_test.py BINARY FIXTURE OUTDIR [--million]
It reads the window's --log-ui lines and asks `chronoscope layout --context-bar` and `chronoscope list`
what the canvas and the list hold. Screenshots of every panel land in OUTDIR. Prints 'N passed, N failed'.
"""
import csv
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time

from ui_log import UiLogReader

BINARY, SOURCE, OUTDIR = sys.argv[1], sys.argv[2], sys.argv[3]
MILLION = "--million" in sys.argv[4:]
os.makedirs(OUTDIR, exist_ok=True)
HEADER = 160  # LayoutConfig.header_width at scale 1
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok     " if ok else "FAILED ") + name + ("" if ok else ": " + str(detail)), flush=True)


def parse(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).timestamp()


def cli(*args):
    out = subprocess.run([BINARY, *args], capture_output=True, text=True, check=True)
    return out.stdout


def layout(file, w, h, *extra):
    return json.loads(cli("layout", file, "--size", "%dx%d" % (w, h), "--context-bar", *extra))


class App(UiLogReader):
    def __init__(self, file, size="1440x880", args=(), config="config", fresh=True, name="ui"):
        self.log_path = os.path.join(OUTDIR, name + ".log")
        self.log = open(self.log_path, "w")
        config = os.path.join(OUTDIR, config)  # remembered panels: never the user's
        if fresh:
            shutil.rmtree(config, ignore_errors=True)
        env = dict(os.environ, XDG_CONFIG_HOME=config)
        self.proc = subprocess.Popen([BINARY, file, "--size", size, "--log-ui", *args],
                                     stdout=subprocess.DEVNULL, stderr=self.log, env=env)
        self.canvas = self.canvas_after(0, timeout=120)
        self.window = self.find_window()
        time.sleep(0.3)

    def canvas_after(self, n, timeout=10):
        m = self.wait_for(r"ui: canvas (\d+) (\d+) (\d+) (\d+)", n, timeout)
        time.sleep(0.2)  # a later line may follow in the same settling
        found = [l for l in self.lines()[n:] if l.startswith("ui: canvas ")]
        return tuple(int(v) for v in found[-1].split()[2:6]) if found else tuple(int(v) for v in m.groups())

    def find_window(self):
        for _ in range(100):
            out = subprocess.run(["xdotool", "search", "--name", "Chronoscope"], capture_output=True, text=True)
            if out.stdout.strip():
                return out.stdout.split()[0]
            time.sleep(0.1)
        raise RuntimeError("window not found")

    def xdo(self, *args):
        subprocess.run(["xdotool", *args], check=True)
        time.sleep(0.15)

    def move(self, x, y):
        self.xdo("mousemove", "--window", self.window, str(int(x)), str(int(y)))

    def key(self, *keys):
        self.xdo("key", *keys)

    def views(self):
        return [l for l in self.lines() if l.startswith("ui: view ")]

    def last_view(self):
        a, b = self.views()[-1].split()[2:4]
        return parse(a), parse(b)

    def new_view(self, count_before, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            if len(self.views()) > count_before:
                time.sleep(0.35)  # let any further settling land
                return self.last_view()
            time.sleep(0.05)
        raise TimeoutError("the view did not change")

    def screenshot(self, name):
        subprocess.run(["import", "-window", "root", os.path.join(OUTDIR, name)], check=False)

    def close(self):
        self.key("ctrl+q")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def expect(app, name, pattern, after, timeout=15.0):
    try:
        m = app.wait_for(pattern, after, timeout)
        check(name, True)
        return m
    except TimeoutError as e:
        check(name, False, e)
        return None


def near(a, b, tol):
    return abs(a - b) <= tol


def panels_and_navigation(file):
    app = App(file)
    cx, cy, cw, ch = app.canvas
    app.screenshot("desk-inspector.png")
    # Closing the inspector widens the canvas; Home then fits everything into the canvas that is visible.
    n = len(app.lines())
    app.key("ctrl+i")
    expect(app, "Ctrl+I closes the inspector", r"ui: panel inspector closed$", n)
    wide = app.canvas_after(n)
    check("closing the inspector widens the canvas", wide[2] > cw + 300, "%s -> %s" % (app.canvas, wide))
    app.screenshot("desk-inspector-closed.png")
    count = len(app.views())
    app.move(wide[0] + wide[2] / 2, wide[1] + wide[3] - 30)
    app.key("Home")
    try:
        h0, h1 = app.new_view(count)
        fit = layout(file, wide[2], wide[3])
        check("Home fits into the visible canvas", near(h0, parse(fit["range"][0]), 120) and near(h1, parse(fit["range"][1]), 120),
              "%s %s vs %s" % (h0, h1, fit["range"]))
    except TimeoutError as e:
        check("Home fits into the visible canvas", False, e)
    n = len(app.lines())
    app.key("ctrl+i")
    back = app.canvas_after(n)
    check("reopening the inspector narrows the canvas again", back[2] == cw, "%s" % (back,))

    # Right pans later, Left earlier.
    t0, t1 = app.last_view()
    count = len(app.views())
    app.move(cx + cw / 2, cy + ch - 30)
    app.key("Right")
    r0, r1 = app.new_view(count)
    check("Right pans later", r0 > t0 and r1 > t1 and near(r1 - r0, t1 - t0, 2), "%s..%s -> %s..%s" % (t0, t1, r0, r1))
    count = len(app.views())
    app.key("Left")
    l0, l1 = app.new_view(count)
    check("Left pans earlier", l0 < r0 and near(l0, t0, (t1 - t0) / 100), "%s -> %s" % (r0, l0))

    # The context bar: dragging its window by 100 px moves the view by 100 px of the bar's scale.
    bar = layout(file, cw, ch)["context_bar"]
    whole = layout(file, cw, ch)  # fitted: the bar spans exactly what fit_all shows
    span = parse(whole["range"][1]) - parse(whole["range"][0])
    per_px = span / (cw - HEADER)
    s0, s1 = app.last_view()
    x = cx + (bar["window"][0] + bar["window"][1]) / 2
    y = cy + (bar["y0"] + bar["y1"]) / 2
    count = len(app.views())
    app.move(x, y)
    app.xdo("mousedown", "1")
    for step in range(1, 11):
        app.move(x - 10 * step, y)
    app.xdo("mouseup", "1")
    d0, d1 = app.new_view(count)
    check("dragging the context bar's window moves the view", near(s0 - d0, 100 * per_px, 4 * per_px) and near(d1 - d0, s1 - s0, 2),
          "moved %.0f s, expected %.0f s" % (s0 - d0, 100 * per_px))
    app.screenshot("desk-context-bar.png")

    # Escape closes a menu, and leaves the selection alone.
    app.move(cx + 300, cy + ch - 20)
    app.xdo("click", "1")
    app.move(107, 10)
    app.xdo("click", "1")
    time.sleep(0.3)
    app.screenshot("desk-view-menu.png")
    n = len(app.lines())
    app.key("Escape")
    expect(app, "Escape closes the menu", r"ui: menus closed$", n)
    app.close()


def filter_and_list(file):
    app = App(file)
    cx, cy, cw, ch = app.canvas
    total = len(json.loads(cli("list", file, "--json")))
    # The filter bar narrows the canvas: its count is the list command's, Home fits what matches.
    n = len(app.lines())
    app.key("ctrl+l")
    app.xdo("type", "--delay", "40", "lane:syria")
    expect(app, "Ctrl+L types into the filter bar", r"ui: filter typed 'lane:syria'$", n)
    want = len(json.loads(cli("list", file, "--json", "--filter", "lane:syria")))
    expect(app, "the filter bar filters", r"ui: filter 'lane:syria' %d of %d$" % (want, total), n)
    canvas = app.canvas_after(n)
    app.move(canvas[0] + canvas[2] / 2, canvas[1] + canvas[3] - 30)
    app.xdo("click", "1")
    count = len(app.views())
    app.key("Home")
    try:
        f0, f1 = app.new_view(count)
        fit = layout(file, canvas[2], canvas[3], "--filter", "lane:syria")
        full = layout(file, canvas[2], canvas[3])
        check("Home fits what the filter shows", near(f0, parse(fit["range"][0]), 120) and near(f1, parse(fit["range"][1]), 120)
              and fit["range"] != full["range"], "%s %s vs %s" % (f0, f1, fit["range"]))
    except TimeoutError as e:
        check("Home fits what the filter shows", False, e)
    app.screenshot("desk-filter.png")
    # A mistake is shown with its column, and the canvas keeps the last filter that worked.
    n = len(app.lines())
    app.key("ctrl+l")
    app.key("End")
    app.xdo("type", "--delay", "40", " -")
    m = expect(app, "a filter mistake names its column", r"ui: filter error filter:1:12: error: '-' needs a term", n)
    app.screenshot("desk-filter-error.png")
    if m:
        lines = app.lines()
        after = lines[next(i for i, l in enumerate(lines) if l.startswith(m.group(0))):]
        check("a mistake keeps the last filter", not any(l.startswith("ui: filter '") for l in after), after)
    n = len(app.lines())
    for _ in range(len(" -") + len("lane:syria")):
        app.key("BackSpace")
    expect(app, "clearing the field clears the filter", r"ui: filter '' %d of %d$" % (total, total), n)
    app.key("Escape")

    # The list follows the selection and leads it.
    rows = [r["id"] for r in json.loads(cli("list", file, "--json"))]
    n = len(app.lines())
    app.key("ctrl+shift+l")
    expect(app, "Ctrl+Shift+L opens the list", r"ui: list %d rows$" % total, n)
    canvas = app.canvas_after(n)
    app.screenshot("desk-list.png")
    lay = layout(file, canvas[2], canvas[3])
    visit = next(r for r in lay["records"] if r.get("ids") == ["visit"])
    n = len(app.lines())
    app.move(canvas[0] + (visit["x0"] + visit["x1"]) / 2, canvas[1] + (visit["y0"] + visit["y1"]) / 2)
    app.xdo("click", "1")
    expect(app, "a click on the canvas selects", r"ui: inspector visit$", n)
    expect(app, "the list follows the canvas", r"ui: list follows visit %d$" % rows.index("visit"), n)
    # Into the list: a click on its first row, then the keys.
    list_top = canvas[1] + canvas[3] + 6 + 40  # below the splitter: tab bar, count line, header row
    n = len(app.lines())
    app.move(canvas[0] + 100, list_top + 40)
    app.xdo("click", "1")
    m = expect(app, "a click in the list selects", r"ui: list select (\S+) (\d+)$", n)
    if m:
        first = int(m.group(2))
        count = len(app.views())
        n = len(app.lines())
        app.key("Down")
        expect(app, "Down selects the next row", r"ui: list select %s %d$" % (rows[first + 1], first + 1), n)
        expect(app, "the canvas follows the list", r"ui: inspector %s$" % rows[first + 1], n)
        n = len(app.lines())
        app.key("End")
        expect(app, "End goes to the last row", r"ui: list select %s %d$" % (rows[-1], len(rows) - 1), n)
        n = len(app.lines())
        app.key("Home")
        expect(app, "Home (in the list) goes to the first row", r"ui: list select %s 0$" % rows[0], n)
        n = len(app.lines())
        app.key("Return")
        expect(app, "Enter in the list goes there", r"ui: revealed %s " % rows[0], n)
        time.sleep(0.3)
        check("the keys stayed in the list (one view change: Enter's)", len(app.views()) == count + 1, app.views()[-3:])
        app.screenshot("desk-list-enter.png")
    app.close()


def folds(file):
    app = App(file, size="900x420")
    cx, cy, cw, ch = app.canvas
    app.screenshot("desk-fold-start.png")
    lay = layout(file, cw, ch)
    burst = set()
    for k in range(6):
        fold = next((r for r in lay["records"] if r["kind"] == "fold"), None)
        if fold is None:
            break
        if k == 0:
            burst = set(fold["first"])  # all of them: the fixture's fold holds at most eight
        n = len(app.lines())
        app.move(cx + (fold["x0"] + fold["x1"]) / 2, cy + (fold["y0"] + fold["y1"]) / 2)
        time.sleep(0.3)
        if k == 0:
            app.screenshot("desk-fold-tooltip.png")
        count = len(app.views())
        app.xdo("click", "--repeat", "2", "--delay", "80", "1")
        v0, v1 = app.new_view(count)
        a = dt.datetime.fromtimestamp(v0, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        b = dt.datetime.fromtimestamp(v1 - 1, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        lay = layout(file, cw, ch, "--range", a + "/" + b)
    folded = [r for r in lay["records"] if r["kind"] == "fold"]
    check("double-clicks on folds reach single events", not folded, folded)
    shown = {r["ids"][0] for r in lay["records"] if "ids" in r}
    check("every event of the fold is shown", burst and burst <= shown, (burst, shown))
    unlabelled = [r["ids"][0] for r in lay["records"] if "ids" in r and r["ids"][0] in burst and "label" not in r]
    check("every event is labelled when zoomed to", not unlabelled, unlabelled)
    app.screenshot("desk-fold-opened.png")
    app.close()


def calendars_remembered(file):
    """--calendars and --filter on the window; the calendars are kept in the ini for the next run."""
    app = App(file, args=("--calendars", "julian,islamic", "--filter", "lane:iran"), config="config-cal", name="cal1")
    expect(app, "--calendars shows the rows", r"ui: calendars islamic julian$", 0)
    want = len(json.loads(cli("list", file, "--json", "--filter", "lane:iran")))
    expect(app, "the window opens with --filter", r"ui: filter 'lane:iran' %d of " % want, 0)
    app.screenshot("desk-calendars.png")
    app.close()
    app = App(file, config="config-cal", fresh=False, name="cal2")
    expect(app, "the calendars are remembered", r"ui: calendars islamic julian$", 0)
    app.close()


def problems_and_search(bad, file):
    app = App(bad, name="problems")
    time.sleep(0.5)
    app.screenshot("desk-problems.png")
    app.close()
    app = App(file, name="search")
    n = len(app.lines())
    app.key("ctrl+f")
    app.wait_for(r"ui: search focus$", n)
    app.xdo("type", "--delay", "40", "Tehran")
    app.key("Return")
    expect(app, "search and Enter reveal the event", r"ui: revealed visit ", n)
    app.screenshot("desk-search.png")
    app.close()


def million():
    """Search and Enter at a million events: the event sits in a fold of the last lane, out of view."""
    data = os.path.join(OUTDIR, "g1m.csv")
    try:
        cli("generate", "--events", "1000000", "-o", data)
        w, h = 1034, 858  # the canvas at 1440x880 with the inspector open (checked below)
        lay = layout(data, w, h)
        last = lay["lanes"][-1]
        fold = max((r for r in lay["records"] if r["kind"] == "fold" and r["lane"] == last["id"]), key=lambda r: r["count"])
        first = int(fold["first"][0][1:])
        with open(data, newline="") as f:
            for i, row in enumerate(csv.reader(f)):
                if i == first + 1:
                    break
        with open(data, "a") as f:  # id,title,start,end,lanes,tags,url
            f.write("needle,Needle in the haystack,%s,,%s,,\n" % (row[2], last["id"]))
        lay = layout(data, w, h)
        shown = [r for r in lay["records"] if "needle" in r.get("ids", [])]
        inside = [r for r in lay["records"] if "needle" in r.get("first", [])]
        check("1M: the needle starts inside a fold out of view", not shown and inside and inside[0]["y0"] > h,
              (shown, inside))
        app = App(data, name="million")
        cx, cy, cw, ch = app.canvas
        check("1M: the canvas is the one laid out", (cw, ch) == (w, h), app.canvas)
        n = len(app.lines())
        app.key("ctrl+f")
        app.wait_for(r"ui: search focus$", n)
        app.xdo("type", "--delay", "60", "Needle in")
        app.wait_for(r"ui: search 'Needle in' 1$", n, timeout=60)
        app.key("Return")
        m = expect(app, "1M: search and Enter reveal the event", r"ui: revealed needle (\d+) (\d+) (\d+) (\d+)$", n, timeout=60)
        if m:
            x0, y0, x1, y1 = (int(v) for v in m.groups())
            check("1M: the event stands in the plot", x0 >= cx + HEADER and x1 <= cx + cw and y0 >= cy + 60 and y1 <= cy + ch,
                  m.group(0))
            expect(app, "1M: the event is selected", r"ui: inspector needle$", n)
            app.screenshot("desk-million.png")
            # The selected mark's frame (Theme::selection, 22 100 214) is drawn 3 px around it.
            png = os.path.join(OUTDIR, "desk-million.png")
            px = subprocess.run(["convert", png, "-crop", "1x%d+%d+%d" % (y1 - y0 + 8, x0 - 3, y0 - 4), "txt:-"],
                                capture_output=True, text=True).stdout
            check("1M: the selected mark is drawn there", "#1664D6" in px.upper(), px)
        app.close()
    finally:
        if os.path.exists(data):
            os.remove(data)


def main():
    fixture = os.path.join(OUTDIR, "timeline.yaml")
    shutil.copyfile(SOURCE, fixture)
    if MILLION:
        million()
        return
    events = os.path.join(os.path.dirname(SOURCE), "..", "..", "events.yaml")
    bad = os.path.join(os.path.dirname(SOURCE), "bad.yaml")
    panels_and_navigation(events)
    filter_and_list(fixture)
    folds(fixture)
    calendars_remembered(fixture)
    problems_and_search(bad, fixture)


try:
    main()
except Exception as e:  # a crash of the driver or the app is a failure, not a skip
    check("desk session", False, repr(e))
failed = results.count(False)
print("%d passed, %d failed" % (len(results) - failed, failed))
sys.exit(1 if failed else 0)
