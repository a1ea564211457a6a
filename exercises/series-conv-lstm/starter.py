"""Drill: forecast next month's sunspot number with a Conv1D and a recurrent layer.

Window the scaled series with tf.data, train a Conv1D + LSTM/GRU model on the windows and
return it. Read task.md for the details and the bar.
"""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import SUNSPOT_WINDOW, min_max, normalize, sunspots  # SUNSPOT_WINDOW = 30


def make_windows(series, window_size, batch_size, shuffle_buffer):
    # TODO: (features, label) pairs: window_size months in a row, then the month after them;
    #       shuffled and batched.
    raise NotImplementedError("write make_windows")


def solution_model():
    # time: (2500,) decimal years from 1749.0; values: (2500,) monthly mean sunspot numbers
    time, values = sunspots()

    # Keep this scaling as it is: the grader scales the held-out months with the same two
    # numbers, the minimum and maximum of these training values.
    lo, hi = min_max(values)
    series = normalize(values, lo, hi)

    # TODO: a windowed dataset of `series` (and, if you like, a validation part)

    model = keras.Sequential([
        keras.Input(shape=(SUNSPOT_WINDOW,)),       # keep: the grader sends flat windows of 30
        keras.layers.Reshape((SUNSPOT_WINDOW, 1)),  # keep: Conv1D and RNNs want (steps, features)
        # TODO: a Conv1D layer, then a recurrent layer (LSTM, GRU, ...) that ends the sequence
        keras.layers.Dense(1),
    ])

    # TODO: compile (loss "mean_absolute_error" is what you are graded on) and train

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
