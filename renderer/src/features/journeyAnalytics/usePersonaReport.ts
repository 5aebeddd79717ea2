import { useEffect, useMemo, useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import type { JourneyMap } from '../../../../common/journey';
import { stageTexts, type CanvasItem, type PersonaReport } from '../../../../common/journeyAnalytics';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import type { SharedJourneyClient } from '../../workers/sharedJourneyClient';
import type { LoadedLog } from '../../workers/journeyProtocol';
import { engineInput, parseAnalyticsPersona } from '../analytics/personaModel';
import { readChunks } from '../data/datasetStore';
import { ok, type Result } from '../../../../common/result';

/** A persona as the persona–journey figures read it: engine input, colour and canvas goals/frustrations. */
export interface JourneyPersona {
  input: ReturnType<typeof engineInput>;
  colour: string;
  canvas: CanvasItem[];
}

/** Reads a persona document for the journey's persona table. */
export function parseJourneyPersona(doc: unknown): Result<JourneyPersona> {
  const parsed = parseAnalyticsPersona(doc);
  if (!parsed.ok) return parsed;
  const sections = (doc as { sections?: unknown }).sections;
  const canvas: CanvasItem[] = [];
  if (Array.isArray(sections)) {
    for (const s of sections as { type?: unknown; data?: { items?: unknown } }[]) {
      const kind = s.type === 'goals' ? 'goal' : s.type === 'frustrations' ? 'frustration' : null;
      if (!kind || !Array.isArray(s.data?.items)) continue;
      for (const item of s.data.items as { text?: unknown }[]) if (typeof item.text === 'string' && item.text.trim()) canvas.push({ kind, text: item.text });
    }
  }
  return ok({ input: engineInput(parsed.data), colour: parsed.data.accentColor, canvas });
}

/** The persona report's state: what was computed, for which inputs, or why not. */
export interface PersonaReportState {
  survey: DatasetHeaderDoc | null;
  personas: JourneyPersona[];
  report: PersonaReport | null;
  problem: string | null;
  busy: boolean;
}

/**
 * Loads the joined survey into the journey worker and computes the persona report whenever the log,
 * the survey, its id column, the personas or the map change (debounced like the funnel).
 */
export function usePersonaReport(worker: () => SharedJourneyClient, log: LoadedLog | null, map: JourneyMap, surveys: DatasetHeaderDoc[]): PersonaReportState {
  const db = useWorkspace();
  const personas = useLiveQuery('personas', { selector: {}, sort: [{ id: 'asc' }] }, parseJourneyPersona).items;
  const settings = map.analytics ?? {};
  const survey = surveys.find((s) => s.datasetId === settings.surveyDatasetId) ?? null;
  const surveyKey = survey ? `${survey.datasetId}:${survey.chunkCount}:${survey.updatedAt}` : '';
  const [loadedSurvey, setLoadedSurvey] = useState<{ key: string; problem: string | null } | null>(null);
  const [result, setResult] = useState<{ key: string; report: PersonaReport | null; problem: string | null } | null>(null);

  useEffect(() => {
    if (!survey) return;
    let live = true;
    void worker().loadSurveyData(surveyKey, async () => [{ header: survey, chunks: await readChunks(db, survey) }]).then((res) => {
      if (live) setLoadedSurvey({ key: surveyKey, problem: res.ok ? null : res.message });
    });
    return () => { live = false; };
    // survey is identified by surveyKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, worker, surveyKey]);

  const input = useMemo(() => ({
    stages: map.stages.map((s) => ({ id: s.id, name: s.name, ...(s.events ? { events: s.events } : {}) })),
    idColumn: settings.surveyIdColumn ?? '',
    personas: personas.map((p) => p.input),
    canvas: personas.map((p) => p.canvas),
    stageTexts: stageTexts(map),
    stageQuestions: map.stages.map((s) => settings.stageQuestions?.[s.id] ?? null),
  }), [map, personas, settings.surveyIdColumn, settings.stageQuestions]);
  const inputKey = JSON.stringify(input);
  const ready = log !== null && survey !== null && loadedSurvey?.key === surveyKey && loadedSurvey.problem === null && input.idColumn !== '';
  const runKey = `${log?.key}|${surveyKey}|${inputKey}`;

  useEffect(() => {
    if (!ready || !log) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void worker().personas(log.key, surveyKey, input).then((res) => {
        if (live) setResult({ key: runKey, report: res.ok ? res.data : null, problem: res.ok ? null : res.message });
      });
    }, 200);
    return () => { live = false; window.clearTimeout(timer); };
    // input is identified by runKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [worker, ready, runKey]);

  const current = result?.key === runKey ? result : null;
  const surveyProblem = loadedSurvey?.key === surveyKey ? loadedSurvey.problem : null;
  return {
    survey, personas,
    report: ready ? current?.report ?? null : null,
    problem: surveyProblem ?? (ready ? current?.problem ?? null : null),
    busy: ready && current === null,
  };
}
