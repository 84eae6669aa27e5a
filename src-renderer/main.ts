import { mount } from 'svelte';
import App from './App.svelte';
import { api } from './lib/api.js';
import { applyLanguage, storedLanguage } from './lib/i18n/index.svelte.js';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The last language chosen paints first; the saved setting takes over once the core answers.
applyLanguage(storedLanguage());
mount(App, { target, props: { api } });
