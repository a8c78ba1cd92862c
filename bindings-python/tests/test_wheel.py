"""The built wheel installs into a fresh virtual environment and works there."""

from __future__ import annotations

import subprocess
import venv
import zipfile
from pathlib import Path

import ctpat
from conftest import ROOT

WHEELS = sorted((ROOT / "target" / "wheels").glob("ctpat-*.whl"))


def test_wheel_metadata_is_abi3_with_the_crate_version() -> None:
    assert WHEELS, "no wheel in target/wheels: ./run test builds one first"
    wheel = WHEELS[-1]
    assert f"ctpat-{ctpat.__version__}-" in wheel.name
    assert "-cp310-abi3-" in wheel.name
    with zipfile.ZipFile(wheel) as z:
        meta_name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        meta = z.read(meta_name).decode()
        names = z.namelist()
    assert "Name: ctpat" in meta
    assert f"Version: {ctpat.__version__}" in meta
    assert "Requires-Python: >=3.10" in meta
    assert "Classifier: Typing :: Typed" in meta
    assert "ctpat/py.typed" in names and "ctpat/__init__.pyi" in names


def test_wheel_installs_into_a_fresh_venv(tmp_path: Path) -> None:
    assert WHEELS, "no wheel in target/wheels: ./run test builds one first"
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-index", "--disable-pip-version-check", str(WHEELS[-1])],
        check=True,
    )
    out = subprocess.run(
        [str(python), "-c", "import ctpat; print(ctpat.__version__, ctpat.check_identifier('scac', 'qwrt').normalized)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.split()
    assert out == [ctpat.__version__, "QWRT"]


def test_requirements_are_exact_pins_from_the_registry() -> None:
    lines = [
        line.strip()
        for line in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines
    loose = [line for line in lines if "==" not in line or "@" in line or line.startswith("-")]
    assert loose == [], "requirements-dev.txt must hold only name==version pins"
