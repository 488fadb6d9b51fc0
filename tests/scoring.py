"""The evaluation contract, vendored: `score()` of ../shared/eval/score.py, unchanged in behaviour.

Kept as a copy so the test suite runs without the shared folder; see that file for the rules.
"""
# ruff: noqa
import difflib
import glob
import json
import os
import re
import sys

COVER = 0.5  # share of a gold span that a prediction must cover to count as finding it

# Names that may stand for the same speaker as the gold one (groups, bodies and unnamed sources).
ALSO = {
    'european leaders': ['european allies', 'europe', 'european leaders and allies', 'european nations'],
    'ukraine': ['kyiv', 'ukrainian government', 'ukraine and its allies'],
    'russia': ['moscow', 'kremlin', 'russian government'],
    'kremlin': ['russia', 'moscow', 'russian government'],
    'russian leaders': ['kremlin', 'russia', 'russian officials'],
    'anonymous source familiar with the process': ['source familiar with the process', 'unnamed source',
                                                   'anonymous source', 'source'],
}


def norm(name):
    name = (name or '').lower().replace('’', "'")
    name = re.sub(r"[^a-z0-9' ]+", ' ', name)
    name = re.sub(r'^(the|a|an) ', '', name.strip())
    return ' '.join(name.split())


def same_speaker(pred, item):
    p = norm(pred)
    if not p:
        return False
    names = [norm(item['speaker'])] + [norm(n) for n in item.get('speaker_also', [])]
    names += [a for n in list(names) for a in ALSO.get(n, [])]
    return any(difflib.SequenceMatcher(None, p, n).ratio() >= 0.9 for n in names)


def same_medium(pred, gold):
    """Equal, or one names the other within it ("aboard Air Force One" for "Air Force One")."""
    p, g = norm(pred), norm(gold)
    return bool(p) and (f' {g} ' in f' {p} ' or f' {p} ' in f' {g} ')


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def load_gold(folder):
    """Gold quotes and reported statements from a folder of *.json files."""
    quotes, reported = [], []
    for path in sorted(glob.glob(os.path.join(folder, '*.json'))):
        rows = json.load(open(path, encoding='utf-8'))
        (reported if 'reported' in os.path.basename(path) else quotes).extend(rows)
    return quotes, reported


def score(preds, quotes, reported, show=False):
    articles = {q['article'] for q in quotes} | {r['article'] for r in reported}
    preds = [p for p in preds if os.path.basename(p['article']) in articles]
    for p in preds:
        p['article'] = os.path.basename(p['article'])
    by_article = {}
    for p in preds:
        by_article.setdefault(p['article'], []).append(p)

    def best(item, kinds=None):
        top, cov = None, 0.0
        for p in by_article.get(item['article'], []):
            if kinds and p.get('kind') not in kinds:
                continue
            c = overlap(p['start'], p['end'], item['start'], item['end']) / max(1, item['end'] - item['start'])
            if c > cov:
                top, cov = p, c
        return top, cov

    m = {k: [0, 0] for k in ('recall', 'precision', 'speaker', 'said_on', 'medium', 'end_to_end', 'reported')}
    misses = []
    for q in quotes:
        if q['kind'] not in ('speech', 'fragment'):
            continue
        p, cov = best(q)
        m['recall'][1] += 1
        m['end_to_end'][1] += 1
        if cov < COVER:
            misses.append(('missed', q['article'], q['quote'][:70]))
            continue
        m['recall'][0] += 1
        if q['speaker']:
            m['speaker'][1] += 1
            if same_speaker(p.get('speaker'), q):
                m['speaker'][0] += 1
                m['end_to_end'][0] += 1
            else:
                misses.append(('speaker', q['article'], f"{q['quote'][:50]} -> {p.get('speaker')!r}, gold {q['speaker']!r}"))
        else:
            m['end_to_end'][0] += 1
        if q['said_on']:
            m['said_on'][1] += 1
            if p.get('said_on') == q['said_on']:
                m['said_on'][0] += 1
            else:
                misses.append(('said_on', q['article'], f"{q['quote'][:50]} -> {p.get('said_on')}, gold {q['said_on']}"))
        if q['medium']:
            m['medium'][1] += 1
            if same_medium(p.get('medium'), q['medium']):
                m['medium'][0] += 1
            else:
                misses.append(('medium', q['article'], f"{q['quote'][:50]} -> {p.get('medium')!r}, gold {q['medium']!r}"))
    for p in preds:
        if p.get('kind') == 'indirect':
            continue
        m['precision'][1] += 1
        if any(overlap(p['start'], p['end'], q['start'], q['end']) >= COVER * max(1, p['end'] - p['start'])
               for q in quotes if q['article'] == p['article']):
            m['precision'][0] += 1
        else:
            misses.append(('spurious', p['article'], str(p.get('quote', ''))[:70]))
    for r in reported:
        if r.get('contains_direct_quote') or not r.get('speaker'):
            continue
        m['reported'][1] += 1
        hits = [p for p in by_article.get(r['article'], [])
                if overlap(p['start'], p['end'], r['start'], r['end']) >= 0.3 * (p['end'] - p['start'])
                and same_speaker(p.get('speaker'), r)]
        if hits:
            m['reported'][0] += 1
        else:
            misses.append(('reported', r['article'], f"{r['speaker']}: {r['text'][:60]}"))
    out = {k: {'score': round(a / b, 3) if b else None, 'of': b} for k, (a, b) in m.items()}
    if show:
        for kind, art, what in misses:
            print(f'{kind:9} {art[:3]} {what}', file=sys.stderr)
    return out
