"""Drill: find a good learning rate with a sweep, then forecast tomorrow's ridership.

Read task.md for the details and the bar.
"""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import RIDERSHIP_WINDOW, chicago_ridership, min_max, normalize  # window: 14 days


def make_windows(series, window_size, batch_size, shuffle_buffer):
    """(window_size days, the day after them) pairs, one per day, shuffled and batched."""
    rows = np.lib.stride_tricks.sliding_window_view(np.asarray(series, dtype="float32"), window_size + 1)
    ds = tf.data.Dataset.from_tensor_slices((rows[:, :-1], rows[:, -1]))
    if shuffle_buffer > 1:
        ds = ds.shuffle(shuffle_buffer, seed=0)
    return ds.batch(batch_size).prefetch(1)


def build_model():
    # TODO: the forecaster: input (RIDERSHIP_WINDOW,), output (1,)
    return keras.Sequential([
        keras.Input(shape=(RIDERSHIP_WINDOW,)),
        keras.layers.Dense(1),
    ])


def solution_model():
    # days: (4558,) datetime64[D]; riders: (4558,) thousands of people entering Clark/Lake
    days, riders = chicago_ridership()

    # Keep this scaling as it is: the grader scales the held-out days with the same numbers.
    lo, hi = min_max(riders)
    series = normalize(riders, lo, hi)

    # TODO: windowed datasets for training and validation (the last year, say)

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
