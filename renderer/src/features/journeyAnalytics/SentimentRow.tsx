import type { Stage } from '../../../../common/journey';
import type { StageSentiment } from '../../../../common/journeyAnalytics';
import { formatRate } from '../../../../common/journeyAnalytics/report';
import { useMapAnalytics } from './analyticsState';

/** "mean 3.6 · 62 % top-2 of 5 · n 120" for a stage's sentiment. */
export function sentimentText(s: StageSentiment): string {
  if (s.n === 0 || s.mean === null) return 'no answers';
  const top = s.top2 === null ? '' : ` · ${formatRate(s.top2)} top-2 of ${s.scaleTop}`;
  return `mean ${s.mean.toFixed(2)}${top} · n ${s.n.toLocaleString()}`;
}

/**
 * The map's sentiment row, shown once a survey is joined: each stage can take a survey question (a
 * number column, stored in the journey's analytics settings) and shows its mean and top-2-box.
 */
export function SentimentRow({ stages }: { stages: readonly Stage[] }) {
  const a = useMapAnalytics();
  if (!a?.survey) return null;
  const questions = a.survey.columns.filter((c) => c.type === 'number');
  const setQuestion = (stageId: string, key: string) => {
    const next = { ...a.stageQuestions };
    if (key) next[stageId] = key; else delete next[stageId];
    a.dispatch({ type: 'setAnalytics', patch: { stageQuestions: next } });
  };
  return (
    <>
      <div className="lane-header analytics-row-header"><strong>Sentiment</strong><span className="muted">a survey question per stage</span></div>
      {stages.map((s, i) => {
        const chosen = a.stageQuestions[s.id] ?? '';
        const figure = chosen ? a.sentiment?.[i] : null;
        const known = questions.some((q) => q.key === chosen);
        return (
          <div key={s.id} className="map-cell sentiment-cell" data-testid={`sentiment-${s.id}`}>
            <select aria-label={`Sentiment question of ${s.name}`} value={known ? chosen : ''} onChange={(e) => setQuestion(s.id, e.target.value)}>
              <option value="">{questions.length === 0 ? 'No number questions' : 'No question'}</option>
              {questions.map((q) => <option key={q.key} value={q.key}>{q.label || q.key}</option>)}
            </select>
            {chosen && !known && <span className="error">The question “{chosen}” is not in this survey any more.</span>}
            {figure && <span className="sentiment-figure">{sentimentText(figure)}</span>}
          </div>
        );
      })}
      <div />
    </>
  );
}
