"""Reference solution: the next value of a real series from the last 30, with a Dense network."""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import UNIVARIATE_WINDOW, min_max, normalize, univariate

INSTANCE = "sunspots"


def make_windows(values, width, batch, buffer):
    """(width values, the value after them) pairs, one per step, shuffled and batched."""
    rows = np.lib.stride_tricks.sliding_window_view(np.asarray(values, dtype="float32"), width + 1)
    ds = tf.data.Dataset.from_tensor_slices((rows[:, :-1], rows[:, -1]))
    if buffer > 1:
        ds = ds.shuffle(buffer, seed=0)
    return ds.batch(batch).prefetch(1)


def solution_model():
    values = univariate(INSTANCE)
    lo, hi = min_max(values)
    series = normalize(values, lo, hi)  # the grader scales the held-out part the same way
    keras.utils.set_random_seed(7)

    split = len(series) - len(series) // 10  # the last tenth validates
    train = make_windows(series[:split], UNIVARIATE_WINDOW, batch=32, buffer=1000)
    valid = make_windows(series[split - UNIVARIATE_WINDOW:], UNIVARIATE_WINDOW, batch=256, buffer=1)

    model = keras.Sequential([
        keras.Input(shape=(UNIVARIATE_WINDOW,)),
        keras.layers.Dense(30, activation="relu"),
        keras.layers.Dense(10, activation="relu"),
        keras.layers.Dense(1),
    ])
    # train on the graded metric itself; the learning rate decays over the epochs so the last
    # ones settle instead of hopping around the minimum
    epochs = 20
    steps = epochs * int(np.ceil((split - UNIVARIATE_WINDOW) / 32))
    rate = keras.optimizers.schedules.CosineDecay(0.002, decay_steps=steps, alpha=0.05)
    model.compile(optimizer=keras.optimizers.Adam(rate), loss="mean_absolute_error", metrics=["mae"])
    stop = keras.callbacks.EarlyStopping(monitor="val_mae", patience=5, restore_best_weights=True)
    model.fit(train, validation_data=valid, epochs=epochs, callbacks=[stop], verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
