"""Drill: find a good learning rate with a sweep, then forecast the next value of a series.

Read task.md for the details and the bar.
"""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import SWEEP_WINDOW, min_max, normalize, univariate  # SWEEP_WINDOW = 14

INSTANCE = "ridership"  # the data set of this attempt; `drill new` sets it


def make_windows(values, width, batch, buffer):
    """(width values, the value after them) pairs, one per step, shuffled and batched."""
    rows = np.lib.stride_tricks.sliding_window_view(np.asarray(values, dtype="float32"), width + 1)
    ds = tf.data.Dataset.from_tensor_slices((rows[:, :-1], rows[:, -1]))
    if buffer > 1:
        ds = ds.shuffle(buffer, seed=0)
    return ds.batch(batch).prefetch(1)


def build_model():
    # TODO: the forecaster: input (SWEEP_WINDOW,), output (1,)
    return keras.Sequential([
        keras.Input(shape=(SWEEP_WINDOW,)),
        keras.layers.Dense(1),
    ])


def solution_model():
    # values: the training part of the series, raw units, oldest first (task.md: its length)
    values = univariate(INSTANCE)

    # Keep this scaling as it is: the grader scales the held-out part with the same numbers.
    lo, hi = min_max(values)
    series = normalize(values, lo, hi)

    # TODO: windowed datasets for training and validation (the last tenth, say)

    # TODO: the sweep. Train a throwaway build_model() with a
    #       keras.callbacks.LearningRateScheduler that raises the rate tenfold every few short
    #       epochs; plot or print the loss against the rate and pick yours.

    model = build_model()
    # TODO: compile a fresh model at the rate you picked and train it

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
