"""The plain twin of an annotated project: the same pages with the same text, and no annotation.

Every page the annotated site has is there: each article as its paragraphs in plain Markdown, each
claim's page as its statement and reason, each term's page as its name, definition and details, each
parallel view of two articles as both texts (left out of search, as the reader's are), and every
hand-written page with its macro calls left out (the print edition holds the article texts again).
The configuration is the project's own, less the macros plugin and the page hooks; the navigation is
the same, the articles grouped as the reader groups them. Pages that the reader keeps out of the
navigation are listed under ``not_in_nav``, which is the one line the annotated configuration does
not need.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from macros import addresses  # noqa: E402 - the project's package, as the build uses it
from macros.compare import sharing_pairs  # noqa: E402
from macros.load import load_corpus  # noqa: E402
from macros.pages import GROUP, groups  # noqa: E402

_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")  # Python-Markdown's escapable characters, and '|'
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def escape(text: str) -> str:
    """Make text literal in plain Markdown (the twin's pages are Markdown, parsed as usual)."""
    return _MARKDOWN_SYNTAX.sub(r"\\\1", html.escape(text, quote=False))


def plain_twin(project: Path, out: Path) -> None:
    """Write the plain twin of ``project`` into ``out``."""
    corpus = load_corpus(project / "glossary")
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    shutil.copytree(project / "docs", docs)
    article_text = {
        a.id: f"# {escape(a.title)}\n\n" + "\n\n".join(escape(p.text) for p in a.paragraphs) + "\n"
        for a in corpus.articles.values()
    }
    for page in docs.rglob("*.md"):
        text = _MACRO.sub("", page.read_text(encoding="utf-8"))
        if page.name == "print.md":
            text += "\n" + "\n".join(t.replace("\n# ", "\n## ", 1) for t in article_text.values())
        page.write_text(text, encoding="utf-8")
    for article_id, text in article_text.items():
        (docs / "articles" / f"{article_id}.md").write_text(text, encoding="utf-8")
    (docs / "claims").mkdir(exist_ok=True)
    for claim in corpus.claims.values():
        (docs / "claims" / f"{claim.id}.md").write_text(f"# {escape(claim.statement)}\n\n{claim.reason}\n", encoding="utf-8")
    (docs / "glossary").mkdir(exist_ok=True)
    for term in corpus.terms.values():
        (docs / "glossary" / f"{term.id}.md").write_text(
            f"# {escape(term.name)}\n\n{escape(term.definition)}\n\n{term.details or ''}\n", encoding="utf-8"
        )
    if (docs / addresses.PARALLEL.lstrip("/")).is_file():  # the reader gives each pair that shares a claim a page
        for pair in sharing_pairs(corpus):
            page = docs / addresses.parallel_page(pair.left, pair.right).lstrip("/")
            page.parent.mkdir(exist_ok=True)
            texts = (article_text[a].replace("# ", "## ", 1) for a in (pair.left, pair.right))
            page.write_text(f"---\nhide: [navigation, toc]\nsearch:\n  exclude: true\n---\n\n"
                            f"# Articles {pair.left} and {pair.right} in parallel\n\n" + "\n".join(texts), encoding="utf-8")
    (out / "mkdocs.yml").write_text(plain_config((project / "mkdocs.yml").read_text(encoding="utf-8"), list(corpus.articles), project),
                                    encoding="utf-8")


def plain_config(config: str, article_ids: list[str], project: Path) -> str:
    """The project's configuration less the macros and the hooks, with the articles in the navigation."""
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    config = re.sub(r"\n  macros:\n(?:    .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(?:  - .*\n)+", "\n", config)  # the data and the package: the twin has neither
    config = config.replace("custom_dir: overrides", f"custom_dir: {project / 'overrides'}")
    runs = groups(article_ids, GROUP)
    lines = []
    for title, run in runs:
        indent = "      " if not title else "          "
        if title:
            lines.append(f"      - Articles {title}:")
        lines += [f"{indent}- articles/{a}.md" for a in run]
    config = re.sub(r"(\n      - articles/index\.md[^\n]*\n)", lambda m: m.group(1) + "\n".join(lines) + "\n", config)
    return config + "\nnot_in_nav: |\n  /claims/*\n  /glossary/*\n  /parallel/*\n"
