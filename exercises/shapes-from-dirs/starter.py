"""Drill: train a CNN from a directory of images, the labels taken from the folder names.

Read task.md for the details and the bar.
"""

import keras
import numpy as np

from drill.data.images import shape_folders


def solution_model():
    # Writes the images into this folder and returns the two directories:
    #   shapes/train/<class>/*.png       shapes/validation/<class>/*.png
    train_dir, validation_dir = shape_folders()

    # TODO: load both directories with keras.utils.image_dataset_from_directory
    #       (images 32 x 32, labels from the folder names)

    model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        # TODO: rescale the pixels, then Conv2D and pooling layers
        keras.layers.Flatten(),
        keras.layers.Dense(4, activation="softmax"),
    ])

    # TODO: compile (metrics=["accuracy"]) and train on the training dataset, validating on the other

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
