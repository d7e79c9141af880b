import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PlaygroundStatus } from '../../../common/contract/playground.js';
import '../i18n/i18n.js';
import { SandboxHelp } from './SandboxHelp.js';

const missing: PlaygroundStatus = {
  state: 'docker-missing',
  message: 'Docker, which runs code safely, is not installed on this computer, so code cannot run here yet.',
  help: 'Meanwhile you can read lessons and take quizzes. Whoever looks after this computer (its admin) can fix it.',
  fix: 'Install Docker (on Debian: apt-get install docker.io), start it, then run `lionlearn doctor`.',
  runtime: 'python-3.11',
  image: 'lionlearn-sandbox/python-3.11:abc',
  canRun: false,
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ');

describe('why code cannot run', () => {
  it('tells a learner what still works and who fixes it, with no command to run', () => {
    const words = text(renderToStaticMarkup(<SandboxHelp status={missing} admin={false} />));
    expect(words).toMatch(/read lessons/);
    expect(words).toMatch(/admin/);
    expect(words).not.toMatch(/apt-get|sudo|install docker/i);
  });

  it('gives an unlocked admin the fix', () => {
    const words = text(renderToStaticMarkup(<SandboxHelp status={missing} admin />));
    expect(words).toMatch(/For the admin: .*apt-get install docker\.io/);
  });
});
