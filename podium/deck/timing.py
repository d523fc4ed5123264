"""Builds: appear-on-click animations as ``p:timing`` XML (python-pptx has no animation API).

The XML follows PowerPoint's own files: one main sequence, one click per step, every target of
a step appearing together (whole shapes, or single paragraphs of a text shape).
"""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"


def write_timing(slide, anim: list[tuple[int, int, int | None]]) -> None:
    """Write appear-on-click builds: one click per step, every target of a step appearing together."""
    steps: dict[int, list[tuple[int, int | None]]] = {}
    for step, spid, para in anim:
        steps.setdefault(step, []).append((spid, para))
    ids = iter(range(3, 100000))
    clicks = []
    for step in sorted(steps):
        effects = []
        for k, (spid, para) in enumerate(steps[step]):
            tgt = (
                f'<p:spTgt spid="{spid}"/>'
                if para is None
                else (f'<p:spTgt spid="{spid}"><p:txEl><p:pRg st="{para}" end="{para}"/></p:txEl></p:spTgt>')
            )
            node = "clickEffect" if k == 0 else "withEffect"
            effects.append(
                f'<p:par><p:cTn id="{next(ids)}" presetID="1" presetClass="entr" presetSubtype="0" fill="hold" '
                f'grpId="0" nodeType="{node}"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
                f'<p:set><p:cBhvr><p:cTn id="{next(ids)}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/>'
                f"</p:stCondLst></p:cTn><p:tgtEl>{tgt}</p:tgtEl><p:attrNameLst><p:attrName>style.visibility"
                f'</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>'
                f"</p:childTnLst></p:cTn></p:par>"
            )
        clicks.append(
            f'<p:par><p:cTn id="{next(ids)}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst>'
            f'<p:childTnLst><p:par><p:cTn id="{next(ids)}" fill="hold"><p:stCondLst><p:cond delay="0"/>'
            f"</p:stCondLst><p:childTnLst>{''.join(effects)}</p:childTnLst></p:cTn></p:par></p:childTnLst>"
            f"</p:cTn></p:par>"
        )
    text_shapes = {spid for _, spid, para in anim if para is not None}
    bld = "".join(f'<p:bldP spid="{spid}" grpId="0" build="p"/>' for spid in sorted(text_shapes))
    xml = (
        f'<p:timing xmlns:p="{_P}"><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" '
        f'nodeType="tmRoot"><p:childTnLst><p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" '
        f'nodeType="mainSeq"><p:childTnLst>{"".join(clicks)}</p:childTnLst></p:cTn><p:prevCondLst>'
        f'<p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>'
        f'<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond>'
        f"</p:nextCondLst></p:seq></p:childTnLst></p:cTn></p:par></p:tnLst>"
        + (f"<p:bldLst>{bld}</p:bldLst>" if bld else "")
        + "</p:timing>"
    )
    timing = etree.fromstring(xml)
    sld = slide._element
    ext = sld.find(qn("p:extLst"))
    if ext is not None:
        ext.addprevious(timing)
    else:
        sld.append(timing)
