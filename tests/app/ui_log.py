"""Reading the window's --log-ui lines (on its stderr, written to a file) for the window tests: the class
that drives the window mixes this in and sets self.log_path and self.proc."""
import re
import time


class UiLogReader:
    def lines(self):
        with open(self.log_path) as f:
            return f.read().splitlines()

    def wait_for(self, pattern, after=0, timeout=15.0):
        """The first line from index `after` on that matches `pattern` (re.match), waiting up to `timeout`."""
        end = time.time() + timeout
        while time.time() < end:
            for line in self.lines()[after:]:
                m = re.match(pattern, line)
                if m:
                    return m
            if self.proc.poll() is not None:
                raise RuntimeError("chronoscope exited with %s; log ends:\n%s"
                                   % (self.proc.returncode, "\n".join(self.lines()[-30:])))
            time.sleep(0.05)
        raise TimeoutError("no line matching %r; log since then:\n%s" % (pattern, "\n".join(self.lines()[after:][-30:])))
