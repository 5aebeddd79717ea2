import { memo } from 'react';
import { channels, randomId, type Card, type CardLane, type Channel, type JourneyChange, type Stage } from '../../../../../common/journey';
import { CommitInput } from '../CommitInput';
import { ImageCard } from './ImageCard';
import { channelIcon } from './labels';

type EvidenceKind = 'research' | 'data' | 'assumption';
const evidenceLabel: Record<EvidenceKind, string> = { research: 'Research', data: 'Data', assumption: 'Assumption' };

/** One cell of a card lane: its cards edited in place, each with optional evidence; add and remove cards. */
export const CardCell = memo(function CardCell({ lane, stage, cards, dispatch }: {
  lane: CardLane; stage: Stage; cards: Card[]; dispatch: (...c: JourneyChange[]) => boolean;
}) {
  const set = (next: Card[]) => dispatch({ type: 'setCell', laneId: lane.id, stageId: stage.id, cards: next });
  const patch = (id: string, p: Partial<Card> | ((c: Card) => Card)) =>
    set(cards.map((c) => (c.id === id ? (typeof p === 'function' ? p(c) : { ...c, ...p }) : c)));
  const add = () => set([...cards, { id: randomId('cd'), text: '', ...(lane.type === 'channels' ? { channel: 'web' as Channel } : {}) }]);
  const where = `${lane.name}, ${stage.name}`;
  return (
    <div className={`map-cell card-cell lane-${lane.type}`} data-lane={lane.id} data-stage={stage.id}>
      {cards.map((card, i) => (
        <div key={card.id} className={`map-card${card.evidence ? ` evidence-${card.evidence.kind}` : ''}`}>
          {lane.type === 'channels' && (
            <select aria-label={`Channel ${i + 1} in ${where}`} value={card.channel ?? 'web'} className="channel-select"
              onChange={(e) => patch(card.id, { channel: e.target.value as Channel })}>
              {channels.map((c) => <option key={c} value={c}>{channelIcon[c]} {c}</option>)}
            </select>
          )}
          {lane.type === 'images' && <ImageCard card={card} onAsset={(assetId) => patch(card.id, { assetId })} />}
          <CommitInput multiline aria-label={`Card ${i + 1} in ${where}`} className="card-text" value={card.text} maxLength={2000}
            placeholder={lane.type === 'images' ? 'Caption' : 'Write…'} onCommit={(text) => patch(card.id, { text })} />
          <div className="card-tools">
            <select aria-label={`Evidence for card ${i + 1} in ${where}`} className="evidence-select" value={card.evidence?.kind ?? ''}
              onChange={(e) => {
                const kind = e.target.value as EvidenceKind | '';
                patch(card.id, (c) => {
                  const { evidence: _old, ...rest } = c;
                  return kind ? { ...rest, evidence: { kind, ...(c.evidence?.source ? { source: c.evidence.source } : {}) } } : rest;
                });
              }}>
              <option value="">No evidence</option>
              {(Object.keys(evidenceLabel) as EvidenceKind[]).map((k) => <option key={k} value={k}>{evidenceLabel[k]}</option>)}
            </select>
            {card.evidence && (
              <CommitInput aria-label={`Evidence source for card ${i + 1} in ${where}`} className="evidence-source" placeholder="source"
                value={card.evidence.source ?? ''} maxLength={500}
                onCommit={(source) => patch(card.id, (c) => ({ ...c, evidence: { kind: c.evidence?.kind ?? 'assumption', ...(source ? { source } : {}) } }))} />
            )}
            <button type="button" className="ghost" aria-label={`Remove card ${i + 1} in ${where}`} onClick={() => set(cards.filter((c) => c.id !== card.id))}>×</button>
          </div>
        </div>
      ))}
      <button type="button" className="ghost add-card" aria-label={`Add card in ${where}`} onClick={add}>+</button>
    </div>
  );
});
