"""Shared helpers for the gdprscan end-to-end tests (tests/e2e/*.py).

Every script runs the real binary on real files and exits 0 (pass), 1 (fail) or 77 (skip;
ctest is told SKIP_RETURN_CODE 77). ctest passes the same arguments to every script
(--binary, --source-dir, --cases, --schema), so each script accepts them all.

Determinism: every scan gets a fixed --fingerprint-key-file (32 known bytes) and a private
HOME, so no per-installation key is created and fingerprints do not change from run to run.
Only Debian's python3 standard library (plus python3-jsonschema in test_schema.py).
"""

import argparse
import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

EXIT_PASS, EXIT_FAIL, EXIT_SKIP = 0, 1, 77

# The fields that change from run to run (or machine to machine) and are never compared.
VOLATILE = ("scan_id", "mtime", "owner", "started_at", "finished_at", "duration_s", "mb_per_s", "files_per_s")
VOLATILE_SUMMARY = VOLATILE + ("roots",)

FIXED_KEY = bytes(range(0x40, 0x60))  # 32 fixed bytes: deterministic fingerprints


def parse_args(description, extra=None):
    """The common flags; `extra(parser)` adds a script's own."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--binary", required=True, help="the gdprscan binary to test")
    p.add_argument("--source-dir", default=None, help="the source tree (default: two levels above this script)")
    p.add_argument("--cases", default=None, help="tests/cases directory")
    p.add_argument("--schema", default=None, help="docs/output-schema.json")
    if extra:
        extra(p)
    args = p.parse_args()
    args.binary = os.path.abspath(args.binary)
    if args.source_dir is None:
        args.source_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args.source_dir = os.path.abspath(args.source_dir)
    if args.cases is None:
        args.cases = os.path.join(args.source_dir, "tests", "cases")
    if args.schema is None:
        args.schema = os.path.join(args.source_dir, "docs", "output-schema.json")
    return args


def wait_for_binary(path, timeout=180):
    """The binary is rebuilt now and then by a concurrent build: wait while it is missing."""
    deadline = time.monotonic() + timeout
    while not (os.path.isfile(path) and os.access(path, os.X_OK)):
        if time.monotonic() > deadline:
            print(f"FAIL setup: binary {path} is missing or not executable", file=sys.stderr)
            sys.exit(EXIT_FAIL)
        time.sleep(1)


class Checks:
    """Collects named checks; a failure is printed at once and the script goes on."""

    def __init__(self, script):
        self.script = script
        self.failures = []
        self.passed = 0
        self.skipped = []

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failures.append(name)
            msg = f"FAIL {name}"
            if detail:
                msg += "\n    " + str(detail).replace("\n", "\n    ")
            print(msg, flush=True)
        return ok

    def skip(self, name, why):
        self.skipped.append(name)
        print(f"SKIP {name}: {why}", flush=True)

    def finish(self, started):
        took = time.monotonic() - started
        print(f"{self.script}: {self.passed} passed, {len(self.failures)} failed, "
              f"{len(self.skipped)} skipped in {took:.1f} s", flush=True)
        if self.failures:
            print("failed checks: " + ", ".join(self.failures), flush=True)
            sys.exit(EXIT_FAIL)
        sys.exit(EXIT_PASS)


class Env:
    """A private temp dir with a fixed key file and a HOME of its own."""

    def __init__(self, prefix="gdprscan-e2e-"):
        self.root = tempfile.mkdtemp(prefix=prefix)
        self.home = os.path.join(self.root, "home")
        os.mkdir(self.home)
        self.key = os.path.join(self.root, "fixed.key")
        with open(self.key, "wb") as f:
            f.write(FIXED_KEY)

    def environ(self, **overrides):
        env = dict(os.environ)
        env.pop("XDG_CONFIG_HOME", None)
        env["HOME"] = self.home
        env["LC_ALL"] = "C.UTF-8"
        env.update(overrides)
        return env

    def cleanup(self):
        # Make everything removable again (tests chmod 000 files and directories).
        for dirpath, dirnames, _ in os.walk(self.root):
            for d in dirnames:
                p = os.path.join(dirpath, d)
                if not os.path.islink(p):
                    try:
                        os.chmod(p, 0o755)
                    except OSError:
                        pass
        shutil.rmtree(self.root, ignore_errors=True)


class Result:
    def __init__(self, returncode, stdout, stderr, took):
        self.returncode = returncode
        self.stdout = stdout  # bytes
        self.stderr = stderr  # bytes
        self.took = took

    @property
    def out(self):
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self):
        return self.stderr.decode("utf-8", "replace")


def run(cmd, env=None, cwd=None, timeout=60, stdin=subprocess.DEVNULL):
    """Runs a command; retries briefly when the binary is being replaced under us."""
    for attempt in range(30):
        t0 = time.monotonic()
        try:
            p = subprocess.run(cmd, env=env, cwd=cwd, timeout=timeout, stdin=stdin,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            return Result(p.returncode, p.stdout, p.stderr, time.monotonic() - t0)
        except OSError as e:  # ENOENT, EACCES, ETXTBSY, ENOEXEC while a new binary is being linked
            if e.errno not in (errno.ENOENT, errno.EACCES, errno.ETXTBSY, errno.ENOEXEC) or attempt == 29:
                raise
            time.sleep(1)
    raise AssertionError("unreachable")


def scan(binary, env, paths, *extra, cwd=None, timeout=60, key=True, prefix=()):
    """`gdprscan scan PATHS --fingerprint-key-file K --progress never EXTRA...`."""
    wait_for_binary(binary)
    cmd = list(prefix) + [binary, "scan", *paths]
    if key:
        cmd += ["--fingerprint-key-file", env.key]
    cmd += ["--progress", "never", *extra]
    return run(cmd, env=env.environ(), cwd=cwd, timeout=timeout)


def parse_jsonl(data):
    """Records from JSON Lines output; raises ValueError naming the bad line."""
    records = []
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    for n, line in enumerate(text.split("\n"), 1):
        if not line:
            continue
        try:
            records.append(json.loads(line))
        except ValueError as e:
            raise ValueError(f"output line {n} is not JSON ({e}): {line[:200]!r}")
    return records


def strip_volatile(record):
    r = dict(record)
    for k in (VOLATILE_SUMMARY if r.get("type") == "summary" else VOLATILE):
        r.pop(k, None)
    return r


def canonical(record):
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def by_type(records, t):
    return [r for r in records if r.get("type") == t]


def summary_of(records):
    s = by_type(records, "summary")
    return s[-1] if s else None


def counts_add_up(summary):
    """files_scanned + files_skipped + files_failed == files_seen, and the by-kind maps."""
    problems = []
    s = summary
    if s["files_scanned"] + s["files_skipped"] + s["files_failed"] != s["files_seen"]:
        problems.append(f"scanned {s['files_scanned']} + skipped {s['files_skipped']} + failed "
                        f"{s['files_failed']} != seen {s['files_seen']}")
    if sum(s["findings_by_detector"].values()) != s["findings"]:
        problems.append(f"findings_by_detector {s['findings_by_detector']} does not add up to {s['findings']}")
    return problems
