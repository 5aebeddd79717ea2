import { useState } from 'react';
import { eventRuleLimits, type Card, type EventRule } from '../../../../common/journey';
import { useT } from '../../i18n';
import { useMapAnalytics } from './analyticsState';
import { useJourneyFormat } from './journeyFormat';
import { RulesEditor } from './StageRulesEditor';

/** Where a card sits, for labels: its lane, stage and place in the cell. */
export interface CardPlace {
  lane: string;
  stage: string;
  stageId: string;
  n: number;
}

/**
 * A touchpoint card's event figures and rules on the map (issue 14 item 2), shown only while an
 * event log is chosen: the customers who met the card among those who reached its stage, with the
 * share of the stage's reach (exact numbers on hover), and a button that opens the same rule editor
 * a stage has. The button is offered on touchpoint and channel cards (`offer`), and on any card that
 * already has rules; a card without rules shows at most the button, its cell and figures as before.
 */
export function CardEvents({ card, place, offer, onRules }: {
  card: Card; place: CardPlace; offer: boolean; onRules: (events: EventRule[]) => boolean;
}) {
  const a = useMapAnalytics();
  const t = useT();
  const fmt = useJourneyFormat();
  const [editing, setEditing] = useState(false);
  const rules = card.events ?? [];
  if (!a || (!offer && rules.length === 0)) return null;
  const names = { lane: place.lane, stage: place.stage, n: place.n };
  const figure = rules.length > 0 ? a.cardFigures.get(card.id) : undefined;
  const stage = a.figures?.stages.find((s) => s.stageId === place.stageId);
  const detail = figure && stage ? t('journeyAnalytics.card.detail', {
    reached: fmt.count(figure.reached), stageReach: fmt.count(stage.reachAny), stage: place.stage, rate: fmt.rate(figure.share),
    customers: fmt.count(figure.customers), events: fmt.count(figure.events),
  }) : undefined;
  return (
    <div className="card-events" data-testid={`card-events-${card.id}`}>
      {figure && (
        <span className="card-figure" data-testid={`card-figure-${card.id}`} title={detail} aria-label={detail} tabIndex={0}>
          <strong>{fmt.count(figure.reached)}</strong>
          {figure.share !== null && <span className="muted">{t('journeyAnalytics.card.ofStage', { rate: fmt.rate(figure.share) })}</span>}
        </span>
      )}
      <button type="button" className="ghost card-rules-button" data-export="hide" aria-expanded={editing}
        aria-label={t('journeyAnalytics.card.editOf', names)} onClick={() => setEditing(!editing)}>
        {rules.length > 0 ? t('journeyAnalytics.card.rules', { count: rules.length }) : t('journeyAnalytics.card.addRules')}
      </button>
      {editing && (
        <div data-export="hide">
          <RulesEditor rules={rules} log={a.log} onClose={() => setEditing(false)} onSave={onRules}
            label={t('journeyAnalytics.card.label', names)}
            removeLabel={(i) => t('journeyAnalytics.card.remove', { ...names, rule: i + 1 })}
            tooMany={t('journeyAnalytics.card.tooMany', { rules: eventRuleLimits.rulesPerStage })} />
        </div>
      )}
    </div>
  );
}
