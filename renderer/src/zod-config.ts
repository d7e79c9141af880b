import { z } from 'zod';

// zod probes `new Function` to compile fast parsers; the CSP forbids eval, so skip the probe (and
// the violation report it causes). Imported first by main.tsx, before any schema is built.
z.config({ jitless: true });
