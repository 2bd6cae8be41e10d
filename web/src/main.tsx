import { render } from 'preact';
import { client } from './client.js';
import { listen, start } from './events.js';
import { changed, state } from './store.js';
import { App } from './ui/App.js';
import './styles.css';

listen();
render(<App />, document.getElementById('app')!);

if (await client.restore()) {
  void start().catch(() => changed());
} else {
  state.phase = 'signed-out';
  changed();
}
