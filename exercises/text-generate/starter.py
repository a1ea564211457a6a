"""Drill: predict the next word of a text with a recurrent network.

Build, train and return a language model: the ids of GEN_CONTEXT words in, one probability
for every word of the vocabulary out. Read task.md for the details and the bar.
"""

import keras
import numpy as np

from drill.data.text import (
    GEN_CONTEXT,  # 6 words of context
    GEN_VOCAB_SIZE,  # 1000 words, padding (0) and "[UNK]" (1) included
    prose_paragraphs,
)

INSTANCE = "python-reference"  # the data set of this attempt; `drill new` sets it


def solution_model():
    # a list of paragraphs of English prose (strings); task.md says what they are
    paragraphs = prose_paragraphs(INSTANCE)

    # TODO: the vocabulary: keras.layers.TextVectorization(max_tokens=GEN_VOCAB_SIZE), adapted
    #       on `paragraphs`; calling it on one paragraph gives that paragraph's word ids.
    # TODO: inputs and labels: inside each paragraph, every GEN_CONTEXT ids in a row are an
    #       input and the id right after them its label. Leave out labels 0 and 1.

    model = keras.Sequential([
        keras.Input(shape=(GEN_CONTEXT,)),
        # TODO: an Embedding, then an LSTM (or GRU) layer
        keras.layers.Dense(GEN_VOCAB_SIZE, activation="softmax"),
    ])

    # TODO: compile (integer labels, 1000 classes) and train with model.fit(...)

    return model


# Keep this block as it is: the checker runs the file and grades the saved model.
if __name__ == "__main__":
    model = solution_model()
    model.save("mymodel.h5")
