"""TensorFlow + Keras import in a check, light (scikit-learn, pandas, matplotlib kept out while
Keras loads) against full, alternating in fresh interpreters; prints which of the three ended up
imported.

    python bench/bench_light_import.py
"""
import subprocess, sys, time, statistics
CODE = {"light": "from drill.check.harness import import_tensorflow_quietly as f; f(light=True); import sys; print(sorted(m for m in ('sklearn','pandas','matplotlib') if m in sys.modules))",
        "full": "from drill.check.harness import import_tensorflow_quietly as f; f(light=False); import sys; print(sorted(m for m in ('sklearn','pandas','matplotlib') if m in sys.modules))"}
times = {"light": [], "full": []}
for i in range(3):
    for k in ("light", "full"):
        t = time.monotonic()
        out = subprocess.run([sys.executable, "-c", CODE[k]], capture_output=True, text=True).stdout.strip()
        times[k].append(time.monotonic() - t)
        print(k, round(times[k][-1], 1), out, flush=True)
print({k: round(statistics.median(v), 2) for k, v in times.items()}, "ratio", round(statistics.median(times["light"]) / statistics.median(times["full"]), 2))
