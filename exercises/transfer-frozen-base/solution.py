"""Reference solution: reuse a pre-trained base, frozen, with a new head for new classes."""

import keras
import numpy as np

from drill.data.images import shapes_base, transfer_images

INSTANCE = "new-shapes"  # the data set of this attempt; `drill new` sets it


def solution_model():
    x, y = transfer_images(INSTANCE)
    x = x.astype("float32")  # pixels stay 0-255: the base rescales them itself
    keras.utils.set_random_seed(1)

    base = shapes_base()     # trained on other things; outputs a (4, 4, 64) feature map
    base.trainable = False   # freeze it: only the new head learns, the features stay as they are
    base.summary()

    model = keras.Sequential([
        keras.Input(shape=(32, 32, 3)),
        base,
        # the new head: pool the feature map, then classify the new classes
        keras.layers.GlobalMaxPooling2D(),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(len(np.unique(y)), activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(0.003), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=40, batch_size=16, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
