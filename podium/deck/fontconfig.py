"""fontconfig's choice of font file for a pattern, asked in this process rather than of ``fc-match``.

A deck is measured in three to eight faces (body and title, bold, italic, code); starting
``fc-match`` for each costs about 9 ms of a build that takes half a second from the command line.
The same library that ``fc-match`` (and LibreOffice, and WeasyPrint through Pango) uses answers
in well under a millisecond once its configuration is loaded.  :func:`match_file` gives exactly
what ``fc-match -f '%{file}' PATTERN`` prints: the same pattern syntax, substitutions and default
substitutions, then the best match.  Where the library cannot be loaded it returns ``None`` and the
caller runs ``fc-match`` itself.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading

_MATCH_KIND_PATTERN = 0  # FcMatchPattern
_RESULT_MATCH = 0  # FcResultMatch

_lock = threading.Lock()
_state: dict[str, object] = {}


def _library():
    """(library, config), loaded once; None where fontconfig cannot be found or started."""
    if "lib" not in _state:
        _state["lib"] = None
        name = ctypes.util.find_library("fontconfig")
        try:
            lib = ctypes.CDLL(name or "libfontconfig.so.1")
        except OSError:
            return None
        vp, cp = ctypes.c_void_p, ctypes.c_char_p
        lib.FcInitLoadConfigAndFonts.restype = vp
        lib.FcInitLoadConfigAndFonts.argtypes = []
        lib.FcNameParse.restype = vp
        lib.FcNameParse.argtypes = [cp]
        lib.FcConfigSubstitute.restype = ctypes.c_int
        lib.FcConfigSubstitute.argtypes = [vp, vp, ctypes.c_int]
        lib.FcDefaultSubstitute.restype = None
        lib.FcDefaultSubstitute.argtypes = [vp]
        lib.FcFontMatch.restype = vp
        lib.FcFontMatch.argtypes = [vp, vp, ctypes.POINTER(ctypes.c_int)]
        lib.FcPatternGetString.restype = ctypes.c_int
        lib.FcPatternGetString.argtypes = [vp, cp, ctypes.c_int, ctypes.POINTER(cp)]
        lib.FcPatternDestroy.restype = None
        lib.FcPatternDestroy.argtypes = [vp]
        config = lib.FcInitLoadConfigAndFonts()
        if config:
            _state["lib"] = (lib, config)
    return _state["lib"]


def match_file(pattern: str) -> str | None:
    """The file fontconfig draws ``pattern`` (e.g. ``"Carlito:bold"``) with; None if it cannot say."""
    with _lock:
        loaded = _library()
        if loaded is None:
            return None
        lib, config = loaded
        pat = lib.FcNameParse(pattern.encode("utf-8", "replace"))
        if not pat:
            return None
        try:
            lib.FcConfigSubstitute(config, pat, _MATCH_KIND_PATTERN)
            lib.FcDefaultSubstitute(pat)
            result = ctypes.c_int(_RESULT_MATCH)
            found = lib.FcFontMatch(config, pat, ctypes.byref(result))
        finally:
            lib.FcPatternDestroy(pat)
        if not found:
            return None
        try:
            file = ctypes.c_char_p()
            if lib.FcPatternGetString(found, b"file", 0, ctypes.byref(file)) != _RESULT_MATCH:
                return None
            return (file.value or b"").decode("utf-8", "surrogateescape") or None  # copied before the free
        finally:
            lib.FcPatternDestroy(found)
