import { chart, channels, demographics, empty, header, levels, list, prose, quote, scales, templateBody, type PersonaTemplate } from './build';

const note = 'Example content: every item is marked as an assumption until you replace it with research.';

/** SaaS: the admin who runs a team's software subscription. */
export const saasTemplate: PersonaTemplate = {
  id: 'builtin-saas',
  name: 'SaaS admin',
  description: `The workspace admin who evaluates, rolls out and renews a team tool. ${note}`,
  category: 'Industry',
  builtIn: true,
  body: templateBody('saas', { name: 'Priya, the pragmatic admin', role: 'Operations lead and workspace admin', domain: 'SaaS', tags: ['saas', 'example'], accentColor: '#7c3aed' }, [
    header('Admins of 60% of paying workspaces (example)', 'Owns the tool, answers every “how do I…” from her team'),
    quote('If I can’t show usage numbers at renewal, finance cancels it.', 'Priya (example)'),
    demographics({ gender: 'Female', age: '32–40', location: 'Remote, Berlin', occupation: 'Operations lead', education: 'Master’s degree', income: '€70k a year', family: 'Married, one child' }),
    list('goals', ['Onboard new hires in a day', 'Prove the tool’s value at renewal', 'Keep permissions tidy without a spreadsheet']),
    list('frustrations', ['Pricing pages that hide per-seat costs', 'SSO only on the top plan', 'Support that answers with documentation links']),
    list('needs', ['Usage reports she can forward', 'Bulk user management', 'A changelog that tells her what changes for her team']),
    levels('technology', [['Admin consoles', 85], ['Spreadsheets', 90], ['Scripting', 30]]),
    scales([['Hands-on', 'Delegates', 40], ['Early adopter', 'Waits for stability', 65]]),
    channels({ email: 4, phone: 1, web: 3, app: 2, social: 1 }),
  ]),
};

/** B2B: a procurement buyer in a mid-size company. */
export const b2bTemplate: PersonaTemplate = {
  id: 'builtin-b2b',
  name: 'B2B procurement buyer',
  description: `A buyer who runs supplier selection with many stakeholders and a strict process. ${note}`,
  category: 'Industry',
  builtIn: true,
  body: templateBody('b2b', { name: 'Thomas, the process keeper', role: 'Procurement manager', domain: 'B2B', tags: ['b2b', 'example'], accentColor: '#334155' }, [
    header('Buyers at 35% of target accounts (example)', 'Runs tenders, owns supplier risk, answers to finance'),
    quote('A cheaper quote is worthless if the supplier fails the audit.', 'Thomas (example)'),
    demographics({ gender: 'Male', age: '45–55', location: 'Rotterdam, Netherlands', occupation: 'Procurement manager', education: 'Business degree', income: '€85k a year', family: 'Married, teenagers' }),
    list('goals', ['Cut supplier costs 5% without raising risk', 'Close tenders on schedule', 'Keep a clean audit trail']),
    list('frustrations', ['Quotes in different formats', 'Salespeople who skip procurement', 'Contracts that renew silently']),
    list('motivations', ['Recognition from the finance director', 'Fewer escalations']),
    chart('barChart', 'Decision criteria weight', [['Price', 35], ['Reliability', 30], ['Compliance', 20], ['Service', 15]]),
    channels({ email: 4, phone: 3, web: 2, inStore: 1 }),
    // Beside the channels rather than across the whole width below everything, which left a hole of
    // two thirds of the canvas beside the chart and ran the persona onto a second landscape page.
    prose('scenarios', 'A department asks for a new supplier in March. Thomas collects three quotes, checks certifications, runs a scored comparison with the requester and finance, and negotiates payment terms before signing in May.', undefined, { w: 4, h: 5 }),
  ]),
};

/** Hospitality: a frequent business traveller. */
export const travelTemplate: PersonaTemplate = {
  id: 'builtin-travel',
  name: 'Business traveller',
  description: `A frequent traveller who books hotels and flights between meetings. ${note}`,
  category: 'Industry',
  builtIn: true,
  body: templateBody('travel', { name: 'Leila, the road warrior', role: 'Regional sales director', domain: 'Hospitality', tags: ['travel', 'example'], accentColor: '#0891b2' }, [
    header('15% of guests, 40% of room nights (example)', 'On the road three weeks a month'),
    quote('I judge a hotel by how fast I get from the taxi to a desk with good Wi-Fi.', 'Leila (example)'),
    list('goals', ['Check in without queueing', 'Work productively from the room', 'Keep expenses simple']),
    list('frustrations', ['Invoices sent days later', 'Loyalty perks that need a phone call', 'Slow Wi-Fi']),
    chart('pieChart', 'How she books', [['Company tool', 60], ['Hotel app', 25], ['Phone', 15]]),
    channels({ email: 3, sms: 3, whatsapp: 2, phone: 2, app: 4 }),
    levels('personality', [['Efficient', 90], ['Demanding', 70], ['Loyal', 60]]),
  ]),
};

/** A structural layout with the usual sections and no content: a starting point for research notes. */
export const classicTemplate: PersonaTemplate = {
  id: 'builtin-classic',
  name: 'Classic layout',
  description: 'The usual sections, empty: header, quote, demographics, goals, frustrations, needs, channels and a bio.',
  category: 'Layout',
  builtIn: true,
  body: templateBody('classic', { name: 'New persona' }, [
    header('', ''),
    empty('quote'),
    empty('demographics'),
    empty('goals'),
    empty('frustrations'),
    empty('needs'),
    empty('channels'),
    empty('bio'),
  ]),
};
