#!/usr/bin/env python3
"""Fails CI when the engine's figures fall below their floor.

usage: engine-floor.py SEEDS_SCORE.txt [DEV_SCORES.txt [CHECKLIST.txt]]

SEEDS_SCORE.txt is score.py's output on the seeds; DEV_SCORES.txt holds one
'story: score: ...' line per dev story. Any format problem fails. On the
seeds, contradiction precision and recall must stay 1.000, no agreeing pair
may be flagged, and link F1 must stay at or above SEEDS_LINK_F1, issue 14's
target of 0.90 (the engine holds 0.905). Each dev story must
hold issue 14's targets (link F1 0.85, contradiction P 0.90, R 0.80), which
the engine meets. The checklist's last line must show a pass rate of 0.95,
contradiction P 0.95 and R 0.90, and every capability a rate of 0.85
(issue 14's targets, met).
"""
import os
import re
import sys

SEEDS_LINK_F1 = 0.90
DEV_LINK_F1, DEV_P, DEV_R = 0.85, 0.90, 0.80


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
            d = fields(line)
            if d.get("format_problems", 0) > 0:
                problems.append(f"dev: format problems: {line.strip()}")
            if d.get("link_f1", 0) < DEV_LINK_F1 or d.get("contra_p", 0) < DEV_P or d.get("contra_r", 0) < DEV_R:
                problems.append(f"dev: below link F1 {DEV_LINK_F1}, P {DEV_P}, R {DEV_R}: {line.strip()}")
    if len(sys.argv) > 3 and os.path.exists(sys.argv[3]):
        lines = [l for l in open(sys.argv[3], encoding="utf-8") if l.startswith("checklist:")]
        c = fields(lines[-1]) if lines else {}
        if c.get("rate", 0) < 0.95 or c.get("contra_p", 0) < 0.95 or c.get("contra_r", 0) < 0.90:
            problems.append(f"checklist below rate 0.95, P 0.95, R 0.90: {lines[-1].strip() if lines else 'no summary'}")
        # Capability lines: 'name  ok/n  rate'.
        for line in open(sys.argv[3], encoding="utf-8"):
            m = re.match(r"^(\S+)\s+\d+/\d+\s+([0-9.]+)$", line.strip())
            if m and float(m.group(2)) < 0.85:
                problems.append(f"checklist capability {m.group(1)} below 0.85: {m.group(2)}")
    for p in problems:
        print(f"engine floor: {p}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
