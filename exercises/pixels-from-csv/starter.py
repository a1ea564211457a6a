"""Drill: read images from a CSV file, one image a row, and classify them.

Read task.md for the details and the bar.
"""

import csv

import keras
import numpy as np

from drill.data.images import digits_csv


def parse_data_from_input(filename):
    """Return (images, labels) read from ``filename``.

    The file has a header row, then one image a row: ``label,pixel0,...,pixel63``.
    images: (rows, 8, 8, 1) float32 with values scaled to 0-1;  labels: (rows,) int 0-9.
    """
    # TODO: read the rows (skip the header), split off the label column, reshape the
    #       64 pixel values of each row into an 8 x 8 x 1 image and scale them to 0-1
    images = np.zeros((0, 8, 8, 1), dtype="float32")
    labels = np.zeros((0,), dtype="int64")
    return images, labels


def solution_model():
    filename = digits_csv()  # writes digits_train.csv into this folder and returns its path
    images, labels = parse_data_from_input(filename)

    model = keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        # TODO: your layers
        keras.layers.Flatten(),
        keras.layers.Dense(10, activation="softmax"),
    ])

    # TODO: compile (integer labels, metrics=["accuracy"]) and train on images, labels

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
