/** The `result` element: its data and its judge, registered in ../../index.ts. */
export { element } from './element';
export { match } from './match';
