"""Drill: transfer learning with a frozen pre-trained base and a new head.

Read task.md for the details and the bar.
"""

import keras
import numpy as np

from drill.data.images import TRANSFER_KINDS, shapes_base, transfer_shapes


def solution_model():
    # x: (60, 32, 32, 3) uint8, pixel values 0-255;  y: (60,) int 0-2, index into TRANSFER_KINDS
    x, y = transfer_shapes()
    x = x.astype("float32")

    # The pre-trained base: input (32, 32, 3) pixels 0-255 (it rescales itself),
    # output a (4, 4, 64) feature map. Trained on other shapes, without its classifier head.
    base = shapes_base()
    base.summary()

    # TODO: freeze the base so training leaves its weights alone

    model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        # TODO: the base, then the new head: pooling the feature map, Dense layer(s)
        keras.layers.Flatten(),
        keras.layers.Dense(len(TRANSFER_KINDS), activation="softmax"),
    ])

    # TODO: compile (metrics=["accuracy"]) and train

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
