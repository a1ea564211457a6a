"""Reference solution: images parsed from CSV rows (label, pixel0..pixel63), then a small CNN."""

import csv

import keras
import numpy as np

from drill.data.images import digits_csv


def parse_data_from_input(filename):
    """Return (images, labels): images (rows, 8, 8, 1) float32 scaled to 0-1, labels (rows,) int."""
    with open(filename, newline="") as file:
        reader = csv.reader(file)
        next(reader)  # the header row: label,pixel0,...,pixel63
        rows = np.array([[int(value) for value in row] for row in reader])
    labels = rows[:, 0]
    images = rows[:, 1:].reshape(-1, 8, 8, 1).astype("float32") / 16.0
    return images, labels


def solution_model():
    filename = digits_csv()
    images, labels = parse_data_from_input(filename)
    keras.utils.set_random_seed(1)

    model = keras.Sequential([
        keras.Input(shape=(8, 8, 1)),
        keras.layers.Conv2D(32, (3, 3), padding="same", activation="relu"),
        keras.layers.MaxPooling2D((2, 2)),
        keras.layers.Flatten(),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(images, labels, epochs=20, batch_size=32, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
