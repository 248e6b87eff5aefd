#!/usr/bin/env bash
# Every benchmark of Mizan, one command: divan (functions), start-up and
# memory at several corpus sizes, start and restart with the analysis cache
# on 1,000 x 10, Mizan against the Python peer, and wrk on the main pages. Installs wrk (apt) and scikit-learn (pip) when missing.
# Results go to $OUT (default /tmp/mizan-bench); the plot to docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/mizan-bench}
mkdir -p "$OUT"
if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get install -y -qq wrk >/dev/null
fi
python3 -c "import sklearn" 2>/dev/null || python3 -m pip install -q scikit-learn

cargo build --release --examples
cargo bench --bench export --bench stages --bench pages | tee "$OUT/divan.txt"
python3 benches/scale.py --out "$OUT/scale"
python3 benches/restart.py --stories 1000 --articles 10 --out "$OUT/restart"
python3 benches/versus_peer.py --out "$OUT/versus"

# The server and wrk on cores of their own where there are two or more: on a
# 2-core machine wrk's threads otherwise preempt the server's, and p99
# measured the scheduler (the figures page 5.0 to 8.8 ms unpinned in one
# session, 4.4 to 4.6 ms pinned, about 30,000 requests a second either way).
# With more cores the server gets every core but the last, wrk the last.
SERVER_CPU="" WRK_CPU="" WRK_THREADS=2
CORES=$(nproc)
if command -v taskset >/dev/null && [ "$CORES" -ge 2 ]; then
  SERVER_CPU="taskset -c 0-$((CORES - 2))" WRK_CPU="taskset -c $((CORES - 1))" WRK_THREADS=1
fi
$SERVER_CPU ./target/release/mizan serve --corpus seeds --port 8799 > "$OUT/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
sleep 1
FIRST=$(curl -s http://127.0.0.1:8799/stories/seeds/contradictions | grep -o 'contradictions/[0-9a-f]\{12\}' | head -1)
DISPUTE=$(curl -s http://127.0.0.1:8799/stories/seeds/disputes | grep -o 'disputes/[0-9a-f]\{12\}' | head -1)
for page in /stories/seeds /stories/seeds/compare "/stories/seeds/$FIRST?view=pair" \
    /stories/seeds/disputes "/stories/seeds/$DISPUTE" /stories/seeds/figures; do
  echo "== ${WRK_CPU:+$WRK_CPU }wrk -t$WRK_THREADS -c64 -d20s --latency $page (server: ${SERVER_CPU:-any core})" | tee -a "$OUT/wrk.txt"
  $WRK_CPU wrk -t$WRK_THREADS -c64 -d20s --latency "http://127.0.0.1:8799$page" | tee -a "$OUT/wrk.txt"
done
python3 benches/plot.py "$OUT/scale/scale.json" "$OUT/versus/versus.json" docs/performance.svg
echo "results in $OUT; plot in docs/performance.svg"
