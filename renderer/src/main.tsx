import './zod-config.js';
import './i18n/i18n.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { installBridge } from './transport/install-bridge.js';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

if (installBridge() === 'missing-token') {
  root.render(
    <main className="status status-error" role="alert">
      <h1>Open the link from the terminal</h1>
      <p>
        This page needs the link that <code>lionlearn serve</code> (or <code>npm start</code>) printed; it carries the
        access token for this session.
      </p>
    </main>,
  );
} else {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
