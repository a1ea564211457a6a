"""Drill: classify small greyscale images with one convolution and one pooling layer.

Read task.md for this attempt's data (shape, pixel range, classes) and the bar.
"""

import keras
import numpy as np

from drill.data.images import grey_images

INSTANCE = "uci-digits"  # the data set of this attempt; `drill new` sets it


def solution_model():
    # x: (images, height, width) uint8, pixel values 0 to the maximum task.md gives
    # y: (images,) int class labels
    x, y = grey_images(INSTANCE)

    # TODO: give the images the shape the model takes, (images, height, width, 1),
    #       and scale them to 0-1 as task.md says

    model = keras.Sequential([
        # TODO: keras.Input with the shape task.md gives
        # TODO: one Conv2D layer and one pooling layer
        keras.layers.Flatten(),
        # TODO: a hidden Dense layer
        # TODO: the output layer: one unit per class, softmax
    ])

    # TODO: compile (integer labels, metrics=["accuracy"]) and train

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
