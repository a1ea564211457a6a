"""Drill: tell from a tweet's text which phone it was posted from.

Build, train and return a binary text classifier: tweet text in, probability of "iPhone" out.
Read task.md for the details, the two ways to hand the model in, and the bar.
"""

import keras
import numpy as np

from drill.data.text import (
    DEVICE_CLASSES,  # ("Android", "iPhone"): label 0 and label 1
    EMBEDDING_DIM,  # 16
    MAX_LENGTH,  # 120: pad and truncate at the end ("post")
    OOV_TOKEN,  # "[UNK]": index 1 of the vocabulary
    VOCAB_SIZE,  # 1000 words, padding and OOV included
    tweets_by_device,
)


def solution_model():
    # texts: list of raw tweet strings; labels: int array, 0 = Android, 1 = iPhone
    texts, labels = tweets_by_device()

    # TODO: tokenise. keras.layers.TextVectorization(max_tokens=VOCAB_SIZE,
    #       output_sequence_length=MAX_LENGTH), adapted on `texts` (all of them, nothing
    #       else), turns them into padded int sequences of shape (n, MAX_LENGTH).
    # TODO: keep a part of the data for validation.

    model = keras.Sequential([
        keras.Input(shape=(MAX_LENGTH,)),
        # TODO: an Embedding(VOCAB_SIZE, EMBEDDING_DIM) layer, pooling, a hidden Dense layer
        keras.layers.Dense(1, activation="sigmoid"),
    ])

    # TODO: compile (binary cross-entropy, accuracy) and train with model.fit(...)

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
