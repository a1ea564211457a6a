"""Reference solution: a dense forecaster on windows of a generated series."""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import SYNTH_WINDOW, synthetic_series


def windowed_dataset(series, window_size, batch_size, shuffle_buffer):
    """(window of window_size values, the value after it) pairs, shuffled and batched."""
    ds = tf.data.Dataset.from_tensor_slices(series)
    ds = ds.window(window_size + 1, shift=1, drop_remainder=True)
    ds = ds.flat_map(lambda w: w.batch(window_size + 1))  # each window as one tensor
    ds = ds.shuffle(shuffle_buffer, seed=0)
    ds = ds.map(lambda w: (w[:-1], w[-1]))  # features: the past, label: the next value
    return ds.batch(batch_size).cache().prefetch(1)


def solution_model():
    time, series = synthetic_series()
    keras.utils.set_random_seed(7)

    # the last 100 days of the training part check the model during training
    train = windowed_dataset(series[:1000], SYNTH_WINDOW, batch_size=32, shuffle_buffer=1000)
    valid = windowed_dataset(series[1000 - SYNTH_WINDOW:], SYNTH_WINDOW, batch_size=32, shuffle_buffer=1)

    model = keras.Sequential([
        keras.Input(shape=(SYNTH_WINDOW,)),
        keras.layers.Dense(20, activation="relu"),
        keras.layers.Dense(10, activation="relu"),
        keras.layers.Dense(1),
    ])
    # Huber: squared error for small misses, absolute for big ones (the noise has outliers)
    model.compile(optimizer=keras.optimizers.Adam(0.001), loss=keras.losses.Huber(), metrics=["mae"])
    stop = keras.callbacks.EarlyStopping(monitor="val_mae", patience=15, restore_best_weights=True)
    model.fit(train, validation_data=valid, epochs=150, callbacks=[stop], verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
