"""Reference solution: augmentation layers show a CNN the poses its few training images lack."""

import keras
import numpy as np

from drill.data.images import few_images

INSTANCE = "shapes"  # the data set of this attempt; `drill new` sets it
# how far to turn: shapes look alike at any angle; letters only tilt (an upside-down K is no K)
TURN = {"letters": 0.08}.get(INSTANCE, 0.5)


def solution_model():
    x, y = few_images(INSTANCE)
    x = x.astype("float32")  # pixels stay 0-255: the model rescales them itself
    keras.utils.set_random_seed(1)

    model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        keras.layers.Rescaling(1.0 / 255),
        # every epoch shows each image moved, scaled and turned: the poses the data lack.
        # These layers only act in training; predict() sees the images as they are.
        keras.layers.RandomRotation(TURN),
        # a mirrored shape is the same shape; a mirrored letter is no letter
        *([] if INSTANCE == "letters" else [keras.layers.RandomFlip("horizontal_and_vertical")]),
        keras.layers.RandomTranslation(0.2, 0.2),
        keras.layers.RandomZoom(0.3),
        keras.layers.Conv2D(32, (3, 3), activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(64, (3, 3), activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(64, (3, 3), activation="relu"),
        keras.layers.GlobalMaxPooling2D(),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(len(np.unique(y)), activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.002), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    # augmented data need more epochs than plain data to be learnt
    model.fit(x, y, epochs=75, batch_size=16, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
