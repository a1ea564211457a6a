"""Grader only: the instance's held-out images, pixels scaled to 0–1 as task.md says."""

import drill_heldout


def heldout(model, instance):
    return drill_heldout.small_image_set(instance)
