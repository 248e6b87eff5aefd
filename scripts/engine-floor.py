#!/usr/bin/env python3
"""Fails CI when the engine's figures fall below their floor.

usage: engine-floor.py SEEDS_SCORE.txt [DEV_SCORES.txt]

SEEDS_SCORE.txt is score.py's output on the seeds; DEV_SCORES.txt holds one
'story: score: ...' line per dev story. Any format problem fails. On the
seeds, contradiction precision and recall must stay 1.000, no agreeing pair
may be flagged, and link F1 must stay at or above SEEDS_LINK_F1: the figure
the claims engine holds (0.844), below issue 14's target of 0.90, so that
CI catches a fall without pretending the target is met.
"""
import re
import sys

SEEDS_LINK_F1 = 0.84


def fields(line):
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", line)}


def main():
    problems = []
    seeds = open(sys.argv[1], encoding="utf-8").read()
    last = [l for l in seeds.splitlines() if l.startswith("score:")][-1]
    f = fields(last)
    if f["format_problems"] > 0:
        problems.append("seeds: format problems")
    if f["contra_p"] < 1.0 or f["contra_r"] < 1.0:
        problems.append(f"seeds: contradictions P {f['contra_p']} R {f['contra_r']} (must be 1.000)")
    if f["link_f1"] < SEEDS_LINK_F1:
        problems.append(f"seeds: link F1 {f['link_f1']} below {SEEDS_LINK_F1}")
    m = re.search(r"agreeing sure pairs flagged as contradictions: (\d+)/", seeds)
    if m and int(m.group(1)) > 0:
        problems.append(f"seeds: {m.group(1)} agreeing pairs flagged")
    if len(sys.argv) > 2:
        for line in open(sys.argv[2], encoding="utf-8"):
            if fields(line).get("format_problems", 0) > 0:
                problems.append(f"dev: {line.strip()}")
    for p in problems:
        print(f"engine floor: {p}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
