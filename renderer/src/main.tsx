import './zod-config.js';
import './i18n/i18n.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Trans } from 'react-i18next';
import { i18next } from './i18n/i18n.js';
import { App } from './App.js';
import { installBridge } from './transport/install-bridge.js';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

if (installBridge() === 'missing-token') {
  root.render(
    <main className="status status-error" role="alert">
      <h1>{i18next.t('missingToken.heading')}</h1>
      <p>
        <Trans i18nKey="missingToken.body" components={{ code: <code /> }} />
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
