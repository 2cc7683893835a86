#!/usr/bin/env python3
"""Presenter mode in the real window under Xvfb: `chronoscope present` goes full screen, Page Down walks the
steps (a screenshot of each, kept in OUTDIR), B blanks, a number and Enter jump, Esc gives the window back;
F5 in the window presents again; keys in the notes window drive the presentation.

Run as: xvfb-run -a -s "-screen 0 1920x1080x24" python3 present_test.py BINARY STORY-FIXTURE OUTDIR
It reads the window's --log-ui lines ("present step 2/3", "present view A B" when a flight lands, ...).
Prints 'N passed, N failed'.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

from ui_log import UiLogReader

BINARY, SOURCE, OUTDIR = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(OUTDIR, exist_ok=True)
FIXTURE = os.path.join(OUTDIR, "story.yaml")
shutil.copyfile(SOURCE, FIXTURE)
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok     " if ok else "FAILED ") + name + ("" if ok else ": " + detail), flush=True)


def xdo(*args):
    out = subprocess.run(["xdotool", *args], capture_output=True, text=True)
    time.sleep(0.15)
    return out.stdout


def screen_size():
    w, h = xdo("getdisplaygeometry").split()
    return int(w), int(h)


def geometry(window):
    out = xdo("getwindowgeometry", window)
    m = re.search(r"Geometry: (\d+)x(\d+)", out)
    return (int(m.group(1)), int(m.group(2))) if m else None


def screenshot(name):
    path = os.path.join(OUTDIR, name)
    subprocess.run(["import", "-window", "root", path], check=False)
    return path


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def brightest(path):
    """The largest channel value in the image (0 for a black screen)."""
    out = subprocess.run(["identify", "-format", "%[max]", path], capture_output=True, text=True)
    try:
        return float(out.stdout.strip() or "nan")
    except ValueError:
        return float("nan")


class App(UiLogReader):
    def __init__(self, *args):
        self.log_path = os.path.join(OUTDIR, "ui.log")
        self.log = open(self.log_path, "w")
        config = os.path.join(OUTDIR, "config")
        shutil.rmtree(config, ignore_errors=True)
        env = dict(os.environ, XDG_CONFIG_HOME=config)
        self.proc = subprocess.Popen([BINARY, *args, "--log-ui"], stdout=subprocess.DEVNULL, stderr=self.log, env=env)

    def expect(self, name, pattern, after):
        try:
            self.wait_for(pattern, after=after)
            check(name, True)
            return True
        except (TimeoutError, RuntimeError) as e:
            check(name, False, str(e))
            return False

    def find_window(self, name):
        for _ in range(100):
            out = subprocess.run(["xdotool", "search", "--name", name], capture_output=True, text=True)
            if out.stdout.strip():
                return out.stdout.split()[0]
            time.sleep(0.1)
        raise RuntimeError("no window named %r" % name)

    def key(self, *keys):
        for k in keys:
            xdo("key", k)

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def step_and_land(app, key, step, name):
    """Presses `key`, waits for `step` and for the flight to land; a screenshot of where it landed."""
    n = len(app.lines())
    app.key(key)
    ok = app.expect("%s goes to step %s" % (key, step), r"ui: present step %s$" % re.escape(step), n)
    if ok:
        app.expect("the flight to step %s lands" % step, r"ui: present view ", n)
    return screenshot(name)


def main():
    sw, sh = screen_size()
    app = App("present", FIXTURE, "--story", "briefing", "--size", "1280x720")
    app.wait_for(r"ui: present start briefing 1/3$")
    app.wait_for(r"ui: present fullscreen (\d+)x(\d+)$")
    window = app.find_window("^Chronoscope — Fixture")
    time.sleep(1.0)  # the window takes the whole screen, then draws
    check("the presentation takes the whole screen", geometry(window) == (sw, sh), "%s vs %s" % (geometry(window), (sw, sh)))
    xdo("mousemove", str(sw // 2), str(sh // 2))  # keys go to the window under the pointer (no window manager)
    shots = [screenshot("step-1.png")]
    shots.append(step_and_land(app, "Next", "2/3", "step-2.png"))  # Page Down, as clickers send it
    shots.append(step_and_land(app, "Next", "3/3", "step-3.png"))
    check("each step shows something else", len({digest(s) for s in shots}) == 3)

    n = len(app.lines())
    app.key("Next")  # past the last step: nothing moves
    time.sleep(0.6)
    check("Page Down on the last step stays", not any(l.startswith("ui: present step") for l in app.lines()[n:]),
          "\n".join(app.lines()[n:]))

    n = len(app.lines())
    app.key("b")
    app.expect("B blanks the screen", r"ui: present blank on$", n)
    time.sleep(0.4)
    blank = screenshot("blank.png")
    check("a blank screen is black", brightest(blank) == 0, "brightest %s" % brightest(blank))
    n = len(app.lines())
    app.key("space")
    app.expect("a step key brings the screen back", r"ui: present blank off$", n)

    step_and_land(app, "Prior", "2/3", "back-to-2.png")
    n = len(app.lines())
    app.key("1", "Return")
    app.expect("a number and Enter jump to that step", r"ui: present step 1/3$", n)
    step_and_land(app, "End", "3/3", "end.png")
    step_and_land(app, "Home", "1/3", "home.png")

    n = len(app.lines())
    xdo("mousemove", str(sw // 2), str(sh // 2))
    app.key("Escape")
    app.expect("Esc leaves the presentation", r"ui: present end$", n)
    time.sleep(1.0)
    check("Esc gives the window back at its size", geometry(window) == (1280, 720), "%s" % (geometry(window),))
    screenshot("after-esc.png")

    # F5 in the window presents the story again, from its first step.
    n = len(app.lines())
    xdo("mousemove", "--window", window, "640", "400")
    app.key("F5")
    app.expect("F5 presents the story", r"ui: present start briefing 1/3$", n)
    time.sleep(1.0)
    check("F5 goes full screen", geometry(window) == (sw, sh), "%s" % (geometry(window),))
    screenshot("f5.png")
    n = len(app.lines())
    xdo("mousemove", str(sw // 2), str(sh // 2))
    app.key("Escape")
    app.expect("Esc leaves again", r"ui: present end$", n)
    app.close()

    # --notes opens the speaker's window with one monitor too (here it lies over the presentation); keys
    # pressed there drive the presentation.
    app = App("present", FIXTURE, "--step", "2", "--notes")
    app.wait_for(r"ui: present start briefing 2/3$")
    app.expect("--notes opens the notes window", r"ui: present notes$", 0)
    try:
        notes = app.find_window("speaker notes")
        time.sleep(1.0)
        screenshot("notes.png")
        n = len(app.lines())
        xdo("key", "--window", notes, "Right")
        app.expect("keys in the notes window drive the presentation", r"ui: present step 3/3$", n)
    except RuntimeError as e:
        check("the notes window is open with --notes", False, str(e))
    app.close()

    # Mistakes are said, with the stories there are.
    bad = subprocess.run([BINARY, "present", FIXTURE, "--story", "nope"], capture_output=True, text=True)
    check("an unknown story is an error", bad.returncode == 2 and "no story 'nope' (its stories: briefing, empty)" in bad.stderr,
          "%s %r" % (bad.returncode, bad.stderr))


try:
    main()
except Exception as e:  # a crash of the driver or the app is a failure, not a skip
    check("presenter session", False, repr(e))
failed = results.count(False)
print("%d passed, %d failed" % (len(results) - failed, failed))
sys.exit(1 if failed else 0)
