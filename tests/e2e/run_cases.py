#!/usr/bin/python3
"""Golden-file cases: tests/cases/<name>/{input/, args, expected.jsonl}.

For every case directory, runs (with the case directory as cwd, so paths read input/...)

    gdprscan scan input --fingerprint-key-file <fixed key> --progress never <args>

where `args` (optional) holds one extra flag or value per line. The records, less their
volatile fields (scan_id, mtime, owner, timings; the summary's roots), are compared with
expected.jsonl as a sorted multiset of canonical JSON: output order across files is not
deterministic. A mismatch prints a unified diff (- expected, + actual).

    --update   rewrite expected.jsonl from the current output. Only after reading the new
               output line by line: the expected files are hand-checked, not blessed.
    --only N   run only the named case(s) (repeatable).
"""

import difflib
import os
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402


def case_args(case_dir):
    path = os.path.join(case_dir, "args")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


def actual_lines(binary, env, case_dir):
    res = c.scan(binary, env, ["input"], *case_args(case_dir), cwd=case_dir)
    records = c.parse_jsonl(res.stdout)
    return res, sorted(c.canonical(c.strip_volatile(r)) for r in records)


def expected_lines(case_dir):
    path = os.path.join(case_dir, "expected.jsonl")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return sorted(c.canonical(c.strip_volatile(r)) for r in c.parse_jsonl(f.read()))


def main():
    def extra(p):
        p.add_argument("--update", action="store_true", help="rewrite expected.jsonl from the output")
        p.add_argument("--only", action="append", default=[], help="run only this case (repeatable)")

    args = c.parse_args(__doc__.splitlines()[0], extra)
    started = time.monotonic()
    checks = c.Checks("run_cases")
    if not os.path.isdir(args.cases):
        print(f"FAIL setup: cases directory {args.cases} does not exist")
        return c.EXIT_FAIL
    names = sorted(d for d in os.listdir(args.cases)
                   if os.path.isdir(os.path.join(args.cases, d, "input")))
    if args.only:
        names = [n for n in names if n in args.only]
    checks.check("cases present", names, f"no <case>/input/ directories under {args.cases}")
    env = c.Env()
    try:
        for name in names:
            case_dir = os.path.join(args.cases, name)
            res, got = actual_lines(args.binary, env, case_dir)
            check = f"case {name}"
            # Exit status follows from the records: 1 when there are findings, else 0.
            want_rc = 1 if any('"type":"finding"' in line for line in got) else 0
            checks.check(f"{check}: exit status", res.returncode == want_rc,
                         f"exit {res.returncode}, expected {want_rc}; stderr: {res.err.strip()}")
            checks.check(f"{check}: stderr empty", res.err.strip() == "", f"stderr: {res.err.strip()}")
            if args.update:
                with open(os.path.join(case_dir, "expected.jsonl"), "w", encoding="utf-8") as f:
                    f.write("".join(line + "\n" for line in got))
                print(f"updated {name}/expected.jsonl ({len(got)} records): read it before committing")
                continue
            want = expected_lines(case_dir)
            if want is None:
                checks.check(f"{check}: expected.jsonl exists", False,
                             f"{case_dir}/expected.jsonl is missing (generate with --update, then check it)")
                continue
            diff = "\n".join(difflib.unified_diff(want, got, f"{name}/expected.jsonl", f"{name} actual",
                                                  lineterm="", n=1))
            checks.check(f"{check}: records match expected.jsonl", want == got, diff)
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
