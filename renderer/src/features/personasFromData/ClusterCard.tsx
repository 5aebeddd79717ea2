import type { ReactNode } from 'react';
import type { ClusterProfile } from '../../../../common/clustering/profile';
import { routeHash } from '../../app/route';
import { FormattedMessage, useFormat, useT } from '../../i18n';
import type { Representative } from '../../workers/clusterProtocol';

const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/** One group: its size, what sets it apart, its numbers, words and closest respondents; one click to a draft. */
export function ClusterCard({ profile, ruleCount, recovery, representatives, labelOf, created, creating, onCreate, onSegment }: {
  profile: ClusterProfile;
  ruleCount: number;
  recovery: { strongInCluster: number; strongElsewhere: number };
  representatives: Representative[];
  labelOf: (key: string) => string;
  created: string | null;
  creating: boolean;
  onCreate: () => void;
  /** Saves the group's derived rules as a segment. */
  onSegment: () => void;
}) {
  const t = useT();
  const f = useFormat();
  // Large figures read better whole; small ones keep one decimal.
  const num = (x: number) => f.number(x, Math.abs(x) >= 100 ? 0 : 1);
  const title = t('findPersonas.card.title', { group: profile.cluster + 1 });
  const numbers = profile.numbers.filter((n) => Math.abs(n.shift) >= 0.3).sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift)).slice(0, 5);
  const shares = (o: { share: number; overallShare: number }) => t('findPersonas.card.shares', { here: f.percent(o.share), overall: f.percent(o.overallShare) });
  return (
    <article className="cluster-card" aria-label={title}>
      <header>
        <h3>{title}</h3>
        <span className="cluster-size">{t('findPersonas.card.size', { count: profile.size, share: f.percent(profile.share) })}</span>
      </header>
      <section>
        <h4>{t('findPersonas.card.over')}</h4>
        {profile.over.length === 0 ? <p className="muted">{t('findPersonas.card.nothingStands')}</p> : (
          <ul className="lift-list">
            {profile.over.map((o) => (
              <li key={`${o.column}:${o.value}`}>
                <span className="lift">{t('findPersonas.card.lift', { lift: o.lift })}</span> {labelOf(o.column)}: <strong>{o.value}</strong>
                <span className="muted">{shares(o)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {profile.under.length > 0 && (
        <section>
          <h4>{t('findPersonas.card.under')}</h4>
          <ul className="lift-list">
            {profile.under.slice(0, 3).map((o) => (
              <li key={`${o.column}:${o.value}`}>
                <span className="lift under">{t('findPersonas.card.lift', { lift: o.lift })}</span> {labelOf(o.column)}: {o.value}
                <span className="muted">{shares(o)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {numbers.length > 0 && (
        <section>
          <h4>{t('findPersonas.card.numbers')}</h4>
          <ul className="lift-list">
            {numbers.map((n) => (
              <li key={n.column}>
                <FormattedMessage id="findPersonas.card.mean" values={{ column: labelOf(n.column), mean: num(n.mean), overall: num(n.overallMean), b: bold }} />
                <span className="muted">{t('findPersonas.card.spread', { shift: n.shift, share: f.percent(0.8), low: num(n.p10), high: num(n.p90) })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {profile.phrases.length > 0 && (
        <section>
          <h4>{t('findPersonas.card.phrases')}</h4>
          <p className="phrases">{profile.phrases.slice(0, 6).map((p) => <span key={p.phrase} className="phrase"><q>{p.phrase}</q> <span className="muted">{f.integer(p.count)}</span></span>)}</p>
        </section>
      )}
      <section>
        <h4>{t('findPersonas.card.closest')}</h4>
        <ul className="representatives">
          {representatives.map((r, i) => (
            <li key={r.id ?? i}>
              <strong>{r.id ?? t('findPersonas.card.respondent', { number: i + 1 })}</strong>
              <span className="muted"> {r.answers.slice(0, 6).map((a) => `${labelOf(a.column)}: ${a.value}`).join(' · ')}</span>
            </li>
          ))}
        </ul>
      </section>
      <footer>
        <p className="recovery">
          <FormattedMessage id="findPersonas.card.recovery"
            values={{ rules: ruleCount, inGroup: f.percent(recovery.strongInCluster), elsewhere: f.percent(recovery.strongElsewhere), b: bold }} />
        </p>
        {created
          ? <a className="button" href={routeHash('personas', created)}>{t('findPersonas.card.openDraft')}</a>
          : <button type="button" className="primary" disabled={creating} onClick={onCreate}>{t('findPersonas.card.createDraft')}</button>}
        <button type="button" className="ghost" disabled={creating} onClick={onSegment}>{t('findPersonas.card.saveSegment')}</button>
      </footer>
    </article>
  );
}
