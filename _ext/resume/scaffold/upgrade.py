"""``make upgrade FROM=<a newer checkout of this project>``: the site's machinery
replaced with the newer version's.

    python -m resume.scaffold.upgrade --from CHECKOUT [SITE]

Only the files of :mod:`.machinery` are added, replaced or removed; every page,
``conf.py`` (the person block), the README, the guide and the bibliography stay
byte for byte. Prints what changed, one line a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from resume.scaffold.machinery import apply_upgrade, plan_upgrade


def _is_checkout(path: Path) -> bool:
    return (path / "_ext" / "resume" / "scaffold" / "machinery.py").is_file() and (path / "Makefile").is_file()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make upgrade", description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--from", dest="source", required=True, help="a newer checkout of this project")
    parser.add_argument("site", nargs="?", default=".", help="the site to upgrade (this folder)")
    parser.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    args = parser.parse_args(argv)
    site, source = Path(args.site).resolve(), Path(args.source).resolve()
    if not _is_checkout(source):
        print(
            f"make upgrade: {source} is not a checkout of this project (no _ext/resume); nothing changed",
            file=sys.stderr,
        )
        return 2
    if not (site / "conf.py").is_file():
        print(f"make upgrade: {site} has no conf.py, it is not a site; nothing changed", file=sys.stderr)
        return 2
    if site == source:
        print("make upgrade: FROM is this site itself; nothing changed", file=sys.stderr)
        return 2
    changes = plan_upgrade(site, source)
    lines = changes.lines()
    if not lines:
        print(f"make upgrade: the machinery is already the same as {source}'s; nothing changed")
        return 0
    if not args.dry_run:
        apply_upgrade(site, source, changes)
    verb = "would change" if args.dry_run else "changed"
    counts = f"{len(changes.added)} added, {len(changes.changed)} changed, {len(changes.removed)} removed"
    print(f"make upgrade: {verb} the machinery from {source} ({counts}); pages and conf.py untouched:")
    print("\n".join(lines))
    if not args.dry_run:
        print("Next: make html && make test (the README of the newer checkout says what is new)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
