"""Reference solution: the next value of a real series from a causal Conv1D feeding an LSTM."""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import UNIVARIATE_WINDOW, min_max, normalize, univariate

INSTANCE = "sunspots"


def make_windows(values, width, batch, buffer):
    """(width values, the value after them) pairs, one per step, shuffled and batched.

    Row i of the sliding view is values[i : i + width + 1]: the past, then the target.
    """
    rows = np.lib.stride_tricks.sliding_window_view(np.asarray(values, dtype="float32"), width + 1)
    pairs = tf.data.Dataset.from_tensor_slices((rows[:, :-1], rows[:, -1]))
    pairs = pairs.shuffle(buffer, seed=0)  # windows out of time order: no sequence bias
    return pairs.batch(batch).cache().prefetch(1)


def solution_model():
    values = univariate(INSTANCE)
    lo, hi = min_max(values)
    series = normalize(values, lo, hi)  # the grader scales the held-out part the same way
    series = series[-2500:]  # the latest 2,500 steps are plenty, and an LSTM on more is slow
    keras.utils.set_random_seed(7)

    batch_size = 64
    epochs = 20
    train = make_windows(series, UNIVARIATE_WINDOW, batch=batch_size, buffer=1000)

    model = keras.Sequential([
        keras.Input(shape=(UNIVARIATE_WINDOW,)),        # the grader sends flat windows of 30
        keras.layers.Reshape((UNIVARIATE_WINDOW, 1)),   # 30 time steps of one value each
        # causal padding: each output step sees only its own step and the ones before it
        keras.layers.Conv1D(32, kernel_size=5, padding="causal", activation="relu"),
        keras.layers.LSTM(32),                          # reads the 30 steps, keeps the last state
        keras.layers.Dense(1),
    ])
    # train on the graded metric; the rate decays over the run so the last epochs settle
    steps = epochs * int(np.ceil((len(series) - UNIVARIATE_WINDOW) / batch_size))
    rate = keras.optimizers.schedules.CosineDecay(0.003, decay_steps=steps, alpha=0.05)
    model.compile(optimizer=keras.optimizers.Adam(rate), loss="mean_absolute_error", metrics=["mae"])
    model.fit(train, epochs=epochs, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
