/**
 * content-wake.js: the top frame's first script, at document_start. It only wakes the worker
 * (`wakeWorker`), so that a worker stopped while the reader was away is ready by the time content.js
 * runs, at document_idle, and sends the page's text. No settings are read here: a site where Gloss is
 * off gets the same wake-up its content.js gave the worker before (its port opens before the settings
 * are read), only earlier.
 */
import { wakeWorker } from '../src/protocol';

try {
  wakeWorker();
} catch (e) {
  // The extension was updated or removed under this page: content.js will say so, if it runs.
  console.warn('Gloss could not wake its worker:', e);
}
