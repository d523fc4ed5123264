"""The model is closed: every node type is known to the one traversal, and kinds are enums."""

from __future__ import annotations

import dataclasses
import inspect

from podium import model as m


def _dataclasses() -> set[type]:
    return {
        obj
        for _, obj in inspect.getmembers(m, inspect.isclass)
        if dataclasses.is_dataclass(obj) and obj.__module__ == m.__name__
    }


def test_every_node_type_is_known_to_the_traversal():
    data_only = {m.SourcePos, m.Length, m.Placement, m.ChartSeries, m.Author, m.Meta}
    assert _dataclasses() - data_only == set(m.node_types())
    assert set(m.INLINE_TYPES) | set(m.BLOCK_TYPES) <= set(m.node_types())


def test_walk_visits_everything_in_document_order():
    pos = m.SourcePos("x.md", 1)
    table = m.Table(
        (m.TableCell((m.Text("h"),)),),
        ((m.TableCell((m.Strong((m.Text("c"),)),)),),),
        (m.Align.NONE,),
        (1.0,),
        pos,
        caption=(m.Text("cap"),),
    )
    quote = m.Quote((m.Paragraph((m.Text("q"), m.FootnoteRef(1)), pos),), pos, (m.Text("who"),))
    texts = [n.text for n in m.walk((table, quote)) if isinstance(n, m.Text)]
    assert texts == ["cap", "h", "c", "q", "who"]
    assert m.blocks_text((table, quote)) == "h\nc\nq\nwho"
    assert m.plain_text(quote.blocks[0].content) == "q"


def test_transform_rebuilds_and_drops():
    pos = m.SourcePos("x.md", 1)
    para = m.Paragraph((m.Emph((m.Text("a"), m.FootnoteRef(3))), m.Text("b")), pos)
    out = m.transform(para, lambda n: None if isinstance(n, m.FootnoteRef) else n)
    assert out == m.Paragraph((m.Emph((m.Text("a"),)), m.Text("b")), pos)


def test_kinds_are_enums_that_still_read_as_strings():
    assert m.SlideKind.TITLE == "title" and f"{m.SlideKind.SECTION}" == "section"
    assert m.ChartKind("scatter") is m.ChartKind.SCATTER
    assert ", ".join(m.CHART_KINDS) == "bar, column, line, pie, scatter, stacked"
    assert not m.Align.NONE and str(m.LengthUnit.PERCENT) == "%"
