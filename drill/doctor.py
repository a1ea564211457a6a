"""``drill doctor``: is this machine ready for the exam's kind of work, and how does it differ
from the exam's own (retired) environment?

The study log this product grew from warns that environment trouble sinks people on the day.
Each check returns a Finding with a fix hint. The TensorFlow part runs in a subprocess
(``drill.doctor_probe``), so a broken install is reported, never a crash.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

Status = Literal["ok", "warn", "fail", "info"]
MIN_FREE_DISK_GB = 2.0
MIN_FREE_MEMORY_GB = 2.0
SLOW_RUN_S = 60.0

# The certificate's history, stated once: README.md and notes/exam-day.md say the same (a test
# checks). Only what is certain is stated: the exam ran on pinned TF 2.x releases with tf.keras
# (Keras 2); the exact pin changed over the exam's life.
EXAM_ENDED = "May 2024"
EXAM_ERA_STACK = ("TensorFlow 2.x with tf.keras (Keras 2), at versions the exam environment pinned "
                  "(TensorFlow switched to Keras 3 in 2.16)")
KERAS3_DIFFERENCES = (
    (".h5 files", "the exam graded mymodel.h5; Keras 3 still writes and reads .h5 but calls it legacy (.keras is native)",
     "save the .h5 a task asks for; reload it with keras.models.load_model before handing it in"),
    ("loss strings", 'a model compiled with loss="mse" or "mae" and saved as .h5 does not load in Keras 3',
     'compile with "mean_squared_error" / "mean_absolute_error" (or a loss object), or load with compile=False'),
    ("TextVectorization", "an .h5 file does not store the layer's vocabulary: reloaded, every word is [UNK]",
     "keep the vectorizer outside the saved model (the exam fed token ids), or save as .keras"),
)


@dataclass(frozen=True)
class Finding:
    """One line of the report."""

    name: str
    status: Status
    detail: str
    hint: str = ""


def check_python(version: tuple[int, int, int] = tuple(sys.version_info[:3])) -> Finding:  # type: ignore[assignment]
    text = ".".join(map(str, version))
    if version < (3, 11):
        return Finding("Python", "fail", text, "drill needs Python 3.11 or newer; install it and recreate the venv")
    return Finding("Python", "ok", f"{text} ({sys.executable})")


def _major_minor(version: str) -> tuple[int, int]:
    parts = (version.split(".") + ["0"])[:2]
    return int("".join(c for c in parts[0] if c.isdigit()) or 0), int("".join(c for c in parts[1] if c.isdigit()) or 0)


def check_packages(version: Callable[[str], str] = metadata.version) -> list[Finding]:
    """TensorFlow, Keras and h5py are installed, and TensorFlow and Keras are a compatible pair."""
    found: dict[str, str] = {}
    findings: list[Finding] = []
    for package, why in (("tensorflow", "trains every drill"), ("keras", "the model API"), ("h5py", "reads and writes .h5 model files")):
        try:
            found[package] = version(package)
            findings.append(Finding(package, "ok", found[package]))
        except metadata.PackageNotFoundError:
            findings.append(Finding(package, "fail", f"not installed ({why})", f"pip install {package}  (or: pip install -e . in the drill folder)"))
    if "tensorflow" in found and "keras" in found:
        tf_v, keras_v = _major_minor(found["tensorflow"]), _major_minor(found["keras"])
        if tf_v >= (2, 16) and keras_v[0] < 3:
            findings.append(Finding("TF/Keras pair", "fail", f"TensorFlow {found['tensorflow']} needs Keras 3, found {found['keras']}", "pip install 'keras>=3'"))
        elif tf_v < (2, 16) and keras_v[0] >= 3:
            findings.append(Finding("TF/Keras pair", "fail", f"TensorFlow {found['tensorflow']} ships Keras 2, found Keras {found['keras']}",
                                    f"pip install 'keras=={tf_v[0]}.{tf_v[1]}.*' or upgrade TensorFlow to 2.16+"))
        else:
            findings.append(Finding("TF/Keras pair", "ok", f"TensorFlow {found['tensorflow']} with Keras {found['keras']}"))
    return findings


def exam_era_findings(version: Callable[[str], str] = metadata.version) -> list[Finding]:
    """The exam's status and versions next to the installed ones, and what differs in practice.

    Informational: none of these lines fails the check.
    """
    try:
        installed = f"TensorFlow {version('tensorflow')} with Keras {version('keras')}"
        keras_major = _major_minor(version("keras"))[0]
    except metadata.PackageNotFoundError:
        installed, keras_major = "TensorFlow or Keras not installed", 0
    findings = [
        Finding("exam status", "info", f"the TensorFlow Developer Certificate exam stopped being offered in {EXAM_ENDED}; "
                "drill keeps its skill checklist as the curriculum and its format as the benchmark"),
        Finding("exam-era versions", "info", f"exam: {EXAM_ERA_STACK}; here: {installed}"),
    ]
    if keras_major >= 3:
        findings += [Finding(f"Keras 3: {name}", "info", detail, hint) for name, detail, hint in KERAS3_DIFFERENCES]
    return findings


def _available_memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        return None
    return None


def check_resources(home: Path, disk_usage=shutil.disk_usage, memory_gb: Callable[[], float | None] = _available_memory_gb) -> list[Finding]:
    """Free disk where the data lives, free memory, and a writable data folder (never created here)."""
    findings = []
    if home is None:
        return [Finding("data folder", "fail", "no data folder: no HOME and no home directory for this user",
                        "choose one with --home DIR (or set DRILL_HOME=DIR)")]
    home = Path(home)
    existing = next((p for p in [home, *home.parents] if p.exists()), Path("/"))
    if not existing.is_dir():
        return [Finding("data folder", "fail", f"{existing} is a file, not a folder",
                        "move that file away, or choose another folder with --home DIR")]
    free = disk_usage(existing).free / 1024**3
    findings.append(
        Finding("free disk", "ok", f"{free:.1f} GB in {home}")
        if free >= MIN_FREE_DISK_GB
        else Finding("free disk", "fail", f"{free:.1f} GB in {home}", f"free at least {MIN_FREE_DISK_GB:.0f} GB: models, data sets and backups need room")
    )
    memory = memory_gb()
    if memory is None:
        findings.append(Finding("free memory", "info", "unknown on this system"))
    else:
        findings.append(
            Finding("free memory", "ok", f"{memory:.1f} GB available")
            if memory >= MIN_FREE_MEMORY_GB
            else Finding("free memory", "warn", f"{memory:.1f} GB available", "close other programs: training needs a few GB")
        )
    if existing != home:  # not made yet: drill creates it on first use, if the folder above lets it
        if os.access(existing, os.W_OK):
            findings.append(Finding("data folder", "ok", f"{home} will be created on first use"))
        else:
            findings.append(Finding("data folder", "fail", f"cannot create {home}: {existing} is not writable",
                                    "choose a writable folder with --home DIR (or set DRILL_HOME=DIR)"))
        return findings
    try:
        with tempfile.NamedTemporaryFile(dir=home, prefix=".doctor-", delete=True) as handle:
            handle.write(b"ok")
            handle.flush()
            os.fsync(handle.fileno())
        findings.append(Finding("data folder", "ok", f"{home} is writable"))
    except OSError as error:
        findings.append(Finding("data folder", "fail", f"{home}: {error.strerror}", "give yourself write access, or point --home / $DRILL_HOME elsewhere"))
    return findings


def run_probe(timeout_s: float = 300.0) -> dict:
    """Run ``drill.doctor_probe`` in a fresh interpreter and return its JSON report."""
    try:
        result = subprocess.run([sys.executable, "-m", "drill.doctor_probe"], capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return {"probe_error": f"the TensorFlow probe took longer than {timeout_s:.0f} s"}
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        return {"probe_error": f"the TensorFlow probe exited with {result.returncode}: {' / '.join(tail)}"}


def nvidia_present() -> bool:
    return shutil.which("nvidia-smi") is not None or Path("/proc/driver/nvidia/version").exists()


def probe_findings(report: dict, has_nvidia: bool) -> list[Finding]:
    """Turn the probe's report into findings."""
    if "probe_error" in report:
        return [Finding("TensorFlow", "fail", report["probe_error"], "reinstall: pip install --force-reinstall tensorflow")]
    if "import_error" in report:
        return [Finding("TensorFlow import", "fail", report["import_error"], "reinstall: pip install --force-reinstall tensorflow")]
    findings = [Finding("TensorFlow import", "ok", f"{report['tf_version']} in {report['import_s']} s (Keras {report['keras_version']})")]
    if report["gpus"]:
        findings.append(Finding("GPU", "ok", ", ".join(report["gpus"])))
    elif has_nvidia:
        findings.append(Finding("GPU", "warn", "an NVIDIA driver is present but TensorFlow sees no GPU",
                                "pip install -e '.[gpu]' (tensorflow[and-cuda]) so TensorFlow finds the CUDA libraries"))
    else:
        findings.append(Finding("GPU", "info", "none: training runs on the CPU (every drill is sized for that)"))
    for name, title in (("image", "tiny image classifier"), ("text", "tiny text classifier")):
        if f"{name}_error" in report:
            findings.append(Finding(title, "fail", report[f"{name}_error"], "read the error; `drill doctor` again after fixing the install"))
        else:
            seconds = report[f"{name}_s"]
            status: Status = "ok" if seconds < SLOW_RUN_S else "warn"
            hint = "" if status == "ok" else "training is slow here: close other programs or use a machine with a GPU"
            findings.append(Finding(title, status, f"trained, saved as .h5, reloaded in {seconds:.1f} s", hint))
    return findings


def check_sandbox(level: Callable[[], dict] | None = None) -> Finding:
    """How a check keeps the learner's data from the learner's code here (``drill.check.confine``)."""
    from drill.check import confine

    if not confine.enabled():
        return Finding("check sandbox", "warn", f"off ({confine.ENV_SWITCH}=0): {confine.WORDS[confine.SCRATCH]}",
                       f"unset {confine.ENV_SWITCH} so checks hide your data folder from the code they run")
    found = (level or confine.probe)()
    words = confine.WORDS[found["level"]]
    if found["level"] == confine.NAMESPACE:
        return Finding("check sandbox", "ok", f"{words} (user, mount and PID namespaces)")
    why = f" — {found['why']}" if found.get("why") else ""
    return Finding("check sandbox", "warn", f"{words}{why}",
                   "on Linux, allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, "
                   "user.max_user_namespaces > 0, or an AppArmor profile for python) so a check can hide your data")


def run_doctor(home: Path, *, runs: bool = True, probe: Callable[[], dict] = run_probe) -> list[Finding]:
    """Every check, in the order a person would fix them."""
    findings = [check_python(), *check_packages(), *exam_era_findings(), *check_resources(home), check_sandbox()]
    if runs:
        findings += probe_findings(probe(), nvidia_present())
    return findings


def passed(findings: list[Finding]) -> bool:
    return not any(f.status == "fail" for f in findings)


def as_json(findings: list[Finding]) -> str:
    return json.dumps({"passed": passed(findings), "findings": [asdict(f) for f in findings]}, indent=2)
