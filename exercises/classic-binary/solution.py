"""Reference solution: a two-class classifier on a real table, one sigmoid output."""

import keras

from drill.data.tables import table

INSTANCE = "breast-cancer"


def solution_model():
    x, y = table(INSTANCE)
    keras.utils.set_random_seed(1)

    normalize = keras.layers.Normalization()
    normalize.adapt(x)
    model = keras.Sequential([
        keras.Input(shape=(x.shape[1],)),
        normalize,
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),  # the probability of class 1
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.003), loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(x, y.astype("float32"), epochs=40, batch_size=32, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
