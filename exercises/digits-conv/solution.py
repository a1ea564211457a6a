"""Reference solution: handwritten digits with one convolution and one pooling layer."""

import keras

from drill.data.images import digits


def solution_model():
    x, y = digits()
    # add the channel axis Conv2D expects and scale the pixels to 0-1, as the grader does
    x = x.reshape(-1, 8, 8, 1).astype("float32") / 16.0
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
    model.fit(x, y, epochs=20, batch_size=32, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
