"""Grader only: the held-out fifth of the Android/iPhone tweets.

Raw strings for a model that takes strings (TextVectorization inside, saved as .keras);
otherwise the texts tokenised with the task's fixed settings, adapted on exactly the
training texts the starter hands out.
"""

import drill_heldout
from drill.data import text


def heldout(model):
    texts, labels = drill_heldout.tweets_by_device()
    train_texts, _ = text.tweets_by_device()
    return drill_heldout.texts_for(model, train_texts, texts, labels)
