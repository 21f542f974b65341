/** Type-only door to the common catalog's ids, so data modules can name reasons without bundling texts. */
export type { CommonMessageId } from './vi';
export type { MessageParams } from '../format';
