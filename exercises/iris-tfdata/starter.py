"""Drill: classify Iris flowers, feeding the model through a tf.data pipeline.

Read task.md for the details and the bar.
"""

import keras
import numpy as np
import tensorflow as tf

from drill.data.tabular import IRIS_CLASSES, IRIS_FEATURES, iris


def solution_model():
    # x: (rows, 4) float32, measurements in cm (IRIS_FEATURES)
    # y: (rows,) int 0-2, the species (IRIS_CLASSES)
    x, y = iris()

    # TODO: one-hot encode y (three classes)
    # TODO: build a tf.data.Dataset of (features, one-hot label) pairs, shuffle it and batch it

    model = keras.Sequential([
        keras.Input(shape=(4,)),
        # TODO: hidden layer(s)
        keras.layers.Dense(3, activation="softmax"),
    ])

    # TODO: compile with a loss that fits one-hot labels, and metrics=["accuracy"]
    # TODO: train on the dataset

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
