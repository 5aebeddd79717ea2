import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { TemplateTextTable } from '../../../common/i18n/templateText';

// Built-in template content per language (see common/i18n/templateText.ts): one table per locale,
// keyed by the English text, fetched only when a template gallery opens in that language.
const tables = import.meta.glob<TemplateTextTable>('./templates/*.json', { import: 'default' });
const none: TemplateTextTable = {};

/** The current language's template text table; empty (English content) for English or until it has loaded. */
export function useTemplateText(): TemplateTextTable {
  const { locale } = useIntl();
  const [table, setTable] = useState<{ locale: string; table: TemplateTextTable }>({ locale: 'en', table: none });
  useEffect(() => {
    const load = tables[`./templates/${locale}.json`];
    if (!load) return;
    let live = true;
    void load().then((t) => { if (live) setTable({ locale, table: t }); });
    return () => { live = false; };
  }, [locale]);
  return table.locale === locale ? table.table : none;
}
