export type Message = { kind: 'ok' | 'error'; text: string };

/** The outcome of an action: announced politely when it worked, at once when it failed. */
export function Notice({ message }: { message?: Message }) {
  if (!message) return null;
  const failed = message.kind === 'error';
  return (
    <p role={failed ? 'alert' : 'status'} className={failed ? 'status-error' : 'success'}>
      {message.text}
    </p>
  );
}

export const failure = (text: string | undefined): Message | undefined => (text ? { kind: 'error', text } : undefined);
