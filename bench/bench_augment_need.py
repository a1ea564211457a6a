"""Does small-data-augment need augmentation? The reference network trained on an instance's
one-pose images with and without its augmentation layers, scored on the held-out images.

    python bench/bench_augment_need.py shapes [--seed 1]

Prints the held-out accuracy of: no augmentation, RandomContrast(0.001) only (a layer that
satisfies "has an augmentation layer" without moving a pixel), and the reference's geometric
augmentation. Figures in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("instance")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    import keras
    import numpy as np

    from drill.data import image_sets
    from helpers import heldout_data

    x, y = image_sets.get("few", args.instance).part("train")
    xh, yh = heldout_data().image_set("few", args.instance)
    x, xh = x.astype("float32"), xh.astype("float32")
    turn = {"letters": 0.08}.get(args.instance, 0.5)

    def run(augment):
        keras.utils.set_random_seed(args.seed)
        model = keras.Sequential([
            keras.Input(shape=(32, 32, 3)), keras.layers.Rescaling(1 / 255), *augment,
            keras.layers.Conv2D(32, 3, activation="relu"), keras.layers.MaxPooling2D(),
            keras.layers.Conv2D(64, 3, activation="relu"), keras.layers.MaxPooling2D(),
            keras.layers.Conv2D(64, 3, activation="relu"), keras.layers.GlobalMaxPooling2D(),
            keras.layers.Dropout(0.3), keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(len(np.unique(y)), activation="softmax"),
        ])
        model.compile(optimizer=keras.optimizers.Adam(0.002), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
        start = time.monotonic()
        model.fit(x, y, epochs=75, batch_size=16, verbose=0)
        return float(model.evaluate(xh, yh, verbose=0)[1]), time.monotonic() - start

    for name, layers in (("none", []), ("RandomContrast(0.001)", [keras.layers.RandomContrast(0.001)]),
                         ("geometric", [keras.layers.RandomRotation(turn), keras.layers.RandomTranslation(0.2, 0.2),
                                        keras.layers.RandomZoom(0.3)])):
        accuracy, took = run(layers)
        print(f"{args.instance} augmentation {name}: accuracy {accuracy:.3f} ({took:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
