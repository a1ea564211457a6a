"""Grader only: next-word windows from the held-out fifth of the paragraphs.

Int ids (the task's vocabulary, adapted on exactly the training paragraphs) for an int model;
the same windows as words for a model that takes strings. Targets outside the vocabulary are
left out.
"""

import drill_heldout


def heldout(model):
    return drill_heldout.next_words(model)
