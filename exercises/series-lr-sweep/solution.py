"""Reference solution: sweep the learning rate, then forecast the series at the rate found."""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import SWEEP_WINDOW, min_max, normalize, univariate

INSTANCE = "ridership"


def make_windows(values, width, batch, buffer):
    """(width values, the value after them) pairs, one per step, shuffled and batched."""
    rows = np.lib.stride_tricks.sliding_window_view(np.asarray(values, dtype="float32"), width + 1)
    ds = tf.data.Dataset.from_tensor_slices((rows[:, :-1], rows[:, -1]))
    if buffer > 1:
        ds = ds.shuffle(buffer, seed=0)
    return ds.batch(batch).prefetch(1)


def build_model():
    return keras.Sequential([
        keras.Input(shape=(SWEEP_WINDOW,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1),
    ])


def sweep(dataset, start=1e-5, epochs=24, per_decade=6, steps=8):
    """Train a throwaway model while the rate grows 10x every `per_decade` short epochs
    (1e-5 to 1e-1 here); return the rates and the loss of each epoch."""
    model = build_model()
    model.compile(optimizer=keras.optimizers.Adam(start), loss="mean_absolute_error")
    schedule = keras.callbacks.LearningRateScheduler(lambda epoch: start * 10 ** (epoch / per_decade))
    history = model.fit(dataset.repeat(), epochs=epochs, steps_per_epoch=steps, callbacks=[schedule], verbose=0)
    losses = np.array(history.history["loss"])
    return start * 10 ** (np.arange(len(losses)) / per_decade), losses


def solution_model():
    values = univariate(INSTANCE)
    lo, hi = min_max(values)
    series = normalize(values, lo, hi)  # the grader scales the held-out part the same way
    keras.utils.set_random_seed(7)

    split = len(series) - len(series) // 10  # the last tenth validates
    train = make_windows(series[:split], SWEEP_WINDOW, batch=64, buffer=1000)
    valid = make_windows(series[split - SWEEP_WINDOW:], SWEEP_WINDOW, 256, 1)

    # 1. the sweep: the loss falls faster as the rate grows, until the rate is too big and
    #    the loss turns up again. A rate a few times below the lowest point is fast and stable.
    rates, losses = sweep(train)
    k = min(3, len(losses))
    smooth = np.convolve(losses, np.ones(k) / k, mode="valid")  # smooth[i] ~ rates[i + k // 2]
    best = rates[np.argmin(smooth) + k // 2]
    rate = float(best / 5)
    print(f"lowest loss at learning rate {best:.2g}: training at {rate:.2g}")

    # 2. a fresh model at that rate; halve it when the validation error stalls, keep the best.
    #    Epochs of 100 batches: the same number of updates whatever the series' length
    model = build_model()
    model.compile(optimizer=keras.optimizers.Adam(rate), loss="mean_absolute_error", metrics=["mae"])
    calm = keras.callbacks.ReduceLROnPlateau(monitor="val_mae", factor=0.5, patience=2)
    stop = keras.callbacks.EarlyStopping(monitor="val_mae", patience=5, restore_best_weights=True)
    model.fit(train.repeat(), steps_per_epoch=100, validation_data=valid, epochs=30, callbacks=[calm, stop], verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
