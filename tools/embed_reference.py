"""Check dateline's numpy MiniLM (`dateline.embed`) against the reference implementation, sentence by sentence.

    .venv/bin/python tools/embed_reference.py ../shared/data/events-gold/articles.jsonl \\
        --reference-python /tmp/embref/bin/python [--n 50]

Takes the first `--n` sentences of at least five words from the articles (JSON Lines with `text`; sentences cut at
". "), plus two longer than the encoder's 256 word pieces (cut, both sides, at 256), embeds them with
`dateline.embed`, and again with `transformers.AutoModel` (torch) in another interpreter that has them (CI and
dateline's own environment have no torch), on the same weights extracted from the same zip: mean pooling over the
attention mask, L2-normalised, as sentence-transformers does. Prints one JSON line: the lowest and mean cosine
and the largest absolute difference; exits 1 when any cosine is below 0.9999.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from dateline.embed import MAX_PIECES, embed_sentences, weights_zip

REFERENCE = """
import json, sys
import numpy as np, torch
from transformers import AutoModel, AutoTokenizer
folder, sentences_path, out_path, max_pieces = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
sentences = json.load(open(sentences_path, encoding="utf-8"))
tokenizer = AutoTokenizer.from_pretrained(folder)
model = AutoModel.from_pretrained(folder).eval()
rows = []
with torch.no_grad():
    for s in sentences:
        batch = tokenizer([s], truncation=True, max_length=max_pieces, return_tensors="pt")
        hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        rows.append(torch.nn.functional.normalize(pooled, dim=1)[0].numpy())
np.save(out_path, np.stack(rows))
"""
MIN_COSINE = 0.9999


def sample_sentences(path: Path, n: int) -> list[str]:
    """The first `n` sentences of five words or more from a JSON Lines file of articles, and two overlong ones."""
    out: list[str] = []
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for text in texts:
        for piece in text.replace("\n", " ").split(". "):
            if len(piece.split()) >= 5 and len(out) < n:
                out.append(piece.strip())
    out += [" ".join(texts[0].split()[:400]), " ".join(texts[-1].split()[:400])]
    return out


def reference_embeddings(python: str, sentences: list[str]) -> np.ndarray:
    """The reference embeddings, computed by `python` (an interpreter with torch and transformers)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "model"
        with zipfile.ZipFile(weights_zip()) as archive:
            archive.extractall(folder)
        sentences_path, out_path = Path(tmp) / "sentences.json", Path(tmp) / "out.npy"
        sentences_path.write_text(json.dumps(sentences), encoding="utf-8")
        subprocess.run([python, "-c", REFERENCE, str(folder), str(sentences_path), str(out_path), str(MAX_PIECES)],
                       check=True)
        return np.load(out_path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="JSON Lines with a `text` field")
    parser.add_argument("--reference-python", required=True, help="an interpreter with torch and transformers")
    parser.add_argument("--n", type=int, default=50)
    args = parser.parse_args()
    sentences = sample_sentences(args.articles, args.n)
    ours = embed_sentences(sentences).astype(np.float64)
    theirs = reference_embeddings(args.reference_python, sentences).astype(np.float64)
    cosines = (ours * theirs).sum(axis=1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(theirs, axis=1))
    result = {"sentences": len(sentences), "min_cosine": round(float(cosines.min()), 7),
              "mean_cosine": round(float(cosines.mean()), 7),
              "max_abs_difference": round(float(np.abs(ours - theirs).max()), 7)}
    print(json.dumps(result))
    sys.exit(0 if cosines.min() >= MIN_COSINE else 1)


if __name__ == "__main__":
    main()
