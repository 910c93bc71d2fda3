"""Supply chain: every locked dependency pinned with hashes, installed as locked, and audited for known holes.

Four checks, one JSON line. Only the fourth needs the network: without it, what can be checked here
is that what is installed is exactly what was locked, file by file (1-3), not whether a locked
version has a known vulnerability (4).

1. `requirements.lock` (written by pip-compile --generate-hashes; `make` installs it with
   `pip install --require-hashes`): every requirement is pinned to one version (`==`) and carries at
   least one sha256 hash, so no install can pick another file than the one locked;
2. the virtual environment holds exactly the locked versions (a package installed beside the lock,
   or at another version, is listed);
3. every file of every locked package in the environment still has the sha256 its wheel's RECORD
   gives (offline: a file changed after install, by hand or by something malicious, is listed);
4. `pip-audit -r requirements.lock --no-deps --disable-pip` queries PyPI's vulnerability data for
   each pinned version. Without network access PyPI cannot be reached and pip-audit lists every
   dependency as "not found": the line then says `"vulnerability_data": "unreachable"` and how many
   were audited (0), rather than claiming a clean bill.

    .venv/bin/python benchmarks/audit.py [--lock requirements.lock] [--service pypi|osv]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(?P<op>==|>=|<=|~=|!=|>|<)?"
                         r"\s*(?P<version>[^\s;\\]*)")


def normalise(name: str) -> str:
    """A distribution name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_requirements(lock: Path) -> dict[str, dict]:
    """Each requirement of a pip-compile lock file: its operator, version and number of hashes."""
    found: dict[str, dict] = {}
    current: str | None = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or (stripped.startswith("--") and not line.startswith(" ")):
            continue
        if stripped.startswith("--hash=") and current:
            found[current]["hashes"] += stripped.startswith("--hash=sha256:")
            continue
        match = REQUIREMENT.match(stripped)
        if match and not line.startswith(" "):
            current = normalise(match["name"])
            found[current] = {"op": match["op"], "version": match["version"], "hashes": 0}
    return found


def installed_mismatches(locked: dict[str, dict]) -> list[str]:
    """Locked packages missing from the environment or installed at another version."""
    wrong = []
    for name, req in sorted(locked.items()):
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong.append(f"{name}: locked {req['version']}, not installed")
            continue
        if have != req["version"]:
            wrong.append(f"{name}: locked {req['version']}, installed {have}")
    return wrong


def changed_files(locked: dict[str, dict]) -> dict:
    """Installed files of the locked packages whose content no longer has the sha256 of their RECORD."""
    checked, changed = 0, []
    for name in sorted(locked):
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or []:
            if not file.hash or file.hash.mode != "sha256":
                continue  # RECORD itself, and .pyc files written after install, carry no hash
            try:
                digest = hashlib.sha256(file.locate().read_bytes()).digest()
            except OSError:
                changed.append(f"{name}: {file} missing")
                continue
            checked += 1
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != file.hash.value:
                changed.append(f"{name}: {file}")
    return {"files_checked": checked, "changed": changed}


def run_pip_audit(lock: Path, service: str) -> dict:
    """pip-audit over the pinned versions: how many were audited, skipped (and why), and the holes found."""
    command = [str(Path(sys.executable).parent / "pip-audit"), "-r", str(lock), "--no-deps", "--disable-pip",
               "-s", service, "-f", "json", "--progress-spinner", "off", "--timeout", "10"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"vulnerability_data": "unreachable", "audited": 0, "error": last[:200]}
    deps = report.get("dependencies", [])
    skipped = [d for d in deps if "skip_reason" in d]
    holes = [{"name": d["name"], "version": d["version"], "ids": [v["id"] for v in d.get("vulns", [])]}
             for d in deps if d.get("vulns")]
    return {"vulnerability_data": "unreachable" if deps and len(skipped) == len(deps) else "queried",
            "audited": len(deps) - len(skipped), "skipped": len(skipped),
            "skip_reason_example": skipped[0]["skip_reason"] if skipped else None, "vulnerable": holes}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements.lock")
    parser.add_argument("--service", choices=["pypi", "osv"], default="pypi")
    args = parser.parse_args(argv)
    locked = locked_requirements(args.lock)
    unpinned = sorted(n for n, r in locked.items() if r["op"] != "==")
    unhashed = sorted(n for n, r in locked.items() if r["hashes"] == 0)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    out = {"locked": len(locked), "unpinned": unpinned, "without_hash": unhashed,
           "hashes": sum(r["hashes"] for r in locked.values()),
           "make_requires_hashes": "--require-hashes -r requirements.lock" in makefile,
           "installed_mismatches": installed_mismatches(locked), "installed_files": changed_files(locked),
           "pip_audit": run_pip_audit(args.lock, args.service)}
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
