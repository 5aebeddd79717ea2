/**
 * Experiment results off the UI thread: decoding a log of a few million events and the per-arm
 * passes take seconds, which would freeze the form while the user types. Pure code from
 * common/experiments does the work; this file only keeps the decoded log between requests.
 */
import { analyseExperiment } from '../../../common/experiments/analyse';
import { planExperiment } from '../../../common/experiments/plan';
import { decodeEvents } from '../../../common/journeyAnalytics/eventStore';
import type { EventLog } from '../../../common/journeyAnalytics/types';
import { err, ok } from '../../../common/result';
import type { ExperimentRequest, ExperimentResponse } from './experimentProtocol';

const scope = self as unknown as {
  postMessage(message: ExperimentResponse): void;
  onmessage: ((event: MessageEvent<ExperimentRequest>) => void) | null;
};

// One log at a time: the screen shows one experiment, and a log can be hundreds of megabytes.
let loaded: { key: string; log: EventLog } | null = null;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

scope.onmessage = (event) => {
  const req = event.data;
  if (req.type === 'load') {
    try {
      loaded = null;
      const log = decodeEvents([{ header: req.header, chunks: req.chunks }]);
      loaded = { key: req.key, log };
      scope.postMessage({ type: 'load', id: req.id, result: ok({ key: req.key, length: log.length, events: log.events, properties: log.properties.map((p) => p.name) }) });
    } catch (e) {
      scope.postMessage({ type: 'load', id: req.id, result: err('invalid-document', `The event log could not be read: ${message(e)}`) });
    }
    return;
  }
  if (!loaded || loaded.key !== req.key) {
    scope.postMessage({ type: 'analyse', id: req.id, result: err('not-found', 'The event log is not loaded; open the experiment again.') });
    return;
  }
  try {
    const { log } = loaded;
    scope.postMessage({ type: 'analyse', id: req.id, result: ok({ plan: planExperiment(log, req.experiment), results: analyseExperiment(log, req.experiment, req.now) }) });
  } catch (e) {
    scope.postMessage({ type: 'analyse', id: req.id, result: err('internal', `The results could not be computed: ${message(e)}`) });
  }
};
