#!/usr/bin/env python3
"""Rebuild the real-world resume set listed in manifest.tsv.

Each row of the manifest points at one file in a public GitHub repository
(repository, commit, path) and gives the SHA-256 of its bytes. This script
writes every file as <id>.<format> into the output folder, taking the bytes
from, in order:

  1. a local bare git mirror, when --mirrors DIR is given. DIR holds one folder
     per repository named OWNER+NAME; the git directory is that folder itself
     or one of its subfolders repo/, repo/.git or .git (OWNER+NAME.git is also
     accepted). Bytes come from `git --git-dir=... show COMMIT:PATH`.
  2. https://raw.githubusercontent.com/OWNER/NAME/COMMIT/PATH

Every file is checked against the manifest's SHA-256; a mismatch is refused
(nothing is written for it) and the exit status is nonzero. Files already
present with the right hash are skipped. Python 3 standard library only.
"""

import argparse
import csv
import hashlib
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_MANIFEST = os.path.join(HERE, "manifest.tsv")
DEFAULT_OUT = os.path.join(REPO_ROOT, "target", "realworld", "resumes")
COLUMNS = ["id", "repository", "commit", "path", "sha256", "format",
           "layout", "language", "field", "note"]


def read_manifest(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    if not lines or lines[0].split("\t") != COLUMNS:
        raise SystemExit(f"{path}: header is not {' '.join(COLUMNS)}")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise SystemExit(f"{path}:{n}: expected {len(COLUMNS)} tab-separated cells, got {len(cells)}")
        rows.append(dict(zip(COLUMNS, cells)))
    return rows


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def is_git_dir(path):
    return (os.path.isfile(os.path.join(path, "HEAD"))
            and os.path.isdir(os.path.join(path, "objects")))


def find_git_dir(mirrors, repository):
    folder = repository.replace("/", "+")
    base = os.path.join(mirrors, folder)
    for cand in (base, os.path.join(base, "repo"), os.path.join(base, "repo", ".git"),
                 os.path.join(base, ".git"), base + ".git"):
        if os.path.isdir(cand) and is_git_dir(cand):
            return cand
    return None


def from_mirror(mirrors, row):
    gitdir = find_git_dir(mirrors, row["repository"])
    if gitdir is None:
        return None, "no mirror folder"
    proc = subprocess.run(
        ["git", "--git-dir=" + gitdir, "show", f"{row['commit']}:{row['path']}"],
        capture_output=True)
    if proc.returncode != 0:
        return None, "git show failed: " + proc.stderr.decode(errors="replace").strip()
    return proc.stdout, "mirror"


def from_github(row, timeout):
    owner, name = row["repository"].split("/", 1)
    url = "https://raw.githubusercontent.com/{}/{}/{}/{}".format(
        urllib.parse.quote(owner), urllib.parse.quote(name), row["commit"],
        urllib.parse.quote(row["path"], safe="/"))
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.read(), "download"
    except (urllib.error.URLError, OSError) as err:
        return None, f"download failed: {err}"


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Rebuild the real-world resume files listed in manifest.tsv, "
                    "checking each against its SHA-256.",
        epilog="Example: python3 benches/realworld/fetch.py --mirrors /path/to/mirrors "
               "(offline, from bare git mirrors named OWNER+NAME), or with no "
               "--mirrors to download from raw.githubusercontent.com.")
    ap.add_argument("--out", default=DEFAULT_OUT,
                    help="output folder (default: target/realworld/resumes under the repository root)")
    ap.add_argument("--mirrors", metavar="DIR",
                    help="folder of bare git mirrors named OWNER+NAME, tried before downloading")
    ap.add_argument("--manifest", default=DEFAULT_MANIFEST, help="manifest to read (default: %(default)s)")
    ap.add_argument("--offline", action="store_true", help="never download; use --mirrors only")
    ap.add_argument("--timeout", type=float, default=30.0, help="download timeout in seconds (default: %(default)s)")
    args = ap.parse_args(argv)

    rows = read_manifest(args.manifest)
    os.makedirs(args.out, exist_ok=True)
    counts = {"present": 0, "mirror": 0, "download": 0}
    failures = []
    for row in rows:
        dest = os.path.join(args.out, f"{row['id']}.{row['format']}")
        want = row["sha256"].lower()
        if os.path.isfile(dest):
            with open(dest, "rb") as f:
                if sha256(f.read()) == want:
                    counts["present"] += 1
                    continue
        data, how, why = None, None, []
        if args.mirrors:
            data, how = from_mirror(args.mirrors, row)
            if data is None:
                why.append(how)
        if data is None and not args.offline:
            data, how = from_github(row, args.timeout)
            if data is None:
                why.append(how)
        if data is None:
            failures.append(f"{row['id']}: {row['repository']}@{row['commit'][:12]}:{row['path']}: " + "; ".join(why or ["no source"]))
            continue
        got = sha256(data)
        if got != want:
            failures.append(f"{row['id']}: SHA-256 mismatch from {how} for {row['repository']}:{row['path']} "
                            f"(expected {want}, got {got}); not written")
            continue
        tmp = dest + ".part"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, dest)
        counts[how] += 1

    for msg in failures:
        print("error: " + msg, file=sys.stderr)
    print(f"{len(rows)} files: {counts['present']} already present, {counts['mirror']} from mirrors, "
          f"{counts['download']} downloaded, {len(failures)} failed -> {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
