"""Grader only: the held-out fifth of the instance's texts.

Raw strings for a model that takes strings (TextVectorization inside, saved as .keras);
otherwise the texts tokenised with the task's fixed settings, adapted on exactly the
training texts the starter hands out.
"""

import drill_heldout


def heldout(model, instance="tweets-device"):
    return drill_heldout.classifier(model, "binary", instance)
