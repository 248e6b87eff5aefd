#!/usr/bin/env python3
"""Mizan against the Python peer (benches/peer.py) on the same corpora, in
one session: wall time of each and accuracy on the planted truth.

usage: benches/versus_peer.py [--out DIR]

Corpora: the seeds (gold: ../shared/gold/seeds.gold.json) and generated
corpora (examples/gen_corpus, seed 1, truth beside them). Mizan runs as
`mizan export --corpus DIR` (load, analyse, serialise every story); the peer
as `peer.py` over every story folder; each is run five times, in turn with
the other, and its median wall and CPU time reported. Each story is scored with
../shared/eval/score.py; figures are macro averages over stories.
"""
import argparse, json, os, re, resource, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIZAN = os.path.join(ROOT, "target", "release", "mizan")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen_corpus")
SCORE = os.path.join(ROOT, "..", "shared", "eval", "score.py")
PEER = os.path.join(ROOT, "benches", "peer.py")
# Runs of each program per corpus; the median is reported (one run on a
# shared 2-core machine varied by a factor of two).
RUNS = 5
SCORE_LINE = re.compile(r"link_f1=([\d.]+) contra_p=([\d.]+) contra_r=([\d.]+)")


def score(gold, corpus, doc_path):
    out = subprocess.run([sys.executable, SCORE, "--gold", gold, "--corpus", corpus, doc_path],
                         capture_output=True, text=True).stdout
    m = SCORE_LINE.search(out)
    return tuple(float(x) for x in m.groups()) if m else (0.0, 0.0, 0.0)


def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0


def timed_pair(first, second):
    """Median wall and CPU (user + system) times of RUNS runs of each of two
    programs, run in turn (first, second, first, ...) so that a machine
    whose load drifts over a minute weighs on both alike: one program's
    runs all before the other's had the ratio move by a third from one
    session to the next. Each is (argv, stdout_path); standard output goes
    to the file as each program writes its output to disk (the peer writes
    its files itself): Python reading and decoding Mizan's 16 MB of JSON
    from a pipe had added a fifth to Mizan's time."""
    walls, cpus = ([], []), ([], [])
    for _ in range(RUNS):
        for k, (argv, stdout_path) in enumerate((first, second)):
            with open(stdout_path, "wb") as f:
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t = time.perf_counter()
                subprocess.run(argv, stdout=f, stderr=subprocess.DEVNULL, check=True)
                walls[k].append(time.perf_counter() - t)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus[k].append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return [(statistics.median(walls[k]), statistics.median(cpus[k])) for k in (0, 1)]


def run(name, corpus, stories, golds, out):
    os.makedirs(out, exist_ok=True)
    printed = os.path.join(out, "mizan-export.json")
    (t_mizan, c_mizan), (t_peer, c_peer) = timed_pair(
        ([MIZAN, "export", "--corpus", corpus], printed),
        ([sys.executable, PEER, *stories, "--out", os.path.join(out, "peer")],
         os.path.join(out, "peer-stdout.txt")))
    with open(printed, encoding="utf-8") as f:
        doc = json.load(f)
    docs = doc["stories"] if "stories" in doc else [doc]
    m_scores, p_scores = [], []
    for d, folder, gold in zip(docs, stories, golds):
        path = os.path.join(out, f"mizan-{d['story']}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False)
        m_scores.append(score(gold, folder, path))
        p_scores.append(score(gold, folder, os.path.join(out, "peer", os.path.basename(folder) + ".json")))
    size = sum(os.path.getsize(os.path.join(s, f)) for s in stories for f in os.listdir(s))
    row = {"corpus": name, "stories": len(stories), "bytes": size, "mizan_s": t_mizan, "peer_s": t_peer,
           "mizan_cpu_s": c_mizan, "peer_cpu_s": c_peer}
    for who, sc in (("mizan", m_scores), ("peer", p_scores)):
        row[f"{who}_link_f1"] = mean([s[0] for s in sc])
        row[f"{who}_contra_p"] = mean([s[1] for s in sc])
        row[f"{who}_contra_r"] = mean([s[2] for s in sc])
    print(f"{name:>8}: Mizan {t_mizan:6.2f} s  F1 {row['mizan_link_f1']:.3f}  contra P {row['mizan_contra_p']:.3f} R {row['mizan_contra_r']:.3f} | "
          f"peer {t_peer:6.2f} s  F1 {row['peer_link_f1']:.3f}  contra P {row['peer_contra_p']:.3f} R {row['peer_contra_r']:.3f} | "
          f"peer/Mizan time {t_peer / t_mizan:5.1f}x (CPU {c_mizan:.2f} s vs {c_peer:.2f} s, {c_peer / max(c_mizan, 1e-9):.1f}x)",
          flush=True)
    return row


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/mizan-versus")
    args = ap.parse_args()
    rows = [run("seeds", os.path.join(ROOT, "seeds"), [os.path.join(ROOT, "seeds")],
                [os.path.join(ROOT, "..", "shared", "gold", "seeds.gold.json")], os.path.join(args.out, "seeds"))]
    for name, n, m in [("10x10", 10, 10), ("1x200", 1, 200), ("100x10", 100, 10)]:
        corpus = os.path.join(args.out, name)
        if not os.path.isdir(corpus):
            subprocess.run([GEN, "--stories", str(n), "--articles", str(m), "--seed", "1", corpus],
                           check=True, stderr=subprocess.DEVNULL)
        stories = sorted(os.path.join(corpus, s) for s in os.listdir(corpus))
        golds = [os.path.join(corpus + ".truth", os.path.basename(s) + ".json") for s in stories]
        rows.append(run(name, corpus, stories, golds, os.path.join(args.out, name + "-out")))
    with open(os.path.join(args.out, "versus.json"), "w") as f:
        json.dump(rows, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
