#!/usr/bin/env python3
"""The usual Python route, as a data journalist would write it: the peer
Mizan is measured against.

usage: benches/peer.py STORY_DIR [STORY_DIR ...] --out DIR

For each story folder: split each article into sentences (a regular
expression on . ! ? ؟ and line ends, with byte offsets), vectorise every
sentence with scikit-learn's TfidfVectorizer, take the cosine similarity of
every cross-source pair, link the pairs above THRESHOLD, and call a link a
contradiction when both sentences hold numbers and the numbers differ.
Writes DIR/<story>.json in the story JSON shape that score.py reads.
"""
import argparse, json, os, re, sys
from itertools import combinations

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

THRESHOLD = 0.1  # the best link F1 on the seeds among 0.1-0.3: tuned in the peer's favour
SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]*")
NUMBER = re.compile(r"[0-9٠-٩]+")


def sentences(raw: bytes):
    text = raw.decode("utf-8")
    out, pos = [], 0
    for m in SENTENCE.finditer(text):
        s = m.group()
        lead = len(s) - len(s.lstrip())
        body = s.strip()
        if not body:
            continue
        start = len(text[: m.start() + lead].encode("utf-8"))
        out.append((start, start + len(body.encode("utf-8")), body))
    return out


def numbers(s):
    return {int("".join(str(ord(c) - 0x660) if "٠" <= c <= "٩" else c for c in n)) for n in NUMBER.findall(s)}


def story(folder):
    articles, segs = [], []
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".txt", ".md")):
            continue
        raw = open(os.path.join(folder, name), "rb").read()
        aid = name.rsplit(".", 1)[0]
        art = {"id": aid, "file": name, "title": "", "segments": []}
        for i, (s, e, t) in enumerate(sentences(raw)):
            sid = f"{aid}:{i}"
            art["segments"].append({"id": sid, "start": s, "end": e, "kind": "sentence", "lang": "ar", "text": t})
            segs.append((aid, sid, t))
        articles.append(art)
    links = []
    if len(segs) > 1:
        m = TfidfVectorizer().fit_transform([t for _, _, t in segs])
        sim = cosine_similarity(m)
        for i, j in combinations(range(len(segs)), 2):
            if segs[i][0] == segs[j][0] or sim[i, j] < THRESHOLD:
                continue
            na, nb = numbers(segs[i][2]), numbers(segs[j][2])
            contra = bool(na and nb and na != nb)
            links.append({"a": segs[i][1], "b": segs[j][1], "score": round(float(sim[i, j]), 3),
                          "relation": "contradict" if contra else "agree",
                          "differences": [{"kind": "number", "a": str(sorted(na)), "b": str(sorted(nb)), "note": "numbers differ"}] if contra else []})
    return {"version": 1, "story": os.path.basename(folder.rstrip("/")), "title": "", "articles": articles, "links": links}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("stories", nargs="+")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for folder in args.stories:
        doc = story(folder)
        with open(os.path.join(args.out, doc["story"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)


if __name__ == "__main__":
    sys.exit(main())
