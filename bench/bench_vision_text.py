"""Bars for the vision and text drills' instances: the reference on several seeds and a weak
model (the reference trained one epoch), trained in this process and scored on the held-out
rows exactly as the grader does (``heldout(model, instance)`` then ``metrics.compute``).

    python bench/bench_vision_text.py DRILL [--instance ID ...] [--seeds 0 1 2] [--no-weak]

Faster than full checks (one TensorFlow import for every run), so it suits setting bars; the
check time of an instance is measured by ``bench/bench_instances.py`` (full checks). Prints one
line per run and one summary per instance: the reference's min / max and its margin over the
5/5 bar. Run one drill at a time: the machine is shared.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import os
import re
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED_RE = re.compile(r"set_random_seed\(\s*\d+\s*\)")
EPOCHS_RE = re.compile(r"\bepochs\s*=\s*\d+")
INSTANCE_RE = re.compile(r'^INSTANCE\s*=\s*["\'][^"\']*["\']', re.M)


def load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_once(folder: Path, instance: str, seed: int, weak: bool, metric: str):
    import keras

    from drill.check.metrics import compute

    code = (folder / "solution.py").read_text(encoding="utf-8")
    code = INSTANCE_RE.sub(f'INSTANCE = "{instance}"', code, count=1)
    code = SEED_RE.sub(f"set_random_seed({seed})", code)
    if weak:
        code = EPOCHS_RE.sub("epochs=1", code)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "solution.py"
        path.write_text(code, encoding="utf-8")
        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            keras.backend.clear_session()
            t0 = time.monotonic()
            with contextlib.redirect_stdout(io.StringIO()):
                model = load_module(path, f"ref_{seed}_{weak}").solution_model()
            took = time.monotonic() - t0
            suffix = ".keras" if 'save("mymodel.keras")' in code else ".h5"
            model.save(Path(tmp) / f"mymodel{suffix}")
            model = keras.models.load_model(Path(tmp) / f"mymodel{suffix}", compile=False)
        finally:
            os.chdir(cwd)
    from drill.check.grader import load_heldout

    x, y = load_heldout(folder / "heldout.py")(model, instance)
    return compute(metric, model.predict(x, verbose=0, batch_size=256), y), took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drill")
    parser.add_argument("--instance", action="append")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--no-weak", action="store_true")
    args = parser.parse_args()
    folder = ROOT / "exercises" / args.drill
    raw = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))
    metric = raw["metric"]["name"]
    instances = {i["id"]: i for i in raw.get("instances", [])}
    for inst in args.instance or list(instances):
        bars = instances[inst].get("bars") or raw["metric"]["bars"]
        values = []
        for seed in args.seeds:
            value, took = run_once(folder, inst, seed, False, metric)
            values.append(value)
            print(f"{args.drill}:{inst} reference seed {seed}: {metric}={value:.4f} train {took:.1f} s", flush=True)
        if not args.no_weak:
            value, took = run_once(folder, inst, args.seeds[0], True, metric)
            print(f"{args.drill}:{inst} weak (1 epoch): {metric}={value:.4f} train {took:.1f} s", flush=True)
        lower = metric in ("mse", "mae")
        worst = max(values) if lower else min(values)
        print(f"SUMMARY {args.drill}:{inst} reference {min(values):.4f}..{max(values):.4f} bar5={bars[4]} "
              f"margin={(bars[4] - worst) if lower else (worst - bars[4]):+.4f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
