import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { formattersFor, type Formatters } from '../../../common/i18n/format';
import { isRightToLeft } from '../../../common/i18n/locales';
import type { MessageId } from './messages/en';
import type { MessageValues } from './translate';

/** `t(id, values)`: a message of the current language as plain text (re-renders on a switch). */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values), [intl]);
}

/** Number, percent, date and time formatting in the current language. */
export function useFormat(): Formatters {
  return formattersFor(useIntl().locale);
}

/** Whether the current language reads right to left (for layouts CSS cannot mirror: charts, canvases). */
export function useRightToLeft(): boolean {
  return isRightToLeft(useIntl().locale);
}
