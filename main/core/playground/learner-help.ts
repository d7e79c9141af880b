import { say } from '../../../common/i18n/message.js';

/**
 * What a learner reads while code cannot run: what still works and who can fix it. A learner on a
 * shared machine can neither install Docker nor run sudo, so the admin's commands stay out of it
 * (they are in `fix`, shown by `lionlearn doctor` and to an unlocked admin).
 */
export const WHILE_CODE_CANNOT_RUN = say('while-code-cannot-run');
