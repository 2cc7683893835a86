#!/usr/bin/env python3
"""Drives the real chronoscope window under Xvfb with xdotool: click, wheel, drag, double-click, keys, search.

Run as: xvfb-run -a python3 window_test.py BINARY FIXTURE OUTDIR
It reads the window's --log-ui lines (canvas placement, settled views, the inspected event) and uses
`chronoscope layout` at the canvas size to know where marks are. Prints 'N passed, N failed'.
"""
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
os.makedirs(OUTDIR, exist_ok=True)
FIXTURE = os.path.join(OUTDIR, "timeline.yaml")  # a copy: the live-reload step changes it
shutil.copyfile(SOURCE, FIXTURE)
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok     " if ok else "FAILED ") + name + ("" if ok else ": " + detail), flush=True)


class App(UiLogReader):
    def __init__(self):
        self.log_path = os.path.join(OUTDIR, "ui.log")
        self.log = open(self.log_path, "w")
        config = os.path.join(OUTDIR, "config")  # remembered panels: start from none, never the user's
        shutil.rmtree(config, ignore_errors=True)
        env = dict(os.environ, XDG_CONFIG_HOME=config, XDG_STATE_HOME=os.path.join(OUTDIR, "state"))  # recent files
        self.proc = subprocess.Popen([BINARY, FIXTURE, "--size", "1280x720", "--log-ui"],
                                     stdout=subprocess.DEVNULL, stderr=self.log, env=env)
        self.canvas = None
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

    def xdo(self, *args):
        subprocess.run(["xdotool", *args], check=True)
        time.sleep(0.15)

    def move(self, x, y):
        self.xdo("mousemove", "--window", self.window, str(int(x)), str(int(y)))

    def last_view(self):
        views = [l for l in self.lines() if l.startswith("ui: view ")]
        a, b = views[-1].split()[2:4]
        return parse(a), parse(b), len(views)

    def wait_new_view(self, count_before):
        end = time.time() + 10
        while time.time() < end:
            views = [l for l in self.lines() if l.startswith("ui: view ")]
            if len(views) > count_before:
                time.sleep(0.3)  # let any further settling land
                return self.last_view()
            time.sleep(0.05)
        raise TimeoutError("the view did not change")

    def screenshot(self, name):
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", os.path.join(OUTDIR, name)], check=False)

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def expect_line(app, name, pattern, after):
    """Passes when the window logs a line matching `pattern` after line `after`."""
    try:
        app.wait_for(pattern, after=after)
        check(name, True)
    except TimeoutError as e:
        check(name, False, str(e))


def parse(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).timestamp()


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


def main():
    app = App()
    cx, cy, cw, ch = app.canvas
    lay = layout(cw, ch)
    header = 160  # LayoutConfig.header_width at scale 1

    # Hover the Tehran visit's diamond in Russia's lane (a tooltip), then click it: the inspector shows it.
    visit = record(lay, "visit", "russia")
    n = len(app.lines())
    app.move(cx + (visit["x0"] + visit["x1"]) / 2, cy + (visit["y0"] + visit["y1"]) / 2)
    expect_line(app, "hovering a mark shows its tooltip", r"ui: hover visit$", n)
    app.screenshot("hover.png")
    n = len(app.lines())
    app.xdo("click", "1")
    expect_line(app, "click selects the event in the inspector", r"ui: inspector visit$", n)
    app.screenshot("after-click.png")

    # Wheel up at a point: zooms in, and the time under the cursor stays put.
    t0, t1, count = app.last_view()
    mx = cx + header + (cw - header) * 0.3
    app.move(mx, cy + ch - 40)
    for _ in range(3):
        app.xdo("click", "4")
    u0, u1, count = app.wait_new_view(count)
    plot_w = cw - header
    before = t0 + (t1 - t0) * 0.3
    after = u0 + (u1 - u0) * 0.3
    check("wheel zooms in", (u1 - u0) < (t1 - t0) * 0.8, "%s -> %s" % (t1 - t0, u1 - u0))
    check("wheel keeps the time under the cursor", abs(after - before) < (u1 - u0) / plot_w * 3,
          "moved by %.0f s" % (after - before))

    # Drag right by 200 px: the view moves back in time by 200 px worth.
    spp = (u1 - u0) / plot_w
    app.move(mx, cy + ch - 40)
    app.xdo("mousedown", "1")
    for step in range(1, 11):
        app.move(mx + 20 * step, cy + ch - 40)
    app.xdo("mouseup", "1")
    d0, d1, count = app.wait_new_view(count)
    check("drag pans", abs((u0 - d0) - 200 * spp) < 6 * spp, "shift %.0f s, expected %.0f s" % (u0 - d0, 200 * spp))

    # Home fits everything again.
    app.xdo("key", "Home")
    h0, h1, count = app.wait_new_view(count)
    check("Home fits everything", abs(h0 - parse(lay["range"][0])) < 120 and abs(h1 - parse(lay["range"][1])) < 120,
          "%s %s vs %s" % (h0, h1, lay["range"]))

    # Double-click the campaign bar: selects it and zooms to it.
    bar = record(lay, "campaign", "russia")
    app.move(cx + bar["x0"] + 30, cy + (bar["y0"] + bar["y1"]) / 2)
    n = len(app.lines())
    app.xdo("click", "--repeat", "2", "--delay", "80", "1")
    z0, z1, count = app.wait_new_view(count)
    start, end = parse("2015-09-30T00:00:00Z"), parse("2016-03-15T00:00:00Z")
    check("double-click zooms to the event", z0 <= start and z1 >= end and (z1 - z0) < (h1 - h0) * 0.8,
          "%s..%s" % (z0, z1))
    expect_line(app, "double-click selects the event", r"ui: inspector campaign$", n)

    # Ctrl+F, type, Enter: the search moves to the event and inspects it.
    n = len(app.lines())
    app.xdo("key", "ctrl+f")
    app.wait_for(r"ui: search focus$", after=n)
    app.xdo("type", "--delay", "40", "burst 7")
    app.xdo("key", "Return")
    expect_line(app, "typing reaches the search, every letter", r"ui: search 'burst 7' 1$", n)
    expect_line(app, "search and Enter inspect the result", r"ui: inspector b7$", n)
    app.screenshot("after-search.png")

    # The first Escape leaves the search field and keeps the selection; the second clears it.
    n = len(app.lines())
    app.xdo("key", "Escape")
    try:
        app.wait_for(r"ui: search left$", after=n)
        time.sleep(0.3)
        check("first Escape leaves the search field only", not any(l.startswith("ui: inspector") for l in app.lines()[n:]),
              "\n".join(app.lines()[n:]))
    except TimeoutError as e:
        check("first Escape leaves the search field only", False, str(e))
    # Live reload: the file changes on disk (written aside and renamed over it, as editors save); the window
    # shows the change, and the selection stays.
    n = len(app.lines())
    with open(FIXTURE) as f:
        text = f.read()
    with open(FIXTURE + ".tmp", "w") as f:
        f.write(text.replace("title: Burst 7,", "title: Burst seven,"))
    os.rename(FIXTURE + ".tmp", FIXTURE)
    expect_line(app, "a change on disk is reloaded", r"ui: loaded .*timeline.yaml 13$", n)
    expect_line(app, "the reload shows the change", r"ui: inspector shows Burst seven$", n)
    check("the selection survives the reload", not any(l == "ui: inspector -" for l in app.lines()[n:]),
          "\n".join(app.lines()[n:]))

    n = len(app.lines())
    app.xdo("key", "Escape")
    expect_line(app, "second Escape clears the selection", r"ui: inspector -$", n)
    app.close()


try:
    main()
except Exception as e:  # a crash of the driver or the app is a failure, not a skip
    check("window session", False, repr(e))
failed = results.count(False)
print("%d passed, %d failed" % (len(results) - failed, failed))
sys.exit(1 if failed else 0)
