#!/usr/bin/env python3
"""docs/detectors.md's catalogue is what `gdprscan rules list --format markdown` generates
from the shipped rule packs (run `make docs` after changing a rule), and every rule pack shown
there as an example for users passes `gdprscan rules check` (fields, pattern, own examples)."""
import os
import re
import subprocess
import sys
import tempfile
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
    check_documented_rule_packs(checks, args)
    checks.finish(started)


def check_documented_rule_packs(checks, args):
    with open(os.path.join(args.source_dir, "docs", "detectors.md"), encoding="utf-8") as f:
        packs = re.findall(r"```toml\n(.*?)```", f.read(), flags=re.S)
    checks.check("docs/detectors.md shows example rule packs", len(packs) >= 2, len(packs))
    with tempfile.TemporaryDirectory() as tmp:
        for number, pack in enumerate(packs, 1):
            path = os.path.join(tmp, f"example{number}.toml")
            with open(path, "w", encoding="utf-8") as out:
                out.write(pack)
            res = subprocess.run([args.binary, "rules", "check", "--rules", path], capture_output=True, text=True,
                                 timeout=60)
            checks.check(f"documented rule pack {number} passes rules check", res.returncode == 0,
                         (res.stdout + res.stderr)[-2000:] + pack[:200])


if __name__ == "__main__":
    sys.exit(main())
