import { AppError } from '../domain/index.js';
import { guideFormats, type GuideFormat } from '../guides/index.js';
import { negotiate } from './negotiate.js';

const mediaTypeOf = (format: GuideFormat): string =>
  guideFormats[format].contentType.split(';')[0] as string;

const formatByMediaType = new Map(
  (Object.keys(guideFormats) as GuideFormat[]).map((f) => [mediaTypeOf(f), f] as const),
);

/** Media types a guide is offered in, HTML first: it is what a client naming none gets. */
const guideMediaTypes: readonly string[] = [...formatByMediaType.keys()];

/**
 * The guide format an Accept header asks for; `not_acceptable` (406) when it accepts none.
 * @example guideFormatFor('text/markdown') === 'md'
 */
export const guideFormatFor = (accept: string | undefined): GuideFormat => {
  const chosen = negotiate(accept, guideMediaTypes);
  if (chosen === undefined) {
    throw new AppError(
      'not_acceptable',
      `A guide is available as ${guideMediaTypes.join(', ')}; the Accept header allows none of them.`,
      [{ field: 'headers.accept', message: `not one of ${guideMediaTypes.join(', ')}` }],
    );
  }
  return formatByMediaType.get(chosen) as GuideFormat;
};
