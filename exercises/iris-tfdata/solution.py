"""Reference solution: Iris species through a tf.data pipeline with one-hot labels."""

import keras
import tensorflow as tf

from drill.data.tabular import iris


def solution_model():
    x, y = iris()
    keras.utils.set_random_seed(1)

    # (features, one-hot label) pairs, shuffled each epoch, in batches of 16
    dataset = (
        tf.data.Dataset.from_tensor_slices((x, tf.one_hot(y, depth=3)))
        .shuffle(len(x), seed=1)
        .batch(16)
        .prefetch(tf.data.AUTOTUNE)
    )

    model = keras.Sequential([
        keras.Input(shape=(4,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(3, activation="softmax"),
    ])
    # one-hot labels: categorical (not sparse) cross-entropy
    model.compile(optimizer=keras.optimizers.Adam(0.02), loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(dataset, epochs=60, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
