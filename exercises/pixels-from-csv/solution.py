"""Reference solution: images parsed from CSV rows (label, then the pixels), then a small CNN."""

import csv
import math

import keras
import numpy as np

from drill.data.images import pixels_csv

INSTANCE = "uci-digits"  # the data set of this attempt; `drill new` sets it
PIXEL_MAX = {"uci-digits": 16.0}.get(INSTANCE, 255.0)  # task.md gives each data set's range


def read_pixel_rows(filename):
    """Return (images, labels): images (rows, side, side, 1) float32 scaled to 0-1, labels (rows,) int."""
    with open(filename, newline="") as file:
        reader = csv.reader(file)
        next(reader)  # the header row: label,pixel0,pixel1,...
        rows = np.array([[int(value) for value in row] for row in reader])
    labels = rows[:, 0]
    side = math.isqrt(rows.shape[1] - 1)  # square images: 64 pixels are 8 x 8
    images = rows[:, 1:].reshape(-1, side, side, 1).astype("float32") / PIXEL_MAX
    return images, labels


def solution_model():
    filename = pixels_csv(INSTANCE)
    images, labels = read_pixel_rows(filename)
    keras.utils.set_random_seed(1)

    model = keras.Sequential([
        keras.Input(shape=images.shape[1:]),
        keras.layers.Conv2D(32, (3, 3), padding="same", activation="relu"),
        keras.layers.MaxPooling2D((2, 2)),
        keras.layers.Flatten(),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(len(np.unique(labels)), activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(images, labels, epochs=20, batch_size=32, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
