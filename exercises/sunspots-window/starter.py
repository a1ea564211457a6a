"""Drill: forecast the next value of a real series from the last 30.

Window the scaled series with tf.data, train a model on the windows and return it.
Read task.md for the details and the bar.
"""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import UNIVARIATE_WINDOW, min_max, normalize, univariate  # UNIVARIATE_WINDOW = 30

INSTANCE = "sunspots"  # the data set of this attempt; `drill new` sets it


def make_windows(values, width, batch, buffer):
    # TODO: (features, label) pairs: `width` values in a row, then the value after them,
    #       one window starting at each step; shuffled and batched.
    raise NotImplementedError("write make_windows")


def solution_model():
    # values: (n,) float32, the training part of the series, oldest first (task.md says what it is)
    values = univariate(INSTANCE)

    # Keep this scaling as it is: the grader scales the held-out values with the same two
    # numbers, the minimum and maximum of these training values.
    lo, hi = min_max(values)
    series = normalize(values, lo, hi)

    # TODO: a windowed dataset of `series` (and, if you like, a validation part)

    model = keras.Sequential([
        keras.Input(shape=(UNIVARIATE_WINDOW,)),
        # TODO: the layers of your forecaster
        keras.layers.Dense(1),
    ])

    # TODO: compile (loss "mean_absolute_error" is what you are graded on) and train

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
