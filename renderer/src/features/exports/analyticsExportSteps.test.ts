import { createIntl } from 'react-intl';
import { afterAll, describe, expect, test } from 'vitest';
import { loadMessages } from '../../i18n/catalogue';
import { en } from '../../i18n/messages/en';
import { setActiveIntl } from '../../i18n/translate';
import type { AnalyticsExportStep } from './analyticsExportProtocol';
import { exportStepLabel } from './analyticsExportSteps';

// The export worker sends step codes; the progress bar words them in the app's language (issue 18).
const steps: Record<AnalyticsExportStep, string> = {
  reading: 'Reading responses…', scoring: 'Scoring responses…', events: 'Reading event logs…', writing: 'Writing the workbook…',
};
const codes = Object.keys(steps) as AnalyticsExportStep[];

describe('analytics export progress labels', () => {
  afterAll(() => setActiveIntl(createIntl({ locale: 'en', messages: en })));

  test('English words each step as before', () => {
    setActiveIntl(createIntl({ locale: 'en', messages: en }));
    for (const step of codes) expect(exportStepLabel(step)).toBe(steps[step]);
  });

  test('German and Arabic word each step in their language, each step differently', async () => {
    for (const locale of ['de', 'ar'] as const) {
      setActiveIntl(createIntl({ locale, messages: (await loadMessages(locale)) as Record<string, string> }));
      const labels = codes.map(exportStepLabel);
      expect(new Set(labels).size, locale).toBe(codes.length);
      for (const [i, label] of labels.entries()) expect(label, `${locale} ${codes[i]}`).not.toBe(steps[codes[i]!]);
      if (locale === 'de') expect(labels).toEqual(['Antworten werden gelesen…', 'Antworten werden bewertet…', 'Ereignisprotokolle werden gelesen…', 'Arbeitsmappe wird geschrieben…']);
      else for (const label of labels) expect(label, label).toMatch(/^[\u0600-\u06ff\s…]+$/);
    }
  });
});
