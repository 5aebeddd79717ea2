import { chart, channels, demographics, header, levels, list, prose, quote, scales, templateBody, type PersonaTemplate } from './build';

const note = 'Example content: every item is marked as an assumption until you replace it with research.';

/** E-commerce: a mobile-first online shopper. */
export const ecommerceTemplate: PersonaTemplate = {
  id: 'builtin-ecommerce',
  name: 'E-commerce shopper',
  description: `A price-aware, mobile-first online shopper who compares before buying. ${note}`,
  category: 'Industry',
  builtIn: true,
  body: templateBody('ecom', { name: 'Maya, the mobile bargain hunter', role: 'Online shopper', domain: 'E-commerce', tags: ['e-commerce', 'example'], accentColor: '#db2777' }, [
    header('About 30% of active customers (example)', 'Buys on her phone in spare moments, hunts for the best deal'),
    quote('If delivery costs show up at the last step, I close the tab.', 'Maya, interview 4 (example)'),
    demographics({ gender: 'Female', age: '28–35', location: 'Manchester, UK', occupation: 'Marketing coordinator', education: 'Bachelor’s degree', income: '£32k a year', family: 'Lives with partner' }),
    list('goals', ['Find the best price without spending an evening on it', 'Know exactly when the parcel arrives', 'Return things without a trip to the post office']),
    list('frustrations', ['Hidden delivery costs at checkout', 'Sizes that differ from brand to brand', 'Having to create an account to buy once']),
    list('motivations', ['Discount codes and loyalty points', 'Reviews with photos from real buyers']),
    chart('pieChart', 'Where she shops', [['Phone app', 55], ['Mobile web', 30], ['Laptop', 15]]),
    channels({ email: 2, sms: 1, whatsapp: 3, phone: 0, web: 3, app: 4, social: 3, inStore: 1 }),
    scales([['Price-driven', 'Quality-driven', 25], ['Impulsive', 'Planned', 40], ['Loyal', 'Switches easily', 75]]),
    list('brands', ['ASOS', 'Amazon', 'Vinted']),
  ]),
};

/** Healthcare: a patient managing a long-term condition. */
export const healthcareTemplate: PersonaTemplate = {
  id: 'builtin-healthcare',
  name: 'Healthcare patient',
  description: `A patient managing a long-term condition across clinics, pharmacy and apps. ${note}`,
  category: 'Industry',
  builtIn: true,
  body: templateBody('health', { name: 'Robert, the careful planner', role: 'Patient with type 2 diabetes', domain: 'Healthcare', tags: ['healthcare', 'example'], accentColor: '#0d9488' }, [
    header('1 in 8 registered patients (example)', 'Wants to stay in control of his health without chasing appointments'),
    quote('I shouldn’t have to tell my story again every time I see someone new.', 'Robert (example)'),
    demographics({ gender: 'Male', age: '58–65', location: 'Suburban town', occupation: 'Retired engineer', education: 'Vocational diploma', income: 'Pension', family: 'Married, two adult children' }),
    list('goals', ['Keep blood sugar in range', 'Get repeat prescriptions on time', 'Understand test results in plain words']),
    list('frustrations', ['Waiting on hold to book an appointment', 'Results letters full of jargon', 'Different apps for the clinic and the pharmacy']),
    list('needs', ['One place for appointments, results and prescriptions', 'Reminders he can trust', 'A named contact when something changes']),
    prose('context', 'Sees his GP practice every three months and a specialist once a year. His wife helps with the online portal; he prefers a phone call for anything important.'),
    levels('technology', [['Smartphone', 55], ['Patient portal', 35], ['Glucose meter app', 60]]),
    channels({ email: 2, sms: 4, phone: 4, web: 2, app: 2, inStore: 3 }),
  ]),
};

/** Banking: a customer who manages money day to day on the app. */
export const bankingTemplate: PersonaTemplate = {
  id: 'builtin-banking',
  name: 'Banking customer',
  description: `A salaried customer saving for a home, who banks almost only in the app. ${note}`,
  category: 'Industry',
  builtIn: true,
  body: templateBody('bank', { name: 'Daniel, the digital saver', role: 'Retail banking customer', domain: 'Banking', tags: ['banking', 'example'], accentColor: '#1d4ed8' }, [
    header('About 22% of current-account holders (example)', 'Saving for a first home, checks his balance daily'),
    quote('I want to see where my money goes before the month is over, not after.', 'Daniel (example)'),
    demographics({ gender: 'Male', age: '30–38', location: 'Madrid, Spain', occupation: 'Software tester', education: 'Master’s degree', income: '€45k a year', family: 'Engaged, no children' }),
    list('goals', ['Save a deposit within three years', 'Spot unusual spending early', 'Get a mortgage decision quickly']),
    list('frustrations', ['Branch-only steps in an otherwise digital process', 'Unclear fees on international transfers', 'Security checks that lock him out']),
    list('needs', ['Instant notifications for every payment', 'A human adviser for big decisions']),
    chart('barChart', 'Monthly spending', [['Rent', 950], ['Groceries', 320], ['Transport', 90], ['Savings', 600]], '€'),
    scales([['Risk-averse', 'Risk-taking', 30], ['Self-service', 'Wants advice', 35]]),
    channels({ email: 2, sms: 3, phone: 1, web: 2, app: 4, inStore: 0 }),
  ]),
};

/** Student: a university student on a tight budget. */
export const studentTemplate: PersonaTemplate = {
  id: 'builtin-student',
  name: 'Student',
  description: `A university student juggling study, a part-time job and a small budget. ${note}`,
  category: 'Industry',
  builtIn: true,
  body: templateBody('student', { name: 'Aisha, the busy undergraduate', role: 'Second-year student', domain: 'Education', tags: ['education', 'example'], accentColor: '#ea580c' }, [
    header('About 40% of enrolled students (example)', 'Studies, works 15 hours a week and lives on her phone'),
    quote('Tell me the deadline once, in the app I already use.', 'Aisha (example)'),
    demographics({ gender: 'Female', age: '19–22', location: 'Student halls, Lyon', occupation: 'Student and café barista', education: 'Undergraduate, year 2', income: '€700 a month', family: 'Single, lives with flatmates' }),
    list('goals', ['Pass every module first time', 'Keep her job without missing lectures', 'Spend less on books and software']),
    list('frustrations', ['Announcements spread over email, portal and group chats', 'Forms that only work on a laptop', 'Paying full price for software she uses once']),
    list('motivations', ['Student discounts', 'Friends’ recommendations']),
    levels('personality', [['Social', 80], ['Organised', 45], ['Curious', 70]]),
    channels({ email: 1, whatsapp: 4, web: 2, app: 4, social: 4 }),
    list('brands', ['Spotify', 'Notion', 'Instagram']),
  ]),
};
