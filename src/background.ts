/** The background worker's entry: wires message handlers and browser events. No logic here. */
import browser from 'webextension-polyfill';
import { handleMessages, handlePortRequests, type WorkerProtocol } from './protocol';
import { blockTexts } from './background/port-texts';
import { recordFrame, tabEntities, forgetTab } from './background/tab-results';
import { bundledIds, getDetails } from './background/details-store';
import { updateBadge } from './background/badge';
import { packDetails } from './background/pack-details';
import { forwardCommands } from './background/commands';
import { recompilePacks } from './packs/pack-store';
import { findPageMentions, prepareKnowledge, watchKnowledge } from './background/page-linker';
import { prepareOnPageLoads } from './background/wake-on-page-load';
import { forgetSteps, stepInTab } from './background/step-mentions';
import { pruneOnLoads, pruneTab } from './background/live-frames';

const details = async (ids: string[]) => ({ details: await getDetails(ids, await packDetails()) });

handleMessages<WorkerProtocol>({
  getDetails: (req) => details(req.ids),
  async bundledIds(req) {
    return { known: await bundledIds(req.ids) };
  },
  async getTabEntities(req) {
    // Only what the tab's frames still show: the tab may have moved on without a word.
    await pruneTab(req.tabId);
    return tabEntities(req.tabId);
  },
  async stepInTab(req) {
    return { ok: await stepInTab(req.tabId, req.entityId) };
  },
});

// A tab connects as its content script starts, before it has read its settings and the page: the
// index loads meanwhile (a tab where Gloss is off closes the port at once).
handlePortRequests({
  findMentions(req, sender) {
    return findPageMentions(blockTexts(sender, req.ids, req.texts), new Map(req.corrections), req.reload === true, sender.url);
  },
  async reportEntities(req, sender) {
    const found = await recordFrame(sender.tab!.id!, sender.frameId ?? 0, req);
    await updateBadge(sender.tab!.id!, found);
    return { ok: true };
  },
  getDetails: (req) => details(req.ids),
}, prepareKnowledge);
watchKnowledge();
prepareOnPageLoads(prepareKnowledge);
pruneOnLoads();
browser.tabs.onRemoved.addListener((tabId) => {
  forgetSteps(tabId);
  void forgetTab(tabId);
});
forwardCommands();
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'update') recompilePacks().catch((e: unknown) => console.warn('Gloss could not recompile the knowledge packs:', e));
});
