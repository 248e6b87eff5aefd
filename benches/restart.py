#!/usr/bin/env python3
"""Start and restart of `mizan serve` on one corpus, with the analysis cache.

usage: benches/restart.py [--stories N] [--articles M] [--out DIR]

Generates N x M articles with `examples/gen_corpus` (seed 7), then starts
`mizan serve` three times with a fresh workspace: (1) a first start, which
computes every analysis and writes the cache; (2) a restart on the unchanged
files, which reads them back; (3) a restart after one article of one story
changed. For each: seconds to the "listening on" line (ready), seconds to
the warm-up's "analysed N stories" line (every story analysed), the cache
counts of that line, and the peak resident memory (VmHWM) then.
Needs `cargo build --release --examples`.
"""
import argparse, json, os, re, shutil, subprocess, sys, time

from scale import vm  # peak memory from /proc, as scale.py reads it

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIZAN = os.path.join(ROOT, "target", "release", "mizan")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen_corpus")


def run(corpus, ws):
    t = time.perf_counter()
    p = subprocess.Popen([MIZAN, "serve", "--corpus", corpus, "--port", "0", "--workspace", ws],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    ready = time.perf_counter() - t
    assert line.startswith("listening on"), line
    for err in p.stderr:
        if "analysed" in err and "cache:" in err:
            done = time.perf_counter() - t
            counts = re.search(r"cache: (\d+) read, (\d+) computed, (\d+) refused", err).groups()
            break
    peak = vm(p.pid, "VmHWM")
    p.kill(); p.wait()
    return {"ready_s": ready, "analysed_s": done, "cache": [int(c) for c in counts], "peak_rss_kb": peak}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--out", default="/tmp/mizan-restart")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    corpus = os.path.join(args.out, f"{args.stories}x{args.articles}")
    if not os.path.isdir(corpus):
        subprocess.run([GEN, "--stories", str(args.stories), "--articles", str(args.articles),
                        "--seed", "7", corpus], check=True, stderr=subprocess.DEVNULL)
    ws = os.path.join(args.out, "workspace")
    shutil.rmtree(ws, ignore_errors=True)
    results = {}
    for name in ["first", "restart", "one-changed"]:
        if name == "one-changed":
            story = sorted(d for d in os.listdir(corpus) if not d.startswith("."))[0]
            art = sorted(os.listdir(os.path.join(corpus, story)))[0]
            with open(os.path.join(corpus, story, art), "a", encoding="utf-8") as f:
                f.write("\nوأضاف المصدر أن التحقيق مستمر.\n")
        r = run(corpus, ws)
        results[name] = r
        print(f"{name:>12}: ready {r['ready_s']:6.2f} s  all analysed {r['analysed_s']:6.2f} s  "
              f"cache read/computed/refused {r['cache']}  peak RSS {r['peak_rss_kb'] / 1024:6.0f} MB", flush=True)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(ws, ".cache")) for f in fs)
    print(f"cache: {size / 1e6:.1f} MB for {args.stories} stories")
    shutil.rmtree(corpus)  # the appended line would skew the next run
    with open(os.path.join(args.out, "restart.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
