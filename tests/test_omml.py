"""Office math: TeX → MathML → OMML on a table of constructs, checked against the OMML schema's
content models (ECMA-376 Part 1, shared-math.xsd), and the deck's equations read back with python-pptx
and drawn by LibreOffice (which draws the fallback)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from lxml import etree

from podium.deck.omml import A14_NS, M_NS, MC_NS, tex_omml
from podium.texmath import readable, tex_to_text

M = f"{{{M_NS}}}"

# --------------------------------------------------------------------------- a structural OMML schema check

# The content model of each OMML element used, as a regex over its children's local names (from
# shared-math.xsd: sequences in schema order, ? optional, + repeated).
_ARG = (
    "(acc|bar|box|borderBox|d|eqArr|f|func|groupChr|limLow|limUpp|m|nary|phant|rad|sPre|sSub|sSubSup|sSup|r)*"
)
CONTENT = {
    "oMathPara": r"(oMathParaPr )?(oMath )+",
    "oMathParaPr": r"(jc )?",
    "oMath": _ARG,
    "e": _ARG,
    "num": _ARG,
    "den": _ARG,
    "sub": _ARG,
    "sup": _ARG,
    "deg": _ARG,
    "lim": _ARG,
    "r": r"(rPr )?(rPr )?(t )?",  # m:rPr, then DrawingML's a:rPr, then m:t
    "rPr": r"(lit )?(nor |(scr )?(sty )?)?(brk )?(aln )?",
    "f": r"(fPr )?num den ",
    "fPr": r"(type )?(ctrlPr )?",
    "rad": r"(radPr )?deg e ",
    "radPr": r"(degHide )?(ctrlPr )?",
    "sSub": r"(sSubPr )?e sub ",
    "sSup": r"(sSupPr )?e sup ",
    "sSubSup": r"(sSubSupPr )?e sub sup ",
    "nary": r"(naryPr )?sub sup e ",
    "naryPr": r"(chr )?(limLoc )?(grow )?(subHide )?(supHide )?(ctrlPr )?",
    "acc": r"(accPr )?e ",
    "accPr": r"(chr )?(ctrlPr )?",
    "bar": r"(barPr )?e ",
    "barPr": r"(pos )?(ctrlPr )?",
    "groupChr": r"(groupChrPr )?e ",
    "groupChrPr": r"(chr )?(pos )?(vertJc )?(ctrlPr )?",
    "limUpp": r"(limUppPr )?e lim ",
    "limLow": r"(limLowPr )?e lim ",
    "d": r"(dPr )?(e )+",
    "dPr": r"(begChr )?(sepChr )?(endChr )?(grow )?(shp )?(ctrlPr )?",
    "m": r"(mPr )?(mr )+",
    "eqArr": r"(eqArrPr )?(e )+",  # (shared-math.xsd: CT_EqArr)
    "mPr": r"(baseJc )?(plcHide )?(rSpRule )?(cGpRule )?(rSp )?(cSp )?(cGp )?(mcs )?(ctrlPr )?",
    "mcs": r"(mc )+",
    "mc": r"(mcPr )?",
    "mcPr": r"(count )?(mcJc )?",
    "mr": r"(e )+",
    "borderBox": r"(borderBoxPr )?e ",
}
_ARG_RE = re.compile(
    r"^((acc|bar|box|borderBox|d|eqArr|f|func|groupChr|limLow|limUpp|m|nary|phant|rad|sPre|sSub"
    r"|sSubSup|sSup|r) )*$"
)
VALS = {
    "limLoc": {"undOvr", "subSup"},
    "pos": {"top", "bot"},
    "vertJc": {"top", "bot"},
    "type": {"bar", "skw", "lin", "noBar"},
    "mcJc": {"center", "left", "right", "inside", "outside"},
    "jc": {"left", "right", "center", "centerGroup"},
    "sty": {"p", "b", "i", "bi"},
    "baseJc": {"top", "bot", "center"},
    "degHide": {"0", "1", "on", "off"},
    "subHide": {"0", "1"},
    "supHide": {"0", "1"},
}


def schema_problems(root: etree._Element) -> list[str]:
    problems = []
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.tag.startswith(M):
            continue
        name = etree.QName(el).localname
        kids = " ".join(etree.QName(c).localname for c in el if isinstance(c.tag, str))
        kids = kids + " " if kids else ""
        if name in ("e", "num", "den", "sub", "sup", "deg", "lim", "oMath"):
            if not _ARG_RE.match(kids):
                problems.append(f"m:{name} holds {kids!r}")
        elif name in CONTENT:
            if not re.fullmatch(CONTENT[name], kids):
                problems.append(f"m:{name} holds {kids!r}")
        elif name not in (
            "t",
            "chr",
            "limLoc",
            "subHide",
            "supHide",
            "begChr",
            "endChr",
            "sepChr",
            "pos",
            "vertJc",
            "type",
            "count",
            "mcJc",
            "jc",
            "sty",
            "nor",
            "baseJc",
            "degHide",
            "ctrlPr",
        ):
            problems.append(f"m:{name} is not an element this check knows")
        if name in VALS and el.get(M + "val") not in VALS[name]:
            problems.append(f"m:{name} val={el.get(M + 'val')!r}")
        if name in ("chr", "begChr", "endChr") and el.get(M + "val") is None:
            problems.append(f"m:{name} without val")
    return problems


def test_the_schema_check_can_fail():
    bad = etree.fromstring(
        f'<m:oMath xmlns:m="{M_NS}"><m:f><m:den/><m:num/></m:f><m:sSup><m:e/></m:sSup>'
        f"<m:acc><m:accPr><m:chr/></m:accPr><m:e/></m:acc></m:oMath>"
    )
    problems = schema_problems(bad)
    assert any("m:f holds" in p for p in problems) and any("m:sSup" in p for p in problems)
    assert any("without val" in p for p in problems)


# --------------------------------------------------------------------------- the constructs table

# TeX, the OMML structure it must contain (XPath with m:), the text it must contain, its fallback text
CONSTRUCTS = [
    (r"\frac{a}{b}", "m:f[m:num//m:t='a'][m:den//m:t='b']", "a/b"),
    (r"1 \over 2", "m:f[m:num//m:t='1'][m:den//m:t='2']", "1/2"),
    (r"\sqrt[5]{\frac{2^6 \cdot 3^{12}}{5^{20}}}", "m:rad[m:deg//m:t='5'][m:e/m:f/m:num/m:sSup]", "⁵√"),
    (r"\sqrt{x}", "m:rad[m:radPr/m:degHide][m:e//m:t='x']", "√x"),
    (r"\bar{x}", "m:acc[m:accPr/m:chr/@m:val='\u0305'][m:e//m:t='x']", "x̄"),
    (r"\hat{\beta}", "m:acc[m:accPr/m:chr/@m:val='\u0302'][m:e//m:t='β']", "β̂"),
    (r"\vec{v}", "m:acc[m:accPr/m:chr/@m:val='\u20d7'][m:e//m:t='v']", "v⃗"),
    (r"\overline{AB}", "m:bar[m:barPr/m:pos/@m:val='top']", "AB"),
    (r"\{x \mid -3 \leq x \leq 0\}", "m:r[m:t='∣']", "{x ∣ −3 ≤ x ≤ 0}"),
    (
        r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}",
        "m:d[m:dPr/m:begChr/@m:val='(' and m:dPr/m:endChr/@m:val=')']/m:e/m:m[count(m:mr)=2][count(m:mr[1]/m:e)=2]",
        "a b; c d",
    ),
    (
        r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}",
        "m:d[m:dPr/m:begChr/@m:val='{' and m:dPr/m:endChr/@m:val='']/m:e/m:m[count(m:mr)=2]",
        "otherwise",
    ),
    (r"\begin{aligned} a &= b + c \\ d &= e \end{aligned}", "m:m[count(m:mr)=2]", "a = b + c"),
    (r"\begin{align} x &= 1 \\ y &= 2 \end{align}", "m:m[count(m:mr)=2]", "x = 1"),
    (
        r"\sum_{i=1}^{n} i^2",
        "m:nary[m:naryPr/m:chr/@m:val='∑'][m:sub//m:t='i'][m:sup//m:t='n'][m:e/m:sSup]",
        "∑ᵢ₌₁ⁿ i²",
    ),
    (r"\int_0^1 f(x)\,dx", "m:nary[m:naryPr/m:chr/@m:val='∫'][m:sub//m:t='0'][m:sup//m:t='1']", "∫"),
    (r"\prod_{k} a_k", "m:nary[m:naryPr/m:chr/@m:val='∏'][m:naryPr/m:supHide]", "∏"),
    (r"\mathbb{R}^n", "m:sSup[m:e//m:t='ℝ'][m:sup//m:t='n']", "ℝⁿ"),
    # a font's argument of one token written without braces, as TeX (and MathJax) read it
    (r"\mathbb R^{n}", "m:sSup[m:e//m:t='ℝ'][m:sup//m:t='n']", "ℝⁿ"),
    (r"\mathcal L + \boldsymbol\alpha", "m:r[m:t='ℒ']", "ℒ"),
    (r"\langle u, v \rangle", "m:r[m:t='⟨']", "⟨u,v⟩"),
    (r"\left( \frac{a}{b} \right)", "m:d[m:dPr/m:begChr/@m:val='(']/m:e/m:f", "(a/b)"),
    (r"x_i^{2}", "m:sSubSup[m:e//m:t='x'][m:sub//m:t='i'][m:sup//m:t='2']", "xᵢ²"),
    (r"\lim_{x \to 0} \frac{\sin x}{x}", "m:limLow[m:e//m:t='lim'][m:lim//m:t='→']", "lim"),
    (
        r"\operatorname{argmin}_x f(x)",
        "m:limLow[m:e/m:r[m:rPr/m:sty/@m:val='p'][m:t='argmin']][m:lim//m:t='x']",
        "argmin",
    ),
    (r"a \cdot b \times c \leq d \neq e", "m:r[m:t='≠']", "≤"),
    (r"\ldots \rightarrow \infty", "m:r[m:t='→']", "… → ∞"),
    (r"\underbrace{a+b}_{n}", "m:groupChr[m:groupChrPr/m:pos/@m:val='bot']", "a"),
    (r"\text{if } x", "m:r[m:rPr/m:nor][starts-with(m:t, 'if')]", "if"),  # (its space kept: "if x")
    # \arg\min and \nolimits (standard, unknown to latex2mathml); \\[10pt] ends a row, draws nothing
    (r"\arg\min_{x} F(x)", "m:r[m:t='arg']", "arg minₓ F(x)"),
    (r"\sum\nolimits_i x_i", "m:nary[m:naryPr/m:chr/@m:val='∑']", "∑ᵢ xᵢ"),
    (r"\begin{bmatrix} a \\[4pt] b \end{bmatrix}", "m:m[count(m:mr)=2]", "a; b"),
    # a matrix transposed or inverted: the whole matrix is the script's base
    (r"\begin{bmatrix} a & b \end{bmatrix}^T", "m:sSup[m:e/m:d//m:m][m:sup//m:t='T']", "[a b]ᵀ"),
    (
        r"\begin{pmatrix} a \\ b \end{pmatrix}^{-1}",
        "m:sSup[m:e/m:d//m:m[count(m:mr)=2]][m:sup//m:t='1']",
        "(a; b)⁻¹",
    ),
    # gathered rows (latex2mathml's line breaks) are rows of Office math too, not one line
    (r"\begin{gathered} a = 1 \\ b = 2 \\ \end{gathered}", "m:eqArr[count(m:e)=2][m:e[2]//m:t='b']", "a = 1"),
    # := and =: as one sign; primes and starred scripts written as they are in linear text
    (r"f := g =: h", "m:r[m:t='≔']", "f ≔ g ≕ h"),
    (r"F'(x^*) = F_*", "m:sSup[m:e//m:t='F']", "F′(x*) = F*"),
]


@pytest.mark.parametrize("tex,xpath,text", CONSTRUCTS, ids=[c[0][:40] for c in CONSTRUCTS])
def test_construct_becomes_office_math(tex, xpath, text):
    assert readable(tex)
    for display in (False, True):
        root = tex_omml(tex, display, 2400)
        assert root is not None
        assert etree.QName(root).localname == ("oMathPara" if display else "oMath")
        assert schema_problems(root) == []
        found = root.xpath(".//" + xpath, namespaces={"m": M_NS})
        assert found, (tex, etree.tostring(root, encoding="unicode")[:600])
        assert "\\" not in "".join(root.itertext())  # no TeX command leaks into the math
    assert text in tex_to_text(tex)


@pytest.mark.parametrize("tex", [r"\frac{1}{", r"x^", r"\laplace x", r"\begin{foo} x", "\\"])
def test_unreadable_tex_is_refused(tex):
    assert not readable(tex)
    assert tex_omml(tex) is None


# --------------------------------------------------------------------------- in the deck

MATH_LECTURE = r"""---
title: Math
---

## Sets and roots

\DeclareMathOperator{\argmin}{arg\,min}
\newcommand{\R}{\mathbb{R}}

The set $\{x \mid -3 \leq x \leq 0\}$ and $\sqrt[5]{\frac{2^6 \cdot 3^{12}}{5^{20}}}$ and $\bar{x} \in \R$.

$$\argmin_{w \in \R^n} \sum_{i=1}^n \left(y_i - \langle w, x_i \rangle\right)^2$$

- $$E = mc^2$$

## Unreadable

Here $\laplace x$ stays TeX.
"""


@pytest.fixture(scope="module")
def math_deck(tmp_path_factory):
    from podium.diagnostics import Diagnostics
    from podium.pipeline import BuildOptions, build_handout, build_slides

    folder = tmp_path_factory.mktemp("math")
    src = folder / "lecture.md"
    src.write_text(MATH_LECTURE, encoding="utf-8")
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=folder / "out"), diags)
    pdf = build_handout(src, BuildOptions(out_dir=folder / "out"), diags)
    return deck, pdf, diags


def _slide_xml(deck, n):
    from pptx import Presentation

    prs = Presentation(str(deck))
    return prs.slides[n]._element


def test_deck_math_is_office_math_with_fallbacks(math_deck):
    deck, _, diags = math_deck
    sld = _slide_xml(deck, 1)
    acs = list(sld.iter(f"{{{MC_NS}}}AlternateContent"))
    assert len(acs) >= 5  # three inline equations, the display equation, the bullet's equation
    for ac in acs:
        choice, fallback = ac[0], ac[1]
        assert etree.QName(choice).localname == "Choice" and etree.QName(fallback).localname == "Fallback"
        prefix = choice.get("Requires")
        assert choice.nsmap[prefix] == A14_NS  # the prefix names the a14 namespace PowerPoint edits math in
        maths = list(choice.iter(f"{{{A14_NS}}}m"))
        assert len(maths) == 1 and len(maths[0]) == 1
        assert schema_problems(maths[0][0]) == []
        assert len(fallback) == 1  # something for viewers without Office math
    display = [ac for ac in acs if ac.getparent().tag.endswith("}spTree")]
    assert display, "the display equation is a shape-level AlternateContent"
    for ac in display:
        assert etree.QName(ac[1][0]).localname == "pic"  # its fallback is a picture
        assert etree.QName(ac[0][0]).localname == "sp"
        assert ac[1][0].find(".//{*}cNvPr").get("descr").startswith("{\\operatorname{arg")
        assert list(ac[0][0].iter(f"{M}oMathPara"))
    # macros from the lecture are expanded: \R is ℝ, \argmin an upright operator name
    text = "".join(t.text or "" for t in sld.iter(f"{M}t"))
    assert "ℝ" in text and "arg" in text and "\\" not in text
    # the bullet's $$…$$ is math inside the bullet
    bullet_math = [ac for ac in acs if ac.getparent().tag.endswith("}p")]
    assert any("E" in "".join(ac.itertext()) and "mc" in "".join(ac.itertext()) for ac in bullet_math)


def test_unreadable_math_is_code_font_source_in_both_outputs(math_deck):
    from pypdf import PdfReader

    deck, pdf, diags = math_deck
    warnings = [d for d in diags.items if d.code == "math"]
    assert warnings and warnings[0].pos.line == 18 and "\\laplace" in warnings[0].message
    sld = _slide_xml(deck, 2)
    runs = [
        r
        for r in sld.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}r")
        if "laplace" in "".join(r.itertext())
    ]
    assert runs and runs[0].find(".//{*}latin") is not None  # a code font
    handout = "".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages)
    assert "\\laplace x" in handout


def test_handout_math_is_vector_with_tex_alt(math_deck, tmp_path):
    from podium.diagnostics import Diagnostics
    from podium.handout.html import render_html
    from podium.pipeline import BuildOptions, load

    deck, _, _ = math_deck
    src = deck.parent.parent / "lecture.md"
    diags = Diagnostics()
    lec, template = load(src, BuildOptions(), diags)
    html = render_html(lec, template, diags)
    assert re.search(r'role="img" aria-label="\\\{x \\mid', html)
    assert "<svg" in html


def test_libreoffice_draws_the_fallbacks(math_deck, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice or poppler is not installed; CI installs them")
    deck, _, _ = math_deck
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / (deck.stem + ".pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "{x ∣ −3 ≤ x ≤ 0}" in text and "x̄ ∈ ℝ" in text.replace("x̄", "x̄")  # inline: the fallback text
    assert "E = mc²" in text
    if shutil.which("pdfimages"):
        listing = subprocess.run(
            [
                "pdfimages",
                "-list",
                "-f",
                "2",
                "-l",
                "2",
                str(pdf),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert len(listing.strip().splitlines()) >= 3  # header lines + the display equation's picture


def test_an_equation_after_a_pause_is_animated_by_the_id_both_branches_carry(tmp_path):
    """PowerPoint reads the math (mc:Choice), other viewers the picture (mc:Fallback): the click's
    animation names one shape id, which both carry, as PowerPoint's own files do."""
    from pptx import Presentation

    from podium.diagnostics import Diagnostics
    from podium.pipeline import BuildOptions, build_slides

    src = tmp_path / "pause.md"
    src.write_text("---\ntitle: P\n---\n\n## S\n\nFirst words\n\n. . .\n\n$$E = mc^2$$\n")
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    sld = Presentation(str(deck)).slides[1]._element
    ac = next(a for a in sld.iter(f"{{{MC_NS}}}AlternateContent") if a.getparent().tag.endswith("}spTree"))
    choice_id = ac[0][0].find(".//{*}cNvPr").get("id")
    fallback_id = ac[1][0].find(".//{*}cNvPr").get("id")
    assert choice_id == fallback_id
    targets = {
        el.get("spid") for el in sld.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}spTgt")
    }
    assert choice_id in targets
    others = [
        el.get("id") for el in sld.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")
    ]
    assert others.count(choice_id) == 2  # the two branches of one shape, no other shape
