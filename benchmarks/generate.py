"""Generate a synthetic corpus for the benchmark: N articles, their terms, notes, claims and references.

    python benchmarks/generate.py N OUT [--seed 1]

OUT becomes a project of data and hand-written pages (mkdocs.yml, docs/, glossary/) that the
project's own package builds, as it is installed here: its configuration names the project's page
hooks and theme overrides, and mkdocs-macros imports the ``macros`` package from the path (the
benchmark puts the project on PYTHONPATH); nothing of the code is copied. The real loader accepts
the data: every quote is anchored to words that occur once in its article, every id resolves, every
file meets its schema. Paragraphs are made by a word-pair chain trained on the real captures, so
their length, vocabulary and punctuation resemble news prose. The article pages and their navigation
(groups of 50 under "Articles", which ``navigation.prune`` keeps light) come from the data, as on
the real site; ``benchmarks/twin.py`` makes the plain baseline.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
CAPTURES = PROJECT / "glossary" / "sources" / "captures"
PARAGRAPHS = (8, 14)
SENTENCES = (2, 5)
NOTES_PER_ARTICLE = 6
# Pages the corpora leave out: the print edition, which repeats every article on one page; the
# benchmarks; and the parallel view, which gives every pair of articles that share a claim a page
# (500 at 1,000 articles) that the plain twin has no counterpart for.
LEFT_OUT = ("print.md", "benchmarks.md", "parallel.md")


def _chain(rng: random.Random) -> dict[str, list[str]]:
    """Word-pair successors from the real captures."""
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(CAPTURES.glob("*.txt"))).split()
    chain: dict[str, list[str]] = {}
    for first, second in zip(words, words[1:]):
        chain.setdefault(first, []).append(second)
    return chain


def _sentence(chain: dict[str, list[str]], rng: random.Random, spellings: list[str]) -> str:
    starts = [w for w in chain if w[:1].isupper()]
    word = rng.choice(starts)
    out = [word]
    while len(out) < rng.randint(12, 30):
        word = rng.choice(chain.get(word) or starts)
        out.append(word)
    if rng.random() < 0.5:
        out.insert(rng.randint(1, len(out) - 1), rng.choice(spellings))
    text = " ".join(out).rstrip(",;:")
    return text if text[-1] in ".!?”\"" else text + "."


def _terms(count: int, rng: random.Random) -> list[dict[str, object]]:
    kinds = ["organisation", "unit", "place", "person", "technical", "incident"]
    stems = ["Bureau", "Unit", "Office", "Group", "Centre", "Company", "Directorate", "Institute"]
    terms = []
    for number in range(count):
        name = f"{stems[number % len(stems)]} {number + 101}"
        terms.append({
            "id": f"term-{number:04d}",
            "name": name,
            "kind": kinds[number % len(kinds)],
            "aliases": [f"{name}-{chr(65 + number % 26)}"],
            "definition": f"A synthetic {kinds[number % len(kinds)]} used by the benchmark ({name}).",
            "refs": [f"ref-{rng.randrange(count):04d}"],
        })
    return terms


def _unique_quote(paragraph: str, article_text: str, rng: random.Random) -> str | None:
    """A run of 3–6 words that occurs exactly once in the article, or None."""
    words = paragraph.split(" ")
    for _ in range(20):
        size = rng.randint(3, 6)
        if len(words) <= size:
            return None
        start = rng.randrange(0, len(words) - size)
        quote = " ".join(words[start : start + size])
        if quote.strip() and len(re.findall(f"(?={re.escape(quote)})", article_text)) == 1:
            return quote
    return None


def generate(count: int, out: Path, seed: int = 1) -> None:
    """Write the annotated project and its plain twin into ``out``."""
    rng = random.Random(seed)
    chain = _chain(rng)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(PROJECT / "docs", out / "docs", ignore=shutil.ignore_patterns(*LEFT_OUT))
    for page in (out / "docs").rglob("*.md"):  # macros naming ids of the real data, which the corpus lacks
        text = re.sub(r"\{\{ figure_\w+\(.*?\) \}\}\n", "", page.read_text(encoding="utf-8"))
        text = re.sub(r"\{\{ (?:cite|term|claim|paragraph|quote)\(.*?\) \}\}", "", text)
        text = re.sub(r"\[([^\]]*)\]\(parallel\.md\)", r"\1", text)  # links to a page left out
        page.write_text(text, encoding="utf-8")
    glossary = out / "glossary"
    shutil.copytree(PROJECT / "glossary" / "schemas", glossary / "schemas")
    shutil.copy2(PROJECT / "glossary" / "verdicts.yaml", glossary / "verdicts.yaml")
    (glossary / "sources" / "captures").mkdir(parents=True)
    (glossary / "annotations").mkdir()

    term_count = max(12, count // 2)
    terms = _terms(term_count, rng)
    spellings = [s for t in terms for s in [t["name"], *t["aliases"]]]  # type: ignore[list-item]
    texts: dict[str, str] = {}
    notes: dict[str, list[dict[str, object]]] = {}
    quotes: dict[str, list[str]] = {}
    for number in range(count):
        article_id = f"{number:03d}"
        paragraphs = [
            " ".join(_sentence(chain, rng, spellings) for _ in range(rng.randint(*SENTENCES)))
            for _ in range(rng.randint(*PARAGRAPHS))
        ]
        text = "\n\n".join(paragraphs) + "\n"
        texts[article_id] = text
        picked = []
        for paragraph in rng.sample(paragraphs, min(NOTES_PER_ARTICLE + 2, len(paragraphs))):
            quote = _unique_quote(paragraph, text, rng)
            if quote and not any(quote in q or q in quote for q in picked):
                picked.append(quote)
        quotes[article_id] = picked
        notes[article_id] = [
            {"id": f"n{i}", "kind": ["context", "correction"][i % 2], "exact": quote,
             "body": f"A synthetic note on these words, citing its evidence (note {i}).",
             "refs": [f"ref-{rng.randrange(term_count):04d}"]}
            for i, quote in enumerate(picked[:NOTES_PER_ARTICLE], 1)
        ]

    for article_id, text in texts.items():
        data = text.encode("utf-8")
        capture = f"{article_id}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        (glossary / "sources" / "captures" / capture).write_bytes(data)
        source = {
            "id": article_id, "capture": capture, "sha256": hashlib.sha256(data).hexdigest(),
            "title": f"Synthetic article {article_id}", "outlet": "Benchmark Wire", "author": "unknown",
            "published": "unknown", "url": f"https://example.org/articles/{article_id}",
            "provenance": "Generated for the benchmark from a word-pair chain of the real captures.",
            "provenance_refs": [f"ref-{int(article_id) % term_count:04d}"],
            "reliability": {"source": "F", "information": "6", "reasons": ["Synthetic text."]},
        }
        (glossary / "sources" / f"{article_id}.yaml").write_text(yaml.safe_dump(source, sort_keys=False), encoding="utf-8")
        (glossary / "annotations" / f"{article_id}.yaml").write_text(
            yaml.safe_dump({"article": article_id, "notes": notes[article_id]}, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )

    # Claims: each made by one article and contradicted by the next, on their spare quotes.
    claims = []
    ids = list(texts)
    for index in range(0, len(ids) - 1, 2):
        left, right = ids[index], ids[index + 1]
        spare_left, spare_right = quotes[left][NOTES_PER_ARTICLE:], quotes[right][NOTES_PER_ARTICLE:]
        if spare_left and spare_right:
            claims.append({
                "id": f"claim-{left}-{right}", "statement": f"A synthetic claim made in article {left}.",
                "verdict": ["contested", "unverified", "incorrect"][index % 3],
                "reason": "Synthetic reason, with the better-supported figure.", "reviewed": "2026-11-21",
                "evidence": [f"ref-{index % term_count:04d}"],
                "appearances": [
                    {"article": left, "stance": "asserts", "exact": spare_left[0]},
                    {"article": right, "stance": "contradicts", "exact": spare_right[0]},
                ],
            })
    references = [
        {"id": f"ref-{n:04d}", "title": f"Synthetic report {n}", "publisher": "Benchmark Press", "date": "2024",
         "url": f"https://example.org/reports/{n}"}
        for n in range(term_count)
    ]
    dump = {"allow_unicode": True, "sort_keys": False}
    (glossary / "terms.yaml").write_text(yaml.safe_dump({"terms": terms}, **dump), encoding="utf-8")
    (glossary / "claims.yaml").write_text(yaml.safe_dump({"claims": claims}, **dump), encoding="utf-8")
    (glossary / "references.yaml").write_text(yaml.safe_dump({"references": references}, **dump), encoding="utf-8")
    (glossary / "events.yaml").write_text("events: []\n", encoding="utf-8")
    (glossary / "comparisons.yaml").write_text("comparisons: []\n", encoding="utf-8")
    _configs(out)


def _configs(out: Path) -> None:
    """The real mkdocs.yml, its hooks and overrides named where the project has them, less the pages the
    synthetic corpus leaves out (:data:`LEFT_OUT`)."""
    config = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - macros/page_hooks.py", f"  - {PROJECT / 'macros' / 'page_hooks.py'}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {PROJECT / 'overrides'}")
    config = config.replace("\n  - macros\n", f"\n  - {PROJECT / 'macros'}\n")  # watched by mkdocs serve
    config = config.replace("module_name: macros", "modules: [macros]")  # the package on the path, not a folder here
    config = re.sub(r"\n  - (Print edition: print\.md|Benchmarks: benchmarks\.md)[^\n]*", "", config)
    config = re.sub(r"\n      - Benchmarks: benchmarks\.md[^\n]*", "", config)
    config = re.sub(r"\n      - parallel\.md[^\n]*", "", config)
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.count, args.out, args.seed)


if __name__ == "__main__":
    main()
