#!/usr/bin/python3
"""Every emitted JSON line validates against docs/output-schema.json (Draft 2020-12).

Scans all tests/cases/*/input directories together, plus a temp tree with the walker's edge
cases (file and directory symlinks, symlink loop, dangling symlink, FIFO, names that are not
UTF-8, a file over --max-filesize, binary files), in several modes (default, --reveal,
--follow-symlinks, --min-confidence 0), and checks each line against the schema, that the
summary is the last line and appears exactly once, that `value` appears exactly with
--reveal, and that path_bytes is real base64 of a non-UTF-8 path.
"""

import base64
import glob
import json
import os
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e_common as c  # noqa: E402

MIB = 1 << 20


def build_edge_tree(root):
    t = os.path.join(root, "edge")
    os.makedirs(os.path.join(t, "sub"))
    with open(os.path.join(t, "a.txt"), "w") as f:
        f.write("Borger med cpr-nr. 150372-1003 og Nummer 230485-1018\n")
    os.symlink("a.txt", os.path.join(t, "link.txt"))
    os.symlink("..", os.path.join(t, "sub", "loop"))
    os.symlink("missing", os.path.join(t, "dangling"))
    os.mkfifo(os.path.join(t, "fifo"))
    tb = os.fsencode(t)
    with open(tb + b"/l\xf8n.txt", "wb") as f:
        f.write(b"cpr 070699-2006\n")
    os.mkdir(tb + b"/d\xe6r")
    with open(tb + b"/d\xe6r/x.bin", "wb") as f:
        f.write(b"\x7fELF" + b"\0" * 60)                      # unsupported, under a non-UTF-8 name
    with open(os.path.join(t, "big.txt"), "wb") as f:         # too_large (sparse)
        f.truncate(101 * MIB)
    with open(os.path.join(t, "data.bin"), "wb") as f:        # NUL bytes: binary
        f.write(b"\0\1\2\3" * 64)
    with open(os.path.join(t, "empty.txt"), "wb"):
        pass
    return t


def main():
    args = c.parse_args(__doc__.splitlines()[0])
    started = time.monotonic()
    checks = c.Checks("test_schema")
    try:
        import jsonschema
    except ImportError:
        print("SKIP: python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        return c.EXIT_SKIP
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        checks.check("schema is a valid Draft 2020-12 schema", True)
    except jsonschema.SchemaError as e:
        checks.check("schema is a valid Draft 2020-12 schema", False, e.message)
        checks.finish(started)
    validator = jsonschema.Draft202012Validator(schema)

    case_inputs = sorted(glob.glob(os.path.join(args.cases, "*", "input")))
    checks.check("tests/cases/*/input exist", case_inputs, args.cases)
    c.wait_for_binary(args.binary)
    env = c.Env()
    seen = {"finding": 0, "error": set(), "skipped": set(), "summary": 0}
    try:
        edge = build_edge_tree(env.root)
        modes = {
            "default": [],
            "--reveal": ["--reveal"],
            "--follow-symlinks --reveal": ["--follow-symlinks", "--reveal"],
            "--min-confidence 0": ["--min-confidence", "0"],
        }
        for mode, extra in modes.items():
            res = c.scan(args.binary, env, case_inputs + [edge], *extra, "--max-filesize", "100MiB", timeout=60)
            checks.check(f"{mode}: exit status 1", res.returncode == 1, f"exit {res.returncode}; {res.err.strip()}")
            checks.check(f"{mode}: stderr empty", res.err.strip() == "", res.err.strip())
            checks.check(f"{mode}: output ends with a newline", res.stdout.endswith(b"\n"), res.stdout[-100:])
            lines = res.stdout.decode("utf-8", "replace").split("\n")[:-1]
            try:
                res.stdout.decode("utf-8")
                checks.check(f"{mode}: output is valid UTF-8", True)
            except UnicodeDecodeError as e:
                checks.check(f"{mode}: output is valid UTF-8", False, e)
            bad = []
            records = []
            for n, line in enumerate(lines, 1):
                try:
                    rec = json.loads(line)
                except ValueError as e:
                    bad.append(f"line {n}: not JSON ({e}): {line[:200]}")
                    continue
                records.append(rec)
                errors = sorted(validator.iter_errors(rec), key=lambda e: list(e.absolute_path))
                if errors:
                    # oneOf hides the useful message: validate against the branch the type names.
                    branch = {"finding": "finding", "error": "problem", "skipped": "problem",
                              "summary": "summary"}.get(rec.get("type"))
                    detail = [e.message for e in errors]
                    if branch:
                        sub = jsonschema.Draft202012Validator({"$ref": f"#/$defs/{branch}", **{"$defs": schema["$defs"]}})
                        detail = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in sub.iter_errors(rec)]
                    bad.append(f"line {n} ({rec.get('type')} {rec.get('path', '')}): {'; '.join(detail)}")
            checks.check(f"{mode}: all {len(lines)} lines validate against the schema", not bad, "\n".join(bad[:20]))
            types = [r.get("type") for r in records]
            checks.check(f"{mode}: exactly one summary", types.count("summary") == 1, f"{types.count('summary')} summaries")
            checks.check(f"{mode}: the summary is the last line", bool(types) and types[-1] == "summary",
                         f"last line type {types[-1] if types else None}")
            scan_ids = {r.get("scan_id") for r in records}
            checks.check(f"{mode}: one scan_id on every line", len(scan_ids) == 1, scan_ids)
            reveal = "--reveal" in extra
            wrong_value = [r for r in records if r.get("type") == "finding" and ("value" in r) != reveal]
            checks.check(f"{mode}: 'value' present exactly {'with' if reveal else 'without'} --reveal",
                         not wrong_value, wrong_value[:3])
            for r in records:
                if "path_bytes" in r:
                    try:
                        raw = base64.b64decode(r["path_bytes"], validate=True)
                    except ValueError as e:
                        checks.check(f"{mode}: path_bytes is base64", False, f"{r['path_bytes']!r}: {e}")
                        continue
                    ok = "\\x" in r["path"]
                    try:
                        raw.decode("utf-8")
                        ok = False  # a UTF-8 path needs no path_bytes
                    except UnicodeDecodeError:
                        pass
                    checks.check(f"{mode}: path_bytes only for a non-UTF-8 path ({r['path']})", ok, raw)
            for r in records:
                t = r.get("type")
                if t == "finding":
                    seen["finding"] += 1
                elif t in ("error", "skipped"):
                    seen[t].add(r.get("kind"))
                elif t == "summary":
                    seen["summary"] += 1
        want_skipped = {"symlink", "symlink_loop", "special_file", "too_large", "unsupported"}
        checks.check("the scans exercised every walker record kind",
                     want_skipped <= seen["skipped"] and "not_found" in seen["error"] and seen["finding"] > 0,
                     f"skipped kinds {sorted(seen['skipped'])}, error kinds {sorted(seen['error'])}")
        print(f"info: validated {seen['finding']} findings, skipped kinds {sorted(seen['skipped'])}, "
              f"error kinds {sorted(seen['error'])}")
    finally:
        env.cleanup()
    checks.finish(started)


if __name__ == "__main__":
    sys.exit(main())
