#!/usr/bin/env python3
"""Agreement between two label files of the real job postings.

Usage: python3 agreement_postings.py LABELS_A.tsv LABELS_B.tsv

Both files: `id file main_years <skills...> note`, tab-separated, each skill cell
`required`, `preferred` or `absent`, optionally followed by `:N` years.
A is the reference. Prints, per skill and overall:
  (a) detection F1 of "asked" (required or preferred) of B against A,
  (b) on cells both found asked, the share with the same level,
  (c) main_years exact agreement (and years agreement on cells both found asked),
  (d) Cohen's kappa on the 3-way label (required / preferred / absent).
Standard library only.
"""
import csv
import sys
from collections import Counter

LEVELS = ("required", "preferred", "absent")


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    if header[:3] != ["id", "file", "main_years"] or header[-1] != "note":
        sys.exit(f"{path}: unexpected header {header}")
    skills = header[3:-1]
    out = {}
    for r in body:
        if not r or not r[0].strip():
            continue
        if len(r) != len(header):
            sys.exit(f"{path}: row {r[0]} has {len(r)} cells, want {len(header)}")
        cells = {}
        for s, c in zip(skills, r[3:-1]):
            level, _, years = c.strip().partition(":")
            if level not in LEVELS:
                sys.exit(f"{path}: {r[0]} {s}: bad level {c!r}")
            cells[s] = (level, years.strip())
        out[r[0]] = (r[2].strip(), cells)
    return skills, out


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")


def kappa(pairs):
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca = Counter(a for a, _ in pairs)
    cb = Counter(b for _, b in pairs)
    pe = sum(ca[l] * cb[l] for l in LEVELS) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else float("nan")


def fmt(x):
    return "  n/a" if x != x else f"{x:5.3f}"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    skills_a, a = load(sys.argv[1])
    skills_b, b = load(sys.argv[2])
    if skills_a != skills_b:
        sys.exit("the two files list different skills")
    if set(a) != set(b):
        sys.exit(f"postings differ: only A {sorted(set(a) - set(b))}, only B {sorted(set(b) - set(a))}")
    ids = sorted(a)
    skills = skills_a

    print(f"A (reference): {sys.argv[1]}")
    print(f"B:             {sys.argv[2]}")
    print(f"postings: {len(ids)}, skills: {len(skills)}, cells: {len(ids) * len(skills)}")
    print()
    head = f"{'skill':24} {'A asks':>6} {'B asks':>6} {'F1':>6} {'both':>5} {'level=':>7} {'years=':>7} {'kappa':>6} {'cells=':>7}"
    print(head)
    print("-" * len(head))
    tot = Counter()
    all_pairs = []
    for s in skills:
        c = Counter()
        pairs = []
        for i in ids:
            (la, ya), (lb, yb) = a[i][1][s], b[i][1][s]
            pairs.append((la, lb))
            aa, ab = la != "absent", lb != "absent"
            c["a"] += aa
            c["b"] += ab
            c["tp"] += aa and ab
            c["fp"] += ab and not aa
            c["fn"] += aa and not ab
            if aa and ab:
                c["lvl"] += la == lb
                c["yrs"] += ya == yb
            c["same"] += (la, ya) == (lb, yb)
        tot.update(c)
        all_pairs += pairs
        both = c["tp"]
        print(f"{s:24} {c['a']:6d} {c['b']:6d} {fmt(f1(c['tp'], c['fp'], c['fn'])):>6} {both:5d} "
              f"{fmt(c['lvl'] / both if both else float('nan')):>7} {fmt(c['yrs'] / both if both else float('nan')):>7} "
              f"{fmt(kappa(pairs)):>6} {c['same']:4d}/{len(ids)}")
    print("-" * len(head))
    both = tot["tp"]
    print(f"{'overall (micro)':24} {tot['a']:6d} {tot['b']:6d} {fmt(f1(tot['tp'], tot['fp'], tot['fn'])):>6} {both:5d} "
          f"{fmt(tot['lvl'] / both):>7} {fmt(tot['yrs'] / both):>7} {fmt(kappa(all_pairs)):>6} "
          f"{tot['same']:4d}/{len(ids) * len(skills)}")
    print()
    print(f"detection: B asks {tot['b']}, A asks {tot['a']}, both {tot['tp']}, "
          f"only B {tot['fp']}, only A {tot['fn']}")
    conf = Counter(all_pairs)
    print("3-way confusion (rows A, columns B):")
    print(f"  {'':10}" + "".join(f"{l:>10}" for l in LEVELS))
    for la in LEVELS:
        print(f"  {la:10}" + "".join(f"{conf[(la, lb)]:10d}" for lb in LEVELS))
    my = sum(a[i][0] == b[i][0] for i in ids)
    print()
    print(f"main_years exact agreement: {my}/{len(ids)} = {my / len(ids):.3f}")
    diffs = [f"{i} (A {a[i][0] or '-'}, B {b[i][0] or '-'})" for i in ids if a[i][0] != b[i][0]]
    if diffs:
        print("  differ: " + ", ".join(diffs))
    cells = sum(a[i][1][s] != b[i][1][s] for i in ids for s in skills)
    print(f"skill cells that differ (level or years): {cells}")


if __name__ == "__main__":
    main()
