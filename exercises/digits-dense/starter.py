"""Drill: classify small grey images with a dense network.

Read task.md for the image size, the classes and the bar.
"""

import keras
import numpy as np

from drill.data.small_images import PIXEL_MAX, classes, small_images

INSTANCE = "digits"  # the data set of this attempt; `drill new` sets it


def solution_model():
    # x: (images, side, side) uint8, values 0 to PIXEL_MAX[INSTANCE]
    # y: (images,) int labels, names in classes(INSTANCE)
    x, y = small_images(INSTANCE)

    # TODO: scale the pixels to 0-1 (the grader feeds them scaled that way)

    model = keras.Sequential([
        keras.Input(shape=x.shape[1:]),
        keras.layers.Flatten(),
        # TODO: hidden layer(s)
        keras.layers.Dense(len(classes(INSTANCE)), activation="softmax"),
    ])

    # TODO: compile with an optimizer, a loss that fits integer labels, and metrics=["accuracy"]
    # TODO: train the model

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
