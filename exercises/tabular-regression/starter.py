"""Drill: regression on a real table of raw measurements.

Build, train and return a model that takes one row's raw columns and predicts the target.
Read task.md for what the table holds, the shapes and the bar.
"""

import keras
import numpy as np

from drill.data.tables import features, table

INSTANCE = "diabetes"  # the data set of this attempt; `drill new` sets it


def solution_model():
    # x: (rows, columns) float32 raw values, columns named by features(INSTANCE)
    # y: (rows,) float32 the target
    x, y = table(INSTANCE)

    # TODO: create a keras.layers.Normalization layer and adapt it to x, so the model
    #       takes raw values (the grader feeds them raw).

    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],)),
        # TODO: the Normalization layer, then one or more hidden Dense layers
        keras.layers.Dense(1),
    ])

    # TODO: compile with an optimizer and a loss (write the loss out in full, e.g.
    #       "mean_absolute_error": the short names do not reload from .h5 in Keras 3)
    # TODO: train the model with model.fit(...)

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
