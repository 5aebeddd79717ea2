import { translate } from '../../i18n';
import type { AnalyticsExportStep } from './analyticsExportProtocol';

/** The words for what the analytics export worker is doing, in the app's current language. */
export function exportStepLabel(step: AnalyticsExportStep): string {
  return translate('analytics.export.step', { step });
}
