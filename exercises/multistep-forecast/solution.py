"""Reference solution: the next 24 hours of four weather readings from the last 24."""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import WEATHER_FEATURES, WEATHER_FUTURE, WEATHER_PAST, jfk_weather, min_max, normalize

N_FEATURES = len(WEATHER_FEATURES)


def windowed_dataset(series, batch_size, n_past=WEATHER_PAST, n_future=WEATHER_FUTURE, shift=1, shuffle=0):
    """(n_past hours, the n_future hours after them) pairs of all columns, batched."""
    ds = tf.data.Dataset.from_tensor_slices(series)
    ds = ds.window(n_past + n_future, shift=shift, drop_remainder=True)
    ds = ds.flat_map(lambda w: w.batch(n_past + n_future))
    ds = ds.map(lambda w: (w[:n_past], w[n_past:])).cache()
    if shuffle:  # shuffle windows, not batches: neighbouring windows are nearly the same
        ds = ds.shuffle(shuffle, seed=0)
    return ds.batch(batch_size).prefetch(1)


def solution_model():
    hours, values = jfk_weather()
    lo, hi = min_max(values)
    series = normalize(values, lo, hi)  # per column; the grader scales the held-out hours alike
    keras.utils.set_random_seed(7)

    split = len(series) - 30 * 24  # the last 30 training days validate
    train = windowed_dataset(series[:split], batch_size=32, shuffle=2000)
    valid = windowed_dataset(series[split - WEATHER_PAST:], batch_size=32)

    model = keras.Sequential([
        keras.Input(shape=(WEATHER_PAST, N_FEATURES)),
        keras.layers.Flatten(),  # 24 hours x 4 readings -> 96 numbers
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(WEATHER_FUTURE * N_FEATURES),
        keras.layers.Reshape((WEATHER_FUTURE, N_FEATURES)),  # back to (24 hours, 4 readings)
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.001), loss="mean_absolute_error", metrics=["mae"])
    stop = keras.callbacks.EarlyStopping(monitor="val_mae", patience=5, restore_best_weights=True)
    model.fit(train, validation_data=valid, epochs=20, callbacks=[stop], verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
