export {
  escoReleaseFiles,
  openEscoRelease,
  readEscoRelease,
  type EscoOptions,
  type EscoRelease,
  type IscoGroup,
} from './esco-release.js';
