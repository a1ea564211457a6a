"""Drill: multi-class text classification with an embedding.

Build, train and return a text classifier: text in, one probability per class out.
Read task.md for this attempt's data and classes, the two ways to hand the model in, and the bar.
"""

import keras
import numpy as np

from drill.data.text import (
    EMBEDDING_DIM,  # 16
    MAX_LENGTH,  # 120: pad and truncate at the end ("post")
    OOV_TOKEN,  # "[UNK]": index 1 of the vocabulary
    VOCAB_SIZE,  # 1000 words, padding and OOV included
    multiclass_texts,
)

INSTANCE = "tweets-source"  # the data set of this attempt; `drill new` sets it


def solution_model():
    # texts: list of raw strings; labels: int array 0, 1, ... (task.md names the classes)
    texts, labels = multiclass_texts(INSTANCE)

    # TODO: tokenise with keras.layers.TextVectorization(max_tokens=VOCAB_SIZE,
    #       output_sequence_length=MAX_LENGTH), adapted on `texts` (all of them, nothing else).
    # TODO: keep a part of the data for validation.

    model = keras.Sequential([
        keras.Input(shape=(MAX_LENGTH,)),
        # TODO: Embedding(VOCAB_SIZE, EMBEDDING_DIM), pooling, a hidden Dense layer
        keras.layers.Dense(1, activation="sigmoid"),  # TODO: a two-class output: make it fit this data's classes
    ])

    # TODO: compile (which loss fits integer labels?) and train with model.fit(...)

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
