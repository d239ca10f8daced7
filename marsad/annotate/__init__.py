"""Annotation components and the pipeline that composes them."""

from marsad.annotate.pipeline import Pipeline, available, register

__all__ = ["Pipeline", "available", "register"]
