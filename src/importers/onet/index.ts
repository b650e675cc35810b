export { ONET_RELEASE_FILES, openOnetRelease, readOnetRelease } from './onet-release.js';
export { onetTaxonomy, readMeInfo, type OnetReleaseInfo } from './onet-taxonomy.js';
