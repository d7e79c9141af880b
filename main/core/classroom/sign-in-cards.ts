/** What one printed card tells a learner. `password` is null when the account existed (its password stands). */
export interface SignInCard {
  name: string;
  email: string;
  password: string | null;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value on a card came from a CSV someone else wrote: it is text, never markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * A standalone HTML page of sign-in cards, several to a printed page, none split across pages. No script, no
 * remote resource: it opens and prints the same on a machine with no network.
 */
export function signInCardsHtml({
  serverUrl,
  className,
  cards,
}: {
  serverUrl: string;
  className: string | null;
  cards: SignInCard[];
}): string {
  const card = ({ name, email, password }: SignInCard) => `<section class="card">
  <h2>${escapeHtml(name || email)}</h2>
  <dl>
    <dt>Class server</dt><dd>${escapeHtml(serverUrl)}</dd>
    <dt>Email</dt><dd>${escapeHtml(email)}</dd>
    <dt>Password</dt><dd>${password === null ? '<em>your existing password</em>' : `<code>${escapeHtml(password)}</code>`}</dd>
  </dl>
  <p>In Lionagi Learn: Settings, Sync, sign in with these${className ? `; you are in the class ${escapeHtml(className)}` : ''}. Change the password once signed in.</p>
</section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Lionagi Learn sign-in cards</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 1rem; color: #111; background: #fff; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0.75rem; }
  .card { border: 1px dashed #555; padding: 0.75rem 1rem; break-inside: avoid; page-break-inside: avoid; }
  .card h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2rem 0.75rem; margin: 0; }
  dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
  code { font-size: 1.1rem; letter-spacing: 0.05em; }
  p { font-size: 0.85rem; margin: 0.5rem 0 0; }
  @media print { body { margin: 0; } .cards { grid-template-columns: 1fr 1fr; } }
</style>
</head>
<body>
<h1>Sign-in cards${className ? ` for ${escapeHtml(className)}` : ''}</h1>
<div class="cards">
${cards.map(card).join('\n')}
</div>
</body>
</html>
`;
}
