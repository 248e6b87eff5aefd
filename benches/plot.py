#!/usr/bin/env python3
"""Draws docs/performance.svg from the JSON that scale.py and
versus_peer.py write: start-up time and peak memory against corpus size,
and Mizan's time against the peer's. Plain SVG, no plotting library.

usage: benches/plot.py SCALE.json VERSUS.json OUT.svg
"""
import json, math, sys

W, H, PAD = 900, 360, 60


def panel(x0, title, points, xlabel, ylabel, series):
    """A log-log panel at x0 with lines for each series name."""
    xs = [p["x"] for p in points]
    ys = [p[s] for p in points for s in series if p.get(s)]
    lx = (math.log10(min(xs)), math.log10(max(xs)))
    ly = (math.log10(min(ys)) - 0.2, math.log10(max(ys)) + 0.2)
    w, h = W / 2 - PAD * 2.6, H - PAD * 2
    def X(v): return x0 + PAD + (math.log10(v) - lx[0]) / (lx[1] - lx[0] or 1) * w
    def Y(v): return PAD + h - (math.log10(v) - ly[0]) / (ly[1] - ly[0] or 1) * h
    out = [f'<text x="{x0 + PAD}" y="{PAD - 25}" font-size="15" font-weight="bold">{title}</text>',
           f'<rect x="{x0 + PAD}" y="{PAD}" width="{w}" height="{h}" fill="none" stroke="#999"/>',
           f'<text x="{x0 + PAD + w / 2}" y="{H - 15}" font-size="12" text-anchor="middle">{xlabel}</text>',
           f'<text x="{x0 + 15}" y="{PAD + h / 2}" font-size="12" transform="rotate(-90 {x0 + 15} {PAD + h / 2})" text-anchor="middle">{ylabel}</text>']
    colours = ["#0b5c7a", "#c2410c", "#1f6f43", "#7c3aed"]
    for k, s in enumerate(series):
        pts = [(X(p["x"]), Y(p[s]), p) for p in points if p.get(s)]
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>'
                   % (colours[k], " ".join(f"{a:.1f},{b:.1f}" for a, b, _ in pts)))
        for a, b, p in pts:
            out.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="4" fill="{colours[k]}"/>')
            out.append(f'<text x="{a + 6:.1f}" y="{b - 6:.1f}" font-size="11">{p["label"]}: {p[s]:.3g}</text>')
        out.append(f'<text x="{x0 + PAD + 10}" y="{PAD + 18 + 16 * k}" font-size="12" fill="{colours[k]}">{s}</text>')
    return out


def main():
    scale, versus, target = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
    p1 = []
    for r in scale:
        if "x" not in r["corpus"]:
            continue
        n, m = (int(v) for v in r["corpus"].split("x"))
        shape = "1 x N" if n == 1 else "N x 10"
        p1.append({"x": n * m, "label": r["corpus"], f"{shape}: every story analysed (s)": r.get("analysed_s"),
                   f"{shape}: listening (s)": r["ready_s"]})
    p1.sort(key=lambda p: p["x"])
    p2 = [{"x": r["bytes"] / 1e6, "label": r["corpus"],
           "Mizan (s)": r["mizan_s"], "Python peer (s)": r["peer_s"]} for r in versus]
    body = panel(0, "Mizan: launch to listening and to every story analysed", p1,
                 "articles in the corpus (log)", "seconds (log)",
                 ["1 x N: every story analysed (s)", "N x 10: every story analysed (s)",
                  "1 x N: listening (s)", "N x 10: listening (s)"])
    body += panel(W / 2, "Mizan against the Python peer", sorted(p2, key=lambda p: p["x"]),
                  "corpus text (MB, log)", "seconds (log)", ["Mizan (s)", "Python peer (s)"])
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif">'
           f'<rect width="{W}" height="{H}" fill="#fff"/>' + "".join(body) + "</svg>\n")
    open(target, "w").write(svg)


if __name__ == "__main__":
    sys.exit(main())
