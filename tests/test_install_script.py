"""``scripts/install.sh`` on a machine whose apt is busy and whose python3 is the system's (issue #13).

The script runs for real, with stand-ins on ``PATH`` for what it must not touch from a test: ``apt-get`` (which
says its lock is held, twice, as while an unattended upgrade runs), ``sudo``, and the machine's ``python3`` (which,
like Debian's, must never be asked to ``pip install``). The stand-ins write down every call.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "install.sh"

LOCKED = "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)"


def stand_in(path: Path, body: str) -> None:
    path.write_text("#!/usr/bin/env bash\n" + body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


@pytest.fixture
def machine(tmp_path: Path) -> dict[str, Path]:
    """A folder of stand-ins and the log they write to."""
    if shutil.which("bash") is None:
        pytest.skip("install.sh is a bash script")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    tries = tmp_path / "apt-tries"
    stand_in(
        bin_dir / "apt-get",
        f'echo "apt-get $*" >> {log}\n'
        f"n=$(cat {tries} 2>/dev/null || echo 0); echo $((n + 1)) > {tries}\n"
        f'if [ "$n" -lt 2 ]; then echo "{LOCKED}" >&2; exit 100; fi\n'
        "exit 0\n",
    )
    stand_in(bin_dir / "sudo", f'echo "sudo $*" >> {log}\nexec "$@"\n')
    venv_python = f'echo "venv-python $*" >> {log}\nexit 0\n'
    stand_in(
        bin_dir / "python3",
        f'echo "system-python $*" >> {log}\n'
        'if [ "$1" = -m ] && [ "$2" = venv ]; then\n'
        '  mkdir -p "$3/bin"\n'
        f"  cat > \"$3/bin/python\" <<'EOF'\n#!/usr/bin/env bash\n{venv_python}EOF\n"
        '  chmod +x "$3/bin/python"\n'
        '  printf "#!/bin/sh\\n" > "$3/bin/unconvert"; chmod +x "$3/bin/unconvert"\n'
        "fi\n"
        "exit 0\n",
    )
    return {"bin": bin_dir, "log": log, "venv": tmp_path / "venv", "link": tmp_path / "links"}


def run_install(machine: dict[str, Path]) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{machine['bin']}{os.pathsep}{os.environ['PATH']}",
        "UNCONVERT_PYTHON": "python3",
        "UNCONVERT_VENV": str(machine["venv"]),
        "UNCONVERT_BIN": str(machine["link"]),
        "UNCONVERT_APT_RETRY": "0",
        "UNCONVERT_WITH_LIBREOFFICE": "0",
    }
    return subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=120)


def test_install_waits_for_a_busy_apt_then_installs(machine: dict[str, Path]) -> None:
    done = run_install(machine)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("apt is busy") == 2
    calls = machine["log"].read_text(encoding="utf-8").splitlines()
    apt = [c.split("apt-get ", 1)[1] for c in calls if c.startswith("apt-get ")]
    assert len(apt) == 4  # update refused twice, then update, then install
    assert all("DPkg::Lock::Timeout=600" in c for c in apt)
    assert [c.split()[2] for c in apt] == ["update", "update", "update", "install"]
    assert "fonts-liberation2" in apt[-1] and "zbar-tools" in apt[-1]


def test_install_leaves_the_system_pip_alone(machine: dict[str, Path]) -> None:
    done = run_install(machine)
    assert done.returncode == 0, done.stderr
    calls = machine["log"].read_text(encoding="utf-8").splitlines()
    system = [c for c in calls if c.startswith("system-python ")]
    assert system, "the machine's python3 makes the virtual environment"
    assert not [c for c in system if " pip" in c], f"the machine's pip was used: {system}"
    assert f"system-python -m venv {machine['venv']}" in system
    pip = [c for c in calls if c.startswith("venv-python -m pip install")]
    assert len(pip) == 1 and "-e .[test]" in pip[0]
    link = machine["link"] / "unconvert"
    assert link.is_symlink() and Path(os.readlink(link)) == machine["venv"] / "bin" / "unconvert"


def test_install_is_safe_to_run_again(machine: dict[str, Path]) -> None:
    assert run_install(machine).returncode == 0
    machine["log"].write_text("", encoding="utf-8")
    again = run_install(machine)
    assert again.returncode == 0, again.stderr
    calls = machine["log"].read_text(encoding="utf-8").splitlines()
    assert not [c for c in calls if c.startswith("system-python -m venv")], "a working environment is kept"
    assert (machine["link"] / "unconvert").is_symlink()
