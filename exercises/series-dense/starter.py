"""Drill: forecast tomorrow's value of a series from the last 20 days.

Turn the series into windows with tf.data, train a dense network on them and return it.
Read task.md for the details and the bar.
"""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import SYNTH_WINDOW, synthetic_series  # SYNTH_WINDOW = 20

INSTANCE = "trend-and-seasons"  # the data set of this attempt; `drill new` sets it


def make_windows(values, width, batch, buffer):
    # TODO: a tf.data.Dataset of (features, label) pairs, one window starting at each day:
    #       features are `width` values in a row, the label is the value right after them.
    #       Shuffle the pairs (a buffer of `buffer` pairs), then batch them (`batch` pairs a batch).
    raise NotImplementedError("write make_windows")


def solution_model():
    # time: (1100,) day numbers; series: (1100,) float32 values, one a day
    time, series = synthetic_series(INSTANCE)

    # TODO: windowed datasets for training (and validation: the last days of the series)

    model = keras.Sequential([
        keras.Input(shape=(SYNTH_WINDOW,)),
        # TODO: hidden Dense layers
        keras.layers.Dense(1),
    ])

    # TODO: compile (an error loss, metric "mae") and train on the windowed dataset

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
