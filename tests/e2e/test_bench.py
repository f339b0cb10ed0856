#!/usr/bin/python3
"""`gdprscan bench`: figures, accuracy against a truth file, the regression gate, bad flags.

Checks: on a 2 MiB corpus from `gdprscan corpus generate` (text, CSV, docx, PDF and zip, with
its truth.jsonl) the --json result has the documented shape, recall 1.0 for dk.cpr
(mod-11-valid numbers), e-mail and each of the five formats, every
reported decoy listed with a masked match, and no planted value in the output; on a
hand-written truth file one entry that is not in the text gives recall 0.5 and a decoy
that is in the text is listed as reported (precision 0.5), unknown kinds and fields are
ignored; the gate exits 1 on a baseline with 100 times the MB/s or a higher recall and 0 on
an equal one; bad flags and files exit 2 naming the problem; --compare rg prints a ratio or
"ripgrep not installed".
"""

import json
import os
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402

# Made-up CPR numbers with a valid date and mod-11.
CPR_FOUND, CPR_ABSENT, CPR_DECOY = "150372-1003", "070699-2006", "230485-1018"


def bench(args, env, *extra, timeout=120):
    c.wait_for_binary(args.binary)
    return c.run([args.binary, "bench", *extra], env=env.environ(), timeout=timeout)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f)


def check_generated_corpus(checks, args, env):
    corpus = os.path.join(env.root, "corpus")
    # A few formats, not all: test_generator.py covers every one; here the point is bench.
    res = c.run([args.binary, "corpus", "generate", "--out", corpus, "--size", "2MiB", "--seed", "7",
                 "--mix", "text=6,csv=1,docx=1,pdf=1,zip=1", "--quiet"], env=env.environ(), timeout=120)
    if not checks.check("corpus generate: runs", res.returncode == 0, res.err):
        return None
    with open(os.path.join(corpus, "truth.jsonl"), encoding="utf-8") as f:
        truth = [json.loads(line) for line in f]
    out = os.path.join(env.root, "out.json")
    res = bench(args, env, corpus, "--runs", "2", "--threads", "2", "--json", out)
    if not checks.check("corpus: exit 0", res.returncode == 0, f"exit {res.returncode}: {res.err}"):
        return None
    r = load(out)
    files = sum(len(fs) for _, _, fs in os.walk(corpus)) - 1  # not truth.jsonl
    checks.check("corpus: files counted without truth.jsonl", r["files"] == files, f"{r['files']} vs {files}")
    for figure in ("seconds", "mb_per_s", "files_per_s"):
        s = r["throughput"][figure]
        checks.check(f"corpus: {figure} has two runs and a spread", len(s["runs"]) == 2 and
                     s["min"] <= s["median"] <= s["max"] and s["min"] > 0, s)
    checks.check("corpus: peak memory", r["peak_rss_kib"] > 1024, r["peak_rss_kib"])
    acc = r["accuracy"]
    checks.check("corpus: truth items counted", acc["truth_items"] == len(truth), acc["truth_items"])
    for det in ("dk.cpr", "email"):
        d = acc["detectors"].get(det, {})
        checks.check(f"corpus: {det} recall 1.0", d.get("recall") == 1.0 and d.get("true_positives", 0) > 10, d)
    for fmt in ("txt", "csv", "docx", "pdf", "zip"):
        f = acc["formats"].get(fmt, {})
        checks.check(f"corpus: {fmt} format scored, recall 1.0", f.get("recall") == 1.0 and f.get("true_positives", 0) > 0, f)
    checks.check("corpus: only truth detectors scored",
                 set(acc["detectors"]) == {t["detector"] for t in truth if t["kind"] in ("positive", "decoy")},
                 list(acc["detectors"]))
    for d in acc["decoys_reported"]:
        checks.check("corpus: a reported decoy is masked", "*" in d["match"] and d["file"] and d["detector"], d)
    text = res.out + open(out, encoding="utf-8").read()
    leaked = [t["value"] for t in truth if t["detector"].startswith("dk.cpr") and t["value"] in text]
    checks.check("corpus: no planted CPR value in output or JSON", not leaked, f"{len(leaked)} leaked")
    checks.check("corpus: text figures", "MB/s" in res.out and "files/s" in res.out and "recall" in res.out, res.out)
    return out


def hand_written_dir(env):
    d = os.path.join(env.root, "hand")
    os.mkdir(d)
    with open(os.path.join(d, "a.txt"), "w", encoding="utf-8") as f:
        f.write(f"Borgerens CPR-nr. {CPR_FOUND} er kontrolleret.\nÆgtefællens cpr-nr. {CPR_DECOY}.\n"
                "Kopi sendt til anna.b@kk.dk.\n")
    truth = [
        {"file": "a.txt", "detector": "dk.cpr", "value": CPR_FOUND.replace("-", ""), "kind": "positive",
         "location": [], "extra": "ignored"},
        {"file": "a.txt", "detector": "dk.cpr", "value": CPR_ABSENT.replace("-", ""), "kind": "positive",
         "note": "not in the text: recall must drop"},
        {"file": "a.txt", "detector": "dk.cpr", "value": CPR_DECOY.replace("-", ""), "kind": "decoy"},
        {"file": "a.txt", "detector": "dk.cpr", "value": "0101011234", "kind": "some-future-kind"},
    ]
    with open(os.path.join(d, "truth.jsonl"), "w", encoding="utf-8") as f:
        f.write("".join(json.dumps(t) + "\n" for t in truth) + "\n")
    return d


def check_hand_written_truth(checks, args, env):
    d = hand_written_dir(env)
    out = os.path.join(env.root, "hand.json")
    res = bench(args, env, d, "--runs", "1", "--json", out)
    if not checks.check("hand: exit 0", res.returncode == 0, f"exit {res.returncode}: {res.err}"):
        return None
    acc = load(out)["accuracy"]
    cpr = acc["detectors"].get("dk.cpr", {})
    checks.check("hand: recall 0.5 with one false entry", cpr.get("recall") == 0.5 and cpr.get("false_negatives") == 1, cpr)
    checks.check("hand: the reported decoy costs precision", cpr.get("precision") == 0.5 and
                 cpr.get("false_positives") == 1, cpr)
    want_decoy = [{"file": "a.txt", "detector": "dk.cpr", "match": CPR_DECOY[:7] + "****"}]
    got_decoy = [{k: v[k] for k in ("file", "detector", "match")} for v in acc["decoys_reported"]]
    checks.check("hand: the decoy is listed, masked", got_decoy == want_decoy, got_decoy)
    checks.check("hand: e-mail not scored (not in the truth file)", "email" not in acc["detectors"], list(acc["detectors"]))
    checks.check("hand: decoy line printed", f"a.txt  dk.cpr  {CPR_DECOY[:7]}****" in res.out, res.out)
    checks.check("hand: no value printed", not any(v in res.out for v in (CPR_FOUND, CPR_DECOY, "1503721003", "2304851018")),
                 res.out)
    return d, out


def check_gate(checks, args, env, hand, hand_json):
    base = load(hand_json)
    faster = json.loads(json.dumps(base))
    faster["throughput"]["mb_per_s"]["median"] *= 100
    write_json(os.path.join(env.root, "faster.json"), faster)
    res = bench(args, env, hand, "--runs", "1", "--baseline", os.path.join(env.root, "faster.json"),
                "--max-regression", "10%")
    checks.check("gate: 100x MB/s baseline exits 1", res.returncode == 1, f"exit {res.returncode}: {res.err}")
    checks.check("gate: names the figure", "regression: mb_per_s" in res.out, res.out)
    checks.check("gate: same tree, no note", "note:" not in res.out, res.out)

    better = json.loads(json.dumps(base))
    better["throughput"]["mb_per_s"]["median"] = 0
    better["throughput"]["files_per_s"]["median"] = 0
    better["accuracy"]["detectors"]["dk.cpr"]["recall"] = 1.0
    write_json(os.path.join(env.root, "better.json"), better)
    res = bench(args, env, hand, "--runs", "1", "--baseline", os.path.join(env.root, "better.json"))
    checks.check("gate: recall 1.0 -> 0.5 exits 1", res.returncode == 1 and "regression: dk.cpr recall" in res.out,
                 f"exit {res.returncode}: {res.out}")

    # Equal figures; a wide threshold and the median of five, because a scan of one small file
    # takes a fraction of a millisecond and one scheduler hiccup on a loaded machine is 20x.
    res = bench(args, env, hand, "--runs", "5", "--baseline", hand_json, "--max-regression", "95%")
    checks.check("gate: equal baseline exits 0", res.returncode == 0 and "no regression" in res.out,
                 f"exit {res.returncode}: {res.out}{res.err}")

    other_tree = json.loads(json.dumps(base))
    other_tree["bytes"] += 1
    write_json(os.path.join(env.root, "other.json"), other_tree)
    res = bench(args, env, hand + "/", "--runs", "5", "--baseline", os.path.join(env.root, "other.json"),
                "--max-regression", "95%")
    checks.check("gate: another tree is noted (and DIR/ is DIR)", res.returncode == 0 and
                 "note: the baseline scanned 1 files" in res.out, f"exit {res.returncode}: {res.out}{res.err}")


def check_bad_flags(checks, args, env, hand):
    not_json = os.path.join(env.root, "not.json")
    with open(not_json, "w") as f:
        f.write("[1, 2")
    bad_truth = os.path.join(env.root, "bad_truth")
    os.mkdir(bad_truth)
    with open(os.path.join(bad_truth, "truth.jsonl"), "w") as f:
        f.write('{"file": "a.txt", "detector": "dk.cpr", "value": "1", "kind": "positive"}\n{"file": 3}\n')
    cases = [
        ("--runs 0", [hand, "--runs", "0"], "--runs"),
        ("--max-regression abc", [hand, "--max-regression", "abc"], "--max-regression"),
        ("missing dir", [os.path.join(env.root, "nope")], "nope"),
        ("missing baseline", [hand, "--baseline", os.path.join(env.root, "nope.json")], "nope.json"),
        ("baseline not JSON", [hand, "--baseline", not_json], "not.json"),
        ("bad truth line", [bad_truth], "truth.jsonl:2"),
        ("--compare foo", [hand, "--compare", "foo"], "--compare"),
        ("--json in a missing directory", [hand, "--json", os.path.join(env.root, "nodir", "b.json")], "nodir"),
    ]
    for name, flags, named in cases:
        res = bench(args, env, *flags)
        checks.check(f"bad flags: {name} exits 2 naming it", res.returncode == 2 and named in res.err,
                     f"exit {res.returncode}: {res.err}")


def check_compare(checks, args, env, hand):
    res = bench(args, env, hand, "--runs", "1", "--compare", "rg")
    checks.check("compare: exit 0", res.returncode == 0, res.err)
    checks.check("compare: a ratio on the plain-text part, or ripgrep not installed",
                 ("compare on the plain-text part" in res.out and "time ratio gdprscan/ripgrep" in res.out
                  and "ripgrep writing every match as JSON" in res.out)
                 or "ripgrep not installed" in res.out, res.out)
    empty_path = env.environ(PATH="/nonexistent")
    r = c.run([args.binary, "bench", hand, "--runs", "1", "--compare", "rg"], env=empty_path, timeout=60)
    checks.check("compare: without rg on PATH", r.returncode == 0 and "ripgrep not installed" in r.out, r.out)


def main():
    args = c.parse_args(__doc__.splitlines()[0])
    if args.source_dir is None:
        args.source_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    started = time.monotonic()
    checks = c.Checks("test_bench")
    c.wait_for_binary(args.binary)
    env = c.Env()
    try:
        check_generated_corpus(checks, args, env)
        hand = check_hand_written_truth(checks, args, env)
        if hand:
            check_gate(checks, args, env, *hand)
            check_bad_flags(checks, args, env, hand[0])
            check_compare(checks, args, env, hand[0])
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
