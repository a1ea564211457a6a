"""Drill: classify 8 × 8 handwritten digits with a dense network.

Read task.md for the details and the bar.
"""

import keras
import numpy as np

from drill.data.images import digits


def solution_model():
    # x: (images, 8, 8) uint8, pixel values 0-16;  y: (images,) int labels 0-9
    x, y = digits()

    # TODO: scale the pixels to 0-1 (the grader feeds them scaled that way)

    model = keras.Sequential([
        keras.Input(shape=(8, 8)),
        keras.layers.Flatten(),
        # TODO: hidden layer(s)
        keras.layers.Dense(10, activation="softmax"),
    ])

    # TODO: compile with an optimizer, a loss that fits integer labels, and metrics=["accuracy"]
    # TODO: train the model

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
