"""A lecture that names no language but is written in Chinese, Japanese or Korean gets its
cross-references and proof titles in that language too, as its callouts and Podium's own words."""

from __future__ import annotations

from .conftest import built_from_text


def test_cross_references_of_an_unnamed_chinese_lecture_are_chinese(tmp_path):
    prs, handout, err = built_from_text(
        tmp_path,
        """
        ---
        title: 人类安全
        ---

        ## 图表

        如图 @fig-map 所示，这个概念强调每一个人的安全，而不仅仅是国家的安全。这是一个重要的转变。

        ![世界地图](map.png){#fig-map}

        ::: {.proof}
        每一个人的安全都是国家安全的基础，因此两者并不矛盾。
        :::
        """,
    )
    text = "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    assert "如图 图 1 所示" in text and "图 1: 世界地图" in text, text
    assert "Figure" not in text and "Proof" not in text, text
    assert "证" in text  # (Quarto's Chinese proof title)
    assert "lang: zh is used" in err
