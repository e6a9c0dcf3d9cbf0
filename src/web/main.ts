import { render } from 'preact';
import { html } from 'htm/preact';
import { App } from './app.js';
import './styles.css';

// Templates use htm rather than JSX so the front end type-checks with the project's one tsconfig.
render(html`<${App} />`, document.getElementById('app')!);
