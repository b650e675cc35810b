export { ONET_RELEASE_FILES, openOnetRelease, readOnetRelease } from './onet-release.js';
export { type OnetReleaseInfo } from './onet-taxonomy.js';
