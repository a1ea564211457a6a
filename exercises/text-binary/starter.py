"""Drill: binary text classification with an embedding.

Build, train and return a binary text classifier: text in, probability of label 1 out.
Read task.md for this attempt's data, the two ways to hand the model in, and the bar.
"""

import keras
import numpy as np

from drill.data.text import (
    EMBEDDING_DIM,  # 16
    MAX_LENGTH,  # 120: pad and truncate at the end ("post")
    OOV_TOKEN,  # "[UNK]": index 1 of the vocabulary
    VOCAB_SIZE,  # 1000 words, padding and OOV included
    binary_texts,
)

INSTANCE = "tweets-device"  # the data set of this attempt; `drill new` sets it


def solution_model():
    # texts: list of raw strings; labels: int array of 0 and 1 (task.md says what they mean)
    texts, labels = binary_texts(INSTANCE)

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
