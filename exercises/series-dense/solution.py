"""Reference solution: a dense forecaster on windows of a generated series."""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import SYNTH_WINDOW, synthetic_series

INSTANCE = "trend-and-seasons"


def make_windows(values, width, batch, buffer):
    """(width values, the value after them) pairs, one per day, shuffled and batched.

    A 2-D view of the series holds every run of width + 1 days as a row.
    """
    rows = np.lib.stride_tricks.sliding_window_view(np.asarray(values, dtype="float32"), width + 1)
    ds = tf.data.Dataset.from_tensor_slices((rows[:, :-1], rows[:, -1]))  # the past, the next day
    if buffer > 1:
        ds = ds.shuffle(buffer, seed=0)
    return ds.batch(batch).prefetch(1)


def solution_model():
    time, series = synthetic_series(INSTANCE)
    keras.utils.set_random_seed(7)

    # the last 100 days of the training part check the model during training
    train = make_windows(series[:1000], SYNTH_WINDOW, batch=32, buffer=1000)
    valid = make_windows(series[1000 - SYNTH_WINDOW:], SYNTH_WINDOW, batch=128, buffer=1)

    model = keras.Sequential([
        keras.Input(shape=(SYNTH_WINDOW,)),
        keras.layers.Dense(20, activation="relu"),
        keras.layers.Dense(10, activation="relu"),
        keras.layers.Dense(1),
    ])
    # Huber: squared error for small misses, absolute for big ones (the noise has outliers)
    model.compile(optimizer=keras.optimizers.Adam(0.001), loss=keras.losses.Huber(), metrics=["mae"])
    stop = keras.callbacks.EarlyStopping(monitor="val_mae", patience=10, restore_best_weights=True)
    model.fit(train, validation_data=valid, epochs=80, callbacks=[stop], verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
