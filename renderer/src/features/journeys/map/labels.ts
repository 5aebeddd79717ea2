import type { Channel, LaneType, MetricLane } from '../../../../../common/journey';
import type { MessageId } from '../../../i18n';

/** Catalogue keys of the lane types' display names (also the name a new lane starts with). */
export const laneTypeKey: Record<LaneType, MessageId> = {
  text: 'journeyMap.laneType.text', touchpoints: 'journeyMap.laneType.touchpoints', channels: 'journeyMap.laneType.channels',
  goals: 'journeyMap.laneType.goals', pains: 'journeyMap.laneType.pains', opportunities: 'journeyMap.laneType.opportunities',
  actions: 'journeyMap.laneType.actions', thinkFeel: 'journeyMap.laneType.thinkFeel', backstage: 'journeyMap.laneType.backstage',
  images: 'journeyMap.laneType.images', emotion: 'journeyMap.laneType.emotion', metric: 'journeyMap.laneType.metric',
};

/** Catalogue keys of the channel names a channel card shows. */
export const channelKey: Record<Channel, MessageId> = {
  web: 'journeyMap.channel.web', app: 'journeyMap.channel.app', email: 'journeyMap.channel.email', sms: 'journeyMap.channel.sms',
  whatsapp: 'journeyMap.channel.whatsapp', phone: 'journeyMap.channel.phone', chat: 'journeyMap.channel.chat',
  social: 'journeyMap.channel.social', store: 'journeyMap.channel.store', mail: 'journeyMap.channel.mail', 'in-person': 'journeyMap.channel.inPerson',
};

/** What backs a card: research, data or an assumption. */
export type EvidenceKind = 'research' | 'data' | 'assumption';
export const evidenceKinds: readonly EvidenceKind[] = ['research', 'data', 'assumption'];
export const evidenceKey: Record<EvidenceKind, MessageId> = {
  research: 'journeyMap.evidence.research', data: 'journeyMap.evidence.data', assumption: 'journeyMap.evidence.assumption',
};

/** Catalogue keys of the metric names (NPS, CSAT and CES stay acronyms in most languages). */
export const metricKey: Record<MetricLane['metric'], MessageId> = {
  nps: 'journeyMap.metric.nps', csat: 'journeyMap.metric.csat', ces: 'journeyMap.metric.ces', custom: 'journeyMap.metric.custom',
};

/** Colours offered to new stages, in turn. */
export const stageColours = ['#4f7cac', '#5b9a68', '#c9863b', '#a35d8f', '#3d8c8c', '#8c6d3d', '#c0504d', '#6b6bb3'];

/** Colours for emotion curves, in turn. */
export const curveColours = ['#c0504d', '#4f81bd', '#9bbb59', '#8064a2', '#f79646', '#4bacc6', '#2c4d75', '#772c2a', '#5f7530', '#4d3b62'];
