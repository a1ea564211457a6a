"""Drill: predict diabetes progression from ten raw measurements.

Build, train and return a model that takes the ten raw features of one patient and predicts
the disease progression one year later. Read task.md for the details and the bar.
"""

import keras
import numpy as np

from drill.data.tabular import DIABETES_FEATURES, diabetes


def solution_model():
    # x: (rows, 10) float32 raw features, columns named in DIABETES_FEATURES
    # y: (rows,) float32 disease progression one year later
    x, y = diabetes()

    # TODO: create a keras.layers.Normalization layer and adapt it to x, so the model
    #       takes raw features (the grader feeds them raw).

    model = keras.Sequential([
        keras.Input(shape=(10,)),
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
