"""Imported once by the local workers' fork server: the pipeline's modules and the spaCy model, loaded
before any worker exists, so every worker forked from it starts with them in memory.

Each worker used to be a fresh interpreter (`spawn`) that imported dateline and loaded the model
itself: about 2.5 s of CPU per worker (1.1 s of imports, 1.5 s of model), paid again by every
worker of every run, which on a 2-core machine and 60 short wire articles (~12 s of pipeline CPU)
kept 2 workers well under twice one. Forked from a server that has done this once, a worker starts
in milliseconds and shares the model's memory pages with its siblings until it writes to them.

Only the model named by the settings is loaded here (`DATELINE_SPACY_MODEL`, else the default):
what `--model` names is loaded by each worker as it starts. Resources that keep open files or
database connections (gazetteer index, actor dictionary) are left to load in each worker on first
use: a connection must not be shared across a fork.
"""

from __future__ import annotations

from dateline import pipeline  # noqa: F401 - imported for its side effect: every stage module loaded
from dateline.nlp import load_model

load_model()
