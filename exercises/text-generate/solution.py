"""Reference solution: predict the next word of a text with an LSTM."""

import keras
import numpy as np

from drill.data.text import GEN_CONTEXT, GEN_VOCAB_SIZE, prose_paragraphs

INSTANCE = "python-reference"  # the data set of this attempt; `drill new` sets it


def make_windows(ids_per_paragraph):
    """Every GEN_CONTEXT ids in a row inside one paragraph, and the id after them."""
    xs, ys = [], []
    for ids in ids_per_paragraph:
        for i in range(GEN_CONTEXT, len(ids)):
            xs.append(ids[i - GEN_CONTEXT:i])
            ys.append(ids[i])
    return np.array(xs), np.array(ys)


def solution_model():
    paragraphs = prose_paragraphs(INSTANCE)
    keras.utils.set_random_seed(7)

    # the task's vocabulary: 0 = padding, 1 = "[UNK]", then the 998 most frequent words
    vectorize = keras.layers.TextVectorization(max_tokens=GEN_VOCAB_SIZE)
    vectorize.adapt(np.array(paragraphs, dtype=object))
    x, y = make_windows(vectorize(p).numpy() for p in paragraphs)
    known = y > 1  # an unknown next word cannot be predicted by name: leave those out
    x, y = x[known], y[known]

    model = keras.Sequential([
        keras.Input(shape=(GEN_CONTEXT,)),
        keras.layers.Embedding(GEN_VOCAB_SIZE, 64),
        keras.layers.LSTM(128),
        keras.layers.Dropout(0.4),  # a small corpus: without it the model memorises by epoch 5
        keras.layers.Dense(GEN_VOCAB_SIZE, activation="softmax"),
    ])
    # integer targets: the sparse loss spares a (windows x 1000) one-hot matrix
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(x, y, epochs=6, batch_size=128, shuffle=True, verbose=2)
    return model


if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
