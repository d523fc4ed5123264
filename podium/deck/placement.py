"""Where a region's chunks go: the arithmetic the deck writer places by and the fitter records.

Chunks are stacked top to bottom in a region; text and other fixed chunks take their measured
height, pictures and charts share what is left (in proportion to their natural heights), and
consecutive pictures form one grid whose columns show the smallest of them largest.  The fitter
runs the same arithmetic on each final plan and writes the outcome into the plan (a picture's
drawn size, its grid's columns), so the deck and the handout's drawing of the slide show one
decision.
"""

from __future__ import annotations

import math
from dataclasses import replace

from .. import model as m
from .geometry import EMU_PER_IN, GAP, Rect, split_columns
from .measure import MIN_PICTURE, is_elastic
from .pictures import image_pixels, natural_size
from .plan import ColumnsChunk, ObjectChunk, TextChunk, TypeSizes


def picture_of(c) -> m.Image | None:
    """Return the picture chunk ``c`` holds, or None when it holds something else."""
    return c.block if isinstance(c, ObjectChunk) and isinstance(c.block, m.Image) else None


def is_picture(c) -> bool:
    return picture_of(c) is not None


def picture_groups(chunks) -> list[list[int]]:
    """Return the indices of ``chunks`` in groups: consecutive pictures together (not those stacked, in
    a :data:`model.STACKED` div), every other chunk alone."""
    out: list[list[int]] = []
    for i, c in enumerate(chunks):
        if is_picture(c) and out and is_picture(chunks[out[-1][-1]]) and m.STACKED not in c.box:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def grid_shape(
    sizes_wh: list[tuple[int, int]],
    caps: list[int],
    width: int,
    height: int,
    targets: list[int] | None = None,
) -> tuple[int, float]:
    """Return (columns, smallest short side in EMU) of the best grid for pictures of natural sizes
    ``sizes_wh`` (with caption heights ``caps``) in ``width`` × ``height``.

    With ``targets`` (the short side each picture should reach) "smallest" is instead the least share
    of its target any picture reaches: the grid shows every picture large enough when it is ≥ 1.
    """
    n = len(sizes_wh)
    best = (1, -1.0)
    for cols in range(1, n + 1):
        rows = math.ceil(n / cols)
        cw = (width - GAP * (cols - 1)) / cols
        ch = (height - GAP * (rows - 1)) / rows
        smallest = float("inf")
        for k, ((w, h), cap) in enumerate(zip(sizes_wh, caps)):
            f = min(cw / w if w else 1, max(ch - cap, 1) / h if h else 1)
            short = min(w, h) * f
            smallest = min(smallest, short / targets[k] if targets else short)
        if smallest > best[1]:
            best = (cols, smallest)
    return best


def grid_cells(cols: int, n: int, area: Rect) -> list[Rect]:
    """Return the cells of ``n`` pictures in ``cols`` columns filling ``area``, row by row."""
    rows = -(-n // cols)
    cw = (area.w - GAP * (cols - 1)) // cols
    ch = (area.h - GAP * (rows - 1)) // rows
    out = []
    for k in range(n):
        r, q = divmod(k, cols)
        out.append(Rect(area.x + q * (cw + GAP), area.y + r * (ch + GAP), cw, ch))
    return out


def in_placeholder_look(c, style, own: bool, first_text: bool) -> bool:
    """True when text chunk ``c`` is drawn (so measured) in the placeholder's style: the first text chunk
    is the placeholder's; in a content placeholder (``own``) later ones are too (the writer flows them
    into its frame, or draws boxes in its look), except callouts, which are boxes of their own; and so
    is the text of columns in a content placeholder's room (the deck's list style, as beside them)."""
    if isinstance(c, ColumnsChunk):
        return own and style is not None
    return isinstance(c, TextChunk) and style is not None and (first_text or (own and "callout" not in c.box))


def follows_text(chunks) -> list[bool]:
    """For each of ``chunks``, whether the writer draws it in the text frame of the text chunk before it
    (text chunks one under another, as a fragment's or a list's after a paragraph; not a callout's)."""

    def plain(c) -> bool:
        return isinstance(c, TextChunk) and "callout" not in c.box

    return [i > 0 and plain(c) and plain(chunks[i - 1]) for i, c in enumerate(chunks)]


def chunk_heights(
    measurer, chunks, width: int, sizes: TypeSizes, style, own: bool, minimum: bool = False
) -> list[int]:
    """Return the height each of ``chunks`` takes ``width`` wide: text chunks one under another measured
    as the one text frame the writer draws them in (the first the frame's height, the others 0); the first
    text in a placeholder of ``style`` (None: a text box), and so later ones of a content placeholder
    (``own``), which the writer draws in its look."""
    follows = follows_text(chunks)
    heights = []
    first_text = True
    for i, c in enumerate(chunks):
        if follows[i]:
            heights.append(0)
            continue
        run = c
        for nxt, more in zip(chunks[i + 1 :], follows[i + 1 :]):
            if not more:
                break
            run = replace(run, paras=run.paras + nxt.paras)
        if in_placeholder_look(c, style, own, first_text):
            heights.append(measurer.chunk(run, width, sizes, style, own, minimum))
            first_text = False
        else:
            heights.append(measurer.chunk(run, width, sizes, None, False, minimum))
    return heights


def stack(measurer, chunks, rect: Rect, sizes: TypeSizes, style, own: bool) -> list[tuple[list[int], Rect]]:
    """Return, for each group of ``chunks`` (:func:`picture_groups`), the rectangle it is placed in.

    Text is measured as :func:`chunk_heights` says (a text chunk drawn in the frame of the one before
    gets an empty rectangle at that frame's foot); pictures and charts share what the other chunks
    leave, never drawn below ``rect``.
    """
    heights = chunk_heights(measurer, chunks, rect.w, sizes, style, own)
    follows = follows_text(chunks)
    groups = picture_groups(chunks)
    fixed = sum(h for c, h in zip(chunks, heights) if not is_elastic(c)) + GAP * (
        len(groups) - 1 - sum(follows)
    )
    room = max(rect.h - fixed, int(EMU_PER_IN * 0.8))
    elastic = [g for g in groups if any(is_elastic(chunks[i]) for i in g)]
    want = sum(max(heights[i] for i in g) for g in elastic) or 1
    out = []
    y = rect.y
    for g in groups:
        c = chunks[g[0]]
        if follows[g[0]]:  # (in the frame above: the writer draws it there)
            out.append((g, Rect(rect.x, y - GAP, rect.w, 0)))
            continue
        if len(g) > 1:  # several pictures: a grid
            tall = max(heights[i] for i in g)
            h = int(room * tall / want) if want > room else tall
            h = max(min(h, rect.bottom - y), int(EMU_PER_IN * 0.5))
        else:
            h = heights[g[0]]
            if is_elastic(c):
                h = int(room * h / want) if want > room else h
                h = min(h, rect.bottom - y)
            h = max(h, int(EMU_PER_IN * 0.3))
        out.append((g, Rect(rect.x, y, rect.w, h)))
        y += h + GAP
    return out


def chart_size(box: Rect) -> tuple[int, int]:
    """The (w, h) a chart is drawn at in ``box``, centred at its top: a squat, slide-wide chart reads
    badly, so it stays near 2:1."""
    h = min(box.h, max(int(box.w * 0.6), int(EMU_PER_IN * 2)))
    return min(box.w, int(h * 2.2)), h


def picture_area(box: Rect, caption_h: int) -> Rect:
    """Return the part of ``box`` a picture is drawn in: above its caption."""
    return Rect(box.x, box.y, box.w, max(box.h - caption_h, int(EMU_PER_IN * 0.5)))


def shown_size(
    measurer, b: m.Image, box: Rect, sizes: TypeSizes, slide_w: int, with_caption: bool = True, reference=None
) -> tuple[int, int]:
    """Return the (w, h) picture ``b`` is drawn at in ``box`` (its caption below it)."""
    cap = measurer.caption_height(b, box.w, sizes) if with_caption else 0
    return natural_size(b, picture_area(box, cap), slide_w, reference)


def picture_targets(wh: list[tuple[int, int]]) -> list[int]:
    """Return the short side each picture of natural sizes ``wh`` should be drawn at, at least: about
    1.5 in (:data:`MIN_PICTURE`), or its own size when it is smaller than that at the region's width."""
    return [max(min(MIN_PICTURE, min(w, h)), 1) for w, h in wh]


def grid_columns(measurer, pictures, area: Rect, sizes: TypeSizes, slide_w: int) -> int:
    """Return the columns of the grid that shows ``pictures`` in ``area`` closest to their sizes: the one
    whose picture least near its target (:func:`picture_targets`) is nearest."""
    wh = [natural_size(c.block, Rect(0, 0, area.w, 10 * area.w), slide_w) for c in pictures]
    caps = [measurer.caption_height(c.block, area.w // len(pictures), sizes) for c in pictures]
    return grid_shape(wh, caps, area.w, area.h, picture_targets(wh))[0]


def decide_pictures(measurer, chunks, rect: Rect, sizes: TypeSizes, style, own: bool, slide_w: int) -> list:
    """Return ``chunks`` with every picture's and chart's drawn size (and a grid's columns) written into it."""
    chunks = list(chunks)
    for g, box in stack(measurer, chunks, rect, sizes, style, own):
        c = chunks[g[0]]
        if len(g) > 1:
            pics = [chunks[i] for i in g]
            cols = grid_columns(measurer, pics, box, sizes, slide_w)
            for i, cell in zip(g, grid_cells(cols, len(g), box)):
                chunks[i] = _decided(measurer, chunks[i], cell, sizes, slide_w, cols)
        elif is_picture(c):
            chunks[g[0]] = _decided(measurer, c, box, sizes, slide_w, 0)
        elif isinstance(c, ObjectChunk) and isinstance(c.block, m.Chart):
            chunks[g[0]] = replace(c, shown=chart_size(box))  # drawn the size the deck draws it
        elif isinstance(c, ColumnsChunk):
            cols_ = []
            for (cc, w), r in zip(c.columns, split_columns(box, [w for _, w in c.columns])):
                cols_.append((tuple(decide_pictures(measurer, cc, r, sizes, None, False, slide_w)), w))
            chunks[g[0]] = replace(c, columns=tuple(cols_))
    return chunks


def _decided(measurer, c: ObjectChunk, box: Rect, sizes: TypeSizes, slide_w: int, cols: int) -> ObjectChunk:
    b = picture_of(c)
    if b is None or b.path is None:
        return replace(c, grid=cols)
    return replace(c, shown=shown_size(measurer, b, box, sizes, slide_w), grid=cols)


def placed_box(b: m.Image, ratio: float) -> tuple[float, float, float, float]:
    """Where picture ``b``, placed outside the flow (``b.place``), sits on a slide ``ratio`` wide per its
    height: (left, top, width, height) as shares of the slide's width and height.  A missing width or
    height keeps the picture's proportions; a side not given is the slide's left or top edge; never
    off the slide."""
    place = b.place or m.Placement()
    try:
        px_w, px_h = image_pixels(b.path) if b.path else (4, 3)
    except Exception:  # (a picture that cannot be read is drawn as a box: any proportion does)
        px_w, px_h = 4, 3
    aspect = px_h / px_w if px_w else 0.75  # height per width, in pixels
    w, h = place.width, place.height
    if w is None and h is None:
        w = min(px_w / 1050, 0.5)
    if w is None:
        w = (h or 0.0) / (aspect * ratio)
    if h is None:
        h = w * aspect * ratio
    w, h = min(max(w, 0.01), 1.0), min(max(h, 0.01), 1.0)
    x = place.left if place.left is not None else (1 - place.right - w if place.right is not None else 0.0)
    y = place.top if place.top is not None else (1 - place.bottom - h if place.bottom is not None else 0.0)
    return min(max(x, 0.0), 1 - w), min(max(y, 0.0), 1 - h), w, h
