#!/usr/bin/python3
"""The command line as a user and a pipeline see it.

Exit codes (0 clean, 1 findings, 2 fatal: missing root, unknown flag, bad size, unwritable
output, write error), --output FILE equals stdout, a closed pipe ends the scan quietly, no
full CPR number ever reaches stdout or stderr without --reveal (jsonl, text, --summary),
--format text groups by file, `version`, `rules test`, and the per-installation
fingerprint key ($HOME/.config/gdprscan/fingerprint.key, mode 0600, stable fingerprints).
"""

import hashlib
import json
import hmac
import os
import re
import stat
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402

# Made-up CPR numbers (valid date, mod-11 passes) written in the forms the file uses.
KNOWN = {
    "1503721003": "cpr-nr. 150372-1003",        # keyword, hyphen: confidence 1.0
    "2304851018": "Nummer 2304851018 her",        # bare: 0.7
    "0706992006": "og 070699 2006 med mellemrum",  # space separator
    "3112641008": "Fakturanr. 3112641008",        # negative word: below the threshold, still masked
    "1203571018": "p-nr 1203571018",              # P-nummer: below the threshold, still masked
    "2802441005": "dato 280244/1005",             # slash separator
}
KNOWN_FIRST = "1503721003"
CLEAN_TEXT = "Ingen personoplysninger her, kun en indkøbsliste: mælk, æg og 12 boller.\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)


def one_line(text):
    return text.strip().replace("\n", " | ")


def check_exit_codes(checks, args, env):
    clean = os.path.join(env.root, "clean")
    write(os.path.join(clean, "liste.txt"), CLEAN_TEXT)
    res = c.scan(args.binary, env, [clean])
    checks.check("exit 0 on a clean tree", res.returncode == 0, f"exit {res.returncode}; stderr {one_line(res.err)}")

    dirty = os.path.join(env.root, "dirty")
    write(os.path.join(dirty, "brev.txt"), "Borger med cpr-nr. 150372-1003.\n")
    res = c.scan(args.binary, env, [dirty])
    checks.check("exit 1 with findings", res.returncode == 1, f"exit {res.returncode}; stderr {one_line(res.err)}")

    missing = os.path.join(env.root, "no-such-dir")
    res = c.scan(args.binary, env, [missing])
    lines = res.err.splitlines()
    checks.check("missing root: exit 2", res.returncode == 2, f"exit {res.returncode}")
    checks.check("missing root: exactly one stderr line, naming the root",
                 len(lines) == 1 and missing in lines[0], f"stderr: {res.err!r}")
    checks.check("missing root: nothing on stdout", res.stdout == b"", res.out[:300])

    # A missing root among existing ones is still fatal, before anything is scanned.
    res = c.scan(args.binary, env, [dirty, missing])
    checks.check("missing second root: exit 2 and no records", res.returncode == 2 and res.stdout == b"",
                 f"exit {res.returncode}; stdout {res.out[:200]!r}")

    res = c.scan(args.binary, env, [clean], "--no-such-flag")
    checks.check("unknown flag: exit 2 with a message", res.returncode == 2 and "--no-such-flag" in res.err,
                 f"exit {res.returncode}; stderr {one_line(res.err)}")
    checks.check("unknown flag: nothing on stdout", res.stdout == b"", res.out[:300])

    res = c.scan(args.binary, env, [clean], "--max-filesize", "12Q")
    checks.check("--max-filesize 12Q: exit 2 naming the value", res.returncode == 2 and "12Q" in res.err,
                 f"exit {res.returncode}; stderr {one_line(res.err)}")

    res = c.scan(args.binary, env, [clean], "--output", "/nonexistent/dir/x")
    checks.check("--output /nonexistent/dir/x: exit 2 naming the path",
                 res.returncode == 2 and "/nonexistent/dir/x" in res.err,
                 f"exit {res.returncode}; stderr {one_line(res.err)}")

    # Records that cannot be written are lost: that must not look like a successful scan.
    if os.path.exists("/dev/full"):
        res = c.scan(args.binary, env, [dirty], "--output", "/dev/full")
        checks.check("write error on --output (/dev/full): exit 2 with a message on stderr",
                     res.returncode == 2 and res.err.strip() != "",
                     f"exit {res.returncode}; stderr {res.err.strip()!r}")
    else:
        checks.skip("write error on --output", "/dev/full does not exist")


def check_output_file(checks, args, env):
    tree = os.path.join(env.root, "outtree")
    # No e-mail addresses here: their detection is not deterministic yet (see test_schema/run_cases).
    write(os.path.join(tree, "a.txt"), "cpr-nr. 150372-1003 og 070699-2006\n")
    write(os.path.join(tree, "b.txt"), "Nummer 230485-1018\n")
    write(os.path.join(tree, "c.png"), b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    res_stdout = c.scan(args.binary, env, [tree])
    out = os.path.join(env.root, "out.jsonl")
    res_file = c.scan(args.binary, env, [tree], "--output", out)
    checks.check("--output FILE: nothing on stdout", res_file.stdout == b"", res_file.out[:300])
    checks.check("--output FILE: same exit status as stdout", res_file.returncode == res_stdout.returncode == 1,
                 f"{res_file.returncode} vs {res_stdout.returncode}")
    with open(out, "rb") as f:
        from_file = f.read()
    a = sorted(c.canonical(c.strip_volatile(r)) for r in c.parse_jsonl(res_stdout.stdout))
    b = sorted(c.canonical(c.strip_volatile(r)) for r in c.parse_jsonl(from_file))
    checks.check("--output FILE: same records as stdout (3 findings, 1 skipped, summary)", a == b and len(a) == 5,
                 f"{len(a)} records on stdout, {len(b)} in the file\n" + "\n".join(sorted(set(a) ^ set(b))))
    mode = stat.S_IMODE(os.stat(out).st_mode)
    checks.check("--output FILE without --reveal: not group/world writable", mode & 0o022 == 0, oct(mode))
    revealed = os.path.join(env.root, "revealed.jsonl")
    c.scan(args.binary, env, [tree], "--output", revealed, "--reveal")
    mode = stat.S_IMODE(os.stat(revealed).st_mode)
    checks.check("--output FILE with --reveal: new file is private (0600)", mode == 0o600, oct(mode))


def check_closed_pipe(checks, args, env):
    name = "closed pipe (scan | head -1)"
    tree = os.path.join(env.root, "pipetree")
    for i in range(2000):
        write(os.path.join(tree, f"d{i // 100:02d}", f"f{i:04d}.txt"), f"Borger {i}, cpr-nr. 150372-1003\n")
    c.wait_for_binary(args.binary)
    cmd = [args.binary, "scan", tree, "--fingerprint-key-file", env.key, "--progress", "never"]
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                         env=env.environ())
    first = p.stdout.readline()
    p.stdout.close()  # like `head -1` exiting
    try:
        rc = p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        checks.check(f"{name}: the scanner exits within 10 s", False, "still running after 10 s: killed")
        p.stderr.close()
        return
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    took = time.monotonic() - t0
    checks.check(f"{name}: first line is a record", first.startswith(b'{"type":'), first[:100])
    checks.check(f"{name}: the scanner exits within a few seconds", took < 5, f"{took:.1f} s")
    checks.check(f"{name}: not killed by a signal (SIGPIPE)", rc >= 0, f"exit {rc}")
    checks.check(f"{name}: exit status is not 2 (fatal)", rc in (0, 1), f"exit {rc}")
    checks.check(f"{name}: no error text on stderr", err.strip() == "", err.strip()[:500])
    print(f"info: {name}: exit {rc} after {took:.2f} s")


def check_killed_scan_leaves_whole_lines(checks, args, env):
    """SIGKILL at several moments once the scan is writing: the file holds whole JSON lines
    only (the writer never lets a write cross a 4 KiB page of the file, where the kernel can
    stop a killed process's write)."""
    name = "SIGKILL mid-scan"
    tree = os.path.join(env.root, "many")
    for i in range(3000):
        write(os.path.join(tree, f"d{i // 100}", f"f{i}.txt"), f"Borger {i}: cpr-nr. {KNOWN_FIRST[:6]}-{KNOWN_FIRST[6:]}\n" * 20)
    for delay in (0.0, 0.01, 0.03, 0.07, 0.15):
        out = os.path.join(env.root, f"killed-{delay}.jsonl")
        cmd = [args.binary, "scan", tree, "--fingerprint-key-file", env.key, "--progress", "never", "--threads", "1",
               "--output", out]
        proc = subprocess.Popen(cmd, env=env.environ(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # From the first bytes written (start-up takes longer on a busy machine than any fixed delay).
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and proc.poll() is None:
            if os.path.exists(out) and os.path.getsize(out) > 0:
                break
            time.sleep(0.002)
        time.sleep(delay)
        proc.kill()
        proc.wait()
        with open(out, "rb") as f:
            data = f.read()
        checks.check(f"{name} after {delay} s: output ends with a whole line", data == b"" or data.endswith(b"\n"),
                     data[-80:])
        bad = []
        for line in data.split(b"\n")[:-1]:
            try:
                json.loads(line)
            except ValueError:
                bad.append(line[:80])
        lines = data.count(b"\n")
        checks.check(f"{name} after {delay} s: every line is a whole JSON record ({lines} lines)", not bad, bad[:3])


def check_rules_commands(checks, args, env):
    res = c.run([args.binary, "rules", "show", "dk.cpr"], env=env.environ())
    checks.check("rules show dk.cpr: the rule's fields", res.returncode == 0 and "validator:   dk_cpr" in res.out,
                 res.out[:200])
    good = os.path.join(env.root, "good.toml")
    with open(good, "w") as f:
        f.write('[[rule]]\nid = "org.sagsnummer"\nname = "Sagsnummer"\ncategory = "confidential"\n'
                'severity = "low"\npattern = \'SAG-\\d{4}-\\d{3}\'\nvalidator = "regex"\nkeywords = ["sagsnummer"]\n'
                '[rule.examples]\npositive = ["sagsnummer SAG-2019-117"]\nnegative = ["XSAG-2019-117Y"]\n')
    res = c.run([args.binary, "rules", "check", "--rules", good], env=env.environ())
    checks.check("rules check: a valid pack passes", res.returncode == 0 and "ok: 1 rules" in res.out,
                 f"exit {res.returncode}: {res.out[:200]} {one_line(res.err)}")
    text = os.path.join(env.root, "sag", "notat.txt")
    write(text, "Vedr. sagsnummer SAG-2019-117\n")
    res = c.scan(args.binary, env, [os.path.dirname(text)], "--rules", good)
    found = [r for r in c.parse_jsonl(res.stdout) if r.get("detector") == "org.sagsnummer"]
    checks.check("a user's regex rule with a keyword finds its pattern, masked",
                 len(found) == 1 and found[0]["match"] == "SA*-****-***" and "keyword:sagsnummer" in found[0]["signals"],
                 found[:1])
    bad = os.path.join(env.root, "bad.toml")
    with open(bad, "w") as f:
        f.write('[[rule]]\nid = "org.x"\nname = "X"\ncategory = "nonsense"\n')
    res = c.run([args.binary, "rules", "check", "--rules", bad], env=env.environ())
    checks.check("rules check: a broken pack exits 2 naming file, line and field",
                 res.returncode == 2 and "bad.toml:" in res.err and "category" in res.err, one_line(res.err))
    with open(bad, "w") as f:
        f.write('[[rule]]\nid = "org.x"\nname = "X"\ncategory = "contact"\nseverity = "low"\npattern = \'x@y\'\n'
                'validator = "regex"\nseparate_database = "yes"\n')
    res = c.run([args.binary, "rules", "check", "--rules", bad], env=env.environ())
    checks.check("rules check: separate_database must be true or false",
                 res.returncode == 2 and "bad.toml:8" in res.err and "separate_database" in res.err, one_line(res.err))


def check_selection_and_ignore(checks, args, env):
    tree = os.path.join(env.root, "select")
    write(os.path.join(tree, "a.txt"), f"cpr-nr. {KNOWN_FIRST[:6]}-{KNOWN_FIRST[6:]} og jens@kommune.dk\n")
    res = c.scan(args.binary, env, [tree], "--enable", "email")
    recs = c.parse_jsonl(res.stdout)
    dets = sorted(r["detector"] for r in recs if r["type"] == "finding")
    checks.check("--enable email: only e-mail findings", dets == ["email"], dets)
    res = c.scan(args.binary, env, [tree], "--disable", "national_id")
    dets = sorted(r["detector"] for r in c.parse_jsonl(res.stdout) if r["type"] == "finding")
    checks.check("--disable national_id (a category): no CPR findings", dets == ["email"], dets)
    res = c.scan(args.binary, env, [tree], "--enable", "dk.nope")
    checks.check("--enable of an unknown rule: exit 2 naming it", res.returncode == 2 and "dk.nope" in res.err,
                 f"exit {res.returncode}; {one_line(res.err)}")
    check_names_on_request(checks, args, env, tree)
    # Accept the CPR finding by its fingerprint: counted, not reported.
    res = c.scan(args.binary, env, [tree])
    cpr = [r for r in c.parse_jsonl(res.stdout) if r.get("detector") == "dk.cpr"]
    ignore = os.path.join(env.root, "ignore.txt")
    with open(ignore, "w") as f:
        f.write(f"# accepted findings\n{cpr[0]['fingerprint']}  kendt testnummer\n")
    res = c.scan(args.binary, env, [tree], "--ignore-file", ignore)
    recs = c.parse_jsonl(res.stdout)
    summary = c.summary_of(recs) or {}
    checks.check("--ignore-file: the accepted finding is not reported, the other is",
                 [r["detector"] for r in recs if r["type"] == "finding"] == ["email"], recs[:2])
    checks.check("--ignore-file: the summary counts it as ignored", summary.get("ignored") == 1, summary.get("ignored"))
    with open(ignore, "w") as f:
        f.write(f"{cpr[0]['fingerprint']}\n")
    res = c.scan(args.binary, env, [tree], "--ignore-file", ignore)
    checks.check("--ignore-file without a reason: exit 2 naming file and line",
                 res.returncode == 2 and "ignore.txt:1" in res.err, one_line(res.err))


def check_names_on_request(checks, args, env, tree):
    """person.name (report = "on_request") runs by default but is written only when asked for."""
    write(os.path.join(tree, "b.txt"), "Jens Hansen er indlagt.\n")

    def detectors(*flags):
        res = c.scan(args.binary, env, [tree], *flags)
        return sorted({r["detector"] for r in c.parse_jsonl(res.stdout) if r["type"] == "finding"})

    everything = ["art9.health", "dk.cpr", "email"]
    checks.check("names are not written by default, but pair the term", detectors() == everything, detectors())
    checks.check("--enable person.name: the default set plus names",
                 detectors("--enable", "person.name") == sorted(everything + ["person.name"]),
                 detectors("--enable", "person.name"))
    checks.check("--enable names (its tag) asks for them too",
                 "person.name" in detectors("--enable", "names"), detectors("--enable", "names"))
    checks.check("--enable email --enable person.name: only those two",
                 detectors("--enable", "email", "--enable", "person.name") == ["email", "person.name"],
                 detectors("--enable", "email", "--enable", "person.name"))
    checks.check("--disable person.name: the term has no name to pair with",
                 detectors("--disable", "person.name") == ["dk.cpr", "email"], detectors("--disable", "person.name"))
    os.remove(os.path.join(tree, "b.txt"))


def check_progress(checks, args, env):
    tree = os.path.join(env.root, "progress")
    write(os.path.join(tree, "a.txt"), f"cpr {KNOWN_FIRST}\n")
    base = [args.binary, "scan", tree, "--fingerprint-key-file", env.key]
    res = c.run(base + ["--progress", "always"], env=env.environ())
    checks.check("--progress always: a progress line on stderr (files, MB/s, findings)",
                 "files" in res.err and "MB/s" in res.err and "findings" in res.err and "\r" in res.err, repr(res.err[:300]))
    checks.check("--progress always: records on stdout unchanged", res.returncode == 1 and b'"type":"summary"' in res.stdout,
                 res.out[:200])
    checks.check("--progress always: no full CPR in the progress line", KNOWN_FIRST not in res.err, repr(res.err[:300]))
    res = c.run(base + ["--progress", "always", "--quiet"], env=env.environ())
    checks.check("--quiet: nothing on stderr", res.err == "", repr(res.err[:300]))
    res = c.run(base, env=env.environ())
    checks.check("--progress auto (default) with stderr not a terminal: nothing on stderr", res.err == "",
                 repr(res.err[:300]))
    res = c.run(base + ["--progress", "sometimes"], env=env.environ())
    checks.check("--progress sometimes: exit 2 naming the value", res.returncode == 2 and "sometimes" in res.err,
                 f"exit {res.returncode}; {one_line(res.err)}")


def never_full_cpr(checks, args, env):
    tree = os.path.join(env.root, "known")
    text = "\n\n".join(f"Linje {i}: {form}." for i, form in enumerate(KNOWN.values())) + "\n"
    write(os.path.join(tree, "kendte.txt"), text)
    # Each number alone in a file as well: no neighbour's context to hide in.
    for digits, form in KNOWN.items():
        write(os.path.join(tree, f"alene_{digits[:6]}.txt"), form + "\n")

    runs = {
        "jsonl": [],
        "jsonl --summary": ["--summary"],
        "text": ["--format", "text"],
        "text --summary": ["--format", "text", "--summary"],
        "jsonl --min-confidence 0": ["--min-confidence", "0"],
        "text --min-confidence 0 --summary": ["--format", "text", "--min-confidence", "0", "--summary"],
    }
    for name, extra in runs.items():
        res = c.scan(args.binary, env, [tree], *extra)
        everything = res.out + "\n" + res.err
        leaked = []
        for digits, form in KNOWN.items():
            as_written = re.search(r"\d{6}[-/ .]?\d{4}", form).group()
            for shown in {digits, f"{digits[:6]}-{digits[6:]}", as_written}:
                if shown in everything:
                    leaked.append(shown)
        checks.check(f"no full CPR in output ({name})", not leaked and res.returncode == 1,
                     f"exit {res.returncode}; leaked: {leaked}")
        # Sanity: the masked forms are there, so the check above looked at real output.
        checks.check(f"masked CPR present in output ({name})", "150372-****" in everything,
                     everything[:300])


def check_text_format(checks, args, env):
    name = "--format text"
    tree = os.path.join(env.root, "texttree")
    write(os.path.join(tree, "a.txt"), "cpr-nr. 150372-1003\nNummer 230485-1018\n")
    write(os.path.join(tree, "sub", "b.txt"), "Sag om borger 070699-2006\n")
    write(os.path.join(tree, "c.png"), b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    write(os.path.join(tree, "clean.txt"), CLEAN_TEXT)
    res = c.scan(args.binary, env, [tree], "--format", "text")
    checks.check(f"{name}: exit 1", res.returncode == 1, f"exit {res.returncode}; {one_line(res.err)}")
    lines = res.out.splitlines()
    checks.check(f"{name}: output is not JSON", not res.out.lstrip().startswith("{"), res.out[:100])
    # Blocks: a path line (not indented), then indented lines, then a blank line.
    groups, current = {}, None
    summary_at = next((i for i, l in enumerate(lines) if l.startswith("Scanned ")), None)
    for line in lines[:summary_at]:
        if not line:
            current = None
        elif not line.startswith(" "):
            checks.check(f"{name}: path line {line!r} appears once", line not in groups, lines)
            current = line
            groups[line] = []
        else:
            checks.check(f"{name}: indented line belongs to a path", current is not None, line)
            if current is not None:
                groups[current].append(line)
    want = {os.path.join(tree, "a.txt"), os.path.join(tree, "sub", "b.txt"), os.path.join(tree, "c.png")}
    checks.check(f"{name}: one group per file with records (none for a clean file)", set(groups) == want,
                 f"groups: {sorted(groups)}")
    a = groups.get(os.path.join(tree, "a.txt"), [])
    finding_lines = [l for l in a if re.match(r"^  line \d+  dk\.cpr  ", l)]
    checks.check(f"{name}: a.txt has two indented finding lines with line numbers 1 and 2",
                 [re.match(r"^  line (\d+)", l).group(1) for l in finding_lines] == ["1", "2"], a)
    checks.check(f"{name}: finding lines show masked match and confidence",
                 any("150372-****" in l and "confidence 1.00" in l for l in finding_lines), a)
    png = groups.get(os.path.join(tree, "c.png"), [])
    checks.check(f"{name}: skipped file shows '  skipped unsupported: ...'",
                 len(png) == 1 and png[0].startswith("  skipped unsupported:"), png)
    checks.check(f"{name}: ends with the summary", summary_at is not None and "3 findings" in lines[summary_at],
                 lines[-5:])

    # A file with more findings than one batch (4096) is still one group: 6000 findings, then
    # more than the 1 MiB scan chunk of filler, then 10 more (found at the end of the file).
    name = "--format text, 6010 findings in one file"
    big = os.path.join(env.root, "bigtext")
    write(os.path.join(big, "register.csv"), "".join(f"{i};Nummer 150372-1003\n" for i in range(6000)) +
          "x" * (1100 * 1024) + "\n" + "".join(f"{i};Nummer 230485-1018\n" for i in range(10)))
    res = c.scan(args.binary, env, [big], "--format", "text", timeout=60)
    headers = [l for l in res.out.splitlines() if l and not l.startswith(" ") and not l.startswith("Scanned ")]
    checks.check(f"{name}: the path line appears once", headers == [os.path.join(big, "register.csv")],
                 f"path lines: {len(headers)} ({sorted(set(headers))})")
    n = sum(1 for l in res.out.splitlines() if l.startswith("  line "))
    checks.check(f"{name}: all 6010 findings listed", n == 6010, n)


def check_version_and_rules(checks, args, env):
    res = c.run([args.binary, "version"], env=env.environ())
    m = re.fullmatch(r"gdprscan (\d+\.\d+\.\d+\S*)\n", res.out)
    checks.check("version: prints 'gdprscan X.Y.Z', exit 0", m is not None and res.returncode == 0,
                 f"exit {res.returncode}; stdout {res.out!r}")
    cmake = os.path.join(args.source_dir, "CMakeLists.txt")
    if m and os.path.exists(cmake):
        with open(cmake) as f:
            proj = re.search(r"project\(\s*gdprscan\s+VERSION\s+([0-9.]+)", f.read())
        if proj:
            checks.check("version: matches project(VERSION) in CMakeLists.txt", m.group(1) == proj.group(1),
                         f"{m.group(1)} vs {proj.group(1)}")
    res = c.run([args.binary, "rules", "test"], env=env.environ())
    checks.check("rules test: exit 0", res.returncode == 0, f"exit {res.returncode}; {res.out.strip()[-500:]}")
    checks.check("rules test: reports 'N passed, 0 failed'", re.search(r"\d+ passed, 0 failed", res.out) is not None,
                 res.out.strip()[-300:])
    res = c.run([args.binary, "rules", "list"], env=env.environ())
    ids = {line.split("\t")[0] for line in res.out.splitlines()}
    checks.check("rules list: the shipped detectors", {"dk.cpr", "dk.cpr_replacement", "dk.ecpr", "email"} <= ids,
                 res.out)


def check_default_key(checks, args, env):
    name = "per-installation key"
    tree = os.path.join(env.root, "keytree")
    write(os.path.join(tree, "a.txt"), "cpr-nr. 150372-1003\n")
    home = os.path.join(env.root, "keyhome")
    os.mkdir(home)
    environ = env.environ(HOME=home)
    cmd = [args.binary, "scan", tree, "--progress", "never"]
    first = c.run(cmd, env=environ)
    key_path = os.path.join(home, ".config", "gdprscan", "fingerprint.key")
    checks.check(f"{name}: created at $HOME/.config/gdprscan/fingerprint.key", os.path.isfile(key_path),
                 f"exit {first.returncode}; stderr {one_line(first.err)}")
    if not os.path.isfile(key_path):
        return
    st = os.stat(key_path)
    checks.check(f"{name}: mode 0600", stat.S_IMODE(st.st_mode) == 0o600, oct(stat.S_IMODE(st.st_mode)))
    with open(key_path, "rb") as f:
        key = f.read()
    checks.check(f"{name}: at least 16 bytes", len(key) >= 16, len(key))
    second = c.run(cmd, env=environ)
    fp1 = [r["fingerprint"] for r in c.parse_jsonl(first.stdout) if r["type"] == "finding"]
    fp2 = [r["fingerprint"] for r in c.parse_jsonl(second.stdout) if r["type"] == "finding"]
    checks.check(f"{name}: same fingerprints on a second run", fp1 == fp2 and len(fp1) == 1, f"{fp1} vs {fp2}")
    want = hmac.new(key, b"1503721003", hashlib.sha256).hexdigest()
    checks.check(f"{name}: fingerprint is HMAC-SHA256(key, normalised value)", fp1 == [want], f"{fp1} vs {want}")
    with open(key_path, "rb") as f:
        checks.check(f"{name}: key not rewritten by the second run", f.read() == key)
    # A fixed key file gives the documented fingerprint as well.
    res = c.scan(args.binary, env, [tree])
    fixed = [r["fingerprint"] for r in c.parse_jsonl(res.stdout) if r["type"] == "finding"]
    checks.check("--fingerprint-key-file: fingerprint is HMAC-SHA256(file bytes, value)",
                 fixed == [hmac.new(c.FIXED_KEY, b"1503721003", hashlib.sha256).hexdigest()], fixed)
    # XDG_CONFIG_HOME wins over HOME.
    xdg = os.path.join(env.root, "xdg")
    c.run(cmd, env=env.environ(HOME=home, XDG_CONFIG_HOME=xdg))
    checks.check(f"{name}: XDG_CONFIG_HOME/gdprscan/fingerprint.key when set",
                 os.path.isfile(os.path.join(xdg, "gdprscan", "fingerprint.key")))
    short = os.path.join(env.root, "short.key")
    write(short, b"x" * 8)
    res = c.run([args.binary, "scan", tree, "--fingerprint-key-file", short, "--progress", "never"], env=environ)
    checks.check("--fingerprint-key-file with 8 bytes: exit 2 and no records",
                 res.returncode == 2 and res.stdout == b"", f"exit {res.returncode}; {one_line(res.err)}")


def main():
    args = c.parse_args(__doc__.splitlines()[0])
    started = time.monotonic()
    checks = c.Checks("test_cli")
    c.wait_for_binary(args.binary)
    env = c.Env()
    try:
        check_exit_codes(checks, args, env)
        check_output_file(checks, args, env)
        check_closed_pipe(checks, args, env)
        never_full_cpr(checks, args, env)
        check_progress(checks, args, env)
        check_selection_and_ignore(checks, args, env)
        check_rules_commands(checks, args, env)
        check_killed_scan_leaves_whole_lines(checks, args, env)
        check_text_format(checks, args, env)
        check_version_and_rules(checks, args, env)
        check_default_key(checks, args, env)
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
