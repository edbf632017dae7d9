"""Generate a synthetic corpus for the benchmark: N articles, their terms, notes, claims and references.

    python benchmarks/generate.py N OUT [--seed 1]

OUT becomes a complete project (mkdocs.yml, docs/, glossary/, macros/, overrides/) that the
project's own configuration and macros build, and that the real loader accepts: every quote is
anchored to words that occur once in its article, every id resolves, every file meets its schema.
Paragraphs are made by a word-pair chain trained on the five real captures, so their length,
vocabulary and punctuation resemble news prose. Alongside, OUT/plain/ is a plain Material project
with the same article texts and the same navigation, and no macros: the baseline.

Articles are grouped into navigation groups of 50 inside one "Articles" section, as a large site would
be: Material renders the whole navigation into every page, but with ``navigation.prune`` a page carries
only the items of its own group (the groups of a top-level section are expanded, so pruning works on
the level below).
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
SECTION = 50
PARAGRAPHS = (8, 14)
SENTENCES = (2, 5)
NOTES_PER_ARTICLE = 6


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
    for part in ("macros", "overrides"):
        shutil.copytree(PROJECT / part, out / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT / "docs", out / "docs", ignore=shutil.ignore_patterns("articles", "print.md", "benchmarks.md"))
    glossary = out / "glossary"
    shutil.copytree(PROJECT / "glossary" / "schemas", glossary / "schemas")
    shutil.copy2(PROJECT / "glossary" / "verdicts.yaml", glossary / "verdicts.yaml")
    (glossary / "sources" / "captures").mkdir(parents=True)
    (glossary / "annotations").mkdir()
    (out / "docs" / "articles").mkdir()
    plain_docs = out / "plain" / "docs" / "articles"
    plain_docs.mkdir(parents=True)

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
        (out / "docs" / "articles" / f"{article_id}.md").write_text(
            f'---\nhide: [navigation, toc]\n---\n\n{{{{ article("{article_id}") }}}}\n', encoding="utf-8"
        )
        escaped = "\n\n".join(re.sub(r"([\\`*_{}\[\]()#+\-.!|<>&])", r"\\\1", p) for p in text.split("\n\n") if p.strip())
        (plain_docs / f"{article_id}.md").write_text(f"# Synthetic article {article_id}\n\n{escaped}\n", encoding="utf-8")

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
    (out / "docs" / "parallel.md").write_text(
        '# Two accounts in parallel\n\n{{ parallel("000", "001") }}\n' if count > 1 else "# Two accounts in parallel\n",
        encoding="utf-8",
    )
    _configs(out, ids)


def _nav(ids: list[str]) -> str:
    """Articles in one top-level section, split into collapsible groups that navigation.prune drops."""
    lines = ["nav:", "  - Home: index.md", "  - Articles:"]
    for start in range(0, len(ids), SECTION):
        chunk = ids[start : start + SECTION]
        lines.append(f"      - {chunk[0]}–{chunk[-1]}:")
        lines += [f"          - articles/{article_id}.md" for article_id in chunk]
    return "\n".join(lines) + "\n"


def _configs(out: Path, ids: list[str]) -> None:
    """The annotated project's mkdocs.yml (the real one, navigation regenerated) and the plain one."""
    real = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    head = real[: real.index("\nnav:")]
    pages = "  - Compare:\n      - compare.md\n      - parallel.md\n  - Glossary: glossary.md\n  - Claims: claims.md\n" \
            "  - Timeline: timeline.md\n  - References: bibliography.md\n  - Methods: methods.md\n" \
            "  - Corrections: corrections.md\n"
    (out / "mkdocs.yml").write_text(head + "\n" + _nav(ids) + pages, encoding="utf-8")
    plain = out / "plain"
    (plain / "docs" / "index.md").write_text("# Synthetic corpus\n\nThe same texts, plainly.\n", encoding="utf-8")
    features = re.search(r"  features:\n((?:    - .*\n)+)", real).group(0)  # type: ignore[union-attr]
    (plain / "mkdocs.yml").write_text(
        "site_name: Plain corpus\nstrict: true\ntheme:\n  name: material\n  font: false\n" + features
        + "plugins:\n  search: {}\n" + _nav(ids),
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.count, args.out, args.seed)


if __name__ == "__main__":
    main()
