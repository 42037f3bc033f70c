"""Story families: articles whose texts are near-identical count as one source.

A wire story printed by five outlets, or updated twice by one, is one source for a
reader deciding whether to trust an event. Each article's text gets a MinHash signature
of its word shingles (datasketch); the signature is cut into bands stored in
``ArticleBand``, so the articles that may be near-duplicates of a new one are found by an
index lookup on (band, bucket), never by comparing it with every article. A candidate
joins the family when the signatures' estimated Jaccard similarity reaches
``NEAR_DUPLICATE``.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash
from django.db import transaction

from timeline.models import Article, ArticleBand, StoryFamily

NUM_PERM = 64
BANDS = 8  # 8 bands of 8 rows: pairs above ~0.77 similarity share a band almost surely
ROWS = NUM_PERM // BANDS
SHINGLE = 4
NEAR_DUPLICATE = 0.8
_WORD = re.compile(r"\w+", re.UNICODE)


def article_signature(*, body: str) -> list[int]:
    """The MinHash signature of a text's word 4-shingles (case and punctuation ignored)."""
    words = _WORD.findall(body.casefold())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in minhash.hashvalues]


def _buckets(signature: list[int]) -> list[str]:
    return [
        hashlib.blake2b(
            f"{b}:".encode() + ",".join(map(str, signature[b * ROWS : (b + 1) * ROWS])).encode(),
            digest_size=12,
        ).hexdigest()
        for b in range(BANDS)
    ]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


@transaction.atomic
def article_family_assign(*, article: Article) -> StoryFamily | None:
    """Sign the article, file its bands, and put it in the family of a near-duplicate of
    the same conflict (making one for both when neither had any). Returns the family, or
    None when the article has no near-duplicate."""
    signature = article_signature(body=article.body)
    buckets = _buckets(signature)
    ArticleBand.objects.filter(article=article).delete()
    ArticleBand.objects.bulk_create(
        ArticleBand(article=article, band=b, bucket=bucket) for b, bucket in enumerate(buckets)
    )
    article.minhash = signature
    candidates = (
        Article.objects.filter(
            conflict_id=article.conflict_id,
            bands__bucket__in=buckets,
        )
        .exclude(pk=article.pk)
        .distinct()
        .only("pk", "minhash", "family_id")[:50]
    )
    best, best_score = None, 0.0
    for other in candidates:
        score = similarity(signature, other.minhash)
        if score > best_score:
            best, best_score = other, score
    family = None
    if best is not None and best_score >= NEAR_DUPLICATE:
        family = best.family
        if family is None:
            family = StoryFamily.objects.create()
            best.family = family
            best.save(update_fields=["family"])
    article.family = family
    article.save(update_fields=["minhash", "family"])
    return family
