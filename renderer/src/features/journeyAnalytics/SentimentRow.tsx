import type { Stage } from '../../../../common/journey';
import type { StageSentiment } from '../../../../common/journeyAnalytics';
import { useT } from '../../i18n';
import { useMapAnalytics } from './analyticsState';
import { useJourneyFormat, type JourneyFormat } from './journeyFormat';

/** "mean 3.60 · 62.0% top-2 of 5 · n 120" for a stage's sentiment. */
export function sentimentText(s: StageSentiment, f: JourneyFormat): string {
  if (s.n === 0 || s.mean === null) return f.t('journeyAnalytics.sentiment.noAnswers');
  const values = { mean: s.mean, n: s.n };
  return s.top2 === null ? f.t('journeyAnalytics.sentiment.mean', values)
    : f.t('journeyAnalytics.sentiment.meanTop2', { ...values, top2: f.rate(s.top2), scaleTop: s.scaleTop });
}

/**
 * The map's sentiment row, shown once a survey is joined: each stage can take a survey question (a
 * number column, stored in the journey's analytics settings) and shows its mean and top-2-box.
 */
export function SentimentRow({ stages }: { stages: readonly Stage[] }) {
  const a = useMapAnalytics();
  const t = useT();
  const fmt = useJourneyFormat();
  if (!a?.survey) return null;
  const questions = a.survey.columns.filter((c) => c.type === 'number');
  const setQuestion = (stageId: string, key: string) => {
    const next = { ...a.stageQuestions };
    if (key) next[stageId] = key; else delete next[stageId];
    a.dispatch({ type: 'setAnalytics', patch: { stageQuestions: next } });
  };
  return (
    <>
      <div className="lane-header analytics-row-header"><strong>{t('journeyAnalytics.sentiment.title')}</strong><span className="muted">{t('journeyAnalytics.sentiment.note')}</span></div>
      {stages.map((s, i) => {
        const chosen = a.stageQuestions[s.id] ?? '';
        const figure = chosen ? a.sentiment?.[i] : null;
        const known = questions.some((q) => q.key === chosen);
        return (
          <div key={s.id} className="map-cell sentiment-cell" data-testid={`sentiment-${s.id}`}>
            <select aria-label={t('journeyAnalytics.sentiment.questionOf', { stage: s.name })} value={known ? chosen : ''} onChange={(e) => setQuestion(s.id, e.target.value)}>
              <option value="">{t(questions.length === 0 ? 'journeyAnalytics.sentiment.noQuestions' : 'journeyAnalytics.sentiment.noQuestion')}</option>
              {questions.map((q) => <option key={q.key} value={q.key}>{q.label || q.key}</option>)}
            </select>
            {chosen && !known && <span className="error">{t('journeyAnalytics.sentiment.gone', { question: chosen })}</span>}
            {figure && <span className="sentiment-figure">{sentimentText(figure, fmt)}</span>}
          </div>
        );
      })}
      <div />
    </>
  );
}
