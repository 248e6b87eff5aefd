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

./target/release/mizan serve --corpus seeds --port 8799 > "$OUT/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
sleep 1
FIRST=$(curl -s http://127.0.0.1:8799/stories/seeds/contradictions | grep -o 'contradictions/[0-9a-f]\{12\}' | head -1)
DISPUTE=$(curl -s http://127.0.0.1:8799/stories/seeds/disputes | grep -o 'disputes/[0-9a-f]\{12\}' | head -1)
for page in /stories/seeds /stories/seeds/compare "/stories/seeds/$FIRST?view=pair" \
    /stories/seeds/disputes "/stories/seeds/$DISPUTE" /stories/seeds/figures; do
  echo "== wrk -t2 -c64 -d20s --latency $page" | tee -a "$OUT/wrk.txt"
  wrk -t2 -c64 -d20s --latency "http://127.0.0.1:8799$page" | tee -a "$OUT/wrk.txt"
done
python3 benches/plot.py "$OUT/scale/scale.json" "$OUT/versus/versus.json" docs/performance.svg
echo "results in $OUT; plot in docs/performance.svg"
