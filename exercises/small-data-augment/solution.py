"""Reference solution: augmentation layers and dropout let a CNN learn from 120 images."""

import keras

from drill.data.images import FEW_KINDS, few_shapes


def solution_model():
    x, y = few_shapes()
    x = x.astype("float32")  # pixels stay 0-255: the model rescales them itself
    keras.utils.set_random_seed(1)

    model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        keras.layers.Rescaling(1.0 / 255),
        # every epoch shows each image turned, mirrored and moved: new examples for free.
        # These layers only act in training; predict() sees the images as they are.
        keras.layers.RandomFlip("horizontal_and_vertical"),
        keras.layers.RandomRotation(0.25),
        keras.layers.RandomTranslation(0.15, 0.15),
        keras.layers.Conv2D(32, (3, 3), activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(64, (3, 3), activation="relu"),
        keras.layers.MaxPooling2D(),
        keras.layers.Conv2D(64, (3, 3), activation="relu"),
        keras.layers.GlobalMaxPooling2D(),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(len(FEW_KINDS), activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.002), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    # augmented data need more epochs than plain data to be learnt
    model.fit(x, y, epochs=75, batch_size=16, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
