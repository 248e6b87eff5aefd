#!/usr/bin/env python3
"""Whole-process start-up of Mizan at several corpus sizes.

usage: benches/scale.py [--out DIR]

Generates corpora with `examples/gen_corpus` (fixed seed), then for each one
starts `mizan serve --port 0` with a fresh workspace and times launch ->
"listening on" line (ready: analysis is lazy) and launch -> the warm-up's
"analysed N stories" line (every story analysed, the cache written), and
reads the peak resident memory (VmHWM) of the process at each moment.
Prints one line per corpus and writes DIR/scale.json. Needs release builds:
`cargo build --release --examples`.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIZAN = os.path.join(ROOT, "target", "release", "mizan")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen_corpus")
SIZES = [("seeds", None, None), ("1x50", 1, 50), ("1x100", 1, 100), ("1x200", 1, 200), ("1x400", 1, 400),
         ("10x10", 10, 10), ("100x10", 100, 10), ("1000x10", 1000, 10)]


def vm(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])  # kB
    return 0


def start(corpus):
    ws = tempfile.mkdtemp(prefix="mizan-scale-ws-")
    t = time.perf_counter()
    p = subprocess.Popen([MIZAN, "serve", "--corpus", corpus, "--port", "0", "--workspace", ws],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    ready = time.perf_counter() - t
    peak = vm(p.pid, "VmHWM")
    analysed, peak_all = None, None
    for err in p.stderr:
        if "analysed" in err and "stories in" in err:
            analysed = time.perf_counter() - t
            peak_all = vm(p.pid, "VmHWM")
            break
    p.kill(); p.wait()
    shutil.rmtree(ws, ignore_errors=True)
    assert line.startswith("listening on"), line
    return ready, peak, analysed, peak_all


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/mizan-scale")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    results = []
    for name, stories, articles in SIZES:
        if stories is None:
            corpus = os.path.join(ROOT, "seeds")
        else:
            corpus = os.path.join(args.out, name)
            if not os.path.isdir(corpus):
                subprocess.run([GEN, "--stories", str(stories), "--articles", str(articles),
                                "--seed", "1", corpus], check=True, stderr=subprocess.DEVNULL)
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(corpus) for f in fs)
        runs = [start(corpus) for _ in range(3 if stories is None or stories * articles < 2000 else 1)]
        ready = sorted(r[0] for r in runs)[len(runs) // 2]
        peak = max(r[1] for r in runs)
        analysed = sorted(r[2] for r in runs)[len(runs) // 2]
        peak_all = max(r[3] for r in runs)
        results.append({"corpus": name, "bytes": size, "ready_s": ready, "peak_rss_kb": peak,
                        "analysed_s": analysed, "analysed_peak_rss_kb": peak_all})
        print(f"{name:>8}: {size / 1e6:7.2f} MB  ready {ready * 1000:9.1f} ms  peak RSS {peak / 1024:7.1f} MB"
              f"  all analysed {analysed * 1000:9.1f} ms  peak RSS {peak_all / 1024:7.1f} MB", flush=True)
    with open(os.path.join(args.out, "scale.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
