#!/usr/bin/env python3
"""Archive limits for real: bombs of each kind are made at run time and the scan must end
in bounded time and memory with a `limit_exceeded` record (not only the record).

Checks: a recursive zip bomb (zips of zips of zeros) stops at the extracted-bytes limit; a
gzip of zeros stops at the expansion-ratio check; a zip nested deeper than --max-depth stops
at the depth limit; a zip with more members than --max-members stops at that count; and a
CPR number in a member scanned before a limit is still found. Peak RSS stays under 200 MiB.
"""
import gzip
import io
import os
import re
import sys
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402

MIB = 1 << 20
CPR = "150372-1003"


def zip_bytes(members):
    """members: list of (name, bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


def make_recursive_bomb(path):
    zeros = zip_bytes([("nuller.bin", b"\0" * (64 * MIB))])
    level = zip_bytes([("borger.txt", f"cpr-nr. {CPR}\n".encode())] + [(f"l1_{i}.zip", zeros) for i in range(10)])
    level = zip_bytes([(f"l2_{i}.zip", level) for i in range(10)])
    with open(path, "wb") as f:
        f.write(level)


def make_gzip_ratio(path):
    # Text, so that it is read to the end (binary content is sniffed and skipped after 1 MiB).
    with open(path, "wb") as f:
        f.write(gzip.compress(b"intet at se her\n" * (200 * MIB // 16), compresslevel=9))


def make_hex_text(path):
    # Hex text compresses about 2:1: far from a bomb, stopped by --max-extracted alone.
    members = [(f"rapport{i:02d}.txt", os.urandom(MIB // 2).hex().encode()) for i in range(20)]
    with open(path, "wb") as f:
        f.write(zip_bytes(members))


def make_deep(path, depth):
    data = zip_bytes([("bund.txt", f"cpr {CPR}\n".encode())])
    for i in range(depth):
        data = zip_bytes([(f"niveau{i}.zip", data)])
    with open(path, "wb") as f:
        f.write(data)


def make_many(path, count):
    with open(path, "wb") as f:
        f.write(zip_bytes([(f"fil{i:04d}.txt", b"intet her\n") for i in range(count)]))


def peak_rss_scan(args, env, target, *extra):
    log = os.path.join(env.root, "time.txt")
    cmd = ["/usr/bin/time", "-v", "-o", log, args.binary, "scan", target, "--fingerprint-key-file", env.key,
           "--progress", "never", *extra]
    started = time.monotonic()
    res = c.run(cmd, env=env.environ(), timeout=120)
    took = time.monotonic() - started
    with open(log) as f:
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read()).group(1)) // 1024
    return res, took, rss


def limit_records(recs):
    return [r for r in recs if r.get("type") == "error" and r.get("kind") == "limit_exceeded"]


def main():
    args = c.parse_args(__doc__.splitlines()[0])
    started = time.monotonic()
    checks = c.Checks("test_archives")
    if not os.path.exists("/usr/bin/time"):
        checks.skip("archive bombs", "/usr/bin/time is not installed")
        checks.finish(started)
        return 77
    c.wait_for_binary(args.binary)
    env = c.Env()
    try:
        cases = [
            ("recursive zip bomb", make_recursive_bomb, "bomb.zip", [], "expands more than"),
            ("gzip expansion ratio", make_gzip_ratio, "nuller.gz", [], "expands more than"),
            ("extracted bytes", make_hex_text, "rapporter.zip", ["--max-extracted", "4MiB"], "4 MiB extracted"),
            ("nesting depth", lambda p: make_deep(p, 25), "dyb.zip", ["--max-depth", "17"], "nesting deeper than 17"),
            ("member count", lambda p: make_many(p, 300), "mange.zip", ["--max-members", "100"], "more than 100 members"),
        ]
        for name, make, filename, extra, why in cases:
            target = os.path.join(env.root, filename)
            make(target)
            res, took, rss = peak_rss_scan(args, env, target, *extra)
            recs = c.parse_jsonl(res.stdout)
            limits = limit_records(recs)
            checks.check(f"{name}: exit 0 or 1", res.returncode in (0, 1), f"exit {res.returncode}: {res.err[:300]}")
            checks.check(f"{name}: a limit_exceeded record saying '{why}'", any(why in r["message"] for r in limits),
                         [r["message"] for r in limits][:3])
            checks.check(f"{name}: the first record says where (a location inside the file)",
                         bool(limits) and bool(limits[0]["location"]), limits[:1])
            checks.check(f"{name}: finished in under 60 s", took < 60, f"{took:.1f} s")
            checks.check(f"{name}: peak RSS under 200 MiB", rss < 200, f"{rss} MiB")
            summary = c.summary_of(recs) or {}
            checks.check(f"{name}: one limit record, plus at most one counting the rest", len(limits) <= 2,
                         [r["message"] for r in limits][:4])
            checks.check(f"{name}: the summary counts it", summary.get("errors_by_kind", {}).get("limit_exceeded", 0) >= 1,
                         summary.get("errors_by_kind"))
            print(f"info: {name}: {took:.2f} s, peak RSS {rss} MiB, {len(limits)} limit record(s)")
            if name == "recursive zip bomb":
                found = [r for r in recs if r.get("type") == "finding"]
                checks.check(f"{name}: the CPR in a member before the limit is found", len(found) >= 1,
                             [r.get("location") for r in found][:3])
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
