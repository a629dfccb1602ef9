#!/usr/bin/env python3
"""Agreement between two label files for the real-world resume set.

usage: python3 agreement.py LABELS_A LABELS_B

Both files have the header `id file <15 skills> background note`, values aligned / partial /
missing, background one or more comma-separated ids or `none`. Rows are matched by `id`.
Prints, per skill, per group (technical, soft) and overall:
  F1     F1 of "evidenced" (aligned or partial, against missing) of B against A (A as reference)
  exact  share of cells where the two statuses are identical
  kappa  Cohen's kappa over the three statuses
then background agreement: A's first background is in B's set.
Python 3 standard library only.
"""
import sys

SKILLS = ["cloud-platforms", "terraform", "network-architecture", "linux", "security",
          "python-bash", "docker-kubernetes", "systems-administration", "virtualization",
          "monitoring", "troubleshooting", "reliability-focus", "attention-to-detail",
          "communication", "collaboration"]
TECHNICAL = SKILLS[:10]
SOFT = SKILLS[10:]
STATUSES = ("aligned", "partial", "missing")


def read(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for n, line in enumerate(f, 2):
            if not line.strip() or line.startswith("#"):
                continue
            cells = dict(zip(header, line.rstrip("\n").split("\t")))
            for s in SKILLS:
                if cells.get(s) not in STATUSES:
                    sys.exit(f"{path}:{n}: {s}: bad value {cells.get(s)!r}")
            rows[cells["id"]] = cells
    return rows


def f1(pairs):
    tp = sum(1 for a, b in pairs if a != "missing" and b != "missing")
    fp = sum(1 for a, b in pairs if a == "missing" and b != "missing")
    fn = sum(1 for a, b in pairs if a != "missing" and b == "missing")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def kappa(pairs):
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    pe = sum((sum(a == s for a, _ in pairs) / n) * (sum(b == s for _, b in pairs) / n)
             for s in STATUSES)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def line(name, pairs):
    exact = sum(a == b for a, b in pairs) / len(pairs)
    diff = sum(a != b for a, b in pairs)
    print(f"{name:24} {f1(pairs):5.2f} {exact:6.2f} {kappa(pairs):6.2f} {diff:5d}")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    a, b = read(sys.argv[1]), read(sys.argv[2])
    ids = sorted(set(a) & set(b))
    for only, other in ((set(a) - set(b), sys.argv[1]), (set(b) - set(a), sys.argv[2])):
        if only:
            print(f"only in {other}: {', '.join(sorted(only))}")
    print(f"resumes: {len(ids)}")
    print(f"{'skill':24} {'F1':>5} {'exact':>6} {'kappa':>6} {'diff':>5}")
    pairs = {s: [(a[i][s], b[i][s]) for i in ids] for s in SKILLS}
    for group, members in (("technical", TECHNICAL), ("soft", SOFT)):
        for s in members:
            line(s, pairs[s])
        line("= " + group, [p for s in members for p in pairs[s]])
    line("= overall", [p for s in SKILLS for p in pairs[s]])
    hits = exact_bg = 0
    for i in ids:
        bg_a = [x.strip() for x in a[i]["background"].split(",") if x.strip()]
        bg_b = {x.strip() for x in b[i]["background"].split(",") if x.strip()}
        hits += bool(bg_a) and bg_a[0] in bg_b
        exact_bg += set(bg_a) == bg_b
    print(f"background: A's first in B's set {hits}/{len(ids)} ({hits / len(ids):.2f}); "
          f"identical sets {exact_bg}/{len(ids)}")


if __name__ == "__main__":
    main()
