import { memo, useState } from 'react';
import { channels, randomId, type Card, type CardLane, type Channel, type EventRule, type JourneyChange, type Stage } from '../../../../../common/journey';
import { CommitInput } from '../CommitInput';
import { CardEvents } from '../../journeyAnalytics/CardEvents';
import { ImageCard } from './ImageCard';
import { ChannelIcon, X } from '../../../ui/icons';
import { useT } from '../../../i18n';
import { channelKey, evidenceKey, evidenceKinds, type EvidenceKind } from './labels';

/**
 * One cell of a card lane. Cards show as plain text with an evidence badge and turn into an editor
 * when clicked: a big map has hundreds of cards, and rendering a text area and menus for each would
 * make it slow to open.
 */
export const CardCell = memo(function CardCell({ lane, stage, cards, dispatch }: {
  lane: CardLane; stage: Stage; cards: Card[]; dispatch: (...c: JourneyChange[]) => boolean;
}) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const set = (next: Card[]) => dispatch({ type: 'setCell', laneId: lane.id, stageId: stage.id, cards: next });
  const patch = (id: string, p: (c: Card) => Card) => set(cards.map((c) => (c.id === id ? p(c) : c)));
  // No rules left means no `events` field, so a card without rules is stored exactly as before.
  const setRules = (id: string, events: EventRule[]) => patch(id, ({ events: _old, ...rest }) => (events.length > 0 ? { ...rest, events } : rest));
  const add = () => {
    const card: Card = { id: randomId('cd'), text: '', ...(lane.type === 'channels' ? { channel: 'web' as Channel } : {}) };
    if (set([...cards, card])) setEditing(card.id);
  };
  const where = { lane: lane.name, stage: stage.name };
  return (
    <div className={`map-cell card-cell lane-${lane.type}`} data-lane={lane.id} data-stage={stage.id}>
      {cards.map((card, i) => {
        const name = { ...where, n: i + 1 };
        const cls = `map-card${card.evidence ? ` evidence-${card.evidence.kind}` : ''}`;
        if (editing !== card.id) {
          return (
            <div key={card.id} className={cls}>
              {lane.type === 'images' && <ImageCard card={card} onAsset={(assetId) => patch(card.id, (c) => ({ ...c, assetId }))} />}
              <button type="button" className="card-view" data-export="keep" aria-label={t('journeyMap.card.edit', name)} onClick={() => setEditing(card.id)}>
                {card.channel && <span className="channel-tag"><ChannelIcon channel={card.channel} /> {t(channelKey[card.channel])}</span>}
                <span className="card-text-view">{card.text || (card.channel ? '' : <span className="muted">{t('journeyMap.card.empty')}</span>)}</span>
                {card.evidence && <span className={`evidence-badge ${card.evidence.kind}`} title={card.evidence.source}>{t(evidenceKey[card.evidence.kind])}</span>}
              </button>
              <CardEvents card={card} place={{ ...name, stageId: stage.id }} offer={lane.type === 'touchpoints' || lane.type === 'channels'} onRules={(events) => setRules(card.id, events)} />
            </div>
          );
        }
        return (
          <div key={card.id} className={`${cls} editing`}
            onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setEditing(null); }}
            onKeyDown={(e) => { if (e.key === 'Escape') setEditing(null); }}>
            {lane.type === 'channels' && (
              <select aria-label={t('journeyMap.card.channel', name)} value={card.channel ?? 'web'} className="channel-select"
                onChange={(e) => patch(card.id, (c) => ({ ...c, channel: e.target.value as Channel }))}>
                {channels.map((c) => <option key={c} value={c}>{t(channelKey[c])}</option>)}
              </select>
            )}
            <CommitInput multiline autoFocus aria-label={t('journeyMap.card.text', name)} className="card-text" value={card.text} maxLength={2000}
              placeholder={t(lane.type === 'images' ? 'journeyMap.card.caption' : 'journeyMap.card.write')} onCommit={(text) => patch(card.id, (c) => ({ ...c, text }))} />
            <div className="card-tools">
              <select aria-label={t('journeyMap.card.evidence', name)} className="evidence-select" value={card.evidence?.kind ?? ''}
                onChange={(e) => {
                  const kind = e.target.value as EvidenceKind | '';
                  patch(card.id, (c) => {
                    const { evidence: _old, ...rest } = c;
                    return kind ? { ...rest, evidence: { kind, ...(c.evidence?.source ? { source: c.evidence.source } : {}) } } : rest;
                  });
                }}>
                <option value="">{t('journeyMap.card.noEvidence')}</option>
                {evidenceKinds.map((k) => <option key={k} value={k}>{t(evidenceKey[k])}</option>)}
              </select>
              {card.evidence && (
                <CommitInput aria-label={t('journeyMap.card.source', name)} className="evidence-source" placeholder={t('journeyMap.card.sourcePlaceholder')}
                  value={card.evidence.source ?? ''} maxLength={500}
                  onCommit={(source) => patch(card.id, (c) => ({ ...c, evidence: { kind: c.evidence?.kind ?? 'assumption', ...(source ? { source } : {}) } }))} />
              )}
              <button type="button" className="ghost" aria-label={t('journeyMap.card.remove', name)} onClick={() => { setEditing(null); set(cards.filter((c) => c.id !== card.id)); }}><X size={14} /></button>
            </div>
          </div>
        );
      })}
      <button type="button" className="ghost add-card" aria-label={t('journeyMap.card.add', where)} onClick={add}>+</button>
    </div>
  );
});
