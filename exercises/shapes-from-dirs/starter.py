"""Drill: train a CNN from a directory of images, the labels taken from the folder names.

Read task.md for this attempt's classes and the bar.
"""

import keras
import numpy as np

from drill.data.images import image_folders

INSTANCE = "shapes"  # the data set of this attempt; `drill new` sets it


def solution_model():
    # Writes the images into this folder and returns the two directories:
    #   images/train/<class>/*.png       images/validation/<class>/*.png
    train_dir, validation_dir = image_folders(INSTANCE)

    # TODO: load both directories with keras.utils.image_dataset_from_directory
    #       (images 32 x 32, labels from the folder names)

    model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        # TODO: rescale the pixels, then Conv2D and pooling layers
        keras.layers.Flatten(),
        # TODO: the output layer: one unit per class (task.md), softmax
    ])

    # TODO: compile (metrics=["accuracy"]) and train on the training dataset, validating on the other

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
