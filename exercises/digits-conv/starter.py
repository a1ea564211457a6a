"""Drill: classify 8 × 8 handwritten digits with one convolution and one pooling layer.

Read task.md for the details and the bar.
"""

import keras
import numpy as np

from drill.data.images import digits


def solution_model():
    # x: (images, 8, 8) uint8, pixel values 0-16;  y: (images,) int labels 0-9
    x, y = digits()

    # TODO: give the images the shape the model takes, (images, 8, 8, 1), and scale them to 0-1

    model = keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        # TODO: one Conv2D layer and one pooling layer
        keras.layers.Flatten(),
        # TODO: a hidden Dense layer
        keras.layers.Dense(10, activation="softmax"),
    ])

    # TODO: compile (integer labels, metrics=["accuracy"]) and train

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
