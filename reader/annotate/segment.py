"""jieba's segmentation (``Tokenizer.cut``, HMM on), rewritten for speed, same output.

Segmenting is half the cost of finding entities, and jieba's ``cut`` is pure Python with
per-character overheads it does not need: it builds the word graph (DAG) as a dict of lists,
then scores it with a generator that calls ``log`` for every edge, and its HMM for unseen
words builds a dict per character and copies the whole path list at every step.

:class:`Segmenter` does the same computation in one backward pass over each run of text,
reading ``log(frequency) - log(total)`` from a table filled once per dictionary shard, and
runs the four-state Viterbi with plain locals and back-pointers. Every score is computed with
the same floating-point operations in the same order as jieba's, and ties are broken the same
way (the longer word; in the HMM the larger state letter, as jieba's ``max`` over tuples
does), so the tokens are identical; ``tests/test_nlp.py`` checks that against jieba itself.
The algorithm and the HMM's probabilities are jieba's (MIT licence, © Sun Junyi); the tables
are read from the installed jieba package, not copied here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

#: jieba's ``re_han_default`` and ``re_skip_default``: runs it segments with the dictionary,
#: and the whitespace it keeps as tokens between them.
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-]+)")
_RE_SKIP = re.compile("(\r\n|\\s)")
#: ``jieba.finalseg``'s own split of a run of single characters: hanzi go to the HMM.
_HMM_HAN = re.compile("([\u4e00-\u9fd5]+)")
_HMM_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
#: jieba.finalseg.MIN_FLOAT: the log-probability of a character a state never emits.
_MIN = -3.14e100
#: The value :data:`Segmenter.logp` holds for a prefix of a word that is not a word itself.
PREFIX = 1.0

Emit = Callable[[str, float], float]


class Segmenter:
    """Cut text as ``jieba.Tokenizer(...).cut(text, HMM=True)`` would with the same dictionary.

    ``logp`` maps each word to ``log(freq) - log(total)`` and each prefix that is not a word
    to :data:`PREFIX`. ``hmm`` is ``jieba.finalseg`` (its model's tables).
    """

    __slots__ = ("_emit", "_force", "_logp", "_single", "_start", "_trans")

    def __init__(self, logp: Mapping[str, float], logtotal: float, hmm: object) -> None:
        self._logp = logp
        # jieba scores a character with no dictionary word as log(1) - log(total).
        self._single = 0.0 - logtotal
        start: dict[str, float] = hmm.start_P  # type: ignore[attr-defined]
        trans: dict[str, dict[str, float]] = hmm.trans_P  # type: ignore[attr-defined]
        emit: dict[str, dict[str, float]] = hmm.emit_P  # type: ignore[attr-defined]
        self._start = tuple(start[k] for k in "BMSE")
        self._trans = (
            trans["E"]["B"], trans["S"]["B"], trans["M"]["M"], trans["B"]["M"],
            trans["S"]["S"], trans["E"]["S"], trans["B"]["E"], trans["M"]["E"],
        )
        self._emit: tuple[Emit, Emit, Emit, Emit] = tuple(emit[k].get for k in "BMSE")  # type: ignore[assignment]
        self._force: Collection[str] = hmm.Force_Split_Words  # type: ignore[attr-defined]

    def cut(self, text: str) -> list[str]:
        """The tokens of ``text``; they join back to ``text`` exactly."""
        out: list[str] = []
        for k, part in enumerate(_RE_HAN.split(text)):
            if k & 1:  # split() with one group: odd items are the runs the pattern matched
                self._cut_run(part, out)
            elif part:
                for j, piece in enumerate(_RE_SKIP.split(part)):
                    if j & 1:
                        out.append(piece)
                    else:
                        out.extend(piece)  # jieba yields other characters one by one
        return out

    def _cut_run(self, s: str, out: list[str]) -> None:
        get, n = self._logp.get, len(s)
        # route[i]: best score of s[i:] and the end of the first word of that path
        score = [0.0] * (n + 1)
        last = list(range(n + 1))
        single = self._single
        for i in range(n - 1, -1, -1):
            value = get(s[i])
            if value is None:  # no word starts with this character
                score[i] = single + score[i + 1]
                continue
            best = value + score[i + 1] if value < 0.0 else None
            j = i + 1
            while j < n:  # every longer dictionary word that starts at i
                value = get(s[i : j + 1])
                if value is None:
                    break
                if value < 0.0:
                    here = value + score[j + 1]
                    if best is None or here >= best:  # ties: jieba's max keeps the longer
                        best = here
                        last[i] = j
                j += 1
            score[i] = single + score[i + 1] if best is None else best
        # Walk the route; runs of single characters that are no word go to the HMM.
        i, run = 0, -1
        append = out.append
        while i < n:
            j = last[i] + 1
            if j - i == 1:
                if run < 0:
                    run = i
            else:
                if run >= 0:
                    self._flush(s, run, i, out)
                    run = -1
                append(s[i:j])
            i = j
        if run >= 0:
            self._flush(s, run, n, out)

    def _flush(self, s: str, start: int, end: int, out: list[str]) -> None:
        if end - start == 1:
            out.append(s[start])
            return
        buf = s[start:end]
        value = self._logp.get(buf)
        if value is not None and value < 0.0:  # a word after all: jieba keeps its characters
            out.extend(buf)
            return
        for k, part in enumerate(_HMM_HAN.split(buf)):
            if k & 1:
                if self._force:
                    words: list[str] = []
                    self._hmm(part, words)
                    for w in words:
                        if w in self._force:
                            out.extend(w)
                        else:
                            out.append(w)
                else:
                    self._hmm(part, out)
            elif part:
                out.extend(x for x in _HMM_SKIP.split(part) if x)

    def _hmm(self, s: str, out: list[str]) -> None:
        """jieba.finalseg's Viterbi over the states B(egin) M(iddle) S(ingle) E(nd)."""
        eB, eM, eS, eE = self._emit
        tEB, tSB, tMM, tBM, tSS, tES, tBE, tME = self._trans
        sB, sM, sS, sE = self._start
        c = s[0]
        vB, vM, vS, vE = sB + eB(c, _MIN), sM + eM(c, _MIN), sS + eS(c, _MIN), sE + eE(c, _MIN)
        back: list[tuple[int, int, int, int]] = []  # previous state per state, 0..3 = BMSE
        for c in s[1:]:
            # jieba: max((V[y0] + trans[y0][y] + emit, y0)); on a tie the larger letter wins.
            em = eB(c, _MIN)
            a, b = vE + tEB + em, vS + tSB + em
            nB, pB = (b, 2) if b >= a else (a, 3)
            em = eM(c, _MIN)
            a, b = vM + tMM + em, vB + tBM + em
            nM, pM = (a, 1) if a >= b else (b, 0)
            em = eS(c, _MIN)
            a, b = vS + tSS + em, vE + tES + em
            nS, pS = (a, 2) if a >= b else (b, 3)
            em = eE(c, _MIN)
            a, b = vB + tBE + em, vM + tME + em
            nE, pE = (b, 1) if b >= a else (a, 0)
            back.append((pB, pM, pS, pE))
            vB, vM, vS, vE = nB, nM, nS, nE
        state = 2 if vS >= vE else 3
        states = [state]
        for links in reversed(back):
            state = links[state]
            states.append(state)
        states.reverse()
        begin = after = 0
        for i, state in enumerate(states):
            if state == 0:
                begin = i
            elif state == 3:
                out.append(s[begin : i + 1])
                after = i + 1
            elif state == 2:
                out.append(s[i])
                after = i + 1
        if after < len(s):
            out.append(s[after:])
