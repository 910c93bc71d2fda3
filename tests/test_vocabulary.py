"""The contract's closed vocabularies (`dateline.vocabulary`) and stable ids (`dateline.ids`), named by the model."""

from __future__ import annotations

import datetime as dt
import typing


def test_the_model_names_the_vocabularies_and_ids_it_is_made_of() -> None:
    """Every word list and id function the model names is the one object of its own module, so a stage importing it
    from the model and one importing it from its home read the same values; the schema enumerates them."""
    import dateline.ids as ids
    import dateline.model as model
    import dateline.vocabulary as vocabulary

    words = [n for n in vars(vocabulary) if not n.startswith("_") and n not in ("Literal", "Precision", "annotations")]
    assert {"EventType", "EventStatus", "ExclusionKind", "NEARBY_AREA_BASIS"} <= set(words)
    for name in words:
        assert getattr(model, name) is getattr(vocabulary, name), name
        assert name in model.__all__, name
    assert model.content_id is ids.content_id and model.event_id is ids.event_id
    enums = [node["enum"] for node in _nodes(model.extract_schema()) if "enum" in node]
    for literal in (vocabulary.EventType, vocabulary.EventStatus, vocabulary.ExclusionKind):
        assert list(typing.get_args(literal)) in enums


def test_ids_are_stable_across_wrapping_and_say_where_an_event_is() -> None:
    """An article's id ignores surrounding blank space and Windows line ends; an event's changes with its type or
    its trigger's offset (text written for this test)."""
    from dateline.ids import content_id, event_id

    day = dt.date(2024, 3, 5)
    text = "Crowds marched through the square on Monday.\nThe mayor spoke."
    assert content_id(text, day) == content_id("\n\n" + text.replace("\n", "\r\n") + "  ", day)
    assert content_id(text, day) != content_id(text, dt.date(2024, 3, 6))
    first = event_id("a", "PROTEST", 7, 0)
    assert first == event_id("a", "PROTEST", 7, 0)
    assert len({first, event_id("a", "ASSAULT", 7, 0), event_id("a", "PROTEST", 8, 0)}) == 3


def _nodes(schema: object) -> list[dict[str, object]]:
    """Every object node of a JSON Schema, depth first."""
    if isinstance(schema, dict):
        return [schema, *(n for v in schema.values() for n in _nodes(v))]
    if isinstance(schema, list):
        return [n for v in schema for n in _nodes(v)]
    return []
