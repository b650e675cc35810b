export { buildApp } from './app.js';
export { closeGracefully } from './shutdown.js';
