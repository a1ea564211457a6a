"""Drill: transfer learning with a frozen pre-trained base and a new head.

Read task.md for this attempt's classes and the bar.
"""

import keras
import numpy as np

from drill.data.images import shapes_base, transfer_images

INSTANCE = "new-shapes"  # the data set of this attempt; `drill new` sets it


def solution_model():
    # x: (images, 32, 32, 3) uint8, pixel values 0-255;  y: (images,) int class labels
    x, y = transfer_images(INSTANCE)
    x = x.astype("float32")

    # The pre-trained base: input (32, 32, 3) pixels 0-255 (it rescales itself),
    # output a (4, 4, 64) feature map. Trained on other things, without its classifier head.
    base = shapes_base()
    base.summary()

    # TODO: freeze the base so training leaves its weights alone

    model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        # TODO: the base, then the new head: pooling the feature map, Dense layer(s)
        keras.layers.Flatten(),
        # TODO: the output layer: one unit per class, softmax
    ])

    # TODO: compile (metrics=["accuracy"]) and train

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
