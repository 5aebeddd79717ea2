/**
 * Journey analytics off the UI thread: event-log imports (parsing, de-duplication, encoding) and
 * analyses over decoded logs, with the pure code of common/journeyAnalytics. Keeps the last decoded
 * log so a rule edit re-runs the kernels without decoding again.
 */
import { decodeDatasets, type Table } from '../../../common/analytics/table';
import { analyseJourney, compareJourney, decodeEvents, importEvents, personaReport, type EventLog } from '../../../common/journeyAnalytics';
import type { DatasetHeaderDoc } from '../../../common/analytics/format';
import { err, ok } from '../../../common/result';
import type { JourneyRequest, JourneyResponse } from './journeyProtocol';

const scope = self as unknown as {
  postMessage(message: JourneyResponse): void;
  onmessage: ((event: MessageEvent<JourneyRequest>) => void) | null;
};

const running = new Map<number, AbortController>();
const cancelledEarly = new Set<number>();
// One log at a time: a screen analyses one dataset, and 10M events take ~200 MB.
let loaded: { key: string; log: EventLog } | null = null;
// The survey joined to the log (persona–journey correlation), decoded once per change of the dataset.
let survey: { key: string; table: Table } | null = null;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.type) {
    case 'cancel': {
      const controller = running.get(request.id);
      if (controller) controller.abort();
      else cancelledEarly.add(request.id);
      return;
    }
    case 'load': {
      try {
        const log = decodeEvents(request.datasets);
        loaded = { key: request.key, log };
        const counts = new Int32Array(log.events.length);
        for (let i = 0; i < log.length; i++) counts[log.event[i]!]!++;
        const eventNames = Array.from(counts, (count, code) => ({ name: log.events[code]!, count }))
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, 500);
        const propertyValues = Object.fromEntries(log.properties.map((p) => {
          const n = new Int32Array(p.dict.length);
          for (let i = 0; i < log.length; i++) if (p.codes[i]! >= 0) n[p.codes[i]!]!++;
          return [p.name, Array.from(n, (count, code) => ({ v: p.dict[code]!, count })).sort((a, b) => b.count - a.count).slice(0, 50).map((x) => x.v)];
        }));
        let from = Infinity, to = -Infinity;
        for (let i = 0; i < log.length; i++) { const t = log.time[i]!; if (t < from) from = t; if (t > to) to = t; }
        scope.postMessage({ type: 'load', id: request.id, result: ok({
          key: request.key, events: log.length, customers: log.customers.length, eventNames, properties: log.properties.map((p) => p.name),
          propertyValues, from: log.length > 0 ? from : 0, to: log.length > 0 ? to : 0,
        }) });
      } catch (e) {
        scope.postMessage({ type: 'load', id: request.id, result: err('newer-schema', `The event log could not be read: ${message(e)}`) });
      }
      return;
    }
    case 'analyse': {
      if (!loaded || loaded.key !== request.key) {
        scope.postMessage({ type: 'analyse', id: request.id, result: err('not-found', 'The event log is not loaded any more; choose it again.') });
        return;
      }
      try {
        scope.postMessage({ type: 'analyse', id: request.id, result: ok(analyseJourney(loaded.log, request.stages, request.options)) });
      } catch (e) {
        scope.postMessage({ type: 'analyse', id: request.id, result: err('internal', `The analysis failed: ${message(e)}`) });
      }
      return;
    }
    case 'compare': {
      if (!loaded || loaded.key !== request.key) {
        scope.postMessage({ type: 'compare', id: request.id, result: err('not-found', 'The event log is not loaded any more; choose it again.') });
        return;
      }
      try {
        scope.postMessage({ type: 'compare', id: request.id, result: ok(compareJourney(loaded.log, request.stages, request.a, request.b, request.options)) });
      } catch (e) {
        scope.postMessage({ type: 'compare', id: request.id, result: err('internal', `The comparison failed: ${message(e)}`) });
      }
      return;
    }
    case 'loadSurvey': {
      try {
        const table = decodeDatasets(request.datasets);
        survey = { key: request.key, table };
        scope.postMessage({ type: 'loadSurvey', id: request.id, result: ok({ key: request.key, rows: table.rowCount }) });
      } catch (e) {
        scope.postMessage({ type: 'loadSurvey', id: request.id, result: err('newer-schema', `The survey could not be read: ${message(e)}`) });
      }
      return;
    }
    case 'personas': {
      if (!loaded || loaded.key !== request.key || !survey || survey.key !== request.surveyKey) {
        scope.postMessage({ type: 'personas', id: request.id, result: err('not-found', 'The event log or the survey is not loaded any more; choose them again.') });
        return;
      }
      try {
        scope.postMessage({ type: 'personas', id: request.id, result: personaReport(loaded.log, survey.table, request.input) });
      } catch (e) {
        scope.postMessage({ type: 'personas', id: request.id, result: err('internal', `The persona figures failed: ${message(e)}`) });
      }
      return;
    }
    case 'import': {
      const controller = new AbortController();
      if (cancelledEarly.delete(request.id)) controller.abort();
      running.set(request.id, controller);
      const { append, ...options } = request.options;
      let base: { header: DatasetHeaderDoc; log: EventLog } | undefined;
      try {
        if (append) base = { header: append.header, log: decodeEvents([append]) };
      } catch (e) {
        scope.postMessage({ type: 'import', id: request.id, result: err('newer-schema', `The event log to add to could not be read: ${message(e)}`) });
        return;
      }
      void importEvents(request.bytes, {
        ...options, ...(base ? { append: base } : {}), signal: controller.signal,
        onProgress: (p) => scope.postMessage({ type: 'progress', id: request.id, fraction: p.fraction }),
      })
        .catch((e: unknown) => err('internal', `The import failed: ${message(e)}`))
        .then((result) => {
          running.delete(request.id);
          scope.postMessage({ type: 'import', id: request.id, result });
        });
    }
  }
};
