"""Drill: tell from a tweet's text which phone posted it, with a sequence layer.

Same data as text-binary, but the model must read the words in order: an LSTM, a GRU, a
Conv1D, or a Bidirectional wrapper of one. Read task.md for the details and the bar.
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

    # TODO: tokenise with keras.layers.TextVectorization(max_tokens=VOCAB_SIZE,
    #       output_sequence_length=MAX_LENGTH), adapted on `texts` (all of them, nothing else).
    # TODO: keep a part of the data for validation.

    model = keras.Sequential([
        keras.Input(shape=(MAX_LENGTH,)),
        # TODO: Embedding(VOCAB_SIZE, EMBEDDING_DIM)
        # TODO: at least one sequence layer: LSTM, GRU, Conv1D or Bidirectional(...)
        # TODO: a hidden Dense layer
        keras.layers.Dense(1, activation="sigmoid"),
    ])

    # TODO: compile (binary cross-entropy, accuracy) and train for a few epochs

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
