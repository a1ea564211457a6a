"""Run inside a subprocess by ``drill doctor``: import TensorFlow, look for a GPU, and time a tiny
image classifier and a tiny text classifier end to end (fit, save as .h5, load back, predict).

Prints one JSON object on stdout. This is one of the two places TensorFlow is imported.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time


def _quiet_import():
    # TensorFlow prints to fd 2 while importing; silence exactly that, not the whole run.
    saved = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    try:
        import tensorflow as tf  # noqa: PLC0415
        import keras  # noqa: PLC0415
    finally:
        os.dup2(saved, 2)
        os.close(null)
        os.close(saved)
    return tf, keras


def _image_run(keras, folder: str) -> float:
    import numpy as np

    start = time.perf_counter()
    rng = np.random.default_rng(0)
    x = rng.random((256, 28, 28, 1), dtype="float32")
    y = (x[:, :14].mean(axis=(1, 2, 3)) > x[:, 14:].mean(axis=(1, 2, 3))).astype("int32")
    model = keras.Sequential([
        keras.Input((28, 28, 1)),
        keras.layers.Conv2D(8, 3, activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Flatten(),
        keras.layers.Dense(2, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=2, batch_size=32, verbose=0)
    path = os.path.join(folder, "image.h5")
    model.save(path)
    keras.models.load_model(path, compile=False).predict(x[:4], verbose=0)
    return time.perf_counter() - start


def _text_run(keras, folder: str) -> float:
    import numpy as np

    start = time.perf_counter()
    words = ["good", "great", "fine", "bad", "awful", "poor", "the", "a", "movie", "plot"]
    rng = np.random.default_rng(1)
    labels = rng.integers(0, 2, 256)
    texts = [" ".join(rng.choice(words[:3] if label else words[3:6], 3)) + " the movie" for label in labels]
    vectorize = keras.layers.TextVectorization(max_tokens=50, output_sequence_length=8)
    vectorize.adapt(texts)
    x = vectorize(np.array(texts)).numpy()
    model = keras.Sequential([
        keras.Input((8,)),
        keras.layers.Embedding(50, 8),
        keras.layers.GlobalAveragePooling1D(),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(x, labels, epochs=2, batch_size=32, verbose=0)
    path = os.path.join(folder, "text.h5")
    model.save(path)
    keras.models.load_model(path, compile=False).predict(x[:4], verbose=0)
    return time.perf_counter() - start


def main() -> int:
    report: dict = {}
    started = time.perf_counter()
    try:
        tf, keras = _quiet_import()
    except Exception as error:  # any import failure is the finding itself
        print(json.dumps({"import_error": f"{type(error).__name__}: {error}"}))
        return 0
    report["import_s"] = round(time.perf_counter() - started, 2)
    report["tf_version"] = tf.__version__
    report["keras_version"] = keras.__version__
    report["tf_keras_version"] = getattr(tf.keras, "__version__", keras.__version__)
    report["gpus"] = [getattr(d, "name", str(d)) for d in tf.config.list_physical_devices("GPU")]
    report["built_with_cuda"] = bool(tf.test.is_built_with_cuda())
    with tempfile.TemporaryDirectory() as folder:
        for name, run in (("image", _image_run), ("text", _text_run)):
            try:
                report[f"{name}_s"] = round(run(keras, folder), 2)
            except Exception as error:
                report[f"{name}_error"] = f"{type(error).__name__}: {error}"[:500]
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
