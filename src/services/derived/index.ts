export { ChangeFeed } from './change-feed.js';
export { type Derivation, DerivedView } from './derived-view.js';
