import { launchGloss, pointOf, restOn, cardText } from '../test/e2e/support/browser';
for (const scheme of ['light', 'dark'] as const) {
  const g = await launchGloss({ colorScheme: scheme });
  const page = await g.newPage('/seed-article.html');
  await page.waitForFunction(() => performance.getEntriesByName('gloss:annotate').length > 0);
  await restOn(page, await pointOf(page, 'article p:nth-of-type(3)', 'Krebs'));
  for (let i = 0; i < 50 && !((await cardText(page)) ?? '').includes('Christopher'); i++) await page.waitForTimeout(100);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `docs/card-${scheme}.png` });
  await g.close();
}
