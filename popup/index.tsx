/** The popup's entry: finds which tab it is about and renders the app. No logic here. */
import { render } from 'preact';
import { App } from './app';
import { currentTabId } from './current-tab';

void currentTabId(new URLSearchParams(location.search)).then((tabId) => {
  render(<App tabId={tabId} />, document.getElementById('app')!);
});
