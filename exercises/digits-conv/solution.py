"""Reference solution: small greyscale images, one convolution and one pooling layer."""

import keras
import numpy as np

from drill.data.images import grey_images

INSTANCE = "uci-digits"  # the data set of this attempt; `drill new` sets it
PIXEL_MAX = {"uci-digits": 16.0}.get(INSTANCE, 255.0)  # task.md gives each data set's range


def solution_model():
    x, y = grey_images(INSTANCE)
    height, width = x.shape[1:]
    classes = len(np.unique(y))
    # add the channel axis Conv2D expects and scale the pixels to 0-1, as the grader does
    x = x.reshape(-1, height, width, 1).astype("float32") / PIXEL_MAX
    keras.utils.set_random_seed(1)

    model = keras.Sequential([
        keras.Input(shape=(height, width, 1)),
        keras.layers.Conv2D(32, (3, 3), padding="same", activation="relu"),
        keras.layers.MaxPooling2D((2, 2)),
        keras.layers.Flatten(),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(classes, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=20, batch_size=32, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
