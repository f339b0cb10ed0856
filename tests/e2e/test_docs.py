#!/usr/bin/env python3
"""docs/detectors.md's catalogue is what `gdprscan rules list --format markdown` generates
from the shipped rule packs (run `make docs` after changing a rule)."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402


def main():
    args = c.parse_args(__doc__.splitlines()[0])
    started = time.monotonic()
    checks = c.Checks("test_docs")
    c.wait_for_binary(args.binary)
    script = os.path.join(args.source_dir, "scripts", "update-detector-docs.py")
    res = subprocess.run([sys.executable, script, args.binary, "--check"], capture_output=True, text=True, timeout=120)
    checks.check("docs/detectors.md's catalogue is current", res.returncode == 0, (res.stdout + res.stderr)[-3000:])
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
