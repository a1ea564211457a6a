"""Drill: forecast the next 24 hours of four weather readings from the last 24 hours.

Multi-step (24 hours ahead at once) and multivariate (four columns in, four out).
Read task.md for the details and the bar.
"""

import keras
import numpy as np
import tensorflow as tf

from drill.data.series import (
    WEATHER_FEATURES,  # ("temp", "dewp", "humid", "pressure")
    WEATHER_FUTURE,  # 24 hours to forecast
    WEATHER_PAST,  # 24 hours seen
    airport_weather,
    min_max,
    normalize,
)

N_FEATURES = len(WEATHER_FEATURES)
INSTANCE = "jfk"  # the data set of this attempt; `drill new` sets it


def windowed_dataset(series, batch_size, n_past=WEATHER_PAST, n_future=WEATHER_FUTURE):
    # TODO: (features, labels) pairs from a (hours, 4) array, one window starting at each hour:
    #       features are n_past hours of all columns, labels the n_future hours right after
    #       them. Shuffle the windows (before batching), then batch.
    raise NotImplementedError("write windowed_dataset")


def solution_model():
    # hours: (6984,) datetime64[h]; values: (6984, 4) float32 in the columns of WEATHER_FEATURES
    hours, values = airport_weather(INSTANCE)

    # Keep this scaling as it is: every column is scaled with its own training minimum and
    # maximum, and the grader scales the held-out hours with the same numbers.
    lo, hi = min_max(values)
    series = normalize(values, lo, hi)

    # TODO: windowed datasets for training and validation (the last weeks, say)

    model = keras.Sequential([
        keras.Input(shape=(WEATHER_PAST, N_FEATURES)),
        # TODO: layers that look at all 24 hours at once (Flatten + Dense, LSTM, Conv1D ...)
        keras.layers.Dense(N_FEATURES),  # TODO: the output must be (WEATHER_FUTURE, N_FEATURES)
    ])

    # TODO: compile (loss "mean_absolute_error") and train

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
