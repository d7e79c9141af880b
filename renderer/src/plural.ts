import { counted } from '../../common/plural.js';

export { counted };
