"""Reference solution: the next 24 hours of four weather readings from the last 24."""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import WEATHER_FEATURES, WEATHER_FUTURE, WEATHER_PAST, airport_weather, min_max, normalize

N_FEATURES = len(WEATHER_FEATURES)
INSTANCE = "jfk"


def windowed_dataset(series, batch_size, n_past=WEATHER_PAST, n_future=WEATHER_FUTURE, shuffle=0):
    """Every (n_past hours, the n_future hours after them) pair of a (hours, columns) array, batched.

    The windows are cut with numpy: window i is rows i .. i + n_past + n_future - 1.
    """
    span = n_past + n_future
    starts = np.arange(len(series) - span + 1)
    windows = np.stack([series[s:s + span] for s in starts])
    ds = tf.data.Dataset.from_tensor_slices((windows[:, :n_past], windows[:, n_past:]))
    if shuffle:  # shuffle windows, not batches: neighbouring windows are nearly the same
        ds = ds.shuffle(shuffle, seed=0)
    return ds.batch(batch_size).prefetch(1)


def solution_model():
    hours, values = airport_weather(INSTANCE)
    lo, hi = min_max(values)
    series = normalize(values, lo, hi)  # per column; the grader scales the held-out hours alike
    keras.utils.set_random_seed(7)

    split = len(series) - 30 * 24  # the last 30 training days validate
    train = windowed_dataset(series[:split], batch_size=64, shuffle=2000)
    valid = windowed_dataset(series[split - WEATHER_PAST:], batch_size=256)

    model = keras.Sequential([
        keras.Input(shape=(WEATHER_PAST, N_FEATURES)),
        keras.layers.Flatten(),  # 24 hours x 4 readings -> 96 numbers
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(WEATHER_FUTURE * N_FEATURES),
        keras.layers.Reshape((WEATHER_FUTURE, N_FEATURES)),  # back to (24 hours, 4 readings)
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.001), loss="mean_absolute_error", metrics=["mae"])
    stop = keras.callbacks.EarlyStopping(monitor="val_mae", patience=3, restore_best_weights=True)
    model.fit(train, validation_data=valid, epochs=12, callbacks=[stop], verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
