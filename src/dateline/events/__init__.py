"""The events stage: PLOVER events (type, mode, parties, modality, date, place, evidence).

`code_events(doc)` is the stage function the pipeline runs after the actors stage.
"""

from dateline.events.coder import code_events
from dateline.events.explain import explain_event

__all__ = ["code_events", "explain_event"]
