#!/usr/bin/python3
"""`gdprscan corpus generate`: every format, determinism, bad flags, and our readers against it.

Checks: a 4 MiB mixed corpus has files of every format and a truth.jsonl of the documented
shape naming only files that exist; the same flags give a byte-identical tree, another seed
a different one; `gdprscan bench` on it finds every positive (recall 1.0 for every detector
and every format) and reports no decoy, so the generator tests our own readers; real
readers open a sample (pdftotext for PDF, LibreOffice for docx, odt, xlsx, rtf, fodt and
odp, 7z, tar, xz, gzip and Python's mailbox for the maildir, when installed) and show the
planted values; a corpus of only the formats added later (rtf, odp, fodt, 7z, tar.xz, .gz,
maildir) has positives in each, all found, and no decoy reported; --shape small-files
writes files of 1-8 KiB and --shape large-files only text and mbox files; bad flags exit 2
naming the flag.
"""

import json
import os
import re
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402

EXTENSIONS = ("txt", "csv", "html", "docx", "xlsx", "pptx", "odt", "ods", "pdf", "eml", "mbox", "zip", "tar.gz",
              "rtf", "odp", "fodt", "7z", "tar.xz", "txt.gz", "maildir")
# The formats the generator learnt last, and a mix of only them.
NEW_FORMATS = ("rtf", "odp", "fodt", "7z", "tar.xz", "txt.gz", "maildir")
NEW_MIX = "rtf=1,odp=1,fodt=1,7z=1,tarxz=1,gz=1,maildir=1"
SIZE = "4MiB"


def generate(args, env, out, *extra, seed="7", size=SIZE, timeout=120):
    return c.run([args.binary, "corpus", "generate", "--out", out, "--size", size, "--seed", seed, *extra],
                 env=env.environ(), timeout=timeout)


def files_of(root):
    """Relative path -> bytes of every file under root."""
    out = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            with open(p, "rb") as f:
                out[os.path.relpath(p, root)] = f.read()
    return out


def extension(path):
    """The generator's format of a file: a maildir's message files have no extension of
    their own, they are known by their folder (cur/ or new/)."""
    if re.search(r"/Maildir [^/]+/(cur|new)/[^/]+$", path):
        return "maildir"
    for double in ("tar.gz", "tar.xz", "txt.gz"):
        if path.endswith("." + double):
            return double
    return path.rsplit(".", 1)[-1]


def bench_format(path):
    """The format `gdprscan bench` groups a file under: "maildir" for a message in a
    maildir's cur/ or new/, otherwise its name's last extension."""
    folder, _, name = path.rpartition("/")
    if folder.rsplit("/", 1)[-1] in ("cur", "new"):
        return "maildir"
    return name.rsplit(".", 1)[-1].lower() if "." in name.strip(".") else "(none)"


def read_truth(corpus):
    with open(os.path.join(corpus, "truth.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def check_mixed(checks, args, env):
    corpus = os.path.join(env.root, "mixed")
    res = generate(args, env, corpus)
    if not checks.check("mixed: exit 0", res.returncode == 0, res.err):
        return None
    files = files_of(corpus)
    found = {extension(p) for p in files if p != "truth.jsonl"}
    checks.check("mixed: every format", set(EXTENSIONS) <= found, sorted(set(EXTENSIONS) - found))
    total = sum(len(b) for p, b in files.items() if p != "truth.jsonl")
    checks.check("mixed: about --size bytes", 4 << 20 <= total < 5 << 20, total)
    truth = read_truth(corpus)
    shape_ok = all(isinstance(t.get(k), str) for t in truth for k in ("file", "detector", "value", "kind"))
    checks.check("truth: file, detector, value and kind on every line", truth and shape_ok)
    checks.check("truth: kinds", {t["kind"] for t in truth} <= {"positive", "decoy", "ambiguous"},
                 {t["kind"] for t in truth})
    checks.check("truth: positives and decoys", any(t["kind"] == "positive" for t in truth) and
                 any(t["kind"] == "decoy" for t in truth))
    missing = {t["file"] for t in truth} - set(files)
    checks.check("truth: names only files of the tree", not missing, sorted(missing)[:3])
    located = [t for t in truth if "location" in t]
    checks.check("truth: pages and cells located",
                 any(t["location"][-1].startswith("page ") for t in located) and
                 any(t["location"][-1].startswith("cell ") for t in located), len(located))
    return corpus, files, truth


def check_determinism(checks, args, env, files):
    again = os.path.join(env.root, "again")
    res = generate(args, env, again)
    if checks.check("again: exit 0", res.returncode == 0, res.err):
        other = files_of(again)
        differing = [p for p in set(files) | set(other) if files.get(p) != other.get(p)]
        checks.check("same seed: byte-identical tree", not differing, sorted(differing)[:3])
    seed8 = os.path.join(env.root, "seed8")
    res = generate(args, env, seed8, seed="8")
    if checks.check("seed 8: exit 0", res.returncode == 0, res.err):
        checks.check("another seed: another tree", files_of(seed8) != files, "")


def run_bench(checks, args, env, corpus, label):
    out = os.path.join(env.root, label + "-bench.json")
    res = c.run([args.binary, "bench", corpus, "--runs", "1", "--json", out], env=env.environ(), timeout=180)
    if not checks.check(f"{label} bench: exit 0", res.returncode == 0, res.err):
        return None
    with open(out, encoding="utf-8") as f:
        accuracy = json.load(f)["accuracy"]
    for group in ("detectors", "formats"):
        for name, s in sorted(accuracy[group].items()):
            if s["true_positives"] + s["false_negatives"] == 0:
                continue
            checks.check(f"{label} bench: recall 1.0 for {group[:-1]} {name}", s["recall"] == 1.0,
                         f"{s['false_negatives']} of {s['true_positives'] + s['false_negatives']} missed")
    reported = accuracy["decoys_reported"]
    checks.check(f"{label} bench: no decoy reported", not reported,
                 [f"{d['file']}: {d['detector']} {d['match']}" for d in reported[:5]])
    return {name for name, s in accuracy["formats"].items() if s["true_positives"] > 0}


def check_bench(checks, args, env, corpus):
    formats = run_bench(checks, args, env, corpus, "mixed")
    if formats is None:
        return
    expected = {"txt", "csv", "html", "docx", "xlsx", "odt", "ods", "pdf", "eml", "mbox", "zip", "gz"}
    checks.check("mixed bench: positives found in every format", expected <= formats, sorted(expected - formats))


def check_new_formats(checks, args, env):
    """A corpus of only the newer formats: each holds positives, and bench finds them all."""
    corpus = os.path.join(env.root, "new-formats")
    res = generate(args, env, corpus, "--mix", NEW_MIX, size="2MiB")
    if not checks.check("new formats: exit 0", res.returncode == 0, res.err):
        return None
    files = files_of(corpus)
    truth = read_truth(corpus)
    positive_formats = {extension(t["file"]) for t in truth if t["kind"] == "positive"}
    checks.check("new formats: positives planted in each", set(NEW_FORMATS) <= positive_formats,
                 sorted(set(NEW_FORMATS) - positive_formats))
    maildirs = {m.group(0) for p in files for m in [re.match(r".*/Maildir [^/]+", p)] if m}
    complete = all(os.path.isdir(os.path.join(corpus, d, sub)) for d in maildirs for sub in ("cur", "new", "tmp"))
    checks.check("new formats: every maildir has cur/, new/ and tmp/", maildirs and complete, sorted(maildirs)[:2])
    found = run_bench(checks, args, env, corpus, "new formats")
    if found is not None:
        # bench groups by the file name's last extension (tar.xz under "xz"), a maildir's
        # messages under "maildir".
        expected = {bench_format(t["file"]) for t in truth if t["kind"] == "positive"}
        checks.check("new formats bench: positives found in every format", expected <= found, sorted(expected - found))
        checks.check("new formats bench: maildir messages grouped as maildir", "maildir" in found, sorted(found))
    return corpus, files, truth


def values_shown(text, positives):
    """The positives whose value can be read in `text`: CPR digits with any separator, or
    without the leading zero a spreadsheet drops from a CPR typed as a number."""
    digits, lower = re.sub(r"\D", "", text), text.lower()
    return [t for t in positives if (t["value"].lstrip("0") in digits if t["detector"].startswith("dk.cpr")
                                     else t["value"] in lower)]


def sample(files, truth, ext):
    """A file of `ext` with dk.cpr or e-mail positives, and those positives."""
    for path in sorted(p for p in files if extension(p) == ext):
        positives = [t for t in truth if t["file"] == path and t["kind"] == "positive" and
                     t["detector"] in ("dk.cpr", "dk.cpr_replacement", "email")]
        if positives:
            return path, positives
    return None, []


def check_real_readers(checks, args, env, corpus, files, truth, newer):
    if shutil.which("pdftotext"):
        path, positives = sample(files, truth, "pdf")
        if checks.check("pdftotext: a PDF with positives", path is not None):
            res = c.run(["pdftotext", "-enc", "UTF-8", os.path.join(corpus, path), "-"], timeout=60)
            shown = values_shown(res.out, positives)
            checks.check("pdftotext: reads the PDF and its planted values", res.returncode == 0 and
                         len(shown) == len(positives), f"{len(shown)} of {len(positives)}: {res.err}")
    else:
        checks.skip("pdftotext", "poppler-utils not installed")
    if newer:
        check_archive_tools(checks, *newer)
        check_maildir_reader(checks, *newer)
    soffice = shutil.which("soffice")
    if not soffice:
        checks.skip("LibreOffice", "soffice not installed")
        return
    work = os.path.join(env.root, "soffice")
    os.makedirs(work)
    # csv: every sheet to its own file (the last token, -1; LibreOffice 7.2+), not only the first.
    every_sheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    samples = [(corpus, files, truth, ext, target) for ext, target in
               (("docx", "txt:Text"), ("odt", "txt:Text"), ("xlsx", every_sheet))]
    if newer:
        # Impress exports no text: its PDF, read by pdftotext, shows what the slides hold.
        samples += [(*newer, ext, target) for ext, target in (("rtf", "txt:Text"), ("fodt", "txt:Text"), ("odp", "pdf"))]
    for sample_corpus, sample_files, sample_truth, ext, target in samples:
        libreoffice_shows(checks, env, soffice, work, sample_corpus, sample_files, sample_truth, ext, target)


def libreoffice_shows(checks, env, soffice, work, corpus, files, truth, ext, target):
    path, positives = sample(files, truth, ext)
    if not checks.check(f"LibreOffice: a {ext} with positives", path is not None):
        return
    shutil.copy(os.path.join(corpus, path), os.path.join(work, "sample." + ext))
    out_dir = os.path.join(work, ext)
    res = c.run([soffice, "--headless", "-env:UserInstallation=file://" + os.path.join(work, "profile"),
                 "--convert-to", target, "--outdir", out_dir, os.path.join(work, "sample." + ext)],
                env=env.environ(), timeout=120)
    converted = sorted(os.listdir(out_dir)) if os.path.isdir(out_dir) else []
    texts = []
    for name in converted:
        if name.endswith(".pdf"):
            texts.append(c.run(["pdftotext", "-enc", "UTF-8", os.path.join(out_dir, name), "-"], timeout=60).out)
        else:
            with open(os.path.join(out_dir, name), encoding="latin-1") as f:
                texts.append(f.read())
    shown = values_shown("\n".join(texts), positives)
    checks.check(f"LibreOffice: opens the {ext} and shows its planted values", converted and len(shown) == len(positives),
                 f"{len(shown)} of {len(positives)}: {res.err[-300:]}")


def members_named(truth, path):
    """The archive members the truth places values in (the first level of their location)."""
    return {t["location"][0] for t in truth if t["file"] == path and t.get("location")}


def check_archive_tools(checks, corpus, files, truth):
    """7-Zip, tar with xz and gzip open the generated archives and list the members the truth names."""
    tools = (("7z", "7z", lambda p: ["7z", "l", "-slt", p]), ("tar.xz", "tar", lambda p: ["tar", "-tJf", p]))
    for ext, tool, command in tools:
        if not shutil.which(tool) or (ext == "tar.xz" and not shutil.which("xz")):
            checks.skip(f"{tool} reads {ext}", f"{tool} not installed")
            continue
        path = next((p for p in sorted(files) if extension(p) == ext and members_named(truth, p)), None)
        if not checks.check(f"{tool}: a {ext} with positives", path is not None):
            continue
        res = c.run(command(os.path.join(corpus, path)), timeout=60)
        listed = {line[len("Path = "):] for line in res.out.splitlines() if line.startswith("Path = ")} \
            if ext == "7z" else set(res.out.splitlines())
        missing = members_named(truth, path) - listed
        checks.check(f"{tool}: lists the {ext}'s members", res.returncode == 0 and not missing,
                     f"exit {res.returncode}, missing {sorted(missing)[:3]}: {res.err[-300:]}")
    if shutil.which("gzip"):
        path, positives = sample(files, truth, "txt.gz")
        if checks.check("gzip: a .gz with positives", path is not None):
            full = os.path.join(corpus, path)
            tested = c.run(["gzip", "-t", full], timeout=60)
            text = c.run(["gzip", "-dc", full], timeout=60).out
            shown = values_shown(text, positives)
            checks.check("gzip: tests the .gz and shows its planted values", tested.returncode == 0 and
                         len(shown) == len(positives), f"{len(shown)} of {len(positives)}: {tested.err}")
    else:
        checks.skip("gzip", "gzip not installed")


def check_maildir_reader(checks, corpus, files, truth):
    """Python's mailbox reads every generated maildir: one message per file, each with From and Subject."""
    import mailbox
    folders = sorted({p.rsplit("/", 2)[0] for p in files if extension(p) == "maildir"})
    if not checks.check("maildir: generated", folders):
        return
    for folder in folders:
        box = mailbox.Maildir(os.path.join(corpus, folder), create=False)
        messages = list(box)
        count = sum(1 for p in files if p.startswith(folder + "/"))
        checks.check(f"mailbox.Maildir: reads {folder.rsplit('/', 1)[-1]}",
                     len(messages) == count and all(m["From"] and m["Subject"] for m in messages),
                     f"{len(messages)} of {count} messages")


def check_shapes(checks, args, env):
    small = os.path.join(env.root, "small")
    res = generate(args, env, small, "--shape", "small-files", size="1MiB")
    if checks.check("small-files: exit 0", res.returncode == 0, res.err):
        sizes = sorted(len(b) for p, b in files_of(small).items() if p != "truth.jsonl")
        checks.check("small-files: many files of 1-8 KiB", len(sizes) > 150 and sizes[len(sizes) // 2] <= 8192 and
                     sizes[int(len(sizes) * 0.9)] <= 12 * 1024, f"{len(sizes)} files, median {sizes[len(sizes) // 2]}")
    large = os.path.join(env.root, "large")
    res = generate(args, env, large, "--shape", "large-files", size="40MiB")
    if checks.check("large-files: exit 0", res.returncode == 0, res.err):
        names = [p for p in files_of(large) if p != "truth.jsonl"]
        checks.check("large-files: a few text and mbox files",
                     2 <= len(names) <= 4 and {extension(p) for p in names} == {"txt", "mbox"}, names)


def check_bad_flags(checks, args, env, corpus):
    fresh = os.path.join(env.root, "never")
    for flags, named in ((["--mix", "text=40,foo=3"], "--mix"), (["--mix", "text=many"], "--mix"),
                         (["--size", "12XB"], "--size"), (["--size", "0"], "--size"),
                         (["--shape", "round"], "--shape"),
                         (["--shape", "large-files", "--mix", "pdf=1"], "--mix")):
        res = c.run([args.binary, "corpus", "generate", "--out", fresh, *flags], env=env.environ(), timeout=30)
        checks.check(f"bad flag {' '.join(flags)}: exit 2 naming {named}", res.returncode == 2 and named in res.err,
                     f"exit {res.returncode}: {res.err}")
    checks.check("bad flags: nothing written", not os.path.exists(fresh))
    res = generate(args, env, corpus)
    checks.check("existing non-empty --out: exit 2 naming --out", res.returncode == 2 and "--out" in res.err,
                 f"exit {res.returncode}: {res.err}")


def main():
    args = c.parse_args(__doc__.splitlines()[0])
    started = time.monotonic()
    checks = c.Checks("test_generator")
    c.wait_for_binary(args.binary)
    env = c.Env()
    try:
        mixed = check_mixed(checks, args, env)
        newer = check_new_formats(checks, args, env)
        if mixed:
            corpus, files, truth = mixed
            check_determinism(checks, args, env, files)
            check_bench(checks, args, env, corpus)
            check_real_readers(checks, args, env, corpus, files, truth, newer)
            check_bad_flags(checks, args, env, corpus)
        check_shapes(checks, args, env)
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
