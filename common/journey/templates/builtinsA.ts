import type { TemplateSpec } from './builder';
import { abSplit, attr, email, exit, ifRule, onEvent, onSurvey, response, setAttr, sms, ticket, wait, waitUntil } from './nodes';

/** Onboarding: from sign-up to the first success moment. */
export const onboarding: TemplateSpec = {
  id: 'tpl_onboarding', name: 'Customer onboarding', category: 'Acquisition', tags: ['onboarding'],
  description: 'From sign-up to the first moment of value, with a nudge for customers who stall during setup.',
  stages: [
    { name: 'Sign-up', colour: '#4f7cac' }, { name: 'Welcome', colour: '#5b9a68' },
    { name: 'Setup', colour: '#c9863b', moment: true }, { name: 'First value', colour: '#a35d8f' }, { name: 'Habit', colour: '#3d8c8c' },
  ],
  lanes: [
    { type: 'goals', name: 'Customer goals', cells: [['Get started quickly'], ['Understand what to do first'], ['Connect my data'], ['See a first result'], ['Make it part of my week']] },
    { type: 'touchpoints', name: 'Touchpoints', cells: [['Sign-up form'], ['Welcome email', 'In-app tour'], ['Setup wizard'], ['First report'], ['Weekly digest']] },
    { type: 'channels', name: 'Channels', channels: [['web'], ['email', 'app'], ['app'], ['app', 'email'], ['email']] },
    { type: 'pains', name: 'Pains', cells: [[], ['~Too many emails at once'], ['!Import fails on large files', 'Unclear which fields are required'], [], ['~Forgets to come back']] },
    { type: 'opportunities', name: 'Opportunities', cells: [[], ['One clear first step'], ['Sample data to try first'], ['Celebrate the first result'], ['Personal tips based on usage']] },
    { type: 'backstage', name: 'Backstage', cells: [['Account provisioning'], ['CRM record created'], ['Support watches failed imports'], [], ['Usage scoring']] },
  ],
  emotion: { asIs: [1, 1, -2, 1, 0], toBe: [1, 2, 0, 2, 1] },
  metric: { kind: 'ces', name: 'Customer effort', values: [2.1, 2.4, 4.6, 3.0, 2.8], targets: [2, 2, 3, 2.5, 2.5] },
  flow: [
    { key: 'signup', node: onEvent('Account created', 'account.created'), stage: 0, next: { out: 'welcome' } },
    { key: 'welcome', node: email('Welcome email', 'Welcome aboard', 'Here is your first step.'), stage: 1, next: { out: 'setupDone' } },
    { key: 'setupDone', node: waitUntil('Wait until setup is done', attr('setupComplete', 'equals', true), { amount: 3, unit: 'days' }), stage: 2, next: { out: 'tips', timeout: 'nudge' } },
    { key: 'nudge', node: email('Setup nudge', 'Need a hand with setup?', 'Reply and we will help.'), stage: 2, next: { out: 'exitStalled' } },
    { key: 'tips', node: email('First-value tips', 'Three things to try next', 'Tips for your first report.'), stage: 3, next: { out: 'mark' } },
    { key: 'mark', node: setAttr('Mark as onboarded', 'lifecycle', 'onboarded'), stage: 4, next: { out: 'done' } },
    { key: 'exitStalled', node: exit('Handed to support') },
    { key: 'done', node: exit('Onboarded') },
  ],
};

/** First purchase: from browsing to the first delivered order. */
export const firstPurchase: TemplateSpec = {
  id: 'tpl_first_purchase', name: 'First purchase', category: 'Acquisition', tags: ['commerce', 'conversion'],
  description: 'Browsing to first delivered order, with an A/B test of the abandoned-cart reminder.',
  stages: [
    { name: 'Discover', colour: '#4f7cac' }, { name: 'Compare', colour: '#5b9a68' }, { name: 'Checkout', colour: '#c9863b', moment: true },
    { name: 'Delivery', colour: '#a35d8f' }, { name: 'First use', colour: '#3d8c8c' },
  ],
  lanes: [
    { type: 'actions', name: 'Customer actions', cells: [['Sees an ad', 'Reads reviews'], ['Compares prices'], ['Enters payment details'], ['Tracks the parcel'], ['Unboxes and tries it']] },
    { type: 'thinkFeel', name: 'Thinks and feels', cells: [['"Is this for me?"'], ['!"Is it worth the price?"'], ['"Will my card be charged twice?"'], ['"Where is it?"'], ['"That was easy"']] },
    { type: 'channels', name: 'Channels', channels: [['social', 'web'], ['web'], ['web', 'app'], ['sms', 'email'], ['in-person']] },
    { type: 'pains', name: 'Pains', cells: [[], ['Shipping cost appears late'], ['!Forced account creation'], ['~Vague delivery window'], []] },
    { type: 'opportunities', name: 'Opportunities', cells: [[], ['Show total price early'], ['Guest checkout'], ['Live tracking by SMS'], ['How-to video']] },
  ],
  emotion: { asIs: [1, 0, -1, -1, 2], toBe: [1, 1, 1, 1, 2] },
  metric: { kind: 'csat', name: 'CSAT', unit: '%', values: [78, 71, 64, 69, 86], targets: [80, 80, 80, 80, 85] },
  flow: [
    { key: 'cart', node: onEvent('Cart abandoned', 'cart.abandoned'), stage: 2, next: { out: 'wait1' } },
    { key: 'wait1', node: wait(2, 'hours'), stage: 2, next: { out: 'ab' } },
    { key: 'ab', node: abSplit('Reminder test', 50), stage: 2, next: { a: 'mailA', b: 'mailB' } },
    { key: 'mailA', node: email('Reminder', 'You left something behind', 'Your cart is saved.'), stage: 2, next: { out: 'bought' } },
    { key: 'mailB', node: email('Reminder with free shipping', 'Free shipping on your cart', 'Complete your order today.'), stage: 2, next: { out: 'bought' } },
    { key: 'bought', node: waitUntil('Wait until ordered', attr('orders', 'atLeast', 1), { amount: 3, unit: 'days' }), stage: 2, next: { out: 'shipped', timeout: 'lost' } },
    { key: 'shipped', node: sms('Shipping update', 'Your order is on its way.'), stage: 3, next: { out: 'done' } },
    { key: 'lost', node: exit('Did not buy') },
    { key: 'done', node: exit('First order placed') },
  ],
};

/** Support recovery: turning a bad support experience around. */
export const supportRecovery: TemplateSpec = {
  id: 'tpl_support_recovery', name: 'Support recovery', category: 'Service', tags: ['support', 'recovery'],
  description: 'Catch a poor support rating, escalate fast and close the loop with the customer.',
  stages: [
    { name: 'Problem', colour: '#c0504d' }, { name: 'Contact', colour: '#c9863b' }, { name: 'Resolution', colour: '#4f7cac', moment: true },
    { name: 'Follow-up', colour: '#5b9a68' }, { name: 'Restored trust', colour: '#3d8c8c' },
  ],
  lanes: [
    { type: 'touchpoints', name: 'Touchpoints', cells: [['Product error'], ['Help centre', 'Chat'], ['Agent call'], ['Satisfaction survey'], ['Account review']] },
    { type: 'channels', name: 'Channels', channels: [['app'], ['web', 'chat'], ['phone'], ['email'], ['email', 'phone']] },
    { type: 'pains', name: 'Pains', cells: [['Lost work'], ['!Repeats the story to each agent'], ['~Fix takes days'], ['Nobody checks back'], []] },
    { type: 'backstage', name: 'Backstage', cells: [['Error monitoring'], ['Ticket routing'], ['Tier-2 escalation'], ['CSAT dashboard'], ['Account manager review']] },
    { type: 'opportunities', name: 'Opportunities', cells: [['Proactive outage notice'], ['Carry context between agents'], ['Same-day callback'], ['Personal follow-up'], ['Goodwill credit']] },
  ],
  emotion: { asIs: [-1, -2, -1, -1, 0], toBe: [-1, -1, 1, 1, 2] },
  metric: { kind: 'csat', name: 'CSAT', unit: '%', values: [52, 48, 61, 66, 74], targets: [60, 65, 80, 80, 85] },
  flow: [
    { key: 'survey', node: onSurvey('Support survey answered', 'support-csat'), stage: 3, next: { out: 'low' } },
    { key: 'low', node: ifRule('CSAT 2 or lower?', response('csat', 'atMost', 2)), stage: 3, next: { yes: 'ticket', no: 'thanks' } },
    { key: 'ticket', node: ticket('Escalate to team lead', 'Unhappy support customer', 'high', 'Tier 2'), stage: 2, next: { out: 'apology' } },
    { key: 'apology', node: email('Personal apology', 'We are sorry', 'A team lead will call you today.'), stage: 3, next: { out: 'wait' } },
    { key: 'wait', node: wait(7, 'days'), stage: 4, next: { out: 'recheck' } },
    { key: 'recheck', node: email('Check-in', 'Is everything working now?', 'Tell us in one click.'), stage: 4, next: { out: 'done' } },
    { key: 'thanks', node: email('Thank you', 'Thanks for your feedback', 'Glad we could help.'), stage: 3, next: { out: 'done' } },
    { key: 'done', node: exit('Loop closed') },
  ],
};
