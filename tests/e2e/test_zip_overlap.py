#!/usr/bin/env python3
"""Overlapping-entry zip bombs are recognised, and legitimate zips of every layout are not.

Bombs from overlap_zip.py (Fifield's constructions, 2000 entries over a 1 MiB kernel, about
2 GB if expanded): the "quoted" and the "full" overlap, and a quoted bomb stored as a member
of an ordinary zip. Each gets exactly one `limit_exceeded` record naming an overlapping-entry
zip bomb, no finding (no member was expanded, although the kernel holds a CPR), and ends in
under 10 s with a peak RSS under 200 MiB.

Not bombs, made with the real `zip` tool (Info-ZIP 3.0): 3000 entries, data descriptors
(written to a pipe), zip64 (-fz), a self-extractor (unzipsfx stub, offsets adjusted by
`zip -A`), the same with 5000 random bytes prepended and offsets not adjusted, and the
3000-entry zip stored inside another zip. Each: no error record, and the CPR in it is found.
"""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402
import overlap_zip  # noqa: E402
from test_archives import limit_records, peak_rss_scan  # noqa: E402

NOTE = "Journalnotat\nBorger: Søren Østergård, CPR-nr. 150372-1003\n"


def make_bombs(root):
    bombs = {}
    for kind, make in (("quoted", overlap_zip.quoted_overlap), ("full", overlap_zip.full_overlap)):
        path = os.path.join(root, f"{kind}.zip")
        with open(path, "wb") as f:
            f.write(make(2000, 1 << 20))
        bombs[kind] = (path, [])
    outer = os.path.join(root, "outer")
    os.mkdir(outer)
    shutil.copy(bombs["quoted"][0], os.path.join(outer, "bilag.zip"))
    subprocess.run(["zip", "-q", "-0", "../with_bomb.zip", "bilag.zip"], cwd=outer, check=True)
    bombs["member"] = (os.path.join(root, "with_bomb.zip"), ["bilag.zip"])
    return bombs


def make_legitimate(root):
    """name -> (path, location of the CPR finding)."""
    work = os.path.join(root, "legit")
    os.makedirs(os.path.join(work, "sager"))
    with open(os.path.join(work, "sager", "notat.txt"), "w", encoding="utf-8") as f:
        f.write(NOTE)
    for i in range(3000):
        with open(os.path.join(work, "sager", f"fil{i:04d}.txt"), "w") as f:
            f.write(f"intet her {i}\n")

    def sh(command):
        subprocess.run(["sh", "-c", command], cwd=work, check=True)

    sh("zip -qr ../many.zip sager")
    sh("zip -q - sager/notat.txt sager/fil0001.txt | cat > ../descriptor.zip")  # a pipe: data descriptors
    sh("zip -q -fz ../zip64.zip sager/notat.txt")
    sh("zip -q plain.zip sager/notat.txt && cat /usr/bin/unzipsfx plain.zip > ../sfx.zip && zip -qA ../sfx.zip")
    sh("head -c 5000 /dev/urandom > stub.bin && cat stub.bin plain.zip > ../prepended.zip")
    sh("cp ../many.zip inner.zip && zip -q ../nested.zip inner.zip")
    here = ["sager/notat.txt"]
    return {
        "3000 entries": (os.path.join(root, "many.zip"), here),
        "data descriptors": (os.path.join(root, "descriptor.zip"), here),
        "zip64": (os.path.join(root, "zip64.zip"), here),
        "self-extractor (zip -A)": (os.path.join(root, "sfx.zip"), here),
        "prepended data, offsets not adjusted": (os.path.join(root, "prepended.zip"), here),
        "3000 entries inside a zip": (os.path.join(root, "nested.zip"), ["inner.zip"] + here),
    }


def check_bombs(checks, args, env):
    for name, (path, location) in make_bombs(env.root).items():
        res, took, rss = peak_rss_scan(args, env, path)
        recs = c.parse_jsonl(res.stdout)
        limits = limit_records(recs)
        checks.check(f"{name} bomb: exit 0 or 1", res.returncode in (0, 1), f"exit {res.returncode}: {res.err[:300]}")
        checks.check(f"{name} bomb: one limit_exceeded record naming an overlapping-entry zip bomb",
                     len(limits) == 1 and "overlapping-entry zip bomb: 1999 of 2000 entries" in limits[0]["message"],
                     [r["message"] for r in limits][:3])
        checks.check(f"{name} bomb: the record is at the bomb {location}", bool(limits) and limits[0]["location"] == location,
                     limits[:1])
        others = [r for r in recs if r.get("type") in ("error", "skipped", "finding") and r not in limits]
        checks.check(f"{name} bomb: no member expanded (no finding, no other record)", not others, others[:3])
        checks.check(f"{name} bomb: finished in under 10 s", took < 10, f"{took:.1f} s")
        checks.check(f"{name} bomb: peak RSS under 200 MiB", rss < 200, f"{rss} MiB")
        print(f"info: {name} bomb ({os.path.getsize(path)} bytes): {took:.2f} s, peak RSS {rss} MiB")


def check_legitimate(checks, args, env):
    for name, (path, location) in make_legitimate(env.root).items():
        res = c.scan(args.binary, env, [path])
        recs = c.parse_jsonl(res.stdout)
        problems = [r for r in recs if r.get("type") in ("error", "skipped")]
        findings = [r for r in recs if r.get("type") == "finding"]
        checks.check(f"{name}: exit 1 (a finding)", res.returncode == 1, f"exit {res.returncode}: {res.err[:300]}")
        checks.check(f"{name}: not flagged, no error record", not problems, problems[:3])
        checks.check(f"{name}: the CPR is found at {location}",
                     [f["location"] for f in findings if f["detector"] == "dk.cpr"] == [location],
                     [(f["detector"], f["location"]) for f in findings][:3])


def main():
    args = c.parse_args(__doc__.splitlines()[0])
    started = time.monotonic()
    checks = c.Checks("test_zip_overlap")
    missing = [tool for tool in ("/usr/bin/time", "/usr/bin/zip", "/usr/bin/unzipsfx") if not os.path.exists(tool)]
    if missing:
        checks.skip("overlapping zips", f"{', '.join(missing)} not installed")
        checks.finish(started)
        return 77
    c.wait_for_binary(args.binary)
    env = c.Env()
    try:
        check_bombs(checks, args, env)
        check_legitimate(checks, args, env)
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
