import type { LaneType } from '../../../../../common/journey';

/** Display names of lane types. */
export const laneTypeLabel: Record<LaneType, string> = {
  text: 'Text', touchpoints: 'Touchpoints', channels: 'Channels', goals: 'Goals', pains: 'Pains',
  opportunities: 'Opportunities', actions: 'Actions', thinkFeel: 'Thinks and feels', backstage: 'Backstage',
  images: 'Images', emotion: 'Emotion curve', metric: 'Metric',
};

/** Colours offered to new stages, in turn. */
export const stageColours = ['#4f7cac', '#5b9a68', '#c9863b', '#a35d8f', '#3d8c8c', '#8c6d3d', '#c0504d', '#6b6bb3'];

/** Colours for emotion curves, in turn. */
export const curveColours = ['#c0504d', '#4f81bd', '#9bbb59', '#8064a2', '#f79646', '#4bacc6', '#2c4d75', '#772c2a', '#5f7530', '#4d3b62'];
