#!/usr/bin/python3
"""Walker edge cases on a tree built at run time.

Checks: symlink loop (skipped `symlink` by default; `symlink_loop` and termination with
--follow-symlinks), FIFO (skipped `special_file`, never blocks), unreadable file and
directory (error `permission_denied` through setpriv as nobody, the scan goes on), file and
directory names that are not UTF-8 (escaped `path` plus exact `path_bytes`), empty file
(scanned, no record), hidden files (scanned), too large (skipped `too_large`), a 300 MiB
sparse file with --max-filesize 1G (findings at the right offsets, bounded memory),
--exclude/--include (no record, counted in `excluded`), --one-file-system (same records)
and that the summary counts add up for every scan.
"""

import base64
import os
import re
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402

MIB = 1 << 20
# Made-up CPR numbers with a valid date and mod-11 (weights 4,3,2,7,6,5,4,3,2,1).
CPR_A, CPR_B, CPR_C, CPR_D, CPR_E = "150372-1003", "230485-1018", "070699-2006", "311264-2004", "120357-1018"
LATIN1_NAME = b"l\xf8n.txt"     # "løn.txt" in Latin-1: not UTF-8
LATIN1_DIR = b"d\xe6r"          # "dær" in Latin-1


def write(path, text):
    with open(path, "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)


def digits(cpr):
    return cpr.replace("-", "")


def sparse(path, size, writes=()):
    with open(path, "wb") as f:
        for offset, data in writes:
            f.seek(offset)
            f.write(data)
        f.truncate(size)


def records_of(checks, name, res, want_rc=None):
    """Parses a scan's output; checks that it completed and its summary adds up."""
    try:
        recs = c.parse_jsonl(res.stdout)
    except ValueError as e:
        checks.check(f"{name}: output is JSON Lines", False, e)
        return []
    s = c.summary_of(recs)
    checks.check(f"{name}: summary present", s is not None, f"no summary; exit {res.returncode}; stderr {res.err}")
    if s is not None:
        checks.check(f"{name}: summary counts add up", not c.counts_add_up(s), "; ".join(c.counts_add_up(s)))
        skipped = sum(s["skipped_by_kind"].values())
        failed = sum(s["errors_by_kind"].values())
        checks.check(f"{name}: skipped/error records match skipped_by_kind/errors_by_kind",
                     skipped == len(c.by_type(recs, "skipped")) and failed == len(c.by_type(recs, "error")),
                     f"skipped_by_kind {s['skipped_by_kind']} vs {len(c.by_type(recs, 'skipped'))} records; "
                     f"errors_by_kind {s['errors_by_kind']} vs {len(c.by_type(recs, 'error'))} records")
        checks.check(f"{name}: summary findings == finding records",
                     s["findings"] == len(c.by_type(recs, "finding")),
                     f"summary {s['findings']}, records {len(c.by_type(recs, 'finding'))}")
    if want_rc is not None:
        checks.check(f"{name}: exit status {want_rc}", res.returncode == want_rc,
                     f"exit {res.returncode}; stderr: {res.err.strip()}")
    checks.check(f"{name}: stderr empty", res.err.strip() == "", res.err.strip())
    return recs


def find(recs, type_=None, suffix=None, kind=None):
    out = []
    for r in recs:
        if type_ and r.get("type") != type_:
            continue
        if suffix is not None and not r.get("path", "").endswith(suffix):
            continue
        if kind and r.get("kind") != kind:
            continue
        out.append(r)
    return out


def brief(recs):
    return "\n".join(f"{r['type']} {r.get('kind') or r.get('detector', '')} {r.get('path', '')}"
                     for r in recs if r["type"] != "summary")


def build_main_tree(root):
    """tree/: the ordinary edge cases, all in one tree."""
    t = os.path.join(root, "tree")
    os.makedirs(os.path.join(t, "sub"))
    write(os.path.join(t, "a.txt"), f"Borger med cpr-nr. {CPR_A} i sagen.\n")
    write(os.path.join(t, ".hidden.txt"), f"Skjult fil, cpr {CPR_B}\n")
    write(os.path.join(t, "empty.txt"), b"")
    write(os.path.join(t, "sub", "b.txt"), f"Undermappe, cpr {CPR_C}\n")
    os.symlink("..", os.path.join(t, "sub", "loop"))                 # sub/loop -> tree: a loop
    os.symlink("a.txt", os.path.join(t, "link_to_a"))                # file symlink
    os.symlink("does-not-exist", os.path.join(t, "dangling"))        # dangling symlink
    os.mkfifo(os.path.join(t, "fifo"))
    tb = os.fsencode(t)
    write(tb + b"/" + LATIN1_NAME, f"Lønseddel, cpr {CPR_D}\n")
    os.mkdir(tb + b"/" + LATIN1_DIR)
    write(tb + b"/" + LATIN1_DIR + b"/note.txt", f"Note, cpr {CPR_E}\n")
    sparse(os.path.join(t, "big.bin"), 150 * MIB)                    # over --max-filesize 100MiB
    return t


def check_symlinked_roots(checks, args, env, root):
    """A root named on the command line is followed even when it is a symlink (a share
    mounted through a symlink), like find -H and ripgrep; symlinks inside are not."""
    name = "symlinked roots"
    real = os.path.join(root, "real_share")
    os.makedirs(real)
    write(os.path.join(real, "a.txt"), f"cpr {CPR_A}\n")
    os.symlink(real, os.path.join(root, "share_link"))
    os.symlink(os.path.join(real, "a.txt"), os.path.join(root, "file_link"))
    res = c.scan(args.binary, env, [os.path.join(root, "share_link"), os.path.join(root, "file_link")], timeout=30)
    recs = records_of(checks, name, res, want_rc=1)
    findings = [r for r in recs if r["type"] == "finding"]
    problems = [r for r in recs if r["type"] in ("error", "skipped")]
    checks.check(f"{name}: a directory symlink and a file symlink given as roots are both scanned",
                 len(findings) == 2 and not problems, brief(recs))


def check_default_walk(checks, args, env, t):
    name = "default walk"
    res = c.scan(args.binary, env, [t], "--max-filesize", "100MiB", timeout=30)
    recs = records_of(checks, name, res, want_rc=1)
    s = c.summary_of(recs) or {}
    tb = os.fsencode(t)

    loop = find(recs, suffix="/sub/loop")
    checks.check(f"{name}: dir symlink loop -> one skipped record kind symlink",
                 len(loop) == 1 and loop[0]["type"] == "skipped" and loop[0]["kind"] == "symlink", loop)
    link = find(recs, suffix="/link_to_a")
    checks.check(f"{name}: file symlink -> skipped kind symlink",
                 len(link) == 1 and link[0]["type"] == "skipped" and link[0]["kind"] == "symlink", link)
    dangling = find(recs, suffix="/dangling")
    checks.check(f"{name}: dangling symlink -> skipped kind symlink",
                 len(dangling) == 1 and dangling[0]["type"] == "skipped" and dangling[0]["kind"] == "symlink", dangling)
    fifo = find(recs, suffix="/fifo")
    checks.check(f"{name}: FIFO -> skipped kind special_file",
                 len(fifo) == 1 and fifo[0]["type"] == "skipped" and fifo[0]["kind"] == "special_file", fifo)
    big = find(recs, suffix="/big.bin")
    checks.check(f"{name}: 150 MiB file, --max-filesize 100MiB -> skipped kind too_large with its size",
                 len(big) == 1 and big[0]["type"] == "skipped" and big[0]["kind"] == "too_large"
                 and big[0].get("size") == 150 * MIB, big)

    hidden = find(recs, "finding", "/.hidden.txt")
    checks.check(f"{name}: hidden file is scanned (finding in .hidden.txt)", len(hidden) == 1, brief(recs))
    checks.check(f"{name}: empty file has no record", not find(recs, suffix="/empty.txt"), find(recs, suffix="/empty.txt"))
    checks.check(f"{name}: finding in sub/b.txt", len(find(recs, "finding", "/sub/b.txt")) == 1, brief(recs))

    # A name that is not UTF-8: readable escaped path, exact bytes in path_bytes.
    latin = [r for r in recs if r["type"] == "finding" and r.get("path", "").endswith("l\\xF8n.txt")]
    checks.check(f"{name}: invalid UTF-8 file name -> finding with \\xF8 escape in path", len(latin) == 1, brief(recs))
    if latin:
        r = latin[0]
        try:
            raw = base64.b64decode(r.get("path_bytes", ""), validate=True)
        except ValueError as e:
            raw = f"invalid base64: {e}"
        checks.check(f"{name}: path_bytes decodes to the exact file name bytes",
                     raw == tb + b"/" + LATIN1_NAME, f"path_bytes -> {raw!r}, want {tb + b'/' + LATIN1_NAME!r}")
        checks.check(f"{name}: escaped path reads as <dir>/l\\xF8n.txt", r["path"] == t + "/l\\xF8n.txt", r["path"])
    in_dir = [r for r in recs if r["type"] == "finding" and r.get("path", "").endswith("d\\xE6r/note.txt")]
    checks.check(f"{name}: file inside a non-UTF-8 directory name -> escaped path", len(in_dir) == 1, brief(recs))
    if in_dir:
        raw = base64.b64decode(in_dir[0].get("path_bytes", ""))
        checks.check(f"{name}: path_bytes of file in non-UTF-8 directory",
                     raw == tb + b"/" + LATIN1_DIR + b"/note.txt", repr(raw))
    utf8_paths = [r for r in recs if "path_bytes" in r and "\\x" not in r["path"]]
    checks.check(f"{name}: path_bytes only on non-UTF-8 paths", not utf8_paths, utf8_paths)

    # Regular files scanned: a, .hidden, empty, sub/b, løn, dær/note = 6. Skipped: loop, link,
    # dangling, fifo, big = 5.
    want = {"files_seen": 11, "files_scanned": 6, "files_skipped": 5, "files_failed": 0, "directories": 3,
            "excluded": 0, "findings": 5}
    got = {k: s.get(k) for k in want}
    checks.check(f"{name}: summary counts {want}", got == want, f"got {got}")
    checks.check(f"{name}: skipped_by_kind", s.get("skipped_by_kind") == {"symlink": 3, "special_file": 1, "too_large": 1},
                 s.get("skipped_by_kind"))
    return recs


def check_follow_symlinks(checks, args, env, t):
    name = "--follow-symlinks"
    try:
        res = c.scan(args.binary, env, [t], "--follow-symlinks", timeout=20)
    except subprocess.TimeoutExpired:
        checks.check(f"{name}: scan terminates on a symlink loop", False, "still running after 20 s")
        return
    recs = records_of(checks, name, res, want_rc=1)
    loop = find(recs, suffix="/sub/loop")
    checks.check(f"{name}: loop -> skipped kind symlink_loop",
                 len(loop) == 1 and loop[0]["type"] == "skipped" and loop[0]["kind"] == "symlink_loop", loop)
    checks.check(f"{name}: file symlink is followed (finding via link_to_a)",
                 len(find(recs, "finding", "/link_to_a")) == 1, brief(recs))
    dangling = find(recs, suffix="/dangling")
    checks.check(f"{name}: dangling symlink -> error kind not_found",
                 len(dangling) == 1 and dangling[0]["type"] == "error" and dangling[0]["kind"] == "not_found", dangling)
    # Each real file is reported once, except a.txt which is also reached through link_to_a.
    paths = [r["path"] for r in c.by_type(recs, "finding")]
    checks.check(f"{name}: no file scanned twice through the loop", len(paths) == len(set(paths)), paths)


def check_fifo_root(checks, args, env, root):
    name = "FIFO as root"
    fifo = os.path.join(root, "root.fifo")
    os.mkfifo(fifo)
    try:
        res = c.scan(args.binary, env, [fifo], timeout=10)
    except subprocess.TimeoutExpired:
        checks.check(f"{name}: does not block", False, "still running after 10 s")
        return
    recs = records_of(checks, name, res, want_rc=0)
    checks.check(f"{name}: skipped kind special_file",
                 [(r["type"], r["kind"]) for r in recs if r["type"] != "summary"] == [("skipped", "special_file")],
                 brief(recs))


def check_permissions(checks, args, env, root):
    name = "unreadable (as nobody)"
    setpriv = shutil.which("setpriv")
    if not setpriv:
        checks.skip(name, "setpriv (util-linux) is not installed")
        return
    t = os.path.join(root, "perm")
    os.makedirs(os.path.join(t, "locked"))
    write(os.path.join(t, "secret.txt"), f"cpr {CPR_A}\n")
    write(os.path.join(t, "ok.txt"), f"cpr {CPR_B}\n")
    write(os.path.join(t, "locked", "inside.txt"), f"cpr {CPR_C}\n")
    os.chmod(t, 0o755)
    os.chmod(os.path.join(t, "ok.txt"), 0o644)
    os.chmod(os.path.join(t, "secret.txt"), 0o000)
    os.chmod(os.path.join(t, "locked"), 0o000)
    os.chmod(root, 0o755)
    os.chmod(env.key, 0o644)
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    res = c.scan(args.binary, env, [t], timeout=30, prefix=prefix)
    if res.returncode == 2 and ("setpriv" in res.err or "Operation not permitted" in res.err):
        checks.skip(name, f"setpriv cannot switch user here: {res.err.strip()}")
        return
    recs = records_of(checks, name, res, want_rc=1)
    secret = find(recs, suffix="/secret.txt")
    checks.check(f"{name}: unreadable file -> error kind permission_denied",
                 len(secret) == 1 and secret[0]["type"] == "error" and secret[0]["kind"] == "permission_denied", secret)
    locked = find(recs, suffix="/locked")
    checks.check(f"{name}: unreadable directory -> error kind permission_denied",
                 len(locked) == 1 and locked[0]["type"] == "error" and locked[0]["kind"] == "permission_denied", locked)
    checks.check(f"{name}: the scan goes on and finds the CPR in ok.txt",
                 len(find(recs, "finding", "/ok.txt")) == 1, brief(recs))
    s = c.summary_of(recs) or {}
    # The locked directory is counted as a directory, not as a file.
    checks.check(f"{name}: summary files_failed 1, directories_failed 1, files_scanned 1",
                 s.get("files_failed") == 1 and s.get("directories_failed") == 1 and s.get("files_scanned") == 1
                 and s.get("errors_by_kind") == {"permission_denied": 2},
                 {k: s.get(k) for k in ("files_seen", "files_scanned", "files_failed", "directories_failed", "errors_by_kind")})


def peak_rss_kib(cmd, env, timeout):
    """Runs cmd, returns (Result, peak RSS in KiB, how it was measured)."""
    gnu_time = "/usr/bin/time"
    if os.path.exists(gnu_time):
        out = os.path.join(env.root, "time.txt")
        res = c.run([gnu_time, "-v", "-o", out, *cmd], env=env.environ(), timeout=timeout)
        with open(out) as f:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
        if m:
            return res, int(m.group(1)), "/usr/bin/time -v"
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    res = c.run(cmd, env=env.environ(), timeout=timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return res, max(after, before), "getrusage(RUSAGE_CHILDREN)"


def check_large_sparse(checks, args, env, root):
    name = "300 MiB sparse file, --max-filesize 1G"
    t = os.path.join(root, "large")
    os.mkdir(t)
    # The first 64 KiB are text, so that the file sniffs as text; the rest is a hole (NUL bytes).
    filler = b"Linje med almindelig tekst uden tal.\n"
    head = CPR_A.encode() + b" er cpr-nr. for en borger\n"
    head += filler * ((64 * 1024 - len(head)) // len(filler))
    second = 200 * MIB + 12345
    sparse(os.path.join(t, "huge.txt"), 300 * MIB, [(0, head), (second, CPR_B.encode())])
    c.wait_for_binary(args.binary)
    cmd = [args.binary, "scan", t, "--fingerprint-key-file", env.key, "--progress", "never", "--max-filesize", "1G"]
    try:
        res, rss_kib, how = peak_rss_kib(cmd, env, timeout=60)
    except subprocess.TimeoutExpired:
        checks.check(f"{name}: finishes within 60 s", False, "timed out")
        return
    recs = records_of(checks, name, res, want_rc=1)
    found = sorted((r["offset"], r["match"], r["line"]) for r in c.by_type(recs, "finding"))
    want_line = head.count(b"\n") + 1
    checks.check(f"{name}: CPR at offset 0 and at 200 MiB + 12345 found",
                 [(o, m) for o, m, _ in found] == [(0, "150372-****"), (second, "230485-****")], found)
    checks.check(f"{name}: line of the second CPR is {want_line}",
                 len(found) == 2 and found[1][2] == want_line, found)
    s = c.summary_of(recs) or {}
    checks.check(f"{name}: bytes_read == file size", s.get("bytes_read") == 300 * MIB, s.get("bytes_read"))
    checks.check(f"{name}: peak RSS below 200 MiB ({how})", rss_kib < 200 * 1024, f"peak RSS {rss_kib} KiB")
    print(f"info: {name}: {res.took:.2f} s, peak RSS {rss_kib / 1024:.1f} MiB ({how})")
    os.remove(os.path.join(t, "huge.txt"))


def check_filters(checks, args, env, root):
    t = os.path.join(root, "filt")
    os.makedirs(os.path.join(t, "sub"))
    os.makedirs(os.path.join(t, "skipdir"))
    write(os.path.join(t, "a.txt"), f"cpr {CPR_A}\n")
    write(os.path.join(t, "b.log"), f"cpr {CPR_B}\n")
    write(os.path.join(t, "c.csv"), f"cpr;{CPR_C}\n")
    write(os.path.join(t, "sub", "d.log"), f"cpr {CPR_D}\n")
    write(os.path.join(t, "sub", "e.txt"), f"cpr {CPR_E}\n")
    write(os.path.join(t, "skipdir", "f.txt"), f"cpr {CPR_A}\n")

    name = "--exclude '*.log'"
    recs = records_of(checks, name, c.scan(args.binary, env, [t], "--exclude", "*.log"), want_rc=1)
    checks.check(f"{name}: no record for *.log files", not [r for r in recs if r.get("path", "").endswith(".log")], brief(recs))
    checks.check(f"{name}: the other four files are found",
                 sorted(r["path"][len(t):] for r in c.by_type(recs, "finding"))
                 == ["/a.txt", "/c.csv", "/skipdir/f.txt", "/sub/e.txt"], brief(recs))
    s = c.summary_of(recs) or {}
    checks.check(f"{name}: summary excluded == 2, files_seen == 4",
                 s.get("excluded") == 2 and s.get("files_seen") == 4, {k: s.get(k) for k in ("excluded", "files_seen")})

    name = "--include '*.txt'"
    recs = records_of(checks, name, c.scan(args.binary, env, [t], "--include", "*.txt"), want_rc=1)
    checks.check(f"{name}: only *.txt files have records (directories still entered)",
                 sorted(r["path"][len(t):] for r in recs if r["type"] != "summary")
                 == ["/a.txt", "/skipdir/f.txt", "/sub/e.txt"], brief(recs))
    s = c.summary_of(recs) or {}
    checks.check(f"{name}: summary excluded == 3, files_seen == 3",
                 s.get("excluded") == 3 and s.get("files_seen") == 3, {k: s.get(k) for k in ("excluded", "files_seen")})

    name = "--exclude DIR"
    recs = records_of(checks, name, c.scan(args.binary, env, [t], "--exclude", "skipdir"), want_rc=1)
    checks.check(f"{name}: nothing under an excluded directory",
                 not [r for r in recs if "/skipdir" in r.get("path", "")], brief(recs))
    s = c.summary_of(recs) or {}
    checks.check(f"{name}: the directory counts once in excluded", s.get("excluded") == 1, s.get("excluded"))

    name = "--exclude with a slash matches the path"
    recs = records_of(checks, name, c.scan(args.binary, env, [t], "--exclude", "*/sub/*"), want_rc=1)
    checks.check(f"{name}: nothing under sub/", not [r for r in recs if "/sub/" in r.get("path", "")], brief(recs))

    # Excluded entries produce no record whatever their type: a FIFO or a symlink whose
    # name matches --exclude is excluded like a regular file, not reported as skipped.
    name = "--exclude matching a FIFO and a symlink"
    t2 = os.path.join(root, "filt2")
    os.mkdir(t2)
    write(os.path.join(t2, "a.txt"), f"cpr {CPR_A}\n")
    os.mkfifo(os.path.join(t2, "pipe.log"))
    os.symlink("a.txt", os.path.join(t2, "link.log"))
    try:
        recs = records_of(checks, name, c.scan(args.binary, env, [t2], "--exclude", "*.log", timeout=10), want_rc=1)
    except subprocess.TimeoutExpired:
        checks.check(f"{name}: does not block", False, "timed out")
        return
    checks.check(f"{name}: no record for the excluded FIFO and symlink",
                 not [r for r in recs if r.get("path", "").endswith(".log")], brief(recs))
    s = c.summary_of(recs) or {}
    checks.check(f"{name}: both counted in excluded", s.get("excluded") == 2, s.get("excluded"))


def check_one_file_system(checks, args, env, t, default_recs):
    name = "--one-file-system"
    recs = records_of(checks, name, c.scan(args.binary, env, [t], "--one-file-system", "--max-filesize", "100MiB", timeout=30),
                      want_rc=1)
    a = sorted(c.canonical(c.strip_volatile(r)) for r in default_recs)
    b = sorted(c.canonical(c.strip_volatile(r)) for r in recs)
    checks.check(f"{name}: same records as without it on a single file system", a == b,
                 "\n".join(sorted(set(a) ^ set(b))))


def main():
    args = c.parse_args(__doc__.splitlines()[0])
    started = time.monotonic()
    checks = c.Checks("test_walker")
    c.wait_for_binary(args.binary)
    env = c.Env()
    try:
        t = build_main_tree(env.root)
        default_recs = check_default_walk(checks, args, env, t)
        check_follow_symlinks(checks, args, env, t)
        check_one_file_system(checks, args, env, t, default_recs)
        check_fifo_root(checks, args, env, env.root)
        check_symlinked_roots(checks, args, env, env.root)
        check_filters(checks, args, env, env.root)
        check_permissions(checks, args, env, env.root)
        check_large_sparse(checks, args, env, env.root)
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
