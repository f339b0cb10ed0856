#!/usr/bin/python3
"""Robustness on the shared corpus of real third-party files (../shared/corpus).

Skips (exit 77) when the corpus is absent: a clone outside this workspace has none.
Scans it (120 s limit) and checks: exit 0 or 1, nothing on stderr, the summary is last, once
and complete, every file is accounted for (files_seen == regular files + symlinks + special
files; files_scanned + files_skipped + files_failed == files_seen; every record names an
entry of the tree), no internal errors, and a second scan with --threads 1 gives the same
records.
"""

import os
import stat
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402


def inventory(root):
    """Counts what the walker should see, without following symlinks."""
    counts = {"regular": 0, "symlink": 0, "special": 0, "directories": 0, "bytes": 0}
    entries = set()
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root), followlinks=False):
        counts["directories"] += 1
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            if stat.S_ISDIR(st.st_mode):
                continue
            entries.add(path)
            if stat.S_ISREG(st.st_mode):
                counts["regular"] += 1
                counts["bytes"] += st.st_size
            elif stat.S_ISLNK(st.st_mode):
                counts["symlink"] += 1
            else:
                counts["special"] += 1
        # os.walk lists symlinks to directories among dirnames: counted above as symlinks
        # because lstat sees the link; it does not descend into them (followlinks=False).
    return counts, entries


def record_path(r):
    import base64
    if "path_bytes" in r:
        return base64.b64decode(r["path_bytes"])
    return r["path"].encode("utf-8")


def main():
    def extra(p):
        p.add_argument("--shared", default=None, help="the corpus (default: <source-dir>/../shared/corpus)")

    args = c.parse_args(__doc__.splitlines()[0], extra)
    shared = args.shared or os.path.join(os.path.dirname(args.source_dir), "shared", "corpus")
    if not os.path.isdir(shared):
        print(f"SKIP: no shared corpus at {shared}")
        return c.EXIT_SKIP
    shared = os.path.abspath(shared)
    started = time.monotonic()
    checks = c.Checks("test_shared_corpus")
    counts, entries = inventory(shared)
    expected_seen = counts["regular"] + counts["symlink"] + counts["special"]
    print(f"info: {shared}: {counts['regular']} regular files, {counts['symlink']} symlinks, "
          f"{counts['special']} special files, {counts['directories']} directories")
    env = c.Env()
    try:
        try:
            res = c.scan(args.binary, env, [shared], timeout=120)
        except subprocess.TimeoutExpired:
            checks.check("scan finishes within 120 s", False, "timed out")
            checks.finish(started)
        print(f"info: scan took {res.took:.2f} s, exit {res.returncode}")
        checks.check("exit status 0 or 1", res.returncode in (0, 1), f"exit {res.returncode}; stderr {res.err[:500]}")
        checks.check("nothing on stderr", res.err.strip() == "", res.err[:1000])
        try:
            recs = c.parse_jsonl(res.stdout)
        except ValueError as e:
            checks.check("output is JSON Lines", False, e)
            checks.finish(started)
        types = [r.get("type") for r in recs]
        checks.check("exactly one summary, on the last line", types.count("summary") == 1 and types[-1] == "summary",
                     f"{types.count('summary')} summaries, last line {types[-1] if types else None}")
        s = c.summary_of(recs)
        if s is None:
            checks.finish(started)
        checks.check("summary says complete", s.get("complete") is True, s.get("complete"))
        checks.check("files_seen == regular files + symlinks + special files",
                     s["files_seen"] == expected_seen, f"files_seen {s['files_seen']}, tree has {expected_seen}")
        checks.check("files_scanned + files_skipped + files_failed == files_seen", not c.counts_add_up(s),
                     "; ".join(c.counts_add_up(s)))
        checks.check("directories == directories in the tree", s["directories"] == counts["directories"],
                     f"{s['directories']} vs {counts['directories']}")
        checks.check("excluded == 0", s["excluded"] == 0, s["excluded"])
        checks.check("bytes_read <= total size of the regular files", s["bytes_read"] <= counts["bytes"],
                     f"{s['bytes_read']} > {counts['bytes']}")

        problems = [r for r in recs if r.get("type") in ("error", "skipped")]
        checks.check("skipped/error records match skipped_by_kind/errors_by_kind",
                     sum(s["skipped_by_kind"].values()) == len(c.by_type(recs, "skipped"))
                     and sum(s["errors_by_kind"].values()) == len(c.by_type(recs, "error")),
                     f"{s['skipped_by_kind']} {s['errors_by_kind']}")
        unknown = sorted({record_path(r) for r in recs if r.get("type") != "summary"} - entries)
        checks.check("every record names a file of the tree", not unknown, unknown[:10])
        problem_paths = {record_path(r) for r in problems}
        checks.check("every file is accounted for: scanned, or an error/skipped record",
                     s["files_skipped"] + s["files_failed"] <= len(problem_paths)
                     and s["files_scanned"] >= expected_seen - len(problem_paths),
                     f"{len(problem_paths)} files with records; scanned {s['files_scanned']}, "
                     f"skipped {s['files_skipped']}, failed {s['files_failed']}")
        # Our own marker starts the message; libxml2's text may itself say "internal error".
        internal = [r for r in problems if r.get("message", "").startswith("internal error")]
        checks.check("no internal errors (exceptions caught per file)", not internal,
                     "\n".join(f"{r['path']}: {r['message']}" for r in internal[:10]))
        # Encrypted RAR5 members and headers are named encrypted (libarchive 3.6 alone calls
        # them damaged, or reads ciphertext as a binary member); 7-Zip lists the same ones.
        def kinds(name):
            return sorted((tuple(r["location"]), r["kind"]) for r in problems
                          if record_path(r).endswith(("/archives/rar/" + name).encode()))
        for name, want in [("libarchive__rar5_encrypted.rar", [(("b.txt",), "encrypted"), (("d.txt",), "encrypted")]),
                           ("rarfile__rar5-psw.rar", [(("stest1.txt",), "encrypted"), (("stest2.txt",), "encrypted")]),
                           ("libarchive__rar5_encrypted_filenames.rar", [((), "encrypted")]),
                           ("libarchive__rar5_solid_encrypted_filenames.rar", [((), "encrypted")])]:
            if os.path.exists(os.path.join(shared, "archives", "rar", name)):
                checks.check(f"{name}: its encrypted parts are named encrypted", kinds(name) == want, kinds(name))
        print(f"info: {s['files_scanned']} scanned, {s['files_skipped']} skipped {s['skipped_by_kind']}, "
              f"{s['files_failed']} failed {s['errors_by_kind']}, {s['findings']} findings "
              f"{s['findings_by_detector']}")

        # The same tree twice, once single-threaded: the same records.
        res2 = c.scan(args.binary, env, [shared], "--threads", "1", timeout=120)
        # Not compared: the summary (containers' budgets are shared by children scanned in
        # parallel, so which member a limit cuts can depend on timing), and hostile archives
        # whose decompressors emit uninitialised bytes (libarchive's LZX on
        # cab_lzx_invalid_history.cab reads past its history window): their output varies
        # from run to run in libarchive itself.
        def stable(rs):
            return sorted(c.canonical(c.strip_volatile(r)) for r in rs
                          if r.get("type") != "summary" and "/malformed/archive/" not in r.get("path", ""))
        a = stable(recs)
        b = stable(c.parse_jsonl(res2.stdout))
        diff = sorted(set(a) ^ set(b))
        checks.check("a second scan (--threads 1) gives the same records", a == b,
                     f"{len(a)} vs {len(b)} records; differing:\n" + "\n".join(d[:300] for d in diff[:10]))
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
