"""Drill: end training with your own callback once accuracy reaches 99 %.

Read task.md for the details and the bar.
"""

import keras
import numpy as np

from drill.data.images import digits

TARGET = 0.99


class StopAtAccuracy(keras.callbacks.Callback):
    """TODO: stop training at the end of the first epoch whose training accuracy reaches the target."""

    # TODO: take the target accuracy in __init__ (call super().__init__() first)
    # TODO: override on_epoch_end(self, epoch, logs=None): read the accuracy from logs and,
    #       once it reaches the target, set self.model.stop_training = True


def solution_model():
    # x: (images, 8, 8) uint8, pixel values 0-16;  y: (images,) int labels 0-9
    x, y = digits()
    x = x.astype("float32") / 16.0

    model = keras.Sequential([
        keras.Input(shape=(8, 8)),
        keras.layers.Flatten(),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

    # TODO: train with model.fit(...): ask for many more epochs than needed (e.g. 200) and
    #       pass your callback, so that it, not the epoch count, ends training

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
