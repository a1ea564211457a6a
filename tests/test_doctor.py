"""drill doctor: the real machine passes; a broken environment fails with the right hint."""

import json
import os
from collections import namedtuple
from importlib import metadata

import pytest

from drill.cli import main
from drill.doctor import check_packages, check_python, check_resources, passed, probe_findings, run_doctor

Usage = namedtuple("Usage", "total used free")
GOOD_PROBE = {"import_s": 2.0, "tf_version": "2.21.0", "keras_version": "3.15.1", "gpus": [], "image_s": 1.5, "text_s": 0.9}


def versions(**installed):
    def version(name):
        if name not in installed:
            raise metadata.PackageNotFoundError(name)
        return installed[name]
    return version


def test_missing_package_fails_with_install_hint():
    findings = check_packages(versions(tensorflow="2.21.0", keras="3.15.1"))
    h5 = next(f for f in findings if f.name == "h5py")
    assert h5.status == "fail" and h5.hint.startswith("pip install h5py")
    assert not passed(findings)


@pytest.mark.parametrize(("tf", "keras", "status"), [("2.21.0", "3.15.1", "ok"), ("2.21.0", "2.15.0", "fail"), ("2.15.1", "3.0.0", "fail"), ("2.15.1", "2.15.0", "ok")])
def test_tensorflow_keras_pairing(tf, keras, status):
    pair = next(f for f in check_packages(versions(tensorflow=tf, keras=keras, h5py="3.14.0")) if f.name == "TF/Keras pair")
    assert pair.status == status


def test_old_python_fails():
    assert check_python((3, 8, 10)).status == "fail" and check_python((3, 11, 7)).status == "ok"


def test_low_disk_fails_and_unwritable_folder_fails(tmp_path):
    low = check_resources(tmp_path, disk_usage=lambda _: Usage(10, 9, 1024**3), memory_gb=lambda: 8.0)
    assert next(f for f in low if f.name == "free disk").status == "fail"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root ignores permission bits: put a file where the folder goes
            locked.chmod(0o700)
            locked.rmdir()
            locked.write_text("in the way")
        findings = check_resources(locked, disk_usage=lambda _: Usage(10, 1, 100 * 1024**3), memory_gb=lambda: 8.0)
        assert next(f for f in findings if f.name == "data folder").status == "fail"
    finally:
        if locked.is_dir():
            locked.chmod(0o700)


def test_probe_failures_become_findings():
    assert probe_findings({"import_error": "ImportError: libcudart.so"}, has_nvidia=False)[0].status == "fail"
    gpu = next(f for f in probe_findings(GOOD_PROBE, has_nvidia=True) if f.name == "GPU")
    assert gpu.status == "warn" and "[gpu]" in gpu.hint
    cpu = next(f for f in probe_findings(GOOD_PROBE, has_nvidia=False) if f.name == "GPU")
    assert cpu.status == "info"
    broken = probe_findings({**GOOD_PROBE, "text_error": "ValueError: boom"}, has_nvidia=False)
    assert not passed(broken)


def test_run_doctor_with_a_fake_probe_passes(tmp_path):
    assert passed(run_doctor(tmp_path, probe=lambda: GOOD_PROBE))


def test_quick_json_output(drill_home, capsys):
    assert main(["doctor", "--quick", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["passed"] is True and {f["name"] for f in report["findings"]} >= {"Python", "tensorflow", "data folder"}


@pytest.mark.slow
def test_doctor_passes_on_this_machine(drill_home, capsys):
    """The real thing: TensorFlow imports in a subprocess and two tiny trainings run."""
    code = main(["doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0, report
    names = {f["name"]: f for f in report["findings"]}
    assert names["tiny image classifier"]["status"] in ("ok", "warn")
    assert names["tiny text classifier"]["status"] in ("ok", "warn")


# --- the exam's status and era (issue 14) -----------------------------------------------------


def test_exam_era_lines_name_both_stacks_and_the_keras3_differences():
    from drill.doctor import EXAM_ENDED, exam_era_findings

    findings = {f.name: f for f in exam_era_findings(versions(tensorflow="2.21.0", keras="3.15.1"))}
    assert f"stopped being offered in {EXAM_ENDED}" in findings["exam status"].detail
    era = findings["exam-era versions"].detail
    assert "tf.keras (Keras 2)" in era and "here: TensorFlow 2.21.0 with Keras 3.15.1" in era
    assert {"Keras 3: .h5 files", "Keras 3: loss strings", "Keras 3: TextVectorization"} <= set(findings)
    assert '"mean_squared_error"' in findings["Keras 3: loss strings"].hint
    assert all(f.status == "info" for f in findings.values())     # notes, never a failure


def test_exam_era_lines_on_keras2_and_without_tensorflow():
    from drill.doctor import exam_era_findings

    keras2 = [f.name for f in exam_era_findings(versions(tensorflow="2.15.1", keras="2.15.0"))]
    assert keras2 == ["exam status", "exam-era versions"]           # same Keras as the exam: no differences
    missing = {f.name: f for f in exam_era_findings(versions())}
    assert "not installed" in missing["exam-era versions"].detail


def test_doctor_shows_the_exam_lines_and_still_passes(drill_home, capsys):
    assert main(["doctor", "--quick", "--json"]) == 0
    names = [f["name"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert names.index("exam status") < names.index("exam-era versions") < names.index("data folder")


def test_readme_and_exam_day_note_state_the_same_end_date():
    from pathlib import Path

    from drill.doctor import EXAM_ENDED

    root = Path(__file__).resolve().parents[1]
    readme = " ".join((root / "README.md").read_text(encoding="utf-8").split())
    note = " ".join((root / "notes" / "exam-day.md").read_text(encoding="utf-8").split())
    assert f"stopped offering the TensorFlow Developer Certificate exam in {EXAM_ENDED}" in readme
    assert f"ran from 2020 until {EXAM_ENDED}" in note and "no longer offered" in note


def test_doctor_says_how_checks_protect_the_data(monkeypatch):
    from drill.check import confine
    from drill.doctor import check_sandbox

    hidden = check_sandbox(lambda: {"level": confine.NAMESPACE, "why": ""})
    assert hidden.status == "ok" and confine.WORDS[confine.NAMESPACE] in hidden.detail
    plain = check_sandbox(lambda: {"level": confine.SCRATCH, "why": "unshare: Operation not permitted"})
    assert plain.status == "warn" and confine.WORDS[confine.SCRATCH] in plain.detail and "not permitted" in plain.detail
    monkeypatch.setenv(confine.ENV_SWITCH, "0")
    assert "off" in check_sandbox().detail
    monkeypatch.delenv(confine.ENV_SWITCH)
    assert check_sandbox().detail.startswith(confine.WORDS[confine.probe()["level"]])  # the real probe, this machine
