"""Placeholder: replaced by the actors stage."""
from dateline.model import Document


def tag_actors(doc: Document) -> Document:
    return doc
