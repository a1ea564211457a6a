"""Drill: tell from a tweet's text which of three apps it was posted from.

Build, train and return a three-class text classifier: tweet text in, one probability per
app out. Read task.md for the details, the two ways to hand the model in, and the bar.
"""

import keras
import numpy as np

from drill.data.text import (
    EMBEDDING_DIM,  # 16
    MAX_LENGTH,  # 120: pad and truncate at the end ("post")
    OOV_TOKEN,  # "[UNK]": index 1 of the vocabulary
    SOURCE_CLASSES,  # ("Android", "iPhone", "Web Client"): labels 0, 1, 2
    VOCAB_SIZE,  # 1000 words, padding and OOV included
    tweets_by_source,
)


def solution_model():
    # texts: list of raw tweet strings; labels: int array of 0, 1 or 2 (SOURCE_CLASSES)
    texts, labels = tweets_by_source()

    # TODO: tokenise with keras.layers.TextVectorization(max_tokens=VOCAB_SIZE,
    #       output_sequence_length=MAX_LENGTH), adapted on `texts` (all of them, nothing else).
    # TODO: keep a part of the data for validation.

    model = keras.Sequential([
        keras.Input(shape=(MAX_LENGTH,)),
        # TODO: Embedding(VOCAB_SIZE, EMBEDDING_DIM), pooling, a hidden Dense layer
        keras.layers.Dense(1, activation="sigmoid"),  # TODO: a two-class output: make it fit three classes
    ])

    # TODO: compile (which loss fits integer labels?) and train with model.fit(...)

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
