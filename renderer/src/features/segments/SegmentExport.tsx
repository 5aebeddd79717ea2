import { useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { segmentLimits } from '../../../../common/segments/segment';
import { usePlatform } from '../../platform';
import { FormattedMessage, translate, useT } from '../../i18n';
import { showToast } from '../../ui/toast';
import type { AnalyticsClient } from '../../workers/analyticsClient';
import type { SegmentInput } from '../../workers/segmentJob';

/** Export of one segment's members: respondent ids and the chosen columns, as CSV or Excel. */
export function SegmentExport(props: { name: string; segment: SegmentInput; members: number; headers: DatasetHeaderDoc[]; client: AnalyticsClient | null; onClose: () => void }) {
  const platform = usePlatform();
  const t = useT();
  const columns = [...new Map(props.headers.flatMap((h) => h.columns).filter((c) => c.type !== 'id').map((c) => [c.key, c])).values()];
  const [chosen, setChosen] = useState<string[]>([]);
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = (key: string) => setChosen(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key]);
  const run = async () => {
    const { checkMemberExport, memberFile } = await import('../../../../common/segments/memberExport');
    const check = checkMemberExport(props.members, chosen.length, format);
    if (!check.ok) return setProblem(check.message);
    if (!props.client) return setProblem(translate('analytics.seg.notLoaded'));
    setProblem(null);
    setBusy(true);
    try {
      const res = await props.client.members({ segment: props.segment, columns: chosen }).result;
      if (!res.ok) return setProblem(res.message);
      const bytes = await memberFile(res.data, format);
      const safe = props.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().slice(0, 60) || 'segment';
      const saved = await platform.saveFile({ suggestedName: `${translate('analytics.seg.fileName', { name: safe })}.${format}`, kind: format, bytes });
      if (!saved.ok) return setProblem(saved.message);
      showToast(translate('analytics.seg.exported', { count: res.data.rows.length, name: props.name }));
      props.onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="segment-export" role="group" aria-label={t('analytics.seg.exportGroup', { name: props.name })}>
      <p><FormattedMessage id="analytics.seg.exportIntro" values={{ count: props.members, name: props.name, max: segmentLimits.exportColumns, b: (c) => <strong>{c}</strong> }} /></p>
      <fieldset className="column-ticks">
        <legend>{t('analytics.seg.columns')}</legend>
        {columns.map((c) => (
          <label key={c.key}><input type="checkbox" checked={chosen.includes(c.key)} onChange={() => toggle(c.key)} /> {c.key}</label>
        ))}
      </fieldset>
      <label>{t('analytics.seg.format')} <select value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')}><option value="csv">{t('analytics.seg.csv')}</option><option value="xlsx">{t('analytics.seg.excel')}</option></select></label>
      <button type="button" disabled={busy} onClick={() => void run()}>{busy ? t('analytics.seg.exporting') : t('analytics.seg.exportButton')}</button>
      <button type="button" className="ghost" onClick={props.onClose}>{t('analytics.seg.close')}</button>
      {problem && <p role="alert" className="error-text">{problem}</p>}
    </div>
  );
}
