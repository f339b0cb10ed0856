#!/usr/bin/env python3
"""Mailbox exports of any size: an mbox on disk is streamed message by message, with no
file-size limit by default and bounded memory; formats parsed from memory obey
--max-whole-file.

Checks: a 100 MB mbox of 30 000 messages (written here with Python's mailbox module, each
with a CPR number and an attachment) is scanned whole with the default flags: every message's
CPR found, its attachment's too, no `too_large`, peak RSS under 120 MiB. With
--max-whole-file 64KiB the same mbox is still scanned whole (it is streamed), while a 100 KiB
.eml and a 100 KiB PDF get a `too_large` record naming the flag and nothing else.
"""
import email.message
import mailbox
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402
from test_archives import peak_rss_scan  # noqa: E402

MESSAGES = 30000
CPR = "150372-1003"
ATTACHED_CPR = "230485-1018"
FILLER = "Vi har modtaget din ansøgning om hjemmehjælp og behandler den hurtigst muligt. " * 36


def message(i):
    m = email.message.EmailMessage()
    m["From"] = f"Sagsbehandler <sag{i}@vejstrand.dk>"
    m["To"] = f"borger{i}@example.dk"
    m["Subject"] = f"Sag {i}"
    m["Date"] = "Mon, 04 Mar 2019 10:14:00 +0100"
    m.set_content(f"Kære borger\n\n{FILLER}\n\nCPR-nr. {CPR}\n")
    if i % 100 == 0:
        m.add_attachment(f"Bilag til sag {i}: ægtefælle cpr {ATTACHED_CPR}\n".encode(), maintype="application",
                         subtype="octet-stream", filename=f"bilag{i}.txt")
    return m


def write_mbox(path):
    """Python's mailbox module writes the first two messages (the format: "From " lines,
    escaping); the rest repeat them with the number changed, which is a thousand times faster
    than building 30 000 messages with the email package."""
    box = mailbox.mbox(path, create=True)
    box.add(message(0))
    box.add(message(1))
    box.close()
    with open(path, "rb") as f:
        data = f.read()
    second = data.index(b"\nFrom ", 1) + 1
    with_attachment, plain = data[:second].decode(), data[second:].decode()
    with open(path, "w", encoding="utf-8") as out:
        for i in range(MESSAGES):
            template, number = (with_attachment, "0") if i % 100 == 0 else (plain, "1")
            out.write(template.replace(f"sag{number}@", f"sag{i}@").replace(f"borger{number}@", f"borger{i}@")
                      .replace(f"Sag {number}", f"Sag {i}").replace(f"bilag{number}.", f"bilag{i}."))


def findings(recs, value_prefix):
    return [r for r in recs if r.get("type") == "finding" and r["match"].startswith(value_prefix)]


def main():
    args = c.parse_args(__doc__.splitlines()[0])
    started = time.monotonic()
    checks = c.Checks("test_mailbox")
    if not os.path.exists("/usr/bin/time"):
        checks.skip("mailbox", "/usr/bin/time is not installed")
        checks.finish(started)
        return 77
    c.wait_for_binary(args.binary)
    env = c.Env()
    try:
        box = os.path.join(env.root, "eksport.mbox")
        write_mbox(box)
        size_mb = os.path.getsize(box) / 1e6
        for name, extra in (("default flags", []), ("--max-whole-file 64KiB", ["--max-whole-file", "64KiB"])):
            res, took, rss = peak_rss_scan(args, env, box, *extra)
            recs = c.parse_jsonl(res.stdout)
            checks.check(f"{name}: exit 1 (findings)", res.returncode == 1, f"exit {res.returncode}: {res.err[:300]}")
            checks.check(f"{name}: every message's CPR found", len(findings(recs, CPR[:6])) == MESSAGES,
                         len(findings(recs, CPR[:6])))
            attached = findings(recs, ATTACHED_CPR[:6])
            checks.check(f"{name}: every attachment's CPR found", len(attached) == MESSAGES // 100, len(attached))
            checks.check(f"{name}: an attachment is located by message and name",
                         bool(attached) and attached[0]["location"][0].startswith("message 2019-03-04")
                         and attached[0]["location"][1].startswith("attachment bilag"), attached[:1])
            problems = [r for r in recs if r.get("type") in ("error", "skipped")]
            checks.check(f"{name}: no error or skipped record", not problems, problems[:3])
            checks.check(f"{name}: peak RSS under 120 MiB for a {size_mb:.0f} MB mbox", rss < 120, f"{rss} MiB")
            print(f"info: {name}: {size_mb:.0f} MB mbox, {MESSAGES} messages in {took:.2f} s, peak RSS {rss} MiB")

        small = os.path.join(env.root, "formats")
        os.makedirs(small)
        with open(os.path.join(small, "stor.eml"), "wb") as f:
            f.write(bytes(message(1)) + b"x" * (100 << 10))
        with open(os.path.join(small, "stor.pdf"), "wb") as f:
            f.write(b"%PDF-1.4\n" + b"%" * (100 << 10))
        res = c.scan(args.binary, env, [small], "--max-whole-file", "64KiB", timeout=60)
        recs = c.parse_jsonl(res.stdout)
        too_large = [r for r in recs if r.get("kind") == "too_large"]
        checks.check("--max-whole-file 64KiB: the .eml and the PDF each get one too_large record naming the flag",
                     sorted(os.path.basename(r["path"]) for r in too_large) == ["stor.eml", "stor.pdf"]
                     and all("--max-whole-file" in r["message"] and r["type"] == "skipped" for r in too_large),
                     too_large)
        checks.check("--max-whole-file 64KiB: nothing else is reported for them",
                     len([r for r in recs if r.get("type") != "summary"]) == 2, recs[:4])
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
