#!/usr/bin/env python3
"""What poppler and PDFium can give back at best, from any PDF: their line reordering, modelled from their sources,
and a demonstration that one PDF can hand each reader a text of its own.

Usage:
  readers.py ceiling TOKENS.tsv CORPUS.json rtl|ltr
                                            the tokens poppler can give back from some PDF on a right-to-left (or
                                            left-to-right) page, within one line or across line breaks at spaces, and
                                            what rules each other one out
  readers.py check                          the PDFium model against what PDFium copied of pages written by hand
  readers.py pdfium-lines MAWJAZ OUT FONT  sets LINE_TOKENS as one-line paragraphs, hands PDFium each line's text as one
                                            /ActualText (a tab on the line's other text objects, which PDFium then
                                            skips), and prints every reader's tokens before and after and whether the
                                            pages' pixels changed
  readers.py layers PDF SOURCE OUT_DIR     the share of SOURCE's Arabic words (pdf-audit's recall: whole and in order)
                                            each reader gives back from PDF, and from copies of it with Mawjaz's text
                                            layers taken out one by one (the structure elements' /ActualText, the
                                            lines for PDFium, the lines for poppler): what each layer costs MuPDF 1.28
  readers.py without PDF OUT LAYER[,LAYER]  writes a copy of PDF without those text layers (structure, pdfium,
                                            poppler), for measure.py
  readers.py for-pdfjs PDF OUT EDIT[,EDIT]  writes a copy of PDF edited for pdf.js 6 (see "MuPDF and pdf.js as people
                                            have them today" in the README), for measure.py: `tags`, each face's
                                            simple (WinAnsi) subset given its CID subset's tag; `lines`, each line
                                            for PDFium's `/L` sequences made one, its bare spaces inside; `tab-lines`,
                                            those of a line's shows that carry a tab made one, its carrier's kept
                                            apart; `moves`, each bare space cairo draws between two font changes
                                            drawn as a move of its width (`TJ`) in the font before it, no glyph
  readers.py for-mupdf PDF OUT EDIT[,EDIT]  writes a copy of PDF edited for MuPDF 1.28 (see "MuPDF 1.28's extra copies"
                                            in the README), for measure.py: `clip-carriers`, each line for poppler drawn
                                            under an empty clip (MuPDF leaves out a glyph its clip hides); `hidden-spaces`,
                                            each bare space cairo draws after a line hidden from poppler moved inside the
                                            hiding /Span; `spaces`, every bare space after a marked-content sequence moved
                                            inside it; `line-spaces`, each bare space after a line for PDFium (`/L`) or an
                                            empty /ActualText moved inside it; `raise-spaces`, each bare space raised off
                                            the page (`Ts`)
  readers.py demo MAWJAZ_BINARY OUT_DIR     sets a one-line paragraph whose tokens poppler cannot give back within
                                            one line, then rewrites its page so that poppler reads them from lines
                                            of its own while PDFium keeps reading the drawn glyphs; prints what
                                            both readers copy before and after and compares the pages' pixels

poppler (TextOutputDev.cc, `reorderText`, 22.12) sorts a line's characters by position and, on a page with more
right-to-left characters than left-to-right ones, reads it from the right: a section of characters that are not
left-to-right letters or numbers (its type table: `L` or `#`, the `#` being digits and number characters, among them
`.` `,` `:` `%` `+` `-` `/` and the Arabic comma U+060C) reversed, then a section of characters that are not
right-to-left letters kept in order, and so on. A section kept in order always ends (on its right) with an L or `#`
character and is followed by a right-to-left letter, so in what poppler writes an L or `#` character followed by
neutrals (a space, a bracket, a mark) is never followed by a right-to-left letter unless an L or `#` character comes
right before it: `12.5% بعد`, `نور، والجهل`, `صفحة ١ من ٢` cannot come back within one line from any PDF, whatever
its /ActualText. Every other text can: a line's visual text for a given logical one is its sections in reverse
order, the reversed ones reversed (checked here against the model, and against pdftotext by `demo`). On a
left-to-right page the rule is the mirror one: a right-to-left letter followed by neutrals is never followed by an
L or `#` character unless a right-to-left letter comes right before it.

PDFium (core/fpdftext/cpdf_textpage.cpp, `CloseTempLine`, with CFX_BidiString; pypdfium2 5.15.2, PDFium 8149) splits a
line's text into runs of left-to-right, weak (digits, number separators, marks), right-to-left and neutral characters.
Measured on pages written by hand (`pdfium-lines`, and one-line pages edited the same way) for a line whose whole text
is one /ActualText: when right-to-left runs are more than left-to-right ones (as many: left to right) it puts the runs
in reverse order, and mirrors a right-to-left run, or a neutral one met while the direction is right to left, without
turning any run's characters around (`pdfium`; the model before this said they were turned around, and the spans built
from it came back wrong). `pdfium_inverse` gives the /ActualText for a wanted text. Where the object carrying the
/ActualText is itself right to left (its glyphs' text by CFX_BidiString), PDFium turns the whole result around and
mirrors it. Where the object it read last before the carrier was right to left (a line after an Arabic heading; the
Reuters line of LINE_TOKENS after the Phase line) and the line reads right to left, it takes the /ActualText's characters
in reverse order before its pass, as it takes a right-to-left object's glyphs: `pdfium(s[::-1])` is what it copies
(measured after Arabic headings on lines with brackets around Arabic, Latin and numbers, where the model of the result
turned around and mirrored gave their brackets mirrored), so the /ActualText to hand it is `pdfium_inverse(t)[::-1]`.

What lets one PDF hold a text for each reader (read from their sources, and measured by `demo` and the product):
  - poppler honours /ActualText only in a marked-content sequence tagged /Span (Gfx::opBeginMarkedContent), PDFium
    under any tag, and it takes the innermost one (CPDF_TextPage::ProcessMarkedContent);
  - PDFium drops a text object with nothing to ink (its bounding box has no width, ProcessTextObject), span and all;
    poppler reads a span around such a glyph (a space) where the glyph stands, on a baseline of its own if wished;
  - an empty /ActualText in a /Span hides the glyphs inside from poppler; PDFium reads them, provided each text
    object has a marked-content dictionary of its own (else it takes two objects under one dictionary for one span
    and skips the second).
"""
import bisect
import functools
import os
import re
import shutil
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# poppler's UnicodeTypeTable.cc: page 0x00 and page 0x20 as its table has them; page 0x06 by its ranges (right-to-left
# letters, the marks neutral, U+0604-U+060C, the Arabic-Indic and Persian digits and ٪٫٬ numbers); the minus sign a
# number; elsewhere the Unicode bidi class stands in (L, R/AL, EN/AN as numbers).
PAGE_00 = ("NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN###NNNNN################NNNNNNLLLLLLLLLLLLLLLLLLLLLLLLLLNNNNNNLLLLLLLLLLLLLL"
           "LLLLLLLLLLLLNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN#N####NNNNLNNNNN####NLNNN#LNNNNNLLLLLLLLLLLLLLLLLLLLLLLNLLLLL"
           "LLLLLLLLLLLLLLLLLLLLLLLLLLNLLLLLLLL")
PAGE_20 = ("NNNNNNNNNNNNNNLRNNNNNNNNNNNNNNNNNNNNNNNNNNLRNLRN#####NNNNNNNNNNNNNNN#NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN"
           "NNNN#L##########NNNL############NNN###################################NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN"
           "NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN")
# PDFium's mirroring (kFXTextLayoutBidiMirror: Unicode 5.2's bidi mirroring with the curly quotes ‘’ “” added as pairs),
# each character of _MIRRORED_FROM becoming the one at its place in _MIRRORED_TO; `PDFiumLine.mirror` in Swift.
_MIRRORED_FROM = ('()<>[]{}«»༺༻༼༽᚛᚜‘’“”‹›⁅⁆⁽⁾₍₎∈∉∊∋∌∍∕∼∽≃≒≓≔≕≤≥≦≧≨≩≪≫≮≯≰≱≲≳≴≵≶≷≸≹≺≻≼≽≾≿⊀⊁⊂⊃⊄⊅⊆⊇⊈⊉⊊⊋⊏⊐⊑⊒⊘⊢⊣⊦⊨⊩⊫⊰⊱⊲⊳⊴⊵⊶⊷⋉'
                  '⋊⋋⋌⋍⋐⋑⋖⋗⋘⋙⋚⋛⋜⋝⋞⋟⋠⋡⋢⋣⋤⋥⋦⋧⋨⋩⋪⋫⋬⋭⋰⋱⋲⋳⋴⋶⋷⋺⋻⋼⋽⋾⌈⌉⌊⌋〈〉❨❩❪❫❬❭❮❯❰❱❲❳❴❵⟃⟄⟅⟆⟈⟉⟕⟖⟝⟞⟢⟣⟤⟥⟦⟧⟨⟩⟪⟫⟬⟭⟮⟯⦃⦄⦅⦆⦇⦈⦉⦊⦋⦌⦍⦎⦏⦐'
                  '⦑⦒⦓⦔⦕⦖⦗⦘⦸⧀⧁⧄⧅⧏⧐⧑⧒⧔⧕⧘⧙⧚⧛⧵⧸⧹⧼⧽⨫⨬⨭⨮⨴⨵⨼⨽⩤⩥⩹⩺⩽⩾⩿⪀⪁⪂⪃⪄⪋⪌⪑⪒⪓⪔⪕⪖⪗⪘⪙⪚⪛⪜⪡⪢⪦⪧⪨⪩⪪⪫⪬⪭⪯⪰⪳⪴⪻⪼⪽⪾⪿⫀⫁⫂⫃⫄⫅⫆⫍⫎⫏⫐⫑⫒⫓⫔⫕⫖⫞⫣'
                  '⫤⫥⫬⫭⫷⫸⫹⫺⸂⸃⸄⸅⸉⸊⸌⸍⸜⸝⸠⸡⸢⸣⸤⸥⸦⸧⸨⸩〈〉《》「」『』【】〔〕〖〗〘〙〚〛﹙﹚﹛﹜﹝﹞﹤﹥（）＜＞［］｛｝｟｠｢｣')
_MIRRORED_TO = (')(><][}{»«༻༺༽༼᚜᚛’‘”“›‹⁆⁅⁾⁽₎₍∋∌∍∈∉∊⧵∽∼⋍≓≒≕≔≥≤≧≦≩≨≫≪≯≮≱≰≳≲≵≴≷≶≹≸≻≺≽≼≿≾⊁⊀⊃⊂⊅⊄⊇⊆⊉⊈⊋⊊⊐⊏⊒⊑⦸⊣⊢⫞⫤⫣⫥⊱⊰⊳⊲⊵⊴⊷⊶⋊'
                '⋉⋌⋋≃⋑⋐⋗⋖⋙⋘⋛⋚⋝⋜⋟⋞⋡⋠⋣⋢⋥⋤⋧⋦⋩⋨⋫⋪⋭⋬⋱⋰⋺⋻⋼⋽⋾⋲⋳⋴⋶⋷⌉⌈⌋⌊〉〈❩❨❫❪❭❬❯❮❱❰❳❲❵❴⟄⟃⟆⟅⟉⟈⟖⟕⟞⟝⟣⟢⟥⟤⟧⟦⟩⟨⟫⟪⟭⟬⟯⟮⦄⦃⦆⦅⦈⦇⦊⦉⦌⦋⦐⦏⦎⦍'
                '⦒⦑⦔⦓⦖⦕⦘⦗⊘⧁⧀⧅⧄⧐⧏⧒⧑⧕⧔⧙⧘⧛⧚∕⧹⧸⧽⧼⨬⨫⨮⨭⨵⨴⨽⨼⩥⩤⩺⩹⩾⩽⪀⩿⪂⪁⪄⪃⪌⪋⪒⪑⪔⪓⪖⪕⪘⪗⪚⪙⪜⪛⪢⪡⪧⪦⪩⪨⪫⪪⪭⪬⪰⪯⪴⪳⪼⪻⪾⪽⫀⪿⫂⫁⫄⫃⫆⫅⫎⫍⫐⫏⫒⫑⫔⫓⫖⫕⊦⊩'
                '⊨⊫⫭⫬⫸⫷⫺⫹⸃⸂⸅⸄⸊⸉⸍⸌⸝⸜⸡⸠⸣⸢⸥⸤⸧⸦⸩⸨〉〈》《」「』『】【〕〔〗〖〙〘〛〚﹚﹙﹜﹛﹞﹝﹥﹤）（＞＜］［｝｛｠｟｣｢')
MIRROR = dict(zip(_MIRRORED_FROM, _MIRRORED_TO))


def poppler_type(c):
    o = ord(c)
    if o < 0x100:
        return PAGE_00[o]
    if 0x2000 <= o < 0x2100:
        return PAGE_20[o - 0x2000]
    if 0x600 <= o < 0x700:
        if 0x604 <= o <= 0x60C or 0x660 <= o <= 0x66C or 0x6F0 <= o <= 0x6F9:
            return "#"
        if 0x60E <= o <= 0x61A or 0x64B <= o <= 0x65F or o == 0x670 or 0x6D6 <= o <= 0x6ED:
            return "N"
        return "R"
    if o in (0xFD3E, 0xFD3F):  # the ornate parentheses: neutrals (measured: "الآية ﴿٢﴾ هنا" came back "الآية ﴿ ﴾٢ هنا")
        return "N"
    # Hebrew, Syriac and Thaana marks, N'Ko and U+0800-U+08FF: neutrals in poppler's table (as ReaderLine.kind).
    if (0x590 <= o <= 0x5BD or o in (0x5BF, 0x5C1, 0x5C2, 0x5C4, 0x70E, 0x70F, 0x711, 0xFB1E) or 0x730 <= o <= 0x74A
            or 0x7A6 <= o <= 0x7B0 or 0x7B2 <= o < 0x900 or 0xFDFD <= o <= 0xFDFF or 0xFEFD <= o <= 0xFEFF):
        return "N"
    if o == 0xFB29:
        return "#"
    if 0x590 <= o < 0x900 or 0xFB1D <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        return "R"
    if o == 0x2212:  # the minus sign: a number character, as "-" is (measured: "−2" beside Arabic came back "2−")
        return "#"
    return {"L": "L", "R": "R", "AL": "R", "EN": "#", "AN": "#"}.get(unicodedata.bidirectional(c), "N")


def strong(c):
    """R, LN (poppler's L or #) or O (anything else)."""
    t = poppler_type(c)
    return "R" if t == "R" else ("LN" if t in "L#" else "O")


def poppler_rtl(v):
    """poppler's text for a line whose characters, left to right, are `v`, on a right-to-left page."""
    out, i = [], len(v) - 1
    while i >= 0:
        j = i
        while j >= 0 and strong(v[j]) != "LN":
            j -= 1
        out += [v[k] for k in range(i, j, -1)]
        i = j
        while j >= 0 and strong(v[j]) != "R":
            j -= 1
        out += v[j + 1:i + 1]
        i = j
    return "".join(out)


def poppler_ltr(v):
    """poppler's text for a line whose characters, left to right, are `v`, on a left-to-right page: a section of
    characters that are not right-to-left letters kept, then a section of characters that are not L or `#` reversed,
    and so on (`reorderText`'s `primaryLR` branch)."""
    out, i = [], 0
    while i < len(v):
        j = i
        while j < len(v) and strong(v[j]) != "R":
            j += 1
        out += v[i:j]
        i = j
        while j < len(v) and strong(v[j]) != "LN":
            j += 1
        out += v[i:j][::-1]
        i = j
    return "".join(out)


def poppler_ltr_inverse(o):
    """The characters, left to right, of a line poppler gives back as `o` on a left-to-right page; None if none (a
    right-to-left letter followed by neutrals running on to an L or `#` character or the end)."""
    cls = [strong(c) for c in o]
    sections, i, n = [], 0, len(o)
    while i < n:
        j = i
        while j < n and cls[j] != "R":
            j += 1
        sections.append(("kept", o[i:j]))
        i = j
        while j < n and cls[j] != "LN":
            j += 1
        if j > i and cls[j - 1] != "R":
            return None
        sections.append(("reversed", o[i:j]))
        i = j
    v = "".join(s[::-1] if kind == "reversed" else s for kind, s in sections)
    assert poppler_ltr(v) == o, (v, o)
    return v


def poppler_rtl_inverse(o):
    """The characters, left to right, of a line poppler gives back as `o` on a right-to-left page; None if none."""
    cls = [strong(c) for c in o]
    sections, i, n = [], 0, len(o)
    j = i
    while j < n and cls[j] != "LN":
        j += 1
    sections.append(("reversed", o[i:j]))
    i = j
    while i < n:
        j = i
        while j < n and cls[j] != "R":
            j += 1
        if cls[j - 1] != "LN":
            return None
        sections.append(("kept", o[i:j]))
        i = j
        while j < n and cls[j] != "LN":
            j += 1
        sections.append(("reversed", o[i:j]))
        i = j
    v = "".join(s[::-1] if kind == "reversed" else s for kind, s in reversed(sections))
    assert poppler_rtl(v) == o, (v, o)
    return v


def bad_junctions(text, page):
    """Where poppler cannot give `text` back, even broken into lines at its spaces: on a right-to-left page, an L or `#`
    character followed by a neutral other than a space, the neutrals running on to a right-to-left letter or the end
    (on a left-to-right page, the same with the two swapped). Each as the index of that character."""
    first, second = ("LN", "R") if page == "rtl" else ("R", "LN")
    cls = [strong(c) for c in text]
    found = []
    for p in range(len(text) - 1):
        if cls[p] != first or cls[p + 1] != "O" or text[p + 1] == " ":
            continue
        q = p + 1
        while q < len(text) and cls[q] == "O":
            q += 1
        if q == len(text) or cls[q] == second:
            found.append(p)
    return found


def strings(value):
    """The texts of a report: every string, and each table row's cells joined by spaces (poppler reads a row as one
    line, in the order its text is given)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for row in value.get("rows", []) if isinstance(value.get("rows"), list) else []:
            if isinstance(row, list) and all(isinstance(cell, str) for cell in row):
                yield " ".join(row)
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


@functools.lru_cache(maxsize=None)
def assigned_after_unicode_5_2():
    """The first and last code points of each range of characters assigned after Unicode 5.2, from perl's tables of
    ages (Python's unicodedata has none; perl 5.36's are of Unicode 14, as Python 3.11's unicodedata): two sorted lists."""
    script = ('my $s = -1; for my $c (0 .. 0x10FFFF) { my $new = chr($c) =~ /\\p{Assigned}/ && chr($c) !~ /\\p{In=5.2}/;'
              ' if ($new && $s < 0) { $s = $c } if (!$new && $s >= 0) { print "$s ", $c - 1, "\\n"; $s = -1 } }')
    output = subprocess.run(["perl", "-e", script], capture_output=True, check=True, text=True).stdout
    ranges = [tuple(map(int, line.split())) for line in output.splitlines()]
    return [first for first, _ in ranges], [last for _, last in ranges]


def pdfium_class(c):
    """PDFium's kind of `c` (L, W weak, R, N neutral) by its bidi class; its own tables are of Unicode 5.2, so a character
    assigned since is a neutral to it (measured beside Arabic: `₹100`, `₺50`, `₽70`, `₼30`, `₾20`, `₿2` came back `100 ₹`,
    …; `₸9`, of Unicode 5.2, as typed). As `PDFiumLine.kind` in Swift, U+0000–U+00FF, U+0590–U+08FF and U+2000–U+206F
    are taken by their bidi class whatever their age."""
    o = ord(c)
    if not (o < 0x100 or 0x590 <= o < 0x900 or 0x2000 <= o < 0x2070):
        firsts, lasts = assigned_after_unicode_5_2()
        at = bisect.bisect_right(firsts, o) - 1
        if at >= 0 and o <= lasts[at]:
            return "N"
    b = unicodedata.bidirectional(c)
    if b == "L":
        return "L"
    if b in ("AN", "EN", "NSM", "CS", "ES", "ET", "BN"):
        return "W"
    return "R" if b in ("R", "AL") else "N"


def runs(s):
    result = []
    for c in s:
        k = pdfium_class(c)
        if result and result[-1][0] == k:
            result[-1][1].append(c)
        else:
            result.append([k, [c]])
    return result


def pdfium(s):
    """PDFium's text for a line whose characters, as its text objects give them left to right, are `s`: an /ActualText
    as written, a drawn right-to-left text object's glyphs turned around first (`pdfium_drawn`). Measured on pages
    written by hand (`pdfium-lines`): the line's runs (left to right, weak, right to left, neutral) are put in reverse
    order when right-to-left runs are more than left-to-right ones (as many of each: kept in order), and a right-to-left run, or a neutral one
    met while the direction is right to left, is mirrored; no run's characters are turned around."""
    segments = runs(s)
    right = sum(k == "R" for k, _ in segments)
    rtl = right > sum(k == "L" for k, _ in segments)
    current, out = ("R" if rtl else "L"), []
    for k, chars in (reversed(segments) if rtl else segments):
        if k == "R" or (k == "N" and current == "R"):
            current = "R"
            out += [MIRROR.get(c, c) for c in chars]
        else:
            current = current if k == "W" else "L"
            out += chars
    return "".join(out)


def pdfium_inverse(o):
    """The /ActualText that PDFium gives back as `o` when it is the whole of a line's text."""
    segments = runs(o)
    right = sum(k == "R" for k, _ in segments)
    rtl = right > sum(k == "L" for k, _ in segments)
    current, parts = ("R" if rtl else "L"), []
    for k, chars in segments:
        if k == "R" or (k == "N" and current == "R"):
            current = "R"
            parts.append("".join(MIRROR.get(c, c) for c in chars))
        else:
            current = current if k == "W" else "L"
            parts.append("".join(chars))
    s = "".join(reversed(parts) if rtl else parts)
    assert pdfium(s) == o, (s, o)
    return s


def poppler_pieces(o, page="rtl"):
    """`o` cut at spaces into the fewest pieces poppler can each give back within one line (on a right-to-left page, or
    a left-to-right one)."""
    inverse = poppler_rtl_inverse if page == "rtl" else poppler_ltr_inverse
    pieces, start = [], 0
    while start < len(o):
        end = len(o)
        while inverse(o[start:end]) is None:
            end = o.rfind(" ", start, end)
            if end <= start:
                return None
        pieces.append(o[start:end])
        start = end + 1
    return pieces


def ceiling(tokens_path, corpus_path, page):
    """Each token found in the corpus's texts (a paragraph, a cell, a heading; a token of the template's own words,
    not found there, on a line of its own): whether poppler can give it back from some PDF, and why not."""
    import json
    texts = list(strings(json.load(open(corpus_path, encoding="utf-8"))))
    rows = [line.rstrip("\n").split("\t", 1) for line in open(tokens_path, encoding="utf-8") if "\t" in line and not line.startswith("#")]
    within = across = 0
    for kind, token in rows:
        contexts = [t for t in texts if token in t] or [token]
        best = None
        for text in contexts:
            start = text.index(token)
            inside = [p for p in bad_junctions(text, page) if start <= p and p + 1 < start + len(token)]
            if best is None or len(inside) < len(best[0]):
                best = (inside, text, start)
        inside, text, start = best
        # Within one line: no L/# (or R) character followed by neutrals before the other kind, inside the token.
        cls = [strong(c) for c in token]
        one_line = not any(cls[p] == ("LN" if page == "rtl" else "R") and cls[p + 1] == "O"
                           and any(c != "O" for c in cls[p + 1:]) and next(c for c in cls[p + 1:] if c != "O") == ("R" if page == "rtl" else "LN")
                           for p in range(len(token) - 1))
        within += one_line and not inside
        across += not inside
        if inside:
            print(f"[{kind}] {token}   no PDF: «{text[inside[0]:inside[0] + 2]}» then neutrals up to "
                  f"{'a right-to-left letter' if page == 'rtl' else 'a left-to-right letter or number'} or the end")
        elif not one_line:
            print(f"[{kind}] {token}   only across a line break")
        assert pdfium(pdfium_inverse(token)) == token
    n = len(rows)
    print(f"poppler, {page} page: {within}/{n} = {within / n:.3f} within one line each; "
          f"{across}/{n} = {across / n:.3f} with its lines broken at spaces (white space collapsed)")
    print(f"PDFium: {n}/{n} (its reordering is invertible)")


DEMO_LINE = "قال الحكيم: العلم نور، والجهل ظلام، وبلغت النسبة 12.5% بعد عام."
DEMO_TOKENS = ["الحكيم: العلم", "نور، والجهل", "ظلام، وبلغت", "12.5% بعد", DEMO_LINE]


def normalised(text):
    text = re.sub("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]", "", text)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def readers_text(pdf):
    poppler = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, check=True).stdout.decode()
    import pypdfium2
    pdfium_text = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    return {"poppler": normalised(poppler), "pdfium": normalised(pdfium_text)}


def hex_text(s):
    return "<feff" + s.encode("utf-16-be").hex() + ">"


def demo(mawjaz, out):
    os.makedirs(out, exist_ok=True)
    report = os.path.join(out, "line.json")
    with open(report, "w", encoding="utf-8") as f:
        f.write('{"template": {"name": "briefing", "fonts": {"arabic": "Noto Naskh Arabic"}}, "title": "سطر", '
                '"date": "2024-09-15", "language": "ar", "convert-digits": false, "body": [{"paragraph": "%s"}]}' % DEMO_LINE)
    plain, qdf, edited, dual = (os.path.join(out, n) for n in ("line.pdf", "line.qdf.pdf", "dual.qdf.pdf", "dual.pdf"))
    subprocess.run([mawjaz, "render", report, "-o", plain], check=True, capture_output=True,
                   env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", plain, qdf], check=True)
    d = open(qdf, "rb").read().decode("latin-1")
    # The paragraph is one line, one text object, the page's third marked-content sequence of the structure.
    bt = d.index("BT\n", d.index("/P << /MCID 2 >> BDC")) + 3
    et = d.index("\nET\n", bt)
    body = d[bt:et].split("\n")
    tm = next(line for line in body if line.endswith(" Tm")).split()
    size, x, y = float(tm[0]), float(tm[4]), float(tm[5])
    lines, depth = [], 0
    for line in body:
        if line.startswith("/Span << /ActualText") and line.endswith("BDC"):
            lines.append("/Word" + line[len("/Span"):])  # spans already there: PDFium's alone
            depth += 1
        elif line == "EMC" and depth:
            lines.append(line)
            depth -= 1
        elif re.search(r"(Tj|TJ)$", line) and not depth:
            lines.append("/W << >> BDC " + line + " EMC")  # a dictionary of its own for each text object
        else:
            lines.append(line)
    # poppler: the drawn glyphs in a span with no text; its text on lines of its own, each a span around a space.
    hidden = ["/Span << /ActualText () >> BDC"] + lines + ["EMC"]
    for k, piece in enumerate(poppler_pieces(DEMO_LINE)):
        hidden += [f"{size:g} 0 0 {-size:g} {x:g} {y + k * 0.6 * size:g} Tm", "/f-0-0 1 Tf",
                   f"/Span << /ActualText {hex_text(poppler_rtl_inverse(piece))} >> BDC", "( )Tj", "EMC"]
    open(edited, "wb").write((d[:bt] + "\n".join(hidden) + d[et:]).encode("latin-1"))
    with open(dual, "wb") as f:
        subprocess.run(["fix-qdf", edited], stdout=f, check=True)
    for name, pdf in (("as Mawjaz writes it", plain), ("each reader its own text", dual)):
        texts = readers_text(pdf)
        for reader, text in texts.items():
            got = [t for t in DEMO_TOKENS if normalised(t) in text]
            print(f"{name:26s} {reader:8s} {len(got)}/{len(DEMO_TOKENS)}   {text}")
    for pdf, stem in ((plain, "a"), (dual, "b")):
        subprocess.run(["pdftoppm", "-r", "70", "-png", pdf, os.path.join(out, stem)], check=True)
    same = open(os.path.join(out, "a-1.png"), "rb").read() == open(os.path.join(out, "b-1.png"), "rb").read()
    print("pages pixel for pixel the same at 70 dpi:", same)


# What PDFium copied of pages written by hand (one line each, its text one /ActualText on an object of neutral glyphs):
# Tests/MawjazTests/Fixtures/fidelity/pdfium-measured.tsv. `check` holds `pdfium` to it.
MEASURED = os.path.join(HERE, "..", "..", "Tests", "MawjazTests", "Fixtures", "fidelity", "pdfium-measured.tsv")
MEASURED_AFTER_RTL = os.path.join(os.path.dirname(MEASURED), "pdfium-measured-after-rtl.tsv")


def check():
    """`pdfium` against what PDFium gave back (MEASURED; MEASURED_AFTER_RTL, whose /ActualText it reads in reverse
    order), and `pdfium_inverse` against `pdfium` on every one."""
    def measured(path):
        return [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8") if not line.startswith("#")]
    rows = measured(MEASURED)
    for actual_text, copied in rows:
        assert pdfium(actual_text) == copied, (actual_text, pdfium(actual_text), copied)
        assert pdfium(pdfium_inverse(copied)) == copied
    after = measured(MEASURED_AFTER_RTL)
    for actual_text, copied in after:
        assert pdfium(actual_text[::-1]) == copied, (actual_text, pdfium(actual_text[::-1]), copied)
    print(f"pdfium: {len(rows)} measured lines as PDFium copied them, {len(after)} more after a right-to-left object")


LINE_TOKENS = [
    # (a one-line paragraph, its token): the corpus's kinds PDFium misses, and tokens the corpus does not hold.
    ("يستخدم الفريق Python 3.12 في التحليل.", "Python 3.12"),
    ("صدر التقرير السنوي (Annual Report) أمس.", "(Annual Report)"),
    ("شارك في تمرين (Southern Strike) هذا العام.", "(Southern Strike)"),
    ("الإصدار v2.4.1 متاح الآن.", "v2.4.1"),
    ("راسلونا على reports@example.org قبل الموعد.", "reports@example.org"),
    ("الهاتف +998 71 123 45 67 للاستفسار.", "+998 71 123 45 67"),
    ("البند (أ) والبند [ب] والبند {ج} هنا.", "(أ)"),
    ("قال «العمل مستمر» ثم ‹نعم› أخيرا.", "«العمل مستمر»"),
    ("نشرة داخلية — Internal Bulletin", "نشرة داخلية — Internal Bulletin"),
    ("رقم الوثيقة: م ح و/٢٤/٥٦٧", "رقم الوثيقة: م ح و/٢٤/٥٦٧"),
    ("تمرين \"joint exercise\" مشترك.", "\"joint exercise\""),
    ("المرحلة الأولى (Phase 1): التخطيط", "المرحلة الأولى (Phase 1): التخطيط"),
    # Unseen.
    ("نشرت وكالة Reuters الخبر (Breaking News) صباحا.", "(Breaking News)"),
    ("افتح https://example.gov/report?id=42 للتفاصيل.", "https://example.gov/report?id=42"),
    ("يعمل النظام على Ubuntu 22.04 LTS بثبات.", "Ubuntu 22.04 LTS"),
    ("قدمت الشركة [Annex B] مع العرض.", "[Annex B]"),
    ("تحدث الوزير عن {Project Atlas} مطولا.", "{Project Atlas}"),
    ("عقد المؤتمر في New York City العام الماضي.", "New York City"),
    ("البريد admin@mod.gov.uz والهاتف 555-0199 للطوارئ.", "admin@mod.gov.uz"),
    ("البريد admin@mod.gov.uz والهاتف 555-0199 للطوارئ.", "555-0199"),
    ("رمز المنتج SKU-4471-B في القائمة.", "SKU-4471-B"),
    ("أجاب «لا» ثم قال (ربما) لاحقا.", "(ربما)"),
    ("قرأ الكتاب \"The Art of War\" مرتين.", "\"The Art of War\""),
]


def pdfium_lines(mawjaz, out, font):
    """Sets each of LINE_TOKENS as a one-line paragraph, then writes each line's text for PDFium as one /ActualText:
    every text-showing operator of the line (a space alone left out) in a marked-content sequence of its own, tagged
    /L (poppler honours /ActualText under /Span only), innermost (PDFium takes the innermost); one whose glyphs are not
    right to left (see the module's notes) holds the line's text as `pdfium_inverse` gives it, the others a tab, which PDFium takes as a span already read (no printable
    character: `PreMarkedContent` returns kDone) and skips. Prints each reader's tokens before and after, and whether
    the pages are pixel for pixel the same."""
    import json
    os.makedirs(out, exist_ok=True)
    report = os.path.join(out, "lines.json")
    body = [{"paragraph": line} for line, _ in LINE_TOKENS]
    json.dump({"template": {"name": "briefing", "fonts": {"arabic": font}}, "title": "سطور", "date": "2024-09-15",
               "language": "ar", "convert-digits": False, "body": body}, open(report, "w", encoding="utf-8"), ensure_ascii=False)
    plain, qdf, edited, spanned = (os.path.join(out, n) for n in ("lines.pdf", "lines.qdf.pdf", "spanned.qdf.pdf", "spanned.pdf"))
    subprocess.run([mawjaz, "render", report, "-o", plain], check=True, capture_output=True,
                   env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", plain, qdf], check=True)
    d = open(qdf, "rb").read().decode("latin-1")
    show = re.compile(r"^(\((?:[^\\)]|\\.)*\)|<[0-9a-fA-F]*>|\[.*\])\s*T[jJ]$")
    for index, (line, _) in enumerate(LINE_TOKENS):
        marker = "/P << /MCID %d >> BDC" % (index + 2)
        start = d.index(marker)
        end = d.index("\nET\n", start)
        text = pdfium_inverse(line)
        lines = d[start:end].split("\n")
        shows = [k for k, op in enumerate(lines) if show.match(op) and not re.match(r"^\( +\)\s*Tj$", op)]
        # The carrier: a show in a one-byte font (cairo's Latin and neutral glyphs), not right to left.
        carrier = next((k for k in shows if lines[k][0] in "(["), shows[0])
        for k in shows:
            lines[k] = "/L << /ActualText %s >> BDC\n%s\nEMC" % (hex_text(text if k == carrier else "\t"), lines[k])
        d = d[:start] + "\n".join(lines) + d[end:]
    open(edited, "wb").write(d.encode("latin-1"))
    with open(spanned, "wb") as f:
        subprocess.run(["fix-qdf", edited], stdout=f, check=True)
    sys.path.insert(0, HERE)
    import measure
    for reader, extract in measure.available().items():
        counts = []
        for pdf in (plain, spanned):
            text = measure.normalise(extract(pdf))
            got = [token for _, token in LINE_TOKENS if measure.normalise(token) in text]
            counts.append(len(got))
            missed = [token for _, token in LINE_TOKENS if measure.normalise(token) not in text]
        print(f"{reader:8s} {counts[0]:2d} -> {counts[1]:2d} of {len(LINE_TOKENS)}   missed after: {missed}")
    for pdf, stem in ((plain, "a"), (spanned, "b")):
        subprocess.run(["pdftoppm", "-r", "70", "-png", pdf, os.path.join(out, stem)], check=True)
    pages = sorted(n for n in os.listdir(out) if n.startswith("a-") and n.endswith(".png"))
    same = all(open(os.path.join(out, n), "rb").read() == open(os.path.join(out, "b" + n[1:]), "rb").read() for n in pages)
    print("pages pixel for pixel the same at 70 dpi:", same)


# The text layers `layers` takes out: the structure elements' /ActualText (written for tree walkers, `StructurePlan`),
# and in the content streams the marked-content sequences of the lines for PDFium (`/L` with an /ActualText) and of
# the lines for poppler (`/Span` with an /ActualText), their contents kept.
LAYERS = {"structure": "structure elements' /ActualText", "pdfium": "lines for PDFium (/L)", "poppler": "lines for poppler (/Span)"}


def without_layers(pdf, out, layers):
    """A copy of `pdf` at `out` without the text layers named in `layers` (keys of LAYERS)."""
    qdf = out + ".qdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
    d = open(qdf, "rb").read().decode("latin-1")
    if "structure" in layers:
        d = re.sub(r"\d+ 0 obj\n<<\n.*?\nendobj", lambda m: re.sub(r"\n  /ActualText <[0-9a-fA-F]*>", "", m.group(0))
                   if "/Type /StructElem" in m.group(0) else m.group(0), d, flags=re.S)
    dropped = {"L": "pdfium" in layers, "Span": "poppler" in layers}
    marks = re.compile(r"(/(?:L|Span) ?<< ?/ActualText ?(?:<[0-9a-fA-F]*>|\((?:[^\\)]|\\.)*\)) ?>> ?BDC|\bBDC\b|\bBMC\b|\bEMC\b)")

    def stream(match):
        out_, stack = [], []
        for token in marks.split(match.group(0)):
            if token.endswith("BDC") and token.startswith(("/L", "/Span")):
                stack.append(dropped["L" if token.startswith("/L") else "Span"])
                if not stack[-1]:
                    out_.append(token)
            elif token in ("BDC", "BMC"):
                stack.append(False)
                out_.append(token)
            elif token == "EMC":
                if not (stack.pop() if stack else False):
                    out_.append(token)
            else:
                out_.append(token)
        return "".join(out_)
    d = re.sub(r"stream\n.*?\nendstream", stream, d, flags=re.S)
    open(qdf, "wb").write(d.encode("latin-1"))
    with open(out, "wb") as f:
        subprocess.run(["fix-qdf", qdf], stdout=f, check=True)


def layers(pdf, source, out):
    """Each reader's share of `source`'s Arabic words in `pdf`, as it is and with each text layer taken out."""
    sys.path.insert(0, HERE)
    import measure
    letters = "\u0620-\u063F\u0641-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF"
    marks_ = "\u064B-\u065F\u0670\u06D6-\u06ED"
    word = re.compile(f"[{letters}{marks_}]*[{letters}][{letters}{marks_}]*")

    def words(text):
        return word.findall(re.sub("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]", " ", text.replace("\u0640", "")))

    def in_order(a, b):  # pdf-audit's recall: the longest common subsequence of the two lists of words
        previous = [0] * (len(b) + 1)
        for x in a:
            current = [0] * (len(b) + 1)
            for j, y in enumerate(b, 1):
                current[j] = previous[j - 1] + 1 if x == y else max(current[j - 1], previous[j])
            previous = current
        return previous[-1]
    wanted = words(open(source, encoding="utf-8").read())
    os.makedirs(out, exist_ok=True)
    variants = [("as written", pdf)]
    for taken in (["structure"], ["pdfium"], ["poppler"], ["structure", "pdfium"], ["structure", "pdfium", "poppler"]):
        path = os.path.join(out, "without-" + "-".join(taken) + ".pdf")
        without_layers(pdf, path, taken)
        variants.append(("without " + ", ".join(LAYERS[t] for t in taken), path))
    readers = measure.available()
    width = max(len(name) for name, _ in variants) + 2
    print(f"{'share of ' + str(len(wanted)) + ' words, in order':{width}s}" + "".join(f"{r:>11s}" for r in readers))
    for name, path in variants:
        shares = [in_order(wanted, words(extract(path))) / max(1, len(wanted)) for extract in readers.values()]
        print(f"{name:{width}s}" + "".join(f"{s:>11.3f}" for s in shares))


# pdf.js (src/core/evaluator.js, `getTextContent`) hands out a text item's characters turned around by its bidi pass
# (src/core/bidi.js: right to left when at least 0.3 of them are right-to-left characters) and ends an item at every
# marked-content operator, at a backward move and where the font changes (`buildTextContentItem`: another resource
# whose font has another name); a forward gap of 0.102 to 0.6 of the size is a space inside the item. The edits
# `for_pdfjs` makes, so that a line is one item.
PDFJS_EDITS = ("tags", "lines", "tab-lines", "moves")


def for_pdfjs(pdf, out, edits):
    """A copy of `pdf` at `out` with `edits` (of PDFJS_EDITS) made."""
    qdf = out + ".qdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
    d = open(qdf, "rb").read().decode("latin-1")
    if "tags" in edits:
        # cairo's fonts: a face's composite subset (/Type0) and its simple one (/TrueType, the WinAnsi characters:
        # spaces, Latin punctuation), each with a tag of its own, as ISO 32000-1 9.6.4 wants; pdf.js takes the two for
        # two fonts.
        fonts = re.findall(r"<<\n[^>]*?/BaseFont /([A-Z]{6})\+(\S+)\n[^>]*?/Subtype /(Type0|TrueType)", d)
        composite = {name: tag for tag, name, kind in fonts if kind == "Type0"}
        for tag, name, kind in fonts:
            if kind == "TrueType" and composite.get(name, tag) != tag:
                d = d.replace(f"/{tag}+{name}", f"/{composite[name]}+{name}")
    if "moves" in edits:
        # cairo's resource names are the document's (`f-FONT-SUBSET`); a simple subset's space is code 32.
        objects = dict(re.findall(r"^(\d+) 0 obj\n(.*?)\nendobj", d, flags=re.S | re.M))
        widths = {}
        for name, number in re.findall(r"/(f-\d+-\d+) (\d+) 0 R", d):
            found = re.search(r"/FirstChar 32\n.*?/Widths \[\s*(\d+)", objects.get(number, ""), re.S)
            if found:
                widths[name] = found.group(1)
        d = re.sub(r"^/(f-\d+-\d+) 1 Tf\n\( \)Tj\n(?=/(f-\d+-\d+) 1 Tf\n)",
                   lambda m: f"[-{widths[m.group(1)]}]TJ\n" if m.group(1) in widths else m.group(0), d, flags=re.M)
    if "lines" in edits or "tab-lines" in edits:
        glue = r"(?:/f-\d+-\d+ [\d.]+ Tf|\( \)Tj)"
        tab = "/L<</ActualText<FEFF0009>>>BDC"
        # An `/L` sequence's end and the next one's start (a tab's), with only font changes and bare spaces between;
        # a line hidden from poppler has each in a `/Span` with an empty /ActualText, merged the same way.
        first = r"/L ?<< ?/ActualText ?(?:<[0-9A-Fa-f]*>|\((?:[^\\)]|\\.)*\)) ?>> ?BDC" if "lines" in edits else re.escape(tab)
        hiding = r"/Span << /ActualText \(\) >> BDC\n"
        for hidden in (False, True):
            end, begin = ("EMC\nEMC", hiding + re.escape(tab)) if hidden else ("EMC", re.escape(tab))
            pattern = re.compile(rf"{'(?<=^' + hiding + ')' if hidden else ''}(^{first}\n(?:(?!EMC$|.*BDC$|.*BMC$).*\n)*?){end}\n((?:{glue}\n)*){begin}\n", re.M | re.I)
            while True:
                d, count = pattern.subn(lambda m: m.group(1) + m.group(2), d)
                if not count:
                    break
    open(qdf, "wb").write(d.encode("latin-1"))
    with open(out, "wb") as f:
        subprocess.run(["fix-qdf", qdf], stdout=f, check=True)


# MuPDF 1.28 (source/fitz/stext-device.c) hands an /ActualText out over the glyphs inside it; `fz_stext_begin_metatext`
# puts the enclosing one's text out again at every /ActualText opened inside it, unused, whenever a glyph was read since
# the last one began or ended (`last.valid`) and was not clipped away (`last.clipped`, with FZ_STEXT_CLIP, on by
# default in `fz_parse_stext_options` and in PyMuPDF's get_text): the structure element's /ActualText comes again at
# each line for PDFium after a bare space. The edits `for_mupdf` makes, each changing what MuPDF reads and nothing
# poppler or PDFium reads.
MUPDF_EDITS = ("clip-carriers", "hidden-spaces", "spaces", "line-spaces", "raise-spaces")


def _spaces_into_lines(match):
    """A content stream's bare spaces (with the font change before each) moved inside the `/L` sequence, or the
    `/Span` with an empty /ActualText, that ends right before them."""
    lines, out, stack, i = match.group(0).split("\n"), [], [], 0
    while i < len(lines):
        line = lines[i]
        if (line.endswith("BDC") or line.endswith("BMC")) and not line.endswith("EMC"):
            stack.append("L" if line.startswith("/L") else "hide" if line.startswith("/Span << /ActualText () >>") else "")
        elif line == "EMC":
            tag = stack.pop() if stack else ""
            font = i + 1 < len(lines) and re.fullmatch(r"/f-\d+-\d+ [\d.]+ Tf", lines[i + 1]) is not None
            space = i + 1 + font
            if tag and space < len(lines) and lines[space] == "( )Tj":
                out += lines[i + 1:space + 1] + ["EMC"]
                i = space + 1
                continue
        out.append(line)
        i += 1
    return "\n".join(out)


def for_mupdf(pdf, out, edits):
    """A copy of `pdf` at `out` with `edits` (of MUPDF_EDITS) made."""
    qdf = out + ".qdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
    d = open(qdf, "rb").read().decode("latin-1")
    if "spaces" in edits or "hidden-spaces" in edits:
        # A bare space (cairo's `( )Tj`, after a change to the font holding it) right after an EMC goes before it.
        hidden = "" if "spaces" in edits else r"(?<=^EMC\n)"
        d = re.sub(hidden + r"^EMC\n((?:/f-\d+-\d+ [\d.]+ Tf\n)?\( \)Tj\n)", lambda m: m.group(1) + "EMC\n", d, flags=re.M)
    if "line-spaces" in edits:
        d = re.sub(r"stream\n.*?\nendstream", _spaces_into_lines, d, flags=re.S)
    if "raise-spaces" in edits:
        d = re.sub(r"^\( \)Tj$", "100000 Ts\n( )Tj\n0 Ts", d, flags=re.M)
    if "clip-carriers" in edits:
        # A line for poppler: a space in a /Span with its /ActualText, in a text object in a graphics state of its own.
        d = re.sub(r"^q\nBT\n.*?^ET\nQ$", lambda m: m.group(0).replace("q\nBT\n", "q\n0 0 0 0 re W n\nBT\n", 1)
                   if "BDC ( ) Tj EMC" in m.group(0) or re.search(r"BDC <[0-9a-f]+> Tj EMC", m.group(0)) else m.group(0),
                   d, flags=re.S | re.M)
    open(qdf, "wb").write(d.encode("latin-1"))
    with open(out, "wb") as f:
        subprocess.run(["fix-qdf", qdf], stdout=f, check=True)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "ceiling":
        ceiling(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1:] == ["check"]:
        check()
    elif len(sys.argv) == 5 and sys.argv[1] == "pdfium-lines" and shutil.which("qpdf") and shutil.which("fix-qdf"):
        pdfium_lines(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 5 and sys.argv[1] == "layers" and shutil.which("qpdf") and shutil.which("fix-qdf"):
        layers(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 5 and sys.argv[1] == "without" and set(sys.argv[4].split(",")) <= set(LAYERS):
        without_layers(sys.argv[2], sys.argv[3], sys.argv[4].split(","))
    elif len(sys.argv) == 5 and sys.argv[1] == "for-pdfjs" and set(sys.argv[4].split(",")) <= set(PDFJS_EDITS):
        for_pdfjs(sys.argv[2], sys.argv[3], sys.argv[4].split(","))
    elif len(sys.argv) == 5 and sys.argv[1] == "for-mupdf" and set(sys.argv[4].split(",")) <= set(MUPDF_EDITS):
        for_mupdf(sys.argv[2], sys.argv[3], sys.argv[4].split(","))
    elif len(sys.argv) == 4 and sys.argv[1] == "demo" and shutil.which("qpdf") and shutil.which("fix-qdf"):
        demo(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
