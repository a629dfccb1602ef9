#!/usr/bin/env python3
"""Rebuild the real-world job-posting set listed in postings.tsv.

Each row of the manifest pins one third-party file: a GitHub repository, a
commit, a path inside it and the SHA-256 of its bytes.  This script fetches
every file, checks the hash and writes it as <id>.<format> in the output
folder.  Nothing it fetches belongs in the repository.

Sources, tried in order for each file:
  1. a local bare mirror, when --mirrors DIR is given: for repository
     owner/name it looks for a git directory at DIR/owner+name/repo/.git,
     DIR/owner+name/repo, DIR/owner+name, DIR/owner+name.git,
     DIR/owner/name.git and DIR/owner/name, and reads the file with
     `git --git-dir=... show COMMIT:PATH`;
  2. https://raw.githubusercontent.com/OWNER/NAME/COMMIT/PATH (unless
     --no-network).

A file whose bytes do not match the manifest's hash is never written; the
script reports it and exits with status 1.  Files already present with the
right hash are left alone.  Python 3 standard library only.
"""

import argparse
import csv
import hashlib
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
DEFAULT_MANIFEST = HERE / "postings.tsv"
DEFAULT_OUT = REPO_ROOT / "target" / "realworld" / "postings"
COLUMNS = ["id", "repository", "commit", "path", "sha256", "format", "field", "title", "note"]
FORMATS = {"md", "txt", "html", "pdf", "docx"}
RAW_URL = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"


def read_manifest(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    if not rows or rows[0] != COLUMNS:
        sys.exit(f"{path}: header must be: {' '.join(COLUMNS)}")
    out = []
    for n, row in enumerate(rows[1:], start=2):
        if not row or all(not c for c in row):
            continue
        if len(row) != len(COLUMNS):
            sys.exit(f"{path}:{n}: expected {len(COLUMNS)} tab-separated fields, found {len(row)}")
        rec = dict(zip(COLUMNS, row))
        if rec["format"] not in FORMATS:
            sys.exit(f"{path}:{n}: unknown format {rec['format']!r}")
        if len(rec["commit"]) != 40 or len(rec["sha256"]) != 64:
            sys.exit(f"{path}:{n}: commit must be 40 hex digits and sha256 64")
        if rec["repository"].count("/") != 1:
            sys.exit(f"{path}:{n}: repository must be owner/name")
        out.append(rec)
    return out


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def is_git_dir(path):
    return (path / "HEAD").is_file() and (path / "objects").is_dir()


def find_mirror(mirrors, repo):
    owner, name = repo.split("/")
    flat = mirrors / f"{owner}+{name}"
    candidates = [
        flat / "repo" / ".git",
        flat / "repo",
        flat,
        mirrors / f"{owner}+{name}.git",
        mirrors / owner / f"{name}.git",
        mirrors / owner / name / ".git",
        mirrors / owner / name,
    ]
    for c in candidates:
        if is_git_dir(c):
            return c
    return None


def from_mirror(git_dir, commit, path):
    r = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
        capture_output=True,
    )
    if r.returncode != 0:
        return None, r.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
    return r.stdout, None


def from_network(repo, commit, path, timeout):
    url = RAW_URL.format(repo=repo, commit=commit, path=urllib.parse.quote(path))
    req = urllib.request.Request(url, headers={"User-Agent": "skillgap-fetch-postings"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read(), None
    except (urllib.error.URLError, OSError) as e:
        return None, f"{url}: {e}"


def write_atomic(dest, data):
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def main():
    ap = argparse.ArgumentParser(
        description="Fetch the job postings listed in postings.tsv, verify their SHA-256 "
        "and write them as <id>.<format>.",
    )
    ap.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST,
                    help="manifest to read (default: postings.tsv next to this script)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="output folder (default: target/realworld/postings under the repository root)")
    ap.add_argument("--mirrors", type=Path,
                    help="folder of local bare git mirrors (e.g. owner+name/repo) to read before the network")
    ap.add_argument("--no-network", action="store_true",
                    help="never download; use only --mirrors")
    ap.add_argument("--timeout", type=float, default=60.0,
                    help="seconds per download (default: 60)")
    args = ap.parse_args()

    rows = read_manifest(args.manifest)
    if args.mirrors is not None and not args.mirrors.is_dir():
        sys.exit(f"--mirrors {args.mirrors}: not a folder")
    args.out.mkdir(parents=True, exist_ok=True)

    present = from_mirrors = from_net = 0
    mismatched, missing = [], []
    for rec in rows:
        dest = args.out / f"{rec['id']}.{rec['format']}"
        want = rec["sha256"]
        if dest.is_file() and sha256(dest.read_bytes()) == want:
            present += 1
            continue

        data, errors, source = None, [], None
        if args.mirrors is not None:
            git_dir = find_mirror(args.mirrors, rec["repository"])
            if git_dir is None:
                errors.append(f"no mirror of {rec['repository']} under {args.mirrors}")
            else:
                data, err = from_mirror(git_dir, rec["commit"], rec["path"])
                if data is None:
                    errors.append(f"mirror {git_dir}: {' '.join(err) or 'git show failed'}")
                elif sha256(data) != want:
                    errors.append(f"mirror {git_dir}: sha256 {sha256(data)} != manifest {want}")
                    data = None
                else:
                    source = "mirror"
        if data is None and not args.no_network:
            data, err = from_network(rec["repository"], rec["commit"], rec["path"], args.timeout)
            if data is None:
                errors.append(err)
            elif sha256(data) != want:
                errors.append(f"download: sha256 {sha256(data)} != manifest {want}")
                data = None
            else:
                source = "network"

        if data is None:
            bad_hash = any("sha256" in e for e in errors)
            (mismatched if bad_hash else missing).append(rec["id"])
            kind = "REFUSED (hash mismatch)" if bad_hash else "FAILED"
            print(f"{rec['id']}: {kind}: {rec['repository']}@{rec['commit'][:12]}:{rec['path']}",
                  file=sys.stderr)
            for e in errors:
                print(f"    {e}", file=sys.stderr)
            continue

        write_atomic(dest, data)
        if source == "mirror":
            from_mirrors += 1
        else:
            from_net += 1

    ok = present + from_mirrors + from_net
    print(f"postings: {ok}/{len(rows)} ok in {args.out} "
          f"({present} already present, {from_mirrors} from mirrors, {from_net} downloaded); "
          f"{len(mismatched)} hash mismatches, {len(missing)} not found")
    if mismatched or missing:
        sys.exit(1)


if __name__ == "__main__":
    main()
