#!/usr/bin/python3
"""Markdown tables for docs/performance.md from `make bench`'s JSON results.

    bench/tables.py --micro build/bench/micro.json --bench build/bench/mixed-1.json \
        --bench build/bench/mixed-all.json --bench build/bench/small-all.json > build/bench/tables.md

Each --bench file is a `gdprscan bench --json` result (label: its file name without .json).
Tables: throughput (MB/s and files/s median with min-max, peak memory, the ripgrep time and
ratio when --compare rg ran), accuracy per detector and per format (from the first --bench
file that has accuracy: it does not depend on threads or runs), the reported decoys, and
the micro-benchmarks (median of the repetitions). Only Python's standard library.
"""

import argparse
import json
import os
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def fmt(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}".replace(",", " ")


def throughput_table(results):
    # The ripgrep columns are on the tree's plain-text part only (gdprscan bench --compare rg).
    lines = ["| corpus | threads | files | MB | MB/s median (min-max) | files/s median | peak RSS | "
             "plain-text part: MB | gdprscan | ripgrep, 10 patterns | time ratio | ripgrep --json | ratio to --json |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for label, r in results:
        t = r["throughput"]
        mb, fps = t["mb_per_s"], t["files_per_s"]
        compare = r.get("compare") or {}
        def seconds(key):
            return fmt(compare.get(key), 2) + " s" if compare.get(key) is not None else "-"
        plain_mb = fmt(compare["plain_text_bytes"] / 1e6) if compare.get("plain_text_bytes") is not None else "-"
        ratio = fmt(compare.get("time_ratio"), 2)
        lines.append(f"| {label} | {r['threads'] or 'all'} | {r['files']} | {fmt(r['bytes'] / 1e6)} | "
                     f"{fmt(mb['median'])} ({fmt(mb['min'])}-{fmt(mb['max'])}) | {fmt(fps['median'])} | "
                     f"{fmt(r['peak_rss_kib'] / 1024)} MiB | {plain_mb} | {seconds('gdprscan_seconds_median')} | "
                     f"{seconds('seconds_median')} | {ratio} | {seconds('json_seconds_median')} | "
                     f"{fmt(compare.get('json_time_ratio'), 2)} |")
    return lines


def score_table(heading, scores):
    lines = [f"| {heading} | found | missed | false+ | precision | recall | F2 |", "|---|---|---|---|---|---|---|"]
    for name, s in sorted(scores.items()):
        lines.append(f"| {name} | {s['true_positives']} | {s['false_negatives']} | {s['false_positives']} | "
                     f"{fmt(s['precision'], 3)} | {fmt(s['recall'], 3)} | {fmt(s['f2'], 3)} |")
    return lines


def duration(value, unit):
    """Google Benchmark's time in its unit, shown in the largest unit that keeps it above 1."""
    ns = value * {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}.get(unit, 1)
    for name, factor in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= factor:
            return f"{ns / factor:.2f} {name}"
    return f"{ns:.1f} ns"


def micro_table(micro):
    # CPU time: the machine is shared, and wall-clock time counts other jobs' turns.
    lines = ["| benchmark | CPU time (median) | throughput |", "|---|---|---|"]
    for b in micro.get("benchmarks", []):
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        rate = ""
        if "bytes_per_second" in b:
            rate = f"{fmt(b['bytes_per_second'] / 1e6)} MB/s"
        elif "items_per_second" in b:
            rate = f"{fmt(b['items_per_second'] / 1e6, 2)} M items/s"
        lines.append(f"| {name} | {duration(b['cpu_time'], b.get('time_unit', 'ns'))} | {rate} |")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--micro", help="Google Benchmark JSON (micro_bench --benchmark_out)")
    ap.add_argument("--bench", action="append", default=[], help="a gdprscan bench --json result (repeatable)")
    a = ap.parse_args()
    results = [(os.path.basename(p).removesuffix(".json"), load(p)) for p in a.bench]
    out = []
    if results:
        out += ["### Throughput (`gdprscan bench`)", ""] + throughput_table(results) + [""]
        accuracy = next((r["accuracy"] for _, r in results if r.get("accuracy")), None)
        if accuracy:
            out += [f"### Accuracy per detector ({accuracy['truth_items']} truth items)", ""]
            out += score_table("detector", accuracy["detectors"]) + [""]
            out += ["### Accuracy per format", ""] + score_table("format", accuracy["formats"]) + [""]
            decoys = accuracy["decoys_reported"]
            out += [f"Decoys reported: {len(decoys)}" + ("" if not decoys else ":"), ""]
            out += [f"- {d['file']}: {d['detector']} `{d['match']}`" for d in decoys] + ([""] if decoys else [])
    if a.micro and os.path.exists(a.micro):
        out += ["### Micro-benchmarks (`micro_bench`, one thread)", ""] + micro_table(load(a.micro)) + [""]
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
