"""The lighter TensorFlow import in checks (issue 15.4) and the GPU path's own parts (15.6):
when fork is unsafe, how a GPU is named and used, and that the result panel says which device."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import datetime, timezone

import pytest
from rich.console import Console

from drill.check.console import result_group
from drill.check.harness import device_event, imports_heavy
from drill.check.result import CheckResult
from drill.check.warm import fork_is_safe
from test_check_hostile import make_spec


@pytest.mark.parametrize("line", ["import sklearn", "from sklearn.model_selection import train_test_split",
                                  "import pandas as pd", "from pandas import DataFrame", "import matplotlib.pyplot as plt"])
def test_a_file_that_imports_sklearn_pandas_or_matplotlib_gets_the_full_import(tmp_path, line):
    (tmp_path / "solution.py").write_text("import tensorflow as tf\n# pandas would be handy here\nNAME = 'import pandas'\n")
    assert not imports_heavy(tmp_path)  # a comment or a string is not an import
    (tmp_path / "helpers.py").write_text(f"def f():\n    {line}\n")  # any .py of the folder, at any depth of code
    assert imports_heavy(tmp_path)


@pytest.mark.slow
def test_the_light_import_keeps_keras_from_loading_sklearn_pandas_and_matplotlib():
    code = ("import sys\nfrom drill.check.harness import HEAVY_IMPORTS, import_tensorflow_quietly\n"
            "import_tensorflow_quietly(light=True)\n"
            "print(sorted(m for m in HEAVY_IMPORTS if m in sys.modules))\n"
            "import sklearn, pandas, matplotlib  # installed here, so Keras would have loaded them\n"
            "print('importable after')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600).stdout.split("\n")
    assert out[:2] == ["[]", "importable after"]


def test_fork_is_off_where_a_gpu_device_node_is_visible(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("CUDA_VISIBLE_DEVICES", raising=False)
    assert fork_is_safe(setting=False, dev=tmp_path) == (True, "")
    (tmp_path / "nvidia0").touch()
    safe, why = fork_is_safe(setting=False, dev=tmp_path)
    assert not safe and "GPU" in why
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "-1")  # GPUs hidden from CUDA: fork is safe again
    assert fork_is_safe(setting=False, dev=tmp_path)[0]
    monkeypatch.setattr(sys, "platform", "darwin")
    safe, why = fork_is_safe(setting=False, dev=tmp_path)
    assert not safe and "macOS" in why
    monkeypatch.setattr(sys, "platform", "win32")
    assert not fork_is_safe(setting=False, dev=tmp_path)[0]


class _FakeGPU:
    name = "/physical_device:GPU:0"


class _FakeTF:
    """What device_event asks of TensorFlow, on a machine with one GPU."""
    __version__ = "2.99.0"

    def __init__(self):
        self.grown: list = []
        tf = self

        class experimental:
            @staticmethod
            def set_memory_growth(gpu, on):
                tf.grown.append((gpu, on))

            @staticmethod
            def get_device_details(gpu):
                return {"device_name": "NVIDIA H200"}

        class config:
            @staticmethod
            def list_physical_devices(kind):
                return [tf.gpu] if kind == "GPU" else []

        config.experimental = experimental
        self.config = config
        self.gpu = _FakeGPU()


class _FakeKeras:
    __version__ = "3.99.0"


def test_a_visible_gpu_is_named_and_gets_memory_growth():
    tf = _FakeTF()
    event = device_event(tf, _FakeKeras())
    assert event.device == "GPU: NVIDIA H200" and event.gpu
    assert tf.grown == [(tf.gpu, True)]  # a check takes the memory it needs, not the whole card


def test_the_result_panel_names_the_device(tmp_path):
    result = CheckResult(drill_id="tiny", score=5, value=1e-5, metric="mse", lower_is_better=True,
                         bars=[1.0, 0.1, 0.01, 1e-3, 1e-4], started_at=datetime(2026, 1, 1, tzinfo=timezone.utc),
                         device="GPU: NVIDIA H200", tf_version="2.99.0", duration_s=3.0)
    console = Console(file=io.StringIO(), width=100)
    console.print(result_group(result, make_spec(tmp_path)))
    assert "GPU: NVIDIA H200" in console.file.getvalue()
