"""A stand-in for the classifier's interface (``classify(text) -> Classification``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FakeClassification:
    top: list = field(default_factory=list)
    sub: list = field(default_factory=list)
    out_of_scope: object = False
    emergency: bool = False
    # [(kind of unit, prob)] and [(level, prob)], likeliest first; empty = a model without
    # those heads (the suggestions then come from the category alone)
    unit: list = field(default_factory=list)
    level: list = field(default_factory=list)


def classifier(monkeypatch, **kw):
    from lapor.routing import suggest

    result = FakeClassification(**kw)
    monkeypatch.setattr(suggest, "classify", lambda text: result)
    return result


ROAD = dict(
    top=[("pekerjaan-umum", "PEKERJAAN UMUM DAN PENATAAN RUANG", 0.96)],
    sub=[("jalan-berlubang", "Jalan Berlubang", 0.94)],
)
