import type { TemplateSpec } from './builder';
import { attr, email, exit, ifRule, onEvent, onSegment, onSurvey, response, setAttr, ticket, wait, waitUntil } from './nodes';

/** NPS follow-up: a different reply for promoters, passives and detractors. */
export const npsFollowUp: TemplateSpec = {
  id: 'tpl_nps_follow_up', name: 'NPS follow-up', category: 'Feedback', tags: ['nps', 'feedback'],
  description: 'Close the loop on every NPS answer: thank promoters and ask for a review, call detractors back.',
  stages: [
    { name: 'Survey sent', colour: '#4f7cac' }, { name: 'Answer', colour: '#5b9a68', moment: true },
    { name: 'Response', colour: '#c9863b' }, { name: 'Close the loop', colour: '#a35d8f' },
  ],
  lanes: [
    { type: 'touchpoints', name: 'Touchpoints', cells: [['NPS email'], ['Survey page'], ['Thank-you email', 'Callback'], ['Change announcement']] },
    { type: 'channels', name: 'Channels', channels: [['email'], ['web'], ['email', 'phone'], ['email']] },
    { type: 'thinkFeel', name: 'Thinks and feels', cells: [['"Another survey?"'], ['!"Will anyone read this?"'], ['"They listened"'], ['"They fixed it"']] },
    { type: 'backstage', name: 'Backstage', cells: [['Sampling rules'], ['Text analytics'], ['Detractor queue'], ['Quarterly roadmap review']] },
  ],
  emotion: { asIs: [0, -1, -1, 0], toBe: [0, 0, 1, 2] },
  metric: { kind: 'nps', name: 'NPS', values: [22, 22, 28, 35], targets: [30, 30, 35, 40] },
  flow: [
    { key: 'answer', node: onSurvey('NPS answered', 'relationship-nps'), stage: 1, next: { out: 'promoter' } },
    { key: 'promoter', node: ifRule('Promoter (9–10)?', response('nps', 'atLeast', 9)), stage: 2, next: { yes: 'review', no: 'detractor' } },
    { key: 'review', node: email('Ask for a review', 'Thanks! Would you share that?', 'A review helps others find us.'), stage: 2, next: { out: 'done' } },
    { key: 'detractor', node: ifRule('Detractor (0–6)?', response('nps', 'atMost', 6)), stage: 2, next: { yes: 'callback', no: 'passive' } },
    { key: 'callback', node: ticket('Call back detractor', 'Detractor callback', 'high', 'Customer success'), stage: 3, next: { out: 'wait' } },
    { key: 'wait', node: wait(30, 'days'), stage: 3, next: { out: 'update' } },
    { key: 'update', node: email('What we changed', 'You told us, we changed it', 'Here is what is new.'), stage: 3, next: { out: 'done' } },
    { key: 'passive', node: email('Ask what would make it a 10', 'One more question', 'What would make us a 10?'), stage: 2, next: { out: 'done' } },
    { key: 'done', node: exit('Loop closed') },
  ],
};

/** Renewal: from the renewal window to a signed renewal. */
export const renewal: TemplateSpec = {
  id: 'tpl_renewal', name: 'Renewal', category: 'Retention', tags: ['renewal', 'b2b'],
  description: 'Ninety days before renewal: check health, involve the account team for at-risk accounts, remind the rest.',
  stages: [
    { name: 'Value review', colour: '#4f7cac' }, { name: 'Renewal notice', colour: '#5b9a68' },
    { name: 'Negotiation', colour: '#c9863b', moment: true }, { name: 'Renewed', colour: '#3d8c8c' },
  ],
  lanes: [
    { type: 'goals', name: 'Customer goals', cells: [['Prove the tool paid off'], ['Budget approval'], ['A fair price'], ['No disruption']] },
    { type: 'touchpoints', name: 'Touchpoints', cells: [['Usage report'], ['Renewal email'], ['Account call'], ['Invoice']] },
    { type: 'pains', name: 'Pains', cells: [['~No usage numbers to show the boss'], ['Notice arrives too late for budget'], ['!Price rise without warning'], ['Invoice errors']] },
    { type: 'opportunities', name: 'Opportunities', cells: [['Ready-made ROI summary'], ['Notice 90 days ahead'], ['Multi-year option'], ['Auto-renew with clear terms']] },
  ],
  emotion: { asIs: [0, -1, -2, 1], toBe: [1, 1, 0, 2] },
  metric: { kind: 'custom', name: 'Renewal rate', unit: '%', values: [0, 0, 81, 84], targets: [0, 0, 88, 90] },
  flow: [
    { key: 'window', node: onSegment('Enters renewal window', 'renewal-90-days'), stage: 0, next: { out: 'health' } },
    { key: 'health', node: ifRule('Health score below 60?', attr('healthScore', 'lessThan', 60)), stage: 0, next: { yes: 'task', no: 'report' } },
    { key: 'task', node: ticket('Account team review', 'At-risk renewal', 'urgent', 'Account management'), stage: 2, next: { out: 'done' } },
    { key: 'report', node: email('Value report', 'Your year with us', 'Here is what your team achieved.'), stage: 0, next: { out: 'wait' } },
    { key: 'wait', node: wait(30, 'days'), stage: 1, next: { out: 'notice' } },
    { key: 'notice', node: email('Renewal notice', 'Your renewal is coming up', 'Terms and options inside.'), stage: 1, next: { out: 'signed' } },
    { key: 'signed', node: waitUntil('Wait until renewed', attr('renewed', 'equals', true), { amount: 45, unit: 'days' }), stage: 2, next: { out: 'mark', timeout: 'task2' } },
    { key: 'task2', node: ticket('Chase unsigned renewal', 'Renewal not signed', 'high', 'Account management'), stage: 2, next: { out: 'done' } },
    { key: 'mark', node: setAttr('Mark renewed', 'lifecycle', 'renewed'), stage: 3, next: { out: 'done' } },
    { key: 'done', node: exit('Renewal handled') },
  ],
};

/** Win-back: bring lapsed customers back. */
export const winBack: TemplateSpec = {
  id: 'tpl_win_back', name: 'Win-back', category: 'Retention', tags: ['churn', 'win-back'],
  description: 'Reach customers who lapsed, learn why they left and make a relevant offer.',
  stages: [
    { name: 'Lapse', colour: '#c0504d' }, { name: 'Outreach', colour: '#c9863b' }, { name: 'Reconsider', colour: '#4f7cac', moment: true },
    { name: 'Return', colour: '#5b9a68' },
  ],
  lanes: [
    { type: 'thinkFeel', name: 'Thinks and feels', cells: [['"I do not need this any more"'], ['"Why are they writing now?"'], ['~"Maybe it got better"'], ['"Good to be back"']] },
    { type: 'channels', name: 'Channels', channels: [['app'], ['email', 'sms'], ['web'], ['app']] },
    { type: 'pains', name: 'Pains', cells: [['!Price felt too high', 'Missing feature'], ['Generic discount emails'], ['Has to set everything up again'], []] },
    { type: 'opportunities', name: 'Opportunities', cells: [['Exit survey'], ['Personal note naming the reason'], ['Keep their data for a year'], ['Welcome-back guide']] },
  ],
  emotion: { asIs: [-1, -1, 0, 1], toBe: [-1, 0, 1, 2] },
  metric: { kind: 'custom', name: 'Reactivation', unit: '%', values: [0, 4, 9, 12], targets: [0, 6, 12, 15] },
  flow: [
    { key: 'lapsed', node: onEvent('No login for 60 days', 'customer.lapsed'), stage: 0, next: { out: 'ask' } },
    { key: 'ask', node: email('Why did you leave?', 'We miss you', 'Tell us what did not work.'), stage: 1, next: { out: 'reply' } },
    { key: 'reply', node: waitUntil('Wait for an answer', response('exitReason', 'isSet', ''), { amount: 10, unit: 'days' }), stage: 1, next: { out: 'price', timeout: 'done' } },
    { key: 'price', node: ifRule('Left because of price?', response('exitReason', 'equals', 'price')), stage: 2, next: { yes: 'offer', no: 'news' } },
    { key: 'offer', node: email('Offer', 'A plan that fits', 'Three months at half price.'), stage: 2, next: { out: 'back' } },
    { key: 'news', node: email('What is new', 'We built what you asked for', 'See the latest features.'), stage: 2, next: { out: 'back' } },
    { key: 'back', node: wait(14, 'days'), stage: 3, next: { out: 'done' } },
    { key: 'done', node: exit('Win-back ended') },
  ],
};
