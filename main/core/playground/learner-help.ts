/**
 * What a learner reads while code cannot run: what still works and who can fix it. A learner on a
 * shared machine can neither install Docker nor run sudo, so the admin's commands stay out of it
 * (they are in `fix`, shown by `lionlearn doctor` and to an unlocked admin).
 */
export const WHILE_CODE_CANNOT_RUN =
  'Meanwhile you can read lessons, take quizzes and write your code here; it is kept and runs once this is fixed. ' +
  'Whoever looks after this computer (its admin) can fix it: `lionlearn doctor` shows them how.';
