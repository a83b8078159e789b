"""Compact, chunked search index: what a reader's browser downloads to search 20,000 resolutions.

Responsibility: turn the collection into small static files that ``site_templates/assets/search.js`` fetches
on demand, and answer queries the same way the script does (so tests and the benchmark can check results and
measure the bytes a query downloads). Pure core: no MkDocs, no I/O; outputs are ``GeneratedFile``s.

Layout (all under ``search-index/``; docs/search.md explains the choices):

* ``manifest.json``: a few KB whatever the collection size: the build id, the number of documents, the size
  of document chunks, the stop words, and the first term of every term shard (shards cover contiguous
  ranges of the sorted term list, so a term or a prefix maps to one shard by binary search);
* ``t/<n>.json``: term shards of about ``SHARD_BYTES`` each: term -> postings (document, score, anchor of
  the first paragraph containing the term), capped at ``MAX_POSTINGS`` per term, best scores kept;
* ``d/<n>.json``: document chunks of ``DOC_CHUNK`` documents: URL, symbol, title, adoption date.

Terms are the words of the title and the text (accents folded, lower case, stop words dropped) and the
symbol in several spellings (``a/res/51/148``, ``51/148``), so "51/148", "A/RES/51/148" and words of the text
all find a resolution. A query fetches the manifest, one shard per term (two at most for the prefix typed
last) and the chunks of the documents it shows.
"""

from __future__ import annotations

import bisect
import dataclasses
import gzip
import hashlib
import json
import re
import string
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from resolutions.model import Paragraph, Resolution, Table
from resolutions.site.site_plan import GeneratedFile, GeneratedPage

INDEX_FOLDER = "search-index"
"""Folder of the index files in the site."""

FORMAT_VERSION = 1
"""Bumped when the file layout changes (the script checks it)."""

SHARD_BYTES = 24_000
"""Target size of a term shard: small enough that a query's shards stay far under the 1 MB budget."""

MAX_POSTINGS = 400
"""Documents kept per term (best scores first): bounds a shard for words found in most resolutions."""

DOC_CHUNK = 64
"""Documents per document chunk."""

RESULTS_SHOWN = 10
"""Results the script shows at once (what "first result" downloads are measured for)."""

PREFIX_TERMS = 40
"""Terms a prefix (the word being typed) expands to at most."""

PREFIX_SHARDS = 2
"""Shards a prefix may fetch at most; a shorter prefix spanning more waits for more letters."""

TITLE_SCORE = 20
"""Score of a term in the title, against 1 per paragraph containing it."""

SYMBOL_SCORE = 1000
"""Score of the symbol's own spellings: a symbol query puts its resolution first."""

STOP_WORDS = frozenset("""
a an and are as at be by for from has have in into is it its of on or that the their this to was were which
with
""".split())
"""Words too common to index (the script drops them from queries too; they are in the manifest)."""

_WORD = re.compile(r"[^\W_]+")
_ASCII_WORDS_TABLE = str.maketrans({
    **{chr(code): " " for code in range(128)},
    **{ch: ch for ch in string.ascii_lowercase + string.digits},
    **{ch: ch.lower() for ch in string.ascii_uppercase},
})
_SPACE_BEFORE_PAREN = re.compile(r"\s+\(")
_NUMBER_WITH_YEAR = re.compile(r"^\d+[a-z]?\(")  # "1325(2000)", "217a(iii)": one term, like a symbol
_TRIM = ".,;:!?\"'()[]{}"
_TRIM_RIGHT = ".,;:!?\"'(]}"


@dataclass(frozen=True)
class SearchDocument:
    """One searchable page: what results show and the text blocks that are indexed."""

    url: str
    """Site-relative URL of the page (``A/RES/51/148/``)."""
    symbol: str
    """Symbol shown in results (``A/RES/51/148``); "" for a page that has none."""
    title: str
    """Title shown in results."""
    date: str
    """ISO adoption date shown in results ("" when unknown)."""
    keys: tuple[str, ...]
    """Exact spellings that find it first: symbol, printed number."""
    blocks: tuple[tuple[str, str], ...]
    """(anchor, text) of every paragraph, footnote and table, in page order."""


@dataclass(frozen=True)
class SearchHit:
    """A result as the script shows it."""

    url: str
    """Page URL with the anchor of the best paragraph (``A/RES/51/148/#para-5``)."""
    symbol: str
    """Symbol of the page."""
    title: str
    """Title of the page."""
    score: float
    """Ranking score (higher first)."""


# -- text normalisation (mirrored in search.js) -------------------------------------------------------

def fold(text: str) -> str:
    """Lower case without accents: what both the index and the query are compared in."""
    if text.isascii():
        return text.lower()  # the common case, and ten times faster than decomposing
    decomposed = unicodedata.normalize("NFKD", text)
    # Accents are the combining characters left by the decomposition. A paragraph has a few dozen distinct
    # characters but hundreds of characters: testing each distinct one and removing the accents with replace
    # is several times faster than testing every character.
    for mark in [ch for ch in set(decomposed) if unicodedata.combining(ch)]:
        decomposed = decomposed.replace(mark, "")
    return decomposed.lower()


def symbol_key(text: str) -> str:
    """A symbol or number as a single term: folded, no spaces (``S/RES/1325 (2000)`` -> ``s/res/1325(2000)``)."""
    return "".join(fold(text).split())


def _block_words(text: str) -> list[str]:
    """``words(text)``, faster on ASCII text (nearly all of it): one pass lowers the letters and turns every other
    character into a space, then ``split`` cuts the same words as the pattern (a build reads ~6 KB a resolution)."""
    if text.isascii():
        return text.translate(_ASCII_WORDS_TABLE).split()
    return _WORD.findall(fold(text))


def words(text: str) -> list[str]:
    """Indexable words of a text, in order (stop words kept; callers drop them)."""
    return _WORD.findall(fold(text))


def query_terms(query: str) -> list[str]:
    """The terms of a query: symbol-like chunks as one term each, other words split; stop words dropped."""
    folded = _SPACE_BEFORE_PAREN.sub("(", fold(query))
    terms: list[str] = []
    for chunk in folded.split():
        chunk = chunk.lstrip(_TRIM).rstrip(_TRIM_RIGHT)
        if chunk.endswith(")") and "(" not in chunk:
            chunk = chunk.rstrip(_TRIM)  # a closing parenthesis is kept only when it closes "1325(2000)"
        if not chunk:
            continue
        if ("/" in chunk and any(ch.isdigit() for ch in chunk)) or _NUMBER_WITH_YEAR.match(chunk):
            terms.append(chunk)
        else:
            terms.extend(w for w in _WORD.findall(chunk) if w not in STOP_WORDS)
    return terms


# -- documents from the model -------------------------------------------------------------------------

def document_for(resolution: Resolution, url: str) -> SearchDocument:
    """The searchable form of a resolution page at ``url``."""
    keys = [resolution.symbol or "", resolution.number or ""]
    if resolution.number and resolution.number.endswith(")") and "(" in resolution.number:
        keys.append(resolution.number.split("(")[0])  # "1325 (2000)" is also found as "1325"
    blocks = [(paragraph_id, text) for paragraph_id, text in _blocks(resolution) if text]
    return SearchDocument(
        url=url, symbol=resolution.symbol or "", title=resolution.title or resolution.symbol or resolution.source,
        date=resolution.adopted or "", keys=tuple(dict.fromkeys(symbol_key(k) for k in keys if k.strip())),
        blocks=tuple(blocks),
    )


def _blocks(resolution: Resolution) -> Iterator[tuple[str, str]]:
    if resolution.proponent:
        yield "", resolution.proponent
    yield from _paragraphs(resolution.preamble)
    yield from _paragraphs(resolution.operative)
    for section in resolution.sections:
        yield from _paragraphs(section.preamble)
        yield from _paragraphs(section.operative)
    for part in resolution.parts:
        yield from _paragraphs(part.preamble)
        yield from _paragraphs(part.operative)
        for section in part.sections:
            yield from _paragraphs(section.preamble)
            yield from _paragraphs(section.operative)
    for annex in resolution.annexes:
        yield annex.id, annex.title or ""
        for block in annex.blocks:
            if isinstance(block, Table):
                yield block.id, " ".join([*block.header, *(cell for row in block.rows for cell in row)])
            else:
                yield from _paragraphs((block,))
    yield from _paragraphs(resolution.unplaced)
    for note in resolution.footnotes:
        yield note.id, note.text


def _paragraphs(paragraphs: Iterable[Paragraph]) -> Iterator[tuple[str, str]]:
    for paragraph in paragraphs:
        yield paragraph.id, paragraph.text
        if paragraph.items:
            yield from _paragraphs(paragraph.items)


# -- building the files -------------------------------------------------------------------------------

TermScores = tuple[dict[str, int], dict[str, str]]
"""For one document: term -> score, and term -> anchor of the first block containing it ("" for the top)."""

Postings = list
"""A term's postings, flat and in document order: ``[number, score, anchor, number, score, anchor, ...]``
(three list slots an entry rather than a tuple each: a third of the memory, and quicker to build)."""


def document_terms(document: SearchDocument) -> TermScores:
    """Scores of every term of one document (independent of the others, so it can be cached per page)."""
    anchors: dict[str, str] = {}
    block_terms: list[dict[str, str]] = []
    # Blocks in reverse, so the anchor left for each term is the first block that contains it; the counting
    # and the anchors are dictionary operations done in C, not a Python loop per word.
    for anchor, text in reversed(document.blocks):
        distinct = dict.fromkeys(_block_words(text), anchor)  # the block's words, once each
        block_terms.append(distinct)
        anchors.update(distinct)
    counts = Counter(chain.from_iterable(block_terms))
    for stop_word in STOP_WORDS.intersection(counts):
        del counts[stop_word]
    scores = dict(counts)
    for term in set(_WORD.findall(fold(document.title))) - STOP_WORDS:
        scores[term] = scores.get(term, 0) + TITLE_SCORE
        anchors[term] = ""  # a title word links to the top of the page
    for key in document.keys:
        scores[key] = SYMBOL_SCORE
        anchors[key] = ""
    return scores, anchors


class SearchIndexBuilder:
    """Builds the index files; remembers each document's terms so a serve rebuild re-reads only edits."""

    def __init__(self, remember: bool = True) -> None:
        # remember=False for a one-off build, which never reuses the terms: each
        # document's terms go into the postings and are dropped at once (all of them held together were ~30 KB
        # a resolution at the build's peak). Same files either way.
        self.remember = remember
        self._memo: dict[int, tuple[SearchDocument, TermScores]] = {}
        self._documents: dict[int, tuple[Resolution, SearchDocument]] = {}
        # The previous build, kept so that a rebuild of the same pages only updates the edited documents'
        # terms: its documents (by number), their terms, every term's postings and serialised piece.
        self._previous: tuple[list[SearchDocument], list[TermScores], dict[str, Postings], dict[str, str]] | None = None

    def terms_of(self, document: SearchDocument) -> TermScores:
        """``document_terms`` with a per-object memo (the parse cache hands back the same objects)."""
        remembered = self._memo.get(id(document))
        if remembered is not None and remembered[0] is document:
            return remembered[1]
        terms = document_terms(document)
        self._memo[id(document)] = (document, terms)
        return terms

    def build_for_pages(self, pages: Iterable[tuple[Resolution, str]]) -> list[GeneratedFile]:
        """The index files for (resolution, page URL) pairs; a resolution handed back unchanged by the parse
        cache reuses its document and terms from the previous build."""
        documents: list[SearchDocument] = []
        previous, self._documents = self._documents, {}
        for resolution, url in pages:
            remembered = previous.get(id(resolution))
            if remembered is not None and remembered[0] is resolution and remembered[1].url == url:
                document = remembered[1]
            else:
                document = document_for(resolution, url)
            self._documents[id(resolution)] = (resolution, document)
            documents.append(document)
        return self.build(documents)

    def build(self, documents: Sequence[SearchDocument]) -> list[GeneratedFile]:
        """The index files for ``documents`` (order decides document numbers).

        When the previous build had the same pages in the same order (a preview rebuild after an edit), only
        the terms of the documents that changed are updated; the output is the same as a full build's."""
        documents = list(documents)
        if not self.remember:  # see __init__
            return _files_without_memo(documents)
        live = {id(document) for document in documents}
        self._memo = {key: value for key, value in self._memo.items() if key in live}
        term_maps = [self.terms_of(document) for document in documents]
        previous = self._previous
        if previous is not None and [d.url for d in previous[0]] == [d.url for d in documents]:
            postings, pieces = previous[2], previous[3]
            for number, (document, terms) in enumerate(zip(documents, term_maps)):
                if document is not previous[0][number]:
                    _update_document(postings, pieces, number, previous[1][number], terms)
        else:
            postings = defaultdict(list)
            for number, (scores, anchors) in enumerate(term_maps):
                _add_document(postings, number, scores, anchors)
            postings = dict(postings)
            pieces = {term: _piece(term, entries) for term, entries in postings.items()}
        self._previous = (documents, term_maps, postings, pieces)
        return files_from_pieces(documents, pieces)


def _files_without_memo(documents: list[SearchDocument]) -> list[GeneratedFile]:
    """``SearchIndexBuilder.build``'s files, without its memo (see ``StreamedIndex``)."""
    index = StreamedIndex()
    for document in documents:
        index.add(document)
    return index.files()


class StreamedIndex:
    """The index files of documents given one at a time, the same as ``build_search_files`` of them all:
    holds one document's terms at a time, no document's text once its terms are in, and each term's postings
    only until its piece is serialised (peak memory)."""

    def __init__(self) -> None:
        self._postings: dict[str, Postings] = defaultdict(list)
        self._documents: list[SearchDocument] = []

    def add(self, document: SearchDocument) -> None:
        _add_document(self._postings, len(self._documents), *document_terms(document))
        self._documents.append(dataclasses.replace(document, blocks=()))  # results show no text

    def files(self) -> list[GeneratedFile]:
        """The files; once (the postings are consumed)."""
        postings = self._postings
        pieces = {term: _piece(term, postings.pop(term)) for term in list(postings)}
        return files_from_pieces(self._documents, pieces)


def _add_document(postings: dict[str, Postings], number: int, scores: dict[str, int], anchors: dict[str, str]
                  ) -> None:
    """Append document ``number`` (higher than every number already there) to its terms' postings."""
    for term, score in scores.items():
        postings[term].extend((number, score, anchors[term]))


def build_search_files(documents: Sequence[SearchDocument]) -> list[GeneratedFile]:
    """The index files for ``documents`` (no memo: for one-off builds and tests)."""
    return SearchIndexBuilder().build(documents)


def _update_document(postings: dict[str, Postings], pieces: dict[str, str], number: int,
                     old: TermScores, new: TermScores) -> None:
    """Replace document ``number``'s postings (terms ``old``) with its new ones (terms ``new``), in place."""
    new_scores, new_anchors = new
    for term in old[0].keys() | new_scores.keys():
        entries = postings.get(term, [])
        numbers = entries[0::3]
        position = bisect.bisect_left(numbers, number)
        start = 3 * position
        if position < len(numbers) and numbers[position] == number:
            del entries[start:start + 3]
        if term in new_scores:
            entries[start:start] = (number, new_scores[term], new_anchors[term])
        if entries:
            postings[term] = entries
            pieces[term] = _piece(term, entries)
        else:
            postings.pop(term, None)
            pieces.pop(term, None)


def _piece(term: str, entries: Postings) -> str:
    # Each term is serialised once; a shard is the concatenation of its terms' pieces. One encoder call for
    # the pair (``"term":[...]`` inside the braces of a one-key object): the call costs more than a short
    # term's postings, and there are as many calls as terms.
    return _compact_json({term: _encode_postings(entries)})[1:-1]


def build_files(documents: Sequence[SearchDocument],
                postings: Mapping[str, list[tuple[int, int, str]]]) -> list[GeneratedFile]:
    """Shards, document chunks and manifest from the postings of every term, as (document, score, anchor)
    entries in document order."""
    return files_from_pieces(documents, {term: _piece(term, list(chain.from_iterable(entries)))
                                         for term, entries in postings.items()})


def files_from_pieces(documents: Sequence[SearchDocument], term_pieces: Mapping[str, str]) -> list[GeneratedFile]:
    """Shards, document chunks and manifest from each term's serialised postings."""
    files: list[GeneratedFile] = []
    shard_starts: list[str] = []
    pieces: list[str] = []
    shard_size = 0
    for term in sorted(term_pieces):
        piece = term_pieces[term]
        if pieces and shard_size + len(piece) > SHARD_BYTES:
            files.append(GeneratedFile(f"{INDEX_FOLDER}/t/{len(shard_starts) - 1}.json", "{" + ",".join(pieces) + "}"))
            pieces, shard_size = [], 0
        if not pieces:
            shard_starts.append(term)
        pieces.append(piece)
        shard_size += len(piece) + 1
    if pieces:
        files.append(GeneratedFile(f"{INDEX_FOLDER}/t/{len(shard_starts) - 1}.json", "{" + ",".join(pieces) + "}"))
    for start in range(0, len(documents), DOC_CHUNK):
        chunk = [[d.url, d.symbol, d.title, d.date] for d in documents[start:start + DOC_CHUNK]]
        files.append(_json_file(f"d/{start // DOC_CHUNK}.json", chunk))
    build_id = hashlib.sha256(b"".join(
        f.content if isinstance(f.content, bytes) else f.content.encode() for f in files)).hexdigest()[:12]
    manifest = {"version": FORMAT_VERSION, "build": build_id, "documents": len(documents),
                "chunk": DOC_CHUNK, "shown": RESULTS_SHOWN, "prefixTerms": PREFIX_TERMS,
                "prefixShards": PREFIX_SHARDS, "stop": sorted(STOP_WORDS), "shards": shard_starts}
    files.append(_json_file("manifest.json", manifest))
    return files


def _encode_postings(entries: Postings) -> list:
    """``[total, doc-delta, score, anchor, doc-delta, score, anchor, ...]``: best ``MAX_POSTINGS`` by score,
    then in document order with each document number stored as the gap from the previous one."""
    total = len(entries) // 3
    kept = entries if total <= MAX_POSTINGS else _best(entries)
    numbers = kept[0::3]
    encoded = [total, *kept]
    encoded[1::3] = [number - previous for previous, number in zip([0, *numbers], numbers)]
    return encoded


def _best(entries: Postings) -> Postings:
    """The ``MAX_POSTINGS`` entries of best score, still in document order."""
    scores = entries[1::3]
    # The sort is stable, so among equal scores the lower-numbered document is kept (as heapq.nlargest did);
    # sorting positions by score is done in C, nlargest with a key is a Python loop per entry.
    best = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:MAX_POSTINGS]
    best.sort()
    return [value for position in best for value in entries[3 * position:3 * position + 3]]


_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _compact_json(data: object) -> str:
    # What json.dumps(data, ensure_ascii=False, separators=(",", ":")) returns, without building an encoder
    # at every call (it is called once per term).
    return _COMPACT_JSON.encode(data)


def _json_file(name: str, data: object) -> GeneratedFile:
    return GeneratedFile(f"{INDEX_FOLDER}/{name}", _compact_json(data))


def search_page() -> GeneratedPage:
    """The search page (``search/``): full results, usable without the header box, ``?q=`` in the URL."""
    return GeneratedPage(src_uri="search.md", title="Search", template="resolutions_search.html",
                         context={"index_folder": INDEX_FOLDER})


# -- answering queries (the script's algorithm, for tests and the benchmark) -------------------------

Reader = Callable[[str], "str | bytes | None"]
"""Returns the content of an index file by its name under ``INDEX_FOLDER`` (None when absent)."""


class IndexClient:
    """Reads index files through ``reader`` and remembers what it fetched (as the browser would)."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self._cache: dict[str, object] = {}
        self.fetched: dict[str, int] = {}

    def load(self, name: str) -> object:
        if name not in self._cache:
            content = self._reader(name)
            if content is None:
                self._cache[name] = None
            else:
                raw = content.encode() if isinstance(content, str) else content
                self.fetched[name] = len(raw)
                self._cache[name] = json.loads(raw)
        return self._cache[name]

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        """Results of ``query``, best first, as search.js ranks them."""
        manifest = self.load("manifest.json")
        if not isinstance(manifest, dict):
            return []
        limit = limit or manifest["shown"]
        terms = query_terms(query)
        if not terms:
            return []
        per_term: list[dict[int, tuple[float, str]]] = []
        for position, term in enumerate(terms):
            is_last = position == len(terms) - 1
            per_term.append(self._matches(manifest, term, prefix=is_last))
        totals: dict[int, list] = {}
        for matches in per_term:
            for number, (score, anchor) in matches.items():
                slot = totals.setdefault(number, [0, 0.0, anchor])
                slot[0] += 1
                slot[1] += score
                if not slot[2]:
                    slot[2] = anchor
        ranked = sorted(totals.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))[:limit]
        hits: list[SearchHit] = []
        for number, (_, score, anchor) in ranked:
            chunk = self.load(f"d/{number // manifest['chunk']}.json")
            url, symbol, title, _date = chunk[number % manifest["chunk"]]  # type: ignore[index]
            hits.append(SearchHit(url + (f"#{anchor}" if anchor else ""), symbol, title, score))
        return hits

    def _matches(self, manifest: dict, term: str, prefix: bool) -> dict[int, tuple[float, str]]:
        starts: list[str] = manifest["shards"]
        first = max(0, bisect.bisect_right(starts, term) - 1)
        if not prefix:
            shard_numbers = [first]
        else:
            # Every shard whose range can hold a term starting with ``term``.
            last = max(first, bisect.bisect_right(starts, term + "\uffff") - 1)
            shard_numbers = list(range(first, min(last, first + manifest["prefixShards"] - 1) + 1))
        matches: dict[int, tuple[float, str]] = {}
        expanded = 0
        for shard_number in shard_numbers:
            shard = self.load(f"t/{shard_number}.json")
            if not isinstance(shard, dict):
                continue
            for candidate in ([term] if not prefix else sorted(shard)):
                if candidate not in shard or not candidate.startswith(term):
                    continue
                if candidate != term:
                    if expanded >= manifest["prefixTerms"]:
                        break
                    expanded += 1
                weight = 1.0 if candidate == term else 0.5  # an exact word outranks a longer one it begins
                for number, (score, anchor) in _decode_postings(shard[candidate]).items():
                    value = score * weight
                    if value > matches.get(number, (0.0, ""))[0]:
                        matches[number] = (value, anchor)
        return matches


def _decode_postings(flat: list) -> dict[int, tuple[int, str]]:
    decoded: dict[int, tuple[int, str]] = {}
    number = 0
    for position in range(1, len(flat), 3):
        number += flat[position]
        decoded[number] = (flat[position + 1], flat[position + 2])
    return decoded


def files_reader(files: Iterable[GeneratedFile]) -> Reader:
    """A reader over generated files (before they are written)."""
    by_name = {f.dest_uri.removeprefix(INDEX_FOLDER + "/"): f.content for f in files}
    return by_name.get


def first_result_download(reader: Reader, query: str, script_bytes: int = 0) -> dict[str, int]:
    """What a reader downloads to see the first page of results for ``query``: bytes as stored and as
    gzip-compressed (what a static host such as GitHub Pages sends), plus the number of files.

    ``script_bytes`` adds the size of search.js (fetched once per visit)."""
    client = IndexClient(reader)
    client.search(query)
    raw = sum(client.fetched.values()) + script_bytes
    compressed = script_bytes
    for name in client.fetched:
        content = reader(name)
        data = content.encode() if isinstance(content, str) else (content or b"")
        compressed += len(gzip.compress(data, 6))
    return {"bytes": raw, "gzip_bytes": compressed, "files": len(client.fetched)}
