import type { ClusterProfile } from '../../../../common/clustering/profile';
import { routeHash } from '../../app/route';
import type { Representative } from '../../workers/clusterProtocol';

const pct = (x: number) => `${Math.round(x * 100)} %`;
const num = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString() : x.toLocaleString(undefined, { maximumFractionDigits: 1 }));

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
  const title = `Group ${profile.cluster + 1}`;
  const numbers = profile.numbers.filter((n) => Math.abs(n.shift) >= 0.3).sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift)).slice(0, 5);
  return (
    <article className="cluster-card" aria-label={title}>
      <header>
        <h3>{title}</h3>
        <span className="cluster-size">{profile.size.toLocaleString()} respondents · {pct(profile.share)}</span>
      </header>
      <section>
        <h4>More often than everyone</h4>
        {profile.over.length === 0 ? <p className="muted">No answer stands out.</p> : (
          <ul className="lift-list">
            {profile.over.map((o) => (
              <li key={`${o.column}:${o.value}`}>
                <span className="lift">×{o.lift.toFixed(1)}</span> {labelOf(o.column)}: <strong>{o.value}</strong>
                <span className="muted"> ({pct(o.share)} here, {pct(o.overallShare)} overall)</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {profile.under.length > 0 && (
        <section>
          <h4>Less often</h4>
          <ul className="lift-list">
            {profile.under.slice(0, 3).map((o) => (
              <li key={`${o.column}:${o.value}`}>
                <span className="lift under">×{o.lift.toFixed(1)}</span> {labelOf(o.column)}: {o.value}
                <span className="muted"> ({pct(o.share)} here, {pct(o.overallShare)} overall)</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {numbers.length > 0 && (
        <section>
          <h4>Numbers</h4>
          <ul className="lift-list">
            {numbers.map((n) => (
              <li key={n.column}>
                {labelOf(n.column)}: mean <strong>{num(n.mean)}</strong> against {num(n.overallMean)} overall
                <span className="muted"> ({n.shift > 0 ? '+' : ''}{n.shift.toFixed(1)} SD; 80 % between {num(n.p10)} and {num(n.p90)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {profile.phrases.length > 0 && (
        <section>
          <h4>In their words</h4>
          <p className="phrases">{profile.phrases.slice(0, 6).map((p) => <span key={p.phrase} className="phrase">“{p.phrase}” <span className="muted">{p.count}</span></span>)}</p>
        </section>
      )}
      <section>
        <h4>Closest to the group’s centre</h4>
        <ul className="representatives">
          {representatives.map((r, i) => (
            <li key={r.id ?? i}>
              <strong>{r.id ?? `Respondent ${i + 1}`}</strong>
              <span className="muted"> {r.answers.slice(0, 6).map((a) => `${labelOf(a.column)}: ${a.value}`).join(' · ')}</span>
            </li>
          ))}
        </ul>
      </section>
      <footer>
        <p className="recovery">
          {ruleCount} mapping rules; <strong>{pct(recovery.strongInCluster)}</strong> of this group scores strong against them
          ({pct(recovery.strongElsewhere)} of everyone else).
        </p>
        {created
          ? <a className="button" href={routeHash('personas', created)}>Open the draft</a>
          : <button type="button" className="primary" disabled={creating} onClick={onCreate}>Create persona draft</button>}
        <button type="button" className="ghost" disabled={creating} onClick={onSegment}>Save as segment</button>
      </footer>
    </article>
  );
}
