/**
 * Words and two-word phrases that one group of respondents uses more than everyone else, from open
 * text: counted once per respondent, ranked by how many of the group use them times how much more
 * often (log lift), so a phrase must be both common in the group and typical of it.
 */
const stopwords = new Set(('a an and are as at be been but by can could did do does for from had has have i if in is it its just me my no not of on or our so that the their them there they this to too very was we were what when which who will with would you your again really today').split(' '));

/** The distinct words and adjacent word pairs of one answer (lower case, letters and digits of any script). */
export function termsOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.length >= 3 && !stopwords.has(w)) terms.add(w);
    const next = words[i + 1];
    if (next && !stopwords.has(w) && !stopwords.has(next)) terms.add(`${w} ${next}`);
  }
  return terms;
}

/** A phrase typical of a group. */
export interface Phrase { phrase: string; count: number; lift: number }

/** Top phrases per group. `groups[r]` is row r's group; `texts[r]` its answer or null. */
export function topPhrases(texts: readonly (string | null)[], groups: ArrayLike<number>, groupCount: number, top = 8): Phrase[][] {
  const overall = new Map<string, number>();
  const byGroup = Array.from({ length: groupCount }, () => new Map<string, number>());
  const answered = new Int32Array(groupCount);
  let answeredAll = 0;
  texts.forEach((text, r) => {
    if (!text) return;
    const g = groups[r]!;
    answered[g]!++;
    answeredAll++;
    for (const term of termsOf(text)) {
      overall.set(term, (overall.get(term) ?? 0) + 1);
      byGroup[g]!.set(term, (byGroup[g]!.get(term) ?? 0) + 1);
    }
  });
  return byGroup.map((counts, g) => {
    const n = answered[g]!;
    const minCount = Math.max(3, Math.ceil(n * 0.02));
    const ranked: (Phrase & { score: number })[] = [];
    for (const [phrase, count] of counts) {
      if (count < minCount) continue;
      const lift = count / n / (overall.get(phrase)! / answeredAll);
      if (lift > 1.2) ranked.push({ phrase, count, lift, score: count * Math.log2(lift) });
    }
    // On equal scores the longer phrase says more ("hidden fees" before "fees").
    ranked.sort((a, b) => b.score - a.score || b.phrase.split(' ').length - a.phrase.split(' ').length || a.phrase.localeCompare(b.phrase));
    // A word inside a kept phrase adds nothing ("forms" under "too many forms").
    const kept: Phrase[] = [];
    for (const p of ranked) {
      if (kept.length >= top) break;
      if (kept.some((k) => k.phrase.includes(p.phrase) || p.phrase.includes(k.phrase))) continue;
      kept.push({ phrase: p.phrase, count: p.count, lift: p.lift });
    }
    return kept;
  });
}
