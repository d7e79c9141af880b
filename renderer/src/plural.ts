import { counted } from '../../common/plural.js';

export { counted };

export const lessonsLabel = (n: number) => counted(n, 'lesson');
