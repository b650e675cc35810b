export {
  ONET_RELEASE_FILES,
  openOnetRelease,
  readOnetRelease,
  type OnetOptions,
} from './onet-release.js';
export { type OnetReleaseInfo } from './onet-taxonomy.js';
